/** Stage 3: the named rules, run in order over a valid Report. */
import type { Diagnostic } from "../diagnostics.js";
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
import { textRules } from "./text.js";

/** Rules on one file at a time, run on every file that parsed. */
export const fileRules: FileRule[] = [...textRules];

/** Rules across files, over a valid Report. */
export const rules: Rule[] = [...referenceRules, ...wholeFigureRules, ...figureRules, ...documentRules, ...structureRules, ...periodRules, ...indicatorRules];

/** Rules that still mean something when some section files are invalid and left out. */
export const partialRules: Rule[] = [...figureRules, ...documentRules, ...periodRules];

export function checkReport(report: Report, locate: Locate, only: readonly Rule[] = rules, others: OtherPeriods = NO_OTHER_PERIODS): Diagnostic[] {
  const statistics = new Statistics(report);
  return only.flatMap((rule) => rule.run({ report, locate, statistics, others }));
}

export function checkFiles(files: readonly RawFile[], only: readonly FileRule[] = fileRules): Diagnostic[] {
  return files.filter((f) => f.value !== undefined).flatMap((raw) => only.flatMap((rule) => rule.run(raw)));
}
