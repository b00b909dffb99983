/**
 * The report period: one typed value (kind, year, index, cut-off window), read from its id here and nowhere
 * else. A period id is what names a period folder, what every command takes where it once took a year, and
 * what a series key is written in:
 *
 *   2022        year              window 15/12/2021 – 14/12/2022
 *   2022-h1     first six months  15/12/2021 – 14/6/2022        (2022-h2: 15/6 – 14/12/2022)
 *   2022-9m     nine months       15/12/2021 – 14/9/2022
 *   2022-q3     a quarter         15/6/2022 – 14/9/2022          (the 15th of the month before it to the 14th of its last)
 *   2022-06     a month           15/5/2022 – 14/6/2022
 *   dan-van-kheo-2022             a thematic (chuyên đề) or ad hoc (đột xuất) report: a free id, no default window
 *
 * The windows are Nghị định 09/2019/NĐ-CP's as provincial rules transcribe them; a series moves the cut-off
 * day (`series.yaml`, `window.endDay`), a report states its own (`period.window` in report.yaml).
 */
import { formatDate, parseIsoDate } from "../text/format.js";

export type PeriodicKind = "year" | "half" | "nine-months" | "quarter" | "month";
export type FreeKind = "thematic" | "ad-hoc";
export type PeriodKind = PeriodicKind | FreeKind;

export const PERIOD_KINDS: readonly PeriodKind[] = ["year", "half", "nine-months", "quarter", "month", "thematic", "ad-hoc"];

/** The days a report's figures are counted over, both included (ISO dates). */
export interface Window {
  from: string;
  to: string;
}

export interface Period {
  /** The canonical spelling: `2022`, `2022-h1`, `2022-9m`, `2022-q3`, `2022-06`, or the free id. */
  readonly id: string;
  readonly kind: PeriodKind;
  /** Periodic kinds only. */
  readonly year?: number;
  /** half 1–2, quarter 1–4, month 1–12; a year and nine months have none. */
  readonly index?: number;
  /** The cut-off window; a free-id report has one only when its report.yaml states it. */
  readonly window?: Window;
}

/** The years a report period may name (schemas/report.schema.json bounds `period.from`/`to` the same way). */
export const PERIOD_YEARS = { min: 1945, max: 2200 } as const;

/** Where figures are cut off when nothing else is said: the 14th of the period's last month. */
export const DEFAULT_END_DAY = 14;

export const MAX_FREE_ID = 64;

/** A free id has a letter: `21` is a year mistyped, not a theme. */
const FREE_ID = /^(?=[a-z0-9-]*[a-z])[a-z0-9]+(-[a-z0-9]+)*$/;

/** How the periods are written, for messages: one place, so every message says the same. */
export const PERIOD_SPELLING =
  "năm (2022), 6 tháng (2022-h1, 2022-h2), 9 tháng (2022-9m), quý (2022-q1 … 2022-q4), tháng (2022-01 … 2022-12), hoặc mã của báo cáo chuyên đề (chữ thường không dấu, số, gạch ngang, ví dụ dan-van-kheo-2022)";

export type ParsedPeriod = { ok: true; period: Period } | { ok: false; message: string; suggestion?: string };

/**
 * The one reading of a period id. `2022-H1`, `2022-6`, `2022-m09` are refused with the spelling to use; an id
 * of four digits and a short tail that names no kind (`2022-q5`, `2022-h3`, `2022-13`) is refused rather than
 * taken for a thematic id.
 */
export function parsePeriod(text: string, endDay = DEFAULT_END_DAY): ParsedPeriod {
  const exact = periodic(text, endDay);
  if (exact) return exact;
  const lower = text.toLowerCase();
  if (/^\d{4}(-[a-z0-9]{1,3})?$/.test(lower)) {
    const near = nearMiss(lower);
    const fixed = near.suggestion ? periodic(near.suggestion, endDay) : undefined;
    if (fixed?.ok) return { ok: false, message: `kỳ "${text}" viết chưa đúng: viết "${near.suggestion}"`, suggestion: near.suggestion };
    if (fixed && !fixed.ok) return fixed;
    return { ok: false, message: `kỳ "${text}" không ứng với loại báo cáo nào${near.why ? ` (${near.why})` : ""}; kỳ viết là ${PERIOD_SPELLING}` };
  }
  if (FREE_ID.test(text) && text.length <= MAX_FREE_ID) return { ok: true, period: { id: text, kind: "thematic" } };
  if (FREE_ID.test(lower) && lower.length <= MAX_FREE_ID) return { ok: false, message: `mã kỳ "${text}" chỉ dùng chữ thường: viết "${lower}"`, suggestion: lower };
  return { ok: false, message: `kỳ "${text}" không hợp lệ; kỳ viết là ${PERIOD_SPELLING}` };
}

/** Canonical periodic ids; undefined for anything else, a refusal for a canonical shape out of range. */
function periodic(text: string, endDay: number): ParsedPeriod | undefined {
  const m = /^(\d{4})(?:-(h[12]|9m|q[1-4]|0[1-9]|1[0-2]))?$/.exec(text);
  if (!m) return undefined;
  // Any four digits read (a folder 3000/ made by a benchmark is a year); a period is only *made* within
  // PERIOD_YEARS (requireNewPeriod).
  const year = Number(m[1]);
  const tail = m[2];
  let kind: PeriodicKind;
  let index: number | undefined;
  if (!tail) kind = "year";
  else if (tail === "9m") kind = "nine-months";
  else if (tail[0] === "h") [kind, index] = ["half", Number(tail[1])];
  else if (tail[0] === "q") [kind, index] = ["quarter", Number(tail[1])];
  else [kind, index] = ["month", Number(tail)];
  const period: Period = { id: text, kind, year, ...(index !== undefined ? { index } : {}) };
  return { ok: true, period: { ...period, window: defaultWindow(period, endDay) } };
}

/** What a clerk probably meant by a near-miss (`2022-H1`, `2022-6`, `2022-m9`, `2022-9t`), or why it names nothing. */
function nearMiss(lower: string): { suggestion?: string; why?: string } {
  const [year, tail] = lower.split("-");
  if (tail === undefined) return {};
  if (/^h\d$/.test(tail)) return /^h[12]$/.test(tail) ? { suggestion: `${year}-${tail}` } : { why: "nửa năm là h1 hoặc h2" };
  if (/^q\d$/.test(tail)) return /^q[1-4]$/.test(tail) ? { suggestion: `${year}-${tail}` } : { why: "quý là q1 đến q4" };
  const month = /^[mt]?(\d{1,2})$/.exec(tail);
  if (month) {
    const m = Number(month[1]);
    return m >= 1 && m <= 12 ? { suggestion: `${year}-${String(m).padStart(2, "0")}` } : { why: "tháng là 01 đến 12" };
  }
  if (/^9(t|th)$/.test(tail)) return { suggestion: `${year}-9m` };
  if (/^\dm$/.test(tail)) return { why: "kỳ lũy kế nhiều tháng chỉ có 9 tháng (9m); 6 tháng là h1" };
  return {};
}

export class PeriodError extends Error {}

/** Why a command may not make this period (`new`, `import`), or undefined: its year is one a report's period can name. */
export function newPeriodProblem(p: Period): string | undefined {
  if (!isPeriodic(p) || (p.year >= PERIOD_YEARS.min && p.year <= PERIOD_YEARS.max)) return undefined;
  return `kỳ "${p.id}": năm phải gồm 4 chữ số, từ ${PERIOD_YEARS.min} đến ${PERIOD_YEARS.max}`;
}

export function isPeriodic(p: Period): p is Period & { year: number } {
  return p.year !== undefined;
}

/** The calendar months a periodic kind covers within its year. */
export function monthsOf(p: Period): { first: number; last: number } | undefined {
  if (!isPeriodic(p)) return undefined;
  const i = p.index ?? 1;
  switch (p.kind) {
    case "year":
      return { first: 1, last: 12 };
    case "half":
      return i === 1 ? { first: 1, last: 6 } : { first: 7, last: 12 };
    case "nine-months":
      return { first: 1, last: 9 };
    case "quarter":
      return { first: 3 * i - 2, last: 3 * i };
    case "month":
      return { first: i, last: i };
    default:
      return undefined;
  }
}

/**
 * The default window of a periodic period: from the day after `endDay` of the month before its first month
 * to `endDay` of its last month (a day past a month's end is its last day: `endDay: 31` is the calendar).
 * `years` stretches a yearly report over a giai đoạn (2017 – 2021: 15/12/2016 – 14/12/2021).
 */
export function defaultWindow(p: Period, endDay = DEFAULT_END_DAY, years?: { from: number; to: number }): Window | undefined {
  const months = monthsOf(p);
  if (!months || !isPeriodic(p)) return undefined;
  const fromYear = years?.from ?? p.year;
  const toYear = years?.to ?? p.year;
  const end = cutoff(toYear, months.last, endDay);
  const before = months.first === 1 ? cutoff(fromYear - 1, 12, endDay) : cutoff(fromYear, months.first - 1, endDay);
  return { from: nextDay(before), to: end };
}

/** The calendar days a periodic period names: what a window stated for it must end inside. */
export function calendarSpan(p: Period, years?: { from: number; to: number }): Window | undefined {
  const months = monthsOf(p);
  if (!months || !isPeriodic(p)) return undefined;
  return { from: iso(years?.from ?? p.year, months.first, 1), to: iso(years?.to ?? p.year, months.last, daysIn(years?.to ?? p.year, months.last)) };
}

/** The same period a year earlier (`2022-h1` → `2021-h1`); a free-id report has none. */
export function samePeriodLastYear(p: Period, endDay = DEFAULT_END_DAY): Period | undefined {
  if (!isPeriodic(p) || p.year - 1 < PERIOD_YEARS.min) return undefined;
  return withYear(p, p.year - 1, endDay);
}

/** The period of the same kind and index in another year. */
export function withYear(p: Period & { year: number }, year: number, endDay = DEFAULT_END_DAY): Period {
  const id = `${year}${p.id.slice(4)}`;
  const parsed = parsePeriod(id, endDay);
  if (!parsed.ok) throw new PeriodError(parsed.message);
  return parsed.period;
}

export function withWindow(p: Period, window: Window | undefined): Period {
  const { window: _old, ...rest } = p;
  return window ? { ...rest, window } : rest;
}

/** Earlier first: by year, then by the last month covered; free ids after, by id. */
export function comparePeriods(a: Period, b: Period): number {
  const ma = monthsOf(a);
  const mb = monthsOf(b);
  if (ma && mb) return a.year! - b.year! || ma.last - mb.last || ma.first - mb.first;
  if (ma) return -1;
  if (mb) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** `năm 2022`, `6 tháng đầu năm 2022`, `9 tháng đầu năm 2022`, `quý III năm 2022`, `tháng 6 năm 2022`, `kỳ dan-van-kheo`. */
export function periodName(p: Period): string {
  if (!isPeriodic(p)) return `kỳ ${p.id}`;
  switch (p.kind) {
    case "year":
      return `năm ${p.year}`;
    case "half":
      return `6 tháng ${p.index === 1 ? "đầu" : "cuối"} năm ${p.year}`;
    case "nine-months":
      return `9 tháng đầu năm ${p.year}`;
    case "quarter":
      return `quý ${ROMAN[p.index! - 1]} năm ${p.year}`;
    default:
      return `tháng ${p.index} năm ${p.year}`;
  }
}

/** The kind in words, for messages: `báo cáo 6 tháng`. */
export const KIND_NAMES: Record<PeriodKind, string> = {
  year: "báo cáo năm",
  half: "báo cáo 6 tháng",
  "nine-months": "báo cáo 9 tháng",
  quarter: "báo cáo quý",
  month: "báo cáo tháng",
  thematic: "báo cáo chuyên đề",
  "ad-hoc": "báo cáo đột xuất",
};

export const ROMAN = ["I", "II", "III", "IV"] as const;

/** A period key of a series (`2019`, `2019-q1`) → its year; undefined for a key that names no period. */
export function periodKeyYear(key: string): number | undefined {
  const parsed = periodic(key, DEFAULT_END_DAY);
  return parsed?.ok ? parsed.period.year : undefined;
}

/** Whether window `inner` lies within `outer`, both ends included. */
export function windowWithin(inner: Window, outer: Window): boolean {
  return inner.from >= outer.from && inner.to <= outer.to;
}

export function inWindow(date: string, w: Window): boolean {
  return date >= w.from && date <= w.to;
}

/** Months between two periods' last months: how far `new` moves a window stated by hand. */
export function monthsBetween(from: Period, to: Period): { start: number; end: number } | undefined {
  const a = monthsOf(from);
  const b = monthsOf(to);
  if (!a || !b) return undefined;
  const y = to.year! - from.year!;
  return { start: 12 * y + b.first - a.first, end: 12 * y + b.last - a.last };
}

/** An ISO date moved by whole months, its day kept (clamped to the month's length: 31/5 + 1 month is 30/6). */
export function addMonths(date: string, months: number): string {
  const d = parseIsoDate(date);
  if (!d) return date;
  const total = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return iso(year, month, Math.min(d.day, daysIn(year, month)));
}

function cutoff(year: number, month: number, endDay: number): string {
  return iso(year, month, Math.min(endDay, daysIn(year, month)));
}

function nextDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  if (d < daysIn(y, m)) return iso(y, m, d + 1);
  return m < 12 ? iso(y, m + 1, 1) : iso(y + 1, 1, 1);
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** What report.yaml says of its period (`period:`): the years it speaks for, and its kind and window when stated. */
export interface StatedPeriod {
  kind?: PeriodKind;
  from: number;
  to: number;
  window?: Window;
}

/**
 * A report's period: kind and index from its folder's id (a free id takes `thematic`, or `ad-hoc` when the report
 * says so), the window as report.yaml states it, else the kind's default over the years it speaks for, cut off
 * on the series' day. Whether the stated kind and window fit the folder is for `check` to say.
 */
export function reportPeriod(folder: Period, stated: StatedPeriod, endDay = DEFAULT_END_DAY): Period {
  if (!isPeriodic(folder)) return withWindow({ ...folder, kind: stated.kind === "ad-hoc" ? "ad-hoc" : "thematic" }, stated.window);
  return withWindow(folder, stated.window ?? defaultWindow(folder, endDay, { from: stated.from, to: stated.to }));
}

/**
 * The date a draft without its own yet is stamped with (DOCX and PDF metadata), the same each build: its
 * year's first day; a free-id report's window's first day, else 2000-01-01.
 */
export function draftDate(p: Period): string {
  if (isPeriodic(p)) return `${p.year}-01-01`;
  return p.window?.from ?? "2000-01-01";
}

/**
 * A periodic period moved by whole months (`2023-03` + 12 → `2024-03`, `2022-q4` + 3 → `2023-q1`), when its kind
 * can move that far: a quarter by threes, a half by sixes, a year or nine months by twelves.
 */
export function shiftPeriod(p: Period, months: number, endDay = DEFAULT_END_DAY): Period | undefined {
  const m = monthsOf(p);
  if (!m || !isPeriodic(p)) return undefined;
  const step = p.kind === "month" ? 1 : p.kind === "quarter" ? 3 : p.kind === "half" ? 6 : 12;
  if (months % step !== 0) return undefined;
  const total = p.year * 12 + (m.last - 1) + months;
  const year = Math.floor(total / 12);
  const last = (total % 12) + 1;
  const tail = p.kind === "month" ? `-${String(last).padStart(2, "0")}` : p.kind === "quarter" ? `-q${last / 3}` : p.kind === "half" ? `-h${last / 6}` : p.id.slice(4);
  const parsed = parsePeriod(`${year}${tail}`, endDay);
  return parsed.ok ? parsed.period : undefined;
}


/** `từ ngày 15/12/2021 đến ngày 14/6/2022`: what {{window}} prints (the prose writes "Số liệu tính {{window}}."). */
export function windowText(w: Window): string {
  return `từ ngày ${formatDate(w.from)} đến ngày ${formatDate(w.to)}`;
}

/** Why {{window}} has nothing to print, or undefined. */
export function windowProblem(p: Period): string | undefined {
  return p.window ? undefined : `báo cáo ${p.id} không có khung thời gian số liệu (báo cáo chuyên đề: ghi period.window trong report.yaml), nên {{window}} không có gì để in`;
}
