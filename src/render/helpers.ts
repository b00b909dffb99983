/** The helpers prose may call. Each returns Markdown: numbers and citations escaped, footnotes as [^id]. */
import { formatCount, formatNumber, formatPercent, lowerFirst } from "../text/format.js";
import type { OtherPeriods, Report } from "../model/index.js";
import { statisticsOfPeriod } from "../model/other-period.js";
import { windowProblem, windowText } from "../model/period.js";
import { citation, type RegisterEntry } from "../model/register.js";
import type { Statistics } from "../model/statistics.js";
import { escapeMarkdown } from "./escape.js";
import type { HashValue, ProseHelper } from "../model/prose-syntax.js";
import type { ProseHelperFn } from "./prose.js";

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
      const stats = statsFor(hash);
      const { part, whole } = stats.ratioParts(id);
      // Each at the decimals of the figure it is, as {{n "id.part"}} prints it: 12,5/50,5, never 13/51.
      return `${formatNumber(part, stats.decimals(`${id}.part`))}/${formatNumber(whole, stats.decimals(`${id}.whole`))}`;
    },
    pct(id, hash) {
      const { value, decimals } = statsFor(hash).rate(id);
      return formatPercent(value, decimals);
    },
    doc(id, hash) {
      return escapeMarkdown(citation(entry(id), { date: hash.date !== false, type: hash.type !== false }));
    },
    docsummary(id, hash) {
      // A summary that starts with a proper noun ("Mặt trận Tổ quốc…") is cited with lower=false: as written.
      const summary = entry(id).doc.summary;
      return escapeMarkdown(hash.lower === false ? summary : lowerFirst(summary));
    },
    window() {
      const problem = windowProblem(ctx.report.period);
      if (problem) throw new HelperError(problem);
      return escapeMarkdown(windowText(ctx.report.period.window!));
    },
  };
}
