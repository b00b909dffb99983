/** Vietnamese presentation of numbers and dates, as official documents write them. */

/** Round half away from zero at `decimals`, immune to binary artefacts such as 91.375 → 91.37499999. */
/** What the report prints where the signed register printed no real date: a gap, not a draft's blank. */
export const BLANK = "…";

/**
 * Where a draft's value is still to be filled (build-report --draft): a C0 control, which no data text and no
 * template can hold (check refuses them: DV377, DV402), so it names a blank and nothing else. The parse
 * stage turns each into a node of role `blank` (parse/draft.ts), which the writers mark visibly.
 */
export const BLANK_MARK = "\u0001";

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.sign(value) * Math.round(Math.abs(value) * factor * (1 + Number.EPSILON)) / factor;
}

/**
 * `5648145` → `5.648.145`; `16.3` with 1 decimal → `16,3`: thousands with dots, decimals with a comma, as
 * Intl.NumberFormat("vi-VN") writes them — done by hand because creating that formatter costs more than a
 * whole `danvan check` of the data.
 */
export function formatNumber(value: number, decimals = 0): string {
  // A draft's blank figure (build-report --draft): printed as a gap to fill, never as a number.
  if (Number.isNaN(value)) return BLANK_MARK;
  const fixed = Math.abs(roundTo(value, decimals)).toFixed(decimals);
  const [int, frac] = fixed.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${value < 0 && Number(fixed) !== 0 ? "-" : ""}${grouped}${frac ? `,${frac}` : ""}`;
}

/** A change: `+2,3`, `-1,0`, `0,0` (no sign for no change). */
export function formatSigned(value: number, decimals = 0): string {
  const text = formatNumber(value, decimals);
  return value > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}

/** Counts 1–9 written `06` as this report does before a noun; never for rates, years or money. */
export function formatCount(value: number, zeroPad: boolean): string {
  if (zeroPad && Number.isInteger(value) && value >= 1 && value <= 9) return `0${value}`;
  return formatNumber(value, Number.isInteger(value) ? 0 : decimalsOf(value));
}

/** `92.3` → `92,3%`: no space before the sign. */
export function formatPercent(value: number, decimals = 0): string {
  return `${formatNumber(value, decimals)}%`;
}

export function decimalsOf(value: number): number {
  const s = String(value);
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Parses `YYYY-MM-DD` and rejects dates that are not on the calendar (2021-02-30). */
export function parseIsoDate(iso: string): CalendarDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

function requireDate(iso: string): CalendarDate {
  const d = parseIsoDate(iso);
  if (!d) throw new RangeError(`not a calendar date: ${iso}`);
  return d;
}

/** Day below 10 and months 1–2 are zero-padded (Hướng dẫn 36-HD/VPTW; NĐ 30/2020). */
function dayPart(day: number): string {
  return String(day).padStart(2, "0");
}

function monthPart(month: number): string {
  return month <= 2 ? String(month).padStart(2, "0") : String(month);
}

/** `2018-03-14` → `14/3/2018`; `2019-01-30` → `30/01/2019`; `2019-07-05` → `05/7/2019`. */
export function formatDate(iso: string): string {
  if (iso === "") return BLANK_MARK;
  const d = requireDate(iso);
  return `${dayPart(d.day)}/${monthPart(d.month)}/${d.year}`;
}

/** `2021-11-25` → `ngày 25 tháng 11 năm 2021`. */
export function formatLongDate(iso: string): string {
  if (iso === "") return `ngày ${BLANK_MARK} tháng ${BLANK_MARK} năm ${BLANK_MARK}`;
  const d = requireDate(iso);
  return `ngày ${dayPart(d.day)} tháng ${monthPart(d.month)} năm ${d.year}`;
}

/** Vietnamese capitals: `Báo cáo` → `BÁO CÁO`. */
export function upper(text: string): string {
  return text.toLocaleUpperCase("vi");
}

/**
 * First letter lower-cased, as a summary reads inside a sentence — only when the first word is written in
 * sentence case (one capital, then small letters: "Thực hiện" → "thực hiện"). A word with another capital
 * is an abbreviation or written in capitals ("UBND tỉnh", "HĐND", "COVID-19", "TP. Phan Thiết") and stays.
 */
export function lowerFirst(text: string): string {
  const first = /^[^\s.,;:()/–-]*/u.exec(text)![0];
  const chars = [...first];
  if (chars.length === 0 || !/\p{Lu}/u.test(chars[0]) || chars.slice(1).some((c) => /\p{Lu}|\p{Lt}/u.test(c))) return text;
  // A capital standing alone before a dot is an initial or an abbreviation ("A. Kế hoạch", "Q. Giám đốc").
  if (chars.length === 1 && text[1] === ".") return text;
  return chars[0].toLocaleLowerCase("vi") + text.slice(chars[0].length);
}
