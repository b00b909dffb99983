/** `danvan check`: the periods to visit checked (after `--fix`, when asked), and their findings in the format asked for. */
import type { ChalkInstance } from "chalk";
import { CODES, type Diagnostic } from "../diagnostics.js";
import { letSignalsIn } from "../io/cleanup.js";
import { readyPoint } from "../io/ready.js";
import { checkYear, yearsToVisit } from "../pipeline.js";
import { formatGithub, formatJson, formatSarif, formatText, isToFill, summarize, type DiagnosticFormat, type Summary } from "../print/diagnostics.js";

export interface CheckOptions {
  dataRoot: string;
  /** The periods (or series) named on the command line; none means every period under the data root. */
  years: readonly string[];
  fix?: boolean;
  format: DiagnosticFormat;
  /** `check --draft`: a draft's blanks are places to fill (notes), not errors; everything else still is. */
  draft?: boolean;
  /** Colours for the text format (a terminal that wants them). */
  chalk?: ChalkInstance;
}

export interface CheckOutcome {
  /** What `--fix` changed, one line per change. */
  fixed: string[];
  /** The findings, in the format asked for. */
  report: string;
  diagnostics: Diagnostic[];
  summary: Summary;
  /** Errors found (a draft's blanks among them, unless checked with `draft`). */
  failed: boolean;
}

export async function checkYears(options: CheckOptions): Promise<CheckOutcome> {
  const visit = yearsToVisit(options.dataRoot, options.years);
  const fixed = options.fix ? (await import("./fix-years.js")).fixYears(options.dataRoot, visit.folders) : [];
  // Folders of the data root named almost like a period come first: errors of the root itself.
  const diagnostics: Diagnostic[] = [...visit.diagnostics];
  // Code frames quote only what was loaded (regular files inside the data root), never a file read again.
  const sources = new Map<string, string>();
  for (const folder of visit.folders) {
    await letSignalsIn();
    await readyPoint("check");
    const checked = checkYear(options.dataRoot, folder);
    diagnostics.push(...(options.draft ? checked.diagnostics.map((d) => (isToFill(d) && d.severity === "error" ? { ...d, severity: "note" as const } : d)) : checked.diagnostics));
    for (const f of checked.files) sources.set(f.file, f.text);
  }
  const onlyYears = visit.folders.every((f) => f.series === "" && f.period.kind === "year");
  const summary = summarize(visit.folders.map((f) => f.dir), diagnostics, onlyYears);
  const report =
    options.format === "json"
      ? formatJson(diagnostics, summary)
      : options.format === "github"
        ? formatGithub(diagnostics, summary)
        : options.format === "sarif"
          ? formatSarif(diagnostics, CODES)
          : formatText(diagnostics, summary, { chalk: options.chalk, source: (file) => sources.get(file) });
  // A blank fails a check unless the period is checked as a draft.
  const failed = summary.errors > 0 || (!options.draft && diagnostics.some((d) => isToFill(d) && d.severity === "error"));
  return { fixed, report, diagnostics, summary, failed };
}
