/**
 * A period made by `danvan new` keeps the earlier period's prose, title and labels as a draft. Wherever they
 * still name the earlier period — "giai đoạn 2017 - 2021" in a 2018 - 2022 report, "năm 2021" in a yearly
 * one, "6 tháng đầu năm 2022" in the 2023 six-month report, "quý IV/2022" in the first quarter's — `new`
 * moves the text, and `check` warns of any left (DV503) with the new wording, which `check --fix` writes.
 * One rule for every kind: a mention of the earlier period becomes the new period, written the way the
 * clerk wrote it (digits or words, `quý II năm` or `quý 2/`); across kinds (a yearly report drafted from the
 * nine-month one) it becomes the new period's own name. The register is left alone: its summaries quote
 * other documents' own periods.
 */
import { command } from "../text/command.js";
import type { Diagnostic } from "../diagnostics.js";
import type { RawFile } from "../model/index.js";
import { isPeriodic, periodName, ROMAN, type Period } from "../model/period.js";

export const OLD_PERIOD_CODE = "DV503";

/** A report's period as its text speaks of it: the typed period and the years of `period:` in report.yaml. */
export interface SpokenPeriod {
  period: Period;
  from: number;
  to: number;
}

/** `period:` of a report.yaml value, read without validation: its years. */
export function periodOf(value: unknown): { from: number; to: number } | undefined {
  const p = (value as { period?: { from?: unknown; to?: unknown } } | undefined)?.period;
  return p && Number.isInteger(p.from) && Number.isInteger(p.to) ? { from: p.from as number, to: p.to as number } : undefined;
}

export function spoken(period: Period, value: unknown): SpokenPeriod | undefined {
  const years = periodOf(value);
  return years ? { period, ...years } : undefined;
}

interface Mentions {
  re: RegExp;
  /** The words that take the place of one match. */
  now: (match: RegExpMatchArray) => string;
}

/** One way a text names a period: the regex source of a mention (no capture groups), and what it becomes. */
interface Mention {
  source: string;
  now: (text: string) => string;
}

const YEAR_WORD = "(?:năm|Năm|NĂM)\\s+";
/** "cùng kỳ năm 2021" names the year before the report's: it moves with the report, and is never its period. */
const SAME_PERIOD = "[Cc]ùng\\s+kỳ\\s+";
const lastYear = (text: string, year: number) => text.replace(/\d{4}$/, String(year));

/** The mentions of `old` a text may hold, and what each becomes in `current`; none when there is nothing to move. */
function mentions(old: SpokenPeriod, current: SpokenPeriod): Mentions | undefined {
  const o = old.period;
  const c = current.period;
  if (!isPeriodic(o) || !isPeriodic(c)) return undefined;
  const rules: Mention[] = [];
  if (o.kind === "year" && old.from !== old.to) {
    if (old.from === current.from && old.to === current.to) return undefined;
    rules.push({ source: `(?<![0-9])${old.from}\\s*[-–—]\\s*${old.to}(?![0-9])`, now: (t) => lastYear(t.replace(/^\d{4}/, String(current.from)), current.to) });
  } else {
    const oldYear = o.kind === "year" ? old.to : o.year;
    const newYear = c.kind === "year" && o.kind === "year" ? current.to : c.year;
    if (oldYear !== newYear) rules.push({ source: `(?<![\\p{L}])${SAME_PERIOD}${YEAR_WORD}${oldYear - 1}(?![0-9])`, now: (t) => lastYear(t, newYear - 1) });
    if (o.kind !== "year" && o.id !== c.id) {
      const phrase = phraseOf(o);
      rules.push({ source: `(?<![\\p{L}0-9])(?:${phrase.source})`, now: (t) => (o.kind === c.kind ? phrase.move(t, c) : withCase(periodName(c), t)) });
    }
    // The year alone: a yearly report's own period ("năm 2021"); in another kind's text ("kế hoạch năm 2022"), the year.
    const yearIsPeriod = o.kind === "year";
    if (yearIsPeriod ? !(c.kind === "year" && oldYear === newYear) : oldYear !== newYear) {
      rules.push({ source: `(?<![\\p{L}])(?<!${SAME_PERIOD})${YEAR_WORD}${oldYear}(?![0-9])`, now: (t) => (yearIsPeriod && c.kind !== "year" ? withCase(periodName(c), t) : lastYear(t, newYear)) });
    }
  }
  if (!rules.length) return undefined;
  const whole = rules.map((r) => new RegExp(`^(?:${r.source})$`, "iu"));
  return {
    re: new RegExp(rules.map((r) => `(?:${r.source})`).join("|"), "giu"),
    now: (m) => {
      const i = whole.findIndex((re) => re.test(m[0]));
      return i < 0 ? m[0] : rules[i].now(m[0]);
    },
  };
}

interface Phrase {
  /** The regex source of a mention of this period (no capture groups). */
  source: string;
  /** The mention rewritten for another period of the same kind, in the same wording. */
  move: (text: string, to: Period) => string;
}

function phraseOf(p: Period): Phrase {
  const y = String(p.year);
  const tail = `(?:\\s+năm\\s+|\\s*/\\s*)${y}(?![0-9])`;
  let source: string;
  let move: (text: string, to: Period) => string;
  const year = (text: string, to: Period) => text.replace(new RegExp(`${y}$`), String(to.year));
  switch (p.kind) {
    case "half":
      source = `(?:6|sáu)\\s+tháng\\s+${p.index === 1 ? "đầu" : "cuối"}${tail}`;
      move = (text, to) => year(text, to).replace(/đầu|cuối/iu, (w) => withCase(to.index === 1 ? "đầu" : "cuối", w));
      break;
    case "nine-months":
      source = `(?:9|chín)\\s+tháng(?:\\s+đầu)?${tail}`;
      move = year;
      break;
    case "quarter": {
      const i = p.index!;
      source = `quý\\s+(?:${ROMAN[i - 1]}|${i})(?![\\p{L}0-9])${tail}`;
      move = (text, to) =>
        year(text, to).replace(/(quý\s+)(\S+?)(?=\s|\/)/iu, (_all, lead: string, n: string) => `${lead}${/^\d$/.test(n) ? to.index : ROMAN[to.index! - 1]}`);
      break;
    }
    case "month": {
      const i = p.index!;
      source = `tháng\\s+0?${i}(?![0-9])${tail}`;
      move = (text, to) => year(text, to).replace(/(tháng\s+)(\d+)/iu, (_all, lead: string, n: string) => `${lead}${n.length === 2 ? String(to.index).padStart(2, "0") : to.index}`);
      break;
    }
    default:
      source = `năm\\s+${y}(?![0-9])`;
      move = year;
  }
  return { source, move };
}

/** `words` written with the case `like` starts with: `Sáu tháng` → `Năm 2022`, `NĂM` → `NĂM 2022`. */
function withCase(words: string, like: string): string {
  const letters = like.replace(/[^\p{L}]/gu, "");
  if (letters.length > 1 && letters === letters.toLocaleUpperCase("vi")) return words.toLocaleUpperCase("vi");
  const first = like.match(/\p{L}|\p{N}/u)?.[0] ?? "";
  return first !== first.toLocaleLowerCase("vi") ? words[0].toLocaleUpperCase("vi") + words.slice(1) : words;
}

/** What a mention is called in a message: `giai đoạn 2017 - 2021`, `năm 2021`, `6 tháng đầu năm 2022`. */
function spokenName(p: SpokenPeriod): string {
  if (p.period.kind === "year") return p.from === p.to ? `năm ${p.to}` : `giai đoạn ${p.from} - ${p.to}`;
  return periodName(p.period);
}

/** The text with every mention of the earlier period moved to the current one. */
export function movePeriod(text: string, old: SpokenPeriod, current: SpokenPeriod): string {
  const m = mentions(old, current);
  // replace() hands the match and its groups, then the offset and the whole text (the regexes name no groups).
  return m ? text.replace(m.re, (...args: unknown[]) => m.now(args.slice(0, -2) as unknown as RegExpMatchArray)) : text;
}

/** Each mention of the earlier period in a text, and what it becomes. */
export function periodMentions(text: string, old: SpokenPeriod, current: SpokenPeriod): Array<[string, string]> {
  const m = mentions(old, current);
  return m ? [...text.matchAll(m.re)].map((x) => [x[0], m.now(x)] as [string, string]) : [];
}

/** Files whose text speaks for this period: the identity and the sections, not the register. */
export function speaksForYear(raw: RawFile): boolean {
  return raw.kind === "report" || raw.kind === "section";
}

export function oldPeriodDiagnostics(
  files: readonly RawFile[],
  old: SpokenPeriod | undefined,
  current: SpokenPeriod | undefined,
  locate: (raw: RawFile, dataPath: ReadonlyArray<string | number>, offset: number) => { line: number; col: number },
): Diagnostic[] {
  const found = old && current ? mentions(old, current) : undefined;
  if (!found || !old || !current) return [];
  const out: Diagnostic[] = [];
  const before = old.period.kind === "year" ? "năm trước" : "kỳ trước";
  for (const raw of files) {
    if (!speaksForYear(raw) || raw.value === undefined) continue;
    const walk = (v: unknown, path: Array<string | number>) => {
      if (typeof v === "string") {
        for (const m of v.matchAll(found.re)) {
          const pos = locate(raw, path, m.index);
          out.push({
            code: OLD_PERIOD_CODE,
            severity: "warning",
            file: raw.file,
            line: pos.line,
            col: pos.col,
            message: `còn ghi ${spokenName(old)} của ${before} ("${m[0]}"); báo cáo này là ${spokenName(current)}: sửa thành "${found.now(m)}" (sửa tự động: ${command("check --fix")})`,
          });
        }
      } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) if (k !== "period") walk(x, [...path, k]);
    };
    walk(raw.value, []);
  }
  return out;
}
