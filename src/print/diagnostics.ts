/** Diagnostics as text (with code frames), JSON, GitHub workflow annotations or SARIF 2.1.0. */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ChalkInstance } from "chalk";
import { BLANK_CODES, blankCount } from "../check/blanks.js";
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
  errors: number;
  warnings: number;
  /** How the text line names what was checked: years, while every folder is a year in the data root. */
  noun: "năm" | "kỳ";
}

export function summarize(years: string[], diagnostics: readonly Diagnostic[], onlyYears = true): Summary {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return { years, errors, warnings: diagnostics.length - errors, noun: onlyYears ? "năm" : "kỳ" };
}

export function summaryLine(s: Summary): string {
  return `Đã kiểm tra ${s.years.length} ${s.noun} (${s.years.join(", ") || "không có"}): ${s.errors} lỗi, ${s.warnings} cảnh báo.`;
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

/** `chalk` is passed in only when the terminal shows colour, so plain runs never load it. */
export function formatText(diagnostics: readonly Diagnostic[], summary: Summary, options: { chalk?: ChalkInstance; source: (file: string) => string | undefined }): string {
  const c = options.chalk;
  let out = "";
  let previousCompact = false;
  // Each file split into lines once, however many findings it has.
  const lineCache = new Map<string, readonly string[] | undefined>();
  const linesOf = (file: string) => {
    if (!lineCache.has(file)) lineCache.set(file, options.source(file)?.split("\n"));
    return lineCache.get(file);
  };
  for (const d of diagnostics) {
    const head = formatDiagnostic(d);
    const colored = c ? head.replace(/(lỗi|cảnh báo) (DV\d+)/, (_m, sev: string, code: string) => (sev === "lỗi" ? c.red.bold(`${sev} ${code}`) : c.yellow.bold(`${sev} ${code}`))) : head;
    // A draft's checklist reads as a list: one line per blank or stale period, no code frame.
    const compact = CHECKLIST_CODES.has(d.code);
    const frame = compact ? [] : codeFrame(linesOf(d.file), d.line, d.col);
    if (out) out += compact && previousCompact ? "\n" : "\n\n";
    out += [colored, ...(c ? frame.map((l) => c.dim(l)) : frame)].join("\n");
    previousCompact = compact;
  }
  const count = blankCount(diagnostics);
  return [out, [count, summaryLine(summary)].filter(Boolean).join("\n")].filter(Boolean).join("\n\n");
}

/** A stable shape, documented in docs/commands.md: bump `version` when it changes. */
export function formatJson(diagnostics: readonly Diagnostic[], summary: Summary): string {
  return JSON.stringify(
    {
      version: 1,
      summary: { years: summary.years, errors: summary.errors, warnings: summary.warnings },
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
  const lines = diagnostics.map(
    (d) => `::${d.severity === "error" ? "error" : "warning"} file=${prop(d.file)},line=${d.line},col=${d.col},title=${prop(d.code)}::${esc(d.message)}`,
  );
  lines.push(`::notice title=danvan check::${esc(summaryLine(summary))}`);
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
            level: d.severity === "error" ? "error" : "warning",
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
