/** `danvan fmt`: every data file of the years to visit in the canonical layout (commands/fmt.ts), or, with `check`, the list of those that are not. */
import type { Diagnostic } from "../diagnostics.js";
import { loadYear, sourceText } from "../load/index.js";
import { yearsToVisit } from "../pipeline.js";
import { writeFileAtomic } from "../write/atomic.js";
import { formatYears, type FormatOutcome } from "./fmt.js";

/** Files that were found but never opened (not regular, outside the data root, a broken link). */
const NOT_READ = new Set(["DV112", "DV113", "DV114"]);

export interface FmtOutcome extends FormatOutcome {
  /** Files fmt never opened, reported as check reports them, so fmt --check cannot call canonical a year check refuses. */
  notRead: Diagnostic[];
  /** How many files were looked at. */
  files: number;
}

export function fmtYears(dataRoot: string, named: readonly string[], check: boolean): FmtOutcome {
  const visit = yearsToVisit(dataRoot, named);
  const notRead: Diagnostic[] = [...visit.diagnostics];
  const seen = new Set<string>();
  // Only files that loaded are formatted; a pipe, a device or an outside link is never opened. A series'
  // series.yaml is loaded with each of its periods and formatted once.
  const files = visit.folders.flatMap((folder) => {
    // Read with every guarantee, parsed once, by the formatter itself: a 4 MiB file is not parsed twice.
    const loaded = loadYear(dataRoot, folder.dir, { textOnly: true });
    notRead.push(...loaded.diagnostics.filter((d) => NOT_READ.has(d.code)));
    return loaded.files.filter((f) => (f.text !== "" || f.value !== undefined) && !seen.has(f.file) && seen.add(f.file)).map((f) => ({ file: f.file, kind: f.kind }));
  });
  const outcome = formatYears(files, check, writeFileAtomic, (f) => sourceText(f, dataRoot));
  return { ...outcome, notRead, files: files.length };
}
