/**
 * A unit's figure far from what the same unit reported the same period a year before (model/units.ts
 * previousPeriod): a warning with the ratio, so the clerk asks the unit before the sum goes into the report
 * (1.611 typed for 16, a figure in the wrong row).
 */
import type { Diagnostic } from "../diagnostics.js";
import { previousUnitReport } from "../load/index.js";
import type { RawFile } from "../model/index.js";
import type { PeriodFolder } from "../load/periods.js";
import { periodName, previousFolder, previousPeriod, type UnitReport } from "../model/units.js";
import { formatCount, formatNumber } from "../text/format.js";
import { cellName } from "./sum.js";

/** Five times more, or five times less, than the period before. */
export const OUTLIER_FACTOR = 5;
/** Below this on both sides a change is small in itself (2 hội nghị after none is no mistake to chase). */
export const OUTLIER_FLOOR = 10;

export function outlierDiagnostics(dataRoot: string, folder: Pick<PeriodFolder, "dir" | "period">, files: readonly RawFile[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const before = previousPeriod(folder.period.id);
  const beforeDir = previousFolder(folder.dir, folder.period.id);
  if (before === undefined || beforeDir === undefined) return out;
  for (const raw of files) {
    if (raw.kind !== "unit") continue;
    const report = raw.value as UnitReport | undefined;
    // Unvalidated: a file whose shape is wrong has its own schema errors, and no figure to compare.
    if (!report || typeof report.unit !== "string" || !report.figures || typeof report.figures !== "object" || typeof report.source?.file !== "string") continue;
    const previous = previousUnitReport(dataRoot, beforeDir, report.unit);
    if (!previous) continue;
    for (const [key, figure] of Object.entries(report.figures)) {
      const now = figure?.value;
      const then = previous.figures[key]?.value;
      if (typeof now !== "number" || typeof then !== "number" || Math.max(now, then) < OUTLIER_FLOOR) continue;
      const ratio = then === 0 ? Infinity : now / then;
      if (ratio < OUTLIER_FACTOR && ratio > 1 / OUTLIER_FACTOR) continue;
      const change =
        then === 0 ? `kỳ trước là 0` : now === 0 ? `kỳ trước là ${formatCount(then, false)}` : ratio >= 1 ? `gấp ${formatNumber(ratio, 1)} lần kỳ trước (${formatCount(then, false)})` : `bằng ${formatNumber(ratio, 2)} lần kỳ trước (${formatCount(then, false)})`;
      const pos = raw.locate(["figures", key, "value"]);
      out.push({
        code: "DV750",
        severity: "warning",
        file: raw.file,
        line: pos.line,
        col: pos.col,
        message: `${cellName(report, figure)}: "${key}" là ${formatCount(now, false)}, ${change} ${periodName(before)}: hãy hỏi lại đơn vị trước khi dùng`,
      });
    }
  }
  return out;
}
