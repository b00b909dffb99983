/** The helpers prose may call. Each returns Markdown: numbers and citations escaped, footnotes as [^id]. */
import { formatCount, formatNumber, formatPercent, lowerFirst } from "../text/format.js";
import { citation, type RegisterEntry } from "../model/register.js";
import type { Statistics } from "../model/statistics.js";
import { escapeMarkdown } from "./escape.js";
import type { ProseHelper } from "../model/prose-syntax.js";
import type { ProseHelperFn } from "./prose.js";

export interface HelperContext {
  statistics: Statistics;
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
  return {
    fn(id) {
      if (!ctx.footnotes.has(id)) throw new HelperError(`không có chú thích "${id}"`);
      return `[^${id}]`;
    },
    n(id, hash) {
      const value = ctx.statistics.value(id);
      const decimals = ctx.statistics.decimals(id);
      // A figure with declared decimals prints at exactly those (12,50 tỷ đồng); a count never pads then.
      return escapeMarkdown(decimals > 0 ? formatNumber(value, decimals) : formatCount(value, ctx.zeroPadCounts && hash.pad !== false));
    },
    ratio(id) {
      const { part, whole } = ctx.statistics.ratioParts(id);
      // Each at the decimals of the figure it is, as {{n "id.part"}} prints it: 12,5/50,5, never 13/51.
      return `${formatNumber(part, ctx.statistics.decimals(`${id}.part`))}/${formatNumber(whole, ctx.statistics.decimals(`${id}.whole`))}`;
    },
    pct(id) {
      const { value, decimals } = ctx.statistics.rate(id);
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
  };
}
