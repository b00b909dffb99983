/**
 * `{{n "id" period="2021-h1"}}`: a figure of another period of the report's series. One reading of the option
 * for `check` (which reports what is wrong at the call) and `render` (which refuses the same call).
 */
import type { OtherPeriods, Report } from "./index.js";
import { parsePeriod, type Period } from "./period.js";
import type { HashValue } from "./prose-syntax.js";
import type { Statistics } from "./statistics.js";

/** Where no other period can be read (a report checked or rendered on its own). */
export const NO_OTHER_PERIODS: OtherPeriods = (period) => ({ ok: false, missing: true, message: `không đọc được kỳ ${period.id} (báo cáo được đọc riêng, không có thư mục dữ liệu)` });

export type PeriodStatistics = { ok: true; statistics: Statistics; period: Period } | { ok: false; code: string; message: string };

export function statisticsOfPeriod(report: Report, own: Statistics, others: OtherPeriods, option: HashValue): PeriodStatistics {
  if (typeof option !== "string") return { ok: false, code: "DV807", message: `period= cần một kỳ trong dấu ngoặc kép, ví dụ period="2021-h1"; gặp ${String(option)}` };
  const parsed = parsePeriod(option, report.endDay);
  if (!parsed.ok) return { ok: false, code: "DV807", message: `period=: ${parsed.message}` };
  if (parsed.period.id === report.period.id) return { ok: true, statistics: own, period: report.period };
  const other = others(parsed.period);
  if (!other.ok) return { ok: false, code: other.missing ? "DV808" : "DV809", message: `period="${option}": ${other.message}` };
  return { ok: true, statistics: other.statistics, period: other.report.period };
}
