/** The helpers prose may call. Each returns Markdown: numbers and citations escaped, footnotes as [^id]. */
import { formatCount, formatDate, formatNumber, formatPercent, lowerFirst } from "../text/format.js";
import type { OtherPeriods, Report } from "../model/index.js";
import { statisticsOfPeriod } from "../model/other-period.js";
import type { Window } from "../model/period.js";
import type { HashValue } from "../model/prose-syntax.js";
import { citation, type RegisterEntry } from "../model/register.js";
import type { Statistics } from "../model/statistics.js";
import { escapeMarkdown } from "./escape.js";
import type { ProseHelperFn } from "./prose.js";

/** Names and arities of the prose helpers; `check` reads prose with the same list. */
export const PROSE_HELPERS = ["fn", "n", "ratio", "pct", "doc", "docsummary", "window"] as const;
export type ProseHelper = (typeof PROSE_HELPERS)[number];

/** Helpers that take no id: `{{window}}`. Every other takes exactly one. */
export const HELPERS_WITHOUT_ID: ReadonlySet<string> = new Set(["window"]);

/** `từ ngày 15/12/2021 đến ngày 14/6/2022`: what {{window}} prints (the prose writes "Số liệu tính {{window}}."). */
export function windowText(w: Window): string {
  return `từ ngày ${formatDate(w.from)} đến ngày ${formatDate(w.to)}`;
}

/** Why {{window}} has nothing to print, or undefined. */
export function windowProblem(report: Report): string | undefined {
  return report.period.window ? undefined : `báo cáo ${report.period.id} không có khung thời gian số liệu (báo cáo chuyên đề: ghi period.window trong report.yaml), nên {{window}} không có gì để in`;
}

export interface HelperContext {
  report: Report;
  statistics: Statistics;
  /** Other periods of the series, for `period=`. */
  others: OtherPeriods;
  register: Map<string, RegisterEntry>;
  footnotes: ReadonlySet<string>;
  zeroPadCounts: boolean;
}

export class HelperError extends Error {}

export function proseHelpers(ctx: HelperContext): Record<ProseHelper, ProseHelperFn> {
  const entry = (id: string): RegisterEntry => {
    const e = ctx.register.get(id);
    if (!e) throw new HelperError(`không có văn bản "${id}" trong documents.yaml`);
    return e;
  };
  // `period="2021-h1"`: the figure as that period of the series has it.
  const statsFor = (hash: Record<string, HashValue>): Statistics => {
    if (hash.period === undefined) return ctx.statistics;
    const found = statisticsOfPeriod(ctx.report, ctx.statistics, ctx.others, hash.period);
    if (!found.ok) throw new HelperError(found.message);
    return found.statistics;
  };
  return {
    fn(id) {
      if (!ctx.footnotes.has(id)) throw new HelperError(`không có chú thích "${id}"`);
      return `[^${id}]`;
    },
    n(id, hash) {
      const stats = statsFor(hash);
      const value = stats.value(id);
      const decimals = stats.decimals(id);
      // A figure with declared decimals prints at exactly those (12,50 tỷ đồng); a count never pads then.
      return escapeMarkdown(decimals > 0 ? formatNumber(value, decimals) : formatCount(value, ctx.zeroPadCounts && hash.pad !== false));
    },
    ratio(id, hash) {
      const { part, whole } = statsFor(hash).ratioParts(id);
      return `${formatNumber(part)}/${formatNumber(whole)}`;
    },
    pct(id, hash) {
      const { value, decimals } = statsFor(hash).rate(id);
      return formatPercent(value, decimals);
    },
    doc(id, hash) {
      return escapeMarkdown(citation(entry(id), { date: hash.date !== false, type: hash.type !== false }));
    },
    docsummary(id) {
      return escapeMarkdown(lowerFirst(entry(id).doc.summary));
    },
    window() {
      const problem = windowProblem(ctx.report);
      if (problem) throw new HelperError(problem);
      return escapeMarkdown(windowText(ctx.report.period.window!));
    },
  };
}
