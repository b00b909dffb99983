/** Diagnostics as text (with code frames), JSON, GitHub workflow annotations or SARIF 2.1.0. */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ChalkInstance } from "chalk";
import { BLANK_CODES, blankCount, TO_FILL_CODES } from "../check/blanks.js";
import { OLD_PERIOD_CODE } from "../check/old-period.js";
import { formatDiagnostic, type Diagnostic } from "../diagnostics.js";
import { stripControls } from "../io/terminal.js";
import { packageInfo, type PackageInfo } from "../package-info.js";

const CHECKLIST_CODES = new Set([...Object.values(BLANK_CODES), OLD_PERIOD_CODE]);

export type DiagnosticFormat = "text" | "json" | "github" | "sarif";
export const DIAGNOSTIC_FORMATS: DiagnosticFormat[] = ["text", "json", "github", "sarif"];

export interface Summary {
  /** The period folders checked, as named under the data root (`2021`, `bao-cao-6-thang/2022-h1`). */
  years: string[];
  /** Errors that are not a draft's blanks: what is to be fixed. */
  errors: number;
  warnings: number;
  /** A draft's places still to fill (DV500–DV502, a unit's missing figures DV744–DV746), errors or not. */
  blanks: number;
  /** "còn 132 số liệu, 48 văn bản … cần điền", when there are blanks. */
  toFill?: string;
  /** How the text line names what was checked: years, while every folder is a year in the data root. */
  noun: "năm" | "kỳ";
}

export function summarize(years: string[], diagnostics: readonly Diagnostic[], onlyYears = true): Summary {
  const blanks = diagnostics.filter(isToFill);
  const errors = diagnostics.filter((d) => d.severity === "error" && !isToFill(d)).length;
  const warnings = diagnostics.filter((d) => d.severity === "warning" && !isToFill(d)).length;
  return { years, errors, warnings, blanks: blanks.length, toFill: blankCount(blanks), noun: onlyYears ? "năm" : "kỳ" };
}

/** A draft's place still to fill, whatever its severity (an error, or a note under `check --draft`). */
export function isToFill(d: Diagnostic): boolean {
  return TO_FILL_CODES.has(d.code);
}

export function summaryLine(s: Summary): string {
  const checked = `Đã kiểm tra ${s.years.length} ${s.noun} (${s.years.join(", ") || "không có"})`;
  if (!s.blanks) return `${checked}: ${s.errors} lỗi, ${s.warnings} cảnh báo.`;
  return `${checked}: ${s.errors} lỗi, ${s.warnings} cảnh báo, ${s.blanks} chỗ cần điền.`;
}

/** "1 lỗi cần sửa; còn 132 số liệu … cần điền." — what a draft's clerk reads last. */
export function draftLine(s: Summary): string | undefined {
  if (!s.toFill) return undefined;
  return `${s.errors ? `${s.errors} lỗi cần sửa` : "Không có lỗi cần sửa"}; ${s.toFill}.`;
}

/** The offending line with a caret under the column, and one line of context before it. */
export function codeFrame(source: string | readonly string[] | undefined, line: number, col: number): string[] {
  if (source === undefined) return [];
  const lines = typeof source === "string" ? source.split("\n") : source;
  if (line < 1 || line > lines.length) return [];
  const out: string[] = [];
  const width = String(line).length;
  // Only the two lines shown are cleaned: a file of 4 MiB with a hundred findings is not scanned a hundred times.
  if (line > 1) out.push(`  ${String(line - 1).padStart(width)} | ${stripControls(lines[line - 2])}`);
  out.push(`> ${String(line).padStart(width)} | ${stripControls(lines[line - 1])}`);
  out.push(`  ${" ".repeat(width)} | ${" ".repeat(Math.max(0, col - 1))}^`);
  return out;
}

/**
 * `chalk` is passed in only when the terminal shows colour, so plain runs never load it. A draft's findings
 * are in three parts, each under its heading with its count: the errors to fix, the warnings, then the
 * checklist of blanks (one line each; report.yaml, the sections in report order, the register); a year
 * without blanks prints its findings as they come.
 */
export function formatText(diagnostics: readonly Diagnostic[], summary: Summary, options: { chalk?: ChalkInstance; source: (file: string) => string | undefined }): string {
  const c = options.chalk;
  // Each file split into lines once, however many findings it has.
  const lineCache = new Map<string, readonly string[] | undefined>();
  const linesOf = (file: string) => {
    if (!lineCache.has(file)) lineCache.set(file, options.source(file)?.split("\n"));
    return lineCache.get(file);
  };
  const list = (ds: readonly Diagnostic[]) => {
    let out = "";
    let previousCompact = false;
    for (const d of ds) {
      const head = formatDiagnostic(d);
      const colored = c ? head.replace(/(lỗi|cảnh báo|cần điền) (DV\d+)/, (_m, sev: string, code: string) => (sev === "lỗi" ? c.red.bold(`${sev} ${code}`) : sev === "cần điền" ? c.cyan.bold(`${sev} ${code}`) : c.yellow.bold(`${sev} ${code}`))) : head;
      // A draft's checklist reads as a list: one line per blank or stale period, no code frame.
      const compact = CHECKLIST_CODES.has(d.code);
      const frame = compact ? [] : codeFrame(linesOf(d.file), d.line, d.col);
      if (out) out += compact && previousCompact ? "\n" : "\n\n";
      out += [colored, ...(c ? frame.map((l) => c.dim(l)) : frame)].join("\n");
      previousCompact = compact;
    }
    return out;
  };
  const heading = (text: string) => (c ? c.bold(text) : text);
  const closing = [draftLine(summary), summaryLine(summary)].filter(Boolean).join("\n");
  if (!summary.blanks) return [list(diagnostics), closing].filter(Boolean).join("\n\n");
  const errors = diagnostics.filter((d) => d.severity === "error" && !isToFill(d));
  const warnings = diagnostics.filter((d) => d.severity === "warning" && !isToFill(d));
  const blanks = checklistOrder(diagnostics.filter(isToFill));
  const parts = [
    errors.length ? `${heading(`Lỗi cần sửa (${errors.length}):`)}\n\n${list(errors)}` : "",
    warnings.length ? `${heading(`Cảnh báo (${warnings.length}):`)}\n\n${list(warnings)}` : "",
    `${heading(`Còn phải điền (${blanks.length} chỗ):`)}\n${list(blanks)}`,
    closing,
  ];
  return parts.filter(Boolean).join("\n\n");
}

/**
 * The checklist in the order a clerk fills a report: each period's report.yaml, then its sections in report
 * order (their files' order), then its register, then anything else (a unit's file).
 */
export function checklistOrder(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const place = (file: string): [string, number] => {
    const f = file.replace(/\\/g, "/");
    const m = /^(.*?)\/?(report\.ya?ml|sections\/.*|documents\.ya?ml)$/.exec(f);
    if (!m) return [f, 3];
    return [m[1], m[2].startsWith("report.") ? 0 : m[2].startsWith("sections/") ? 1 : 2];
  };
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...diagnostics].sort((a, b) => {
    const [pa, ra] = place(a.file);
    const [pb, rb] = place(b.file);
    return cmp(pa, pb) || ra - rb || cmp(a.file, b.file) || a.line - b.line || a.col - b.col || cmp(a.code, b.code);
  });
}

/** A stable shape, documented in docs/commands.md: bump `version` when it changes. */
export function formatJson(diagnostics: readonly Diagnostic[], summary: Summary): string {
  return JSON.stringify(
    {
      version: 2,
      summary: { years: summary.years, errors: summary.errors, warnings: summary.warnings, blanks: summary.blanks },
      diagnostics: diagnostics.map(({ code, severity, file, line, col, message }) => ({ code, severity, file, line, col, message })),
    },
    null,
    2,
  );
}

/** GitHub shows only the first 10 annotations of a step: the closing notice carries the total. */
export function formatGithub(diagnostics: readonly Diagnostic[], summary: Summary): string {
  const esc = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const prop = (s: string) => esc(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
  // Under `check --draft` a blank is no annotation: a draft's hundred blanks would bury its one error; the
  // closing notice counts them.
  const lines = diagnostics.filter((d) => d.severity !== "note").map(
    (d) => `::${d.severity === "error" ? "error" : "warning"} file=${prop(d.file)},line=${d.line},col=${d.col},title=${prop(d.code)}::${esc(d.message)}`,
  );
  lines.push(`::notice title=danvan check::${esc([summaryLine(summary), draftLine(summary)].filter(Boolean).join(" "))}`);
  return lines.join("\n");
}

/**
 * Where SARIF's relative URIs start: the folder `check` ran in, which a consumer (GitHub code scanning: the
 * checkout) supplies. Left out of originalUriBaseIds, so the same data gives the same log on every machine.
 */
export const SARIF_BASE = "%SRCROOT%";

/**
 * A diagnostic's file as a SARIF artifactLocation: a URI reference, each path segment percent-encoded (a
 * data root named "dữ liệu #2 (100%)" is `d%E1%BB%AF%20li%E1%BB%87u%20%232%20(100%25)`), relative to
 * SARIF_BASE; an absolute path is a file: URI of its own.
 */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const slashed = file.split("\\").join("/");
  if (path.isAbsolute(file) || /^\/|^[A-Za-z]:\//.test(slashed)) return { uri: pathToFileURL(file).href };
  return { uri: slashed.split("/").map((segment) => (segment === "." || segment === ".." ? segment : encodeURIComponent(segment))).join("/"), uriBaseId: SARIF_BASE };
}

export function formatSarif(diagnostics: readonly Diagnostic[], rules: ReadonlyMap<string, string>, pkg: PackageInfo = packageInfo()): string {
  const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
  return JSON.stringify(
    {
      $schema: "https://json.schemastore.org/sarif-2.1.0.json",
      version: "2.1.0",
      runs: [
        {
          tool: {
            driver: {
              name: "danvan",
              version: pkg.version,
              // The package's own homepage or repository (package.json); left out rather than made up.
              ...(pkg.url ? { informationUri: pkg.url } : {}),
              rules: codes.map((id) => ({ id, shortDescription: { text: rules.get(id) ?? id } })),
            },
          },
          results: diagnostics.map((d) => ({
            ruleId: d.code,
            level: d.severity === "error" ? "error" : d.severity === "note" ? "note" : "warning",
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifactLocation(d.file),
                  region: { startLine: d.line, startColumn: d.col },
                },
              },
            ],
          })),
        },
      ],
    },
    null,
    2,
  );
}
