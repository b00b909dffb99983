/**
 * The indicator table periodic reports attach — STT | Chỉ tiêu | ĐVT | Kỳ này | Cùng kỳ năm trước | So sánh (%) —
 * computed once from a section's `indicators:` block: each row's figure in this period and in the same period a
 * year before (read from that period's folder, or `previous` where the series has no folder for it), and the
 * comparison (a count as this / previous × 100, a rate in percentage points). `check` reports the problems and
 * `render` prints the numbers of this one reading, so the two never disagree.
 */
import type { Indicator, OtherPeriods, Report } from "./index.js";
import { periodName, samePeriodLastYear, type Period } from "./period.js";
import { FigureError, type Statistics } from "./statistics.js";
import { formatNumber, roundTo } from "../text/format.js";

export interface IndicatorProblem {
  code: string;
  severity: "error" | "warning";
  message: string;
  /** Below the row's own path: ["previous"] for a stated previous value. */
  at: string[];
}

export interface IndicatorRow {
  figure: string;
  label: string;
  unit: string;
  /** A ratio's or a percent's rate (compared in points), or a count (compared as a percentage). */
  kind: "count" | "rate";
  decimals: number;
  current: number;
  previous?: number;
  /** count: current / previous × 100; rate: current − previous. Undefined where a count's previous is 0. */
  comparison?: number;
  problems: IndicatorProblem[];
}

/** Decimals a comparison is printed with: 112,5 (%), +2,3 (points) at the rate's own decimals, at least one. */
export const COMPARISON_DECIMALS = 1;

export function indicatorRows(report: Report, statistics: Statistics, others: OtherPeriods, items: readonly Indicator[]): IndicatorRow[] {
  const last = samePeriodLastYear(report.period, report.endDay);
  return items.map((item) => indicatorRow(statistics, others, last, typeof item === "string" ? { figure: item } : item));
}

function indicatorRow(statistics: Statistics, others: OtherPeriods, last: Period | undefined, item: Exclude<Indicator, string>): IndicatorRow {
  const problems: IndicatorProblem[] = [];
  const fail = (code: string, message: string, at: string[] = []) => problems.push({ code, severity: "error", message, at });
  const [id, ...parts] = item.figure.split(".");
  const entry = statistics.byId.get(id);
  const row: IndicatorRow = { figure: item.figure, label: item.label ?? "", unit: item.unit ?? "", kind: "count", decimals: 0, current: Number.NaN, problems };
  if (!entry) {
    fail("DV313", `không có số liệu "${id}"`);
    return row;
  }
  const rate = parts.length === 0 && (entry.stat.kind === "ratio" || entry.stat.kind === "percent");
  row.kind = rate ? "rate" : "count";
  row.unit = item.unit ?? (rate ? "%" : (entry.stat.unit ?? ""));
  if (item.label === undefined) {
    if (parts.length === 0 && entry.stat.label) row.label = entry.stat.label;
    else fail("DV810", `dòng "${item.figure}" của bảng chỉ tiêu cần tên: ghi label cho dòng${parts.length ? "" : " hoặc cho số liệu"}`);
  }
  const read = (stats: Statistics): { value: number; decimals: number } => {
    if (rate) return stats.rate(id);
    return { value: stats.value(item.figure), decimals: stats.decimals(item.figure) };
  };
  try {
    const now = read(statistics);
    row.current = now.value;
    row.decimals = now.decimals;
  } catch (e) {
    if (!(e instanceof FigureError)) throw e;
    fail(e.code, e.message);
    return row;
  }
  row.previous = previousValue(row, item, rate, others, last, read, fail, problems);
  if (row.previous === undefined) return row;
  // Compared as printed, so a reader who redoes the sum from the two cells gets the third.
  const [now, then] = [roundTo(row.current, row.decimals), roundTo(row.previous, row.decimals)];
  if (rate) row.comparison = now - then;
  else if (then === 0) {
    problems.push({ code: "DV813", severity: "warning", message: `"${row.label || item.figure}": cùng kỳ năm trước bằng 0, không so sánh được theo phần trăm (cột So sánh in —)`, at: [] });
  } else row.comparison = (now / then) * 100;
  return row;
}

function previousValue(
  row: IndicatorRow,
  item: Exclude<Indicator, string>,
  rate: boolean,
  others: OtherPeriods,
  last: Period | undefined,
  read: (stats: Statistics) => { value: number },
  fail: (code: string, message: string, at?: string[]) => void,
  problems: IndicatorProblem[],
): number | undefined {
  const stated = item.previous;
  // A draft's previous value still to fill: printed as a gap, nothing to compare it with yet.
  if (stated !== undefined && Number.isNaN(stated)) return stated;
  if (!last) {
    if (stated === undefined) fail("DV811", `báo cáo chuyên đề không có cùng kỳ năm trước: ghi previous (số liệu cùng kỳ) cho dòng "${item.figure}"`);
    return stated;
  }
  const other = others(last);
  if (!other.ok) {
    if (!other.missing) {
      fail("DV809", `${other.message}; số liệu cùng kỳ (${periodName(last)}) đọc từ đó`);
      return undefined;
    }
    if (stated === undefined) fail("DV811", `không có số liệu cùng kỳ năm trước của "${item.figure}": ${other.message}; ghi previous (số liệu ${periodName(last)}) cho dòng này, hoặc tạo thư mục kỳ đó`);
    return stated;
  }
  let value: number;
  try {
    const [id] = item.figure.split(".");
    const there = other.statistics.byId.get(id)?.stat;
    if (!there) {
      // A figure that period did not keep: what its signed report printed is stated here, or it is missing.
      if (stated === undefined) fail("DV313", `${periodName(last)} không có số liệu "${id}": ghi previous (số liệu cùng kỳ) cho dòng này`);
      return stated;
    }
    if (rate !== (there.kind === "ratio" || there.kind === "percent")) {
      fail("DV816", `"${id}" là ${rate ? "một tỷ lệ" : "một số đếm"} ở kỳ này nhưng là ${rate ? "một số đếm" : "một tỷ lệ"} ở ${periodName(last)}: không so sánh được`);
      return undefined;
    }
    value = read(other.statistics).value;
  } catch (e) {
    if (!(e instanceof FigureError)) throw e;
    fail(e.code, `${periodName(last)}: ${e.message}`);
    return undefined;
  }
  if (Number.isNaN(value)) {
    fail("DV814", `số liệu "${item.figure}" của ${periodName(last)} còn trống (bản nháp): điền ở kỳ đó trước`);
    return undefined;
  }
  if (stated !== undefined && !sameAt(stated, value, row.decimals)) {
    const [said, has] = [formatNumber(stated, row.decimals), formatNumber(value, row.decimals)];
    problems.push({ code: "DV812", severity: "warning", message: `previous ghi ${said}, nhưng ${periodName(last)} có ${has}: bảng in ${said} như đã ghi; sửa một trong hai`, at: ["previous"] });
    return stated;
  }
  return stated ?? value;
}

/** Two figures that print alike at the row's decimals are the same figure. */
function sameAt(a: number, b: number, decimals: number): boolean {
  return Math.abs(a - b) < 0.5 * 10 ** -decimals;
}
