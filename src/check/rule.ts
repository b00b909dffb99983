import type { Diagnostic } from "../diagnostics.js";
import type { Locate, OtherPeriods, RawFile, Report } from "../model/index.js";
import type { Statistics } from "../model/statistics.js";

export interface RuleContext {
  report: Report;
  locate: Locate;
  /** The report's figures, indexed once for every rule. */
  statistics: Statistics;
  /** Other periods of the report's series (`{{n "id" period=…}}`, the indicator table's previous values). */
  others: OtherPeriods;
}

/** A named check over a valid Report; returns diagnostics, never prints or throws. */
export interface Rule {
  name: string;
  run(ctx: RuleContext): Diagnostic[];
}

/** A named check of one data file's values, run on every file that parsed, whether or not it is valid. */
export interface FileRule {
  name: string;
  run(raw: RawFile): Diagnostic[];
}

export function at(
  ctx: RuleContext,
  file: string,
  dataPath: ReadonlyArray<string | number>,
  code: string,
  severity: Diagnostic["severity"],
  message: string,
  offset?: number,
): Diagnostic {
  const pos = ctx.locate(file, dataPath, offset);
  return { code, severity, file, line: pos.line, col: pos.col, message, dataPath };
}
