/** Stage 3: the named rules, run in order over a valid Report. */
import type { Diagnostic } from "../diagnostics.js";
import { dataRoots, isUnder, setAt } from "../model/data-path.js";
import type { Locate, OtherPeriods, RawFile, Report } from "../model/index.js";
import { NO_OTHER_PERIODS } from "../model/other-period.js";
import { Statistics } from "../model/statistics.js";
import { figureRules, wholeFigureRules } from "./figures.js";
import { indicatorRules } from "./indicators.js";
import { periodRules } from "./periods.js";
import { referenceRules } from "./references.js";
import { documentRules } from "./register.js";
import type { FileRule, Rule } from "./rule.js";
import { structureRules } from "./structure.js";
import { tableRules } from "./tables.js";
import { textRules } from "./text.js";
import { valueRules, type InvalidValue } from "./values.js";

export { valueRules };

/** Rules on one file at a time, run on every file that parsed. */
export const fileRules: FileRule[] = [...textRules];

/** Rules across files, over a valid Report. */
export const rules: Rule[] = [...referenceRules, ...wholeFigureRules, ...figureRules, ...documentRules, ...structureRules, ...periodRules, ...indicatorRules, ...tableRules];

/** Rules that still mean something when some section files are invalid and left out. */
export const partialRules: Rule[] = [...figureRules, ...documentRules, ...periodRules];

/**
 * The value rules first (check/values.ts); every value they find invalid is stood in for before any other
 * rule runs, and what those rules say under it is dropped. No rule ever reads a value an earlier rule
 * refused: the mechanism is here, not in each rule.
 */
export function checkReport(report: Report, locate: Locate, only: readonly Rule[] = rules, others: OtherPeriods = NO_OTHER_PERIODS): Diagnostic[] {
  const invalid = valueRules.flatMap((rule) => [...rule.invalid(report)].map((v) => ({ rule, v })));
  const found: Diagnostic[] = invalid.map(({ rule, v }) => {
    const pos = locate(v.file, v.dataPath);
    return { code: rule.code, severity: "error", file: v.file, line: pos.line, col: pos.col, message: v.message, dataPath: v.dataPath };
  });
  const sound = invalid.length ? withStandIns(report, invalid.map((x) => x.v)) : report;
  const statistics = new Statistics(sound);
  const later = only.flatMap((rule) => rule.run({ report: sound, locate, statistics, others }));
  const refused = (d: Diagnostic) => d.dataPath !== undefined && invalid.some(({ v }) => v.file === d.file && isUnder(d.dataPath!, v.owner));
  return [...found, ...later.filter((d) => !refused(d))];
}

function withStandIns(report: Report, invalid: readonly InvalidValue[]): Report {
  const copy = structuredClone(report);
  const roots = dataRoots(copy);
  for (const v of invalid) setAt(roots.get(v.file), v.dataPath, v.standIn);
  return copy;
}

export function checkFiles(files: readonly RawFile[], only: readonly FileRule[] = fileRules): Diagnostic[] {
  return files.filter((f) => f.value !== undefined).flatMap((raw) => only.flatMap((rule) => rule.run(raw)));
}
