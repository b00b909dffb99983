/**
 * `import --figures`: numbers the document prints in two recognised shapes become typed statistics, each
 * with `stated` set to what was printed, so that `check` reports where the signed text contradicts itself.
 *   - `a/b … đạt tỷ lệ x%` → a `ratio` (part a, whole b, decimals of x), printed by `{{ratio}}` and `{{pct}}`;
 *   - `n <unit> … (label: x, label: y)` → a `breakdown` whose parts are x, y and whose stated total is n.
 * A figure is replaced only where danvan would print it back exactly as the document did; otherwise it
 * stays literal text.
 */
import type { Statistic } from "../model/index.js";
import { formatCount, formatNumber, formatPercent } from "../text/format.js";
import { slug, uniqueId } from "./text.js";

const NUM = String.raw`\d{1,3}(?:\.\d{3})*|\d+`;
const RATIO = new RegExp(String.raw`(?<![\d/.,])(${NUM})\/(${NUM})(?![\d/])([^{}%]{0,80}?đạt tỷ lệ )(\d+(?:,\d+)?)%`, "gu");
const BREAKDOWN = new RegExp(String.raw`(?<![\d/.,])(${NUM}) ((?:\p{L}+ ){0,4}?\p{L}+) \(([^(){}]+)\)`, "gu");
/** "khiếu nại: 1.611 đơn" or "cấp tỉnh 1.476 TTHC". */
const PART = new RegExp(String.raw`^\s*(\p{L}[\p{L} ]*?):? (${NUM})(?: (\p{L}+))?\s*$`, "u");

const number = (printed: string) => Number(printed.replace(/\./g, ""));

export interface FigureSink {
  statistics: Record<string, Statistic>;
  taken: Set<string>;
}

/** Rewrites the recognised figures of one prose string (never inside a `{{…}}`). */
export function typeFigures(text: string, sink: FigureSink): string {
  return text
    .split(/(\{\{[^}]*\}\})/)
    .map((part, i) => (i % 2 ? part : breakdowns(ratios(part, sink), sink)))
    .join("");
}

function ratios(text: string, sink: FigureSink): string {
  return text.replace(RATIO, (all, a: string, b: string, middle: string, x: string, at: number) => {
    const part = number(a);
    const whole = number(b);
    const decimals = x.includes(",") ? x.length - x.indexOf(",") - 1 : 0;
    const stated = Number(x.replace(",", "."));
    if (formatNumber(part) !== a || formatNumber(whole) !== b || formatPercent(stated, decimals) !== `${x}%` || whole === 0) return all;
    // Named from what is counted ("… 267/403 đơn tố cáo, đạt tỷ lệ …"), else from the words before it.
    const named = middle.replace(/đạt tỷ lệ $/u, "").trim() || text.slice(Math.max(0, at - 40), at).replace(/[^\p{L} ]+/gu, " ").trim().split(/\s+/).slice(-3).join(" ");
    const id = uniqueId(`ty-le-${slug(named, 3, 24)}`.replace(/-$/, ""), sink.taken);
    sink.statistics[id] = { kind: "ratio", part, whole, decimals, stated };
    return `{{ratio "${id}"}}${middle}{{pct "${id}"}}`;
  });
}

function breakdowns(text: string, sink: FigureSink): string {
  return text.replace(BREAKDOWN, (all, n: string, words: string, inside: string) => {
    const lead = /^trong đó:? /u.exec(inside)?.[0] ?? "";
    const items = inside.slice(lead.length).split(/[,;] /).map((s) => PART.exec(s));
    if (items.length < 2 || items.some((m) => !m)) return all;
    const parts: Record<string, number> = {};
    const keys: string[] = [];
    for (const m of items as RegExpExecArray[]) {
      const key = slug(m[1], 4, 30);
      if (!key || key in parts || formatCount(number(m[2]), false) !== m[2]) return all;
      parts[key] = number(m[2]);
      keys.push(key);
    }
    const total = number(n);
    if (formatCount(total, false) !== n) return all;
    const unit = words.split(" ")[0];
    const id = uniqueId(slug(words, 4, 30) || "so-lieu", sink.taken);
    sink.statistics[id] = { kind: "breakdown", unit, parts, stated: total };
    let k = 0;
    const rewritten =
      lead +
      inside
        .slice(lead.length)
        .split(/([,;] )/)
        .map((s, i) => (i % 2 ? s : s.replace(new RegExp(String.raw`(:? )(${NUM})(?=( \p{L}+)?\s*$)`, "u"), (_m, sep: string) => `${sep}{{n "${id}.${keys[k++]}"}}`)))
        .join("");
    return `{{n "${id}"}} ${words} (${rewritten})`;
  });
}
