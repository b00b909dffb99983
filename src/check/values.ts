/**
 * Rules on one value alone — a date on the calendar, a figure within its statistic's decimals. The rule
 * runner (check/index.ts) runs these first; a value found invalid is then stood in for, so no later rule
 * reads it (formats it, compares it, sums it), and whatever a later rule says under it is dropped: one
 * finding, at the value, and never a crash on it.
 */
import type { Report } from "../model/index.js";
import { decimalsMessage, figureSlots, fitsDecimals, slotDecimals } from "../model/statistics.js";
import { parseIsoDate } from "../text/format.js";

/** A value a value rule found invalid: where it is, why, and the neutral value later rules read instead. */
export interface InvalidValue {
  file: string;
  dataPath: Array<string | number>;
  message: string;
  /** Later rules say nothing under this path (the value itself, or the statistic it belongs to). */
  owner: Array<string | number>;
  standIn: unknown;
}

export interface ValueRule {
  name: string;
  code: string;
  invalid(report: Report): Iterable<InvalidValue>;
}

/** After every real date, so no document reads as dated after a report whose own date is not on the calendar. */
const REPORT_DATE_STAND_IN = "9999-12-31";
const DOCUMENT_DATE_STAND_IN = "1900-01-01";

/** Every date the data holds: the report's, and each register entry's. */
function* dates(report: Report): Iterable<{ file: string; dataPath: Array<string | number>; value: unknown; standIn: string }> {
  yield { file: report.identityFile, dataPath: ["date"], value: report.identity.date, standIn: REPORT_DATE_STAND_IN };
  for (const [gi, g] of report.register.groups.entries())
    for (const [ti, t] of g.types.entries())
      for (const [di, d] of t.documents.entries())
        // A document without a date has none to check (check/register.ts warns: DV335).
        if (d.date !== undefined) yield { file: report.registerFile, dataPath: ["groups", gi, "types", ti, "documents", di, "date"], value: d.date, standIn: DOCUMENT_DATE_STAND_IN };
}

const calendarDate: ValueRule = {
  name: "calendar-date",
  code: "DV351",
  *invalid(report) {
    for (const d of dates(report)) {
      if (typeof d.value === "string" && parseIsoDate(d.value)) continue;
      yield { ...d, owner: d.dataPath, message: `"${String(d.value)}" không phải là ngày có thật` };
    }
  },
};

/**
 * One decimals rule for every number a statistic holds (model/statistics.ts's figureSlots): parts, values,
 * a count, a stated total at any level, a stated rate, a percent.
 */
const declaredDecimals: ValueRule = {
  name: "declared-decimals",
  code: "DV372",
  *invalid(report) {
    for (const s of report.sections)
      for (const [id, stat] of Object.entries(s.statistics ?? {}))
        for (const slot of figureSlots(id, stat)) {
          if (typeof slot.value !== "number" || !Number.isFinite(slot.value)) continue;
          const d = slotDecimals(stat, slot.role);
          if (fitsDecimals(slot.value, d)) continue;
          yield {
            file: s.file,
            dataPath: ["statistics", id, ...slot.dataPath],
            owner: ["statistics", id],
            // Rounded to what the statistic declares, so sums and rates stay defined for the rules that follow.
            standIn: Number(slot.value.toFixed(d)),
            message: decimalsMessage(slot.figurePath, slot.value, d, slot.role),
          };
        }
  },
};

/** "Số 25-CT/TU", "số 25-CT/TU", "Số: 25-CT/TU", "SỐ 25": the word the report prints itself. */
const NUMBER_PREFIX = /^(s[ốố]|S[ốố]|SỐ|So|so|SO)(\s*[:.]\s*|\s+)(?=\S)/u;

/** Every number and symbol the data holds: the report's, and each register entry's. */
function* numbers(report: Report): Iterable<{ file: string; dataPath: Array<string | number>; value: unknown; printed: string }> {
  yield { file: report.identityFile, dataPath: ["number"], value: report.identity.number, printed: `Số ${report.identity.number}` };
  for (const [gi, g] of report.register.groups.entries())
    for (const [ti, t] of g.types.entries())
      for (const [di, d] of t.documents.entries()) yield { file: report.registerFile, dataPath: ["groups", gi, "types", ti, "documents", di, "number"], value: d.number, printed: `${t.type} số ${d.number}` };
}

/**
 * A number and symbol written with the word "Số" in front: the report prints "Số:" before its own and "số"
 * in every citation, so the data holds the number alone (`number: Số 25-CT/TU` would print "Chỉ thị số Số 25-CT/TU").
 */
const numberPrefix: ValueRule = {
  name: "number-prefix",
  code: "DV117",
  *invalid(report) {
    for (const n of numbers(report)) {
      if (typeof n.value !== "string") continue;
      const m = NUMBER_PREFIX.exec(n.value.normalize("NFC"));
      if (!m) continue;
      const bare = n.value.normalize("NFC").slice(m[0].length);
      yield { file: n.file, dataPath: n.dataPath, owner: n.dataPath, standIn: bare, message: `số ký hiệu viết cả chữ "${m[0].trim()}": báo cáo tự in chữ "số" trước số ký hiệu (sẽ in "${n.printed}"); viết number: ${bare}` };
    }
  },
};

export const valueRules: ValueRule[] = [calendarDate, declaredDecimals, numberPrefix];
