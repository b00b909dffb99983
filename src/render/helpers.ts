/** The helpers prose may call. Each returns Markdown: numbers and citations escaped, footnotes as [^id]. */
import { formatCount, formatNumber, formatPercent, lowerFirst } from "../format/vi.js";
import { citation, type RegisterEntry } from "../register.js";
import type { Statistics } from "../statistics.js";
import { escapeMarkdown } from "./escape.js";

/** Names and arities of the prose helpers; `check` reads prose with the same list. */
export const PROSE_HELPERS = ["fn", "n", "ratio", "pct", "doc", "docsummary"] as const;
export type ProseHelper = (typeof PROSE_HELPERS)[number];

interface HelperOptions {
  hash?: Record<string, unknown>;
}

export interface HelperContext {
  statistics: Statistics;
  register: Map<string, RegisterEntry>;
  footnotes: ReadonlySet<string>;
  zeroPadCounts: boolean;
}

export class HelperError extends Error {}

export function proseHelpers(ctx: HelperContext): Record<ProseHelper, (...args: unknown[]) => string> {
  const arg = (name: string, args: unknown[]): { id: string; hash: Record<string, unknown> } => {
    const options = args[args.length - 1] as HelperOptions;
    const positional = args.slice(0, -1);
    if (positional.length !== 1 || typeof positional[0] !== "string") {
      throw new HelperError(`{{${name}}} cần đúng một mã trong dấu ngoặc kép, ví dụ {{${name} "ma-so"}}`);
    }
    return { id: positional[0], hash: options.hash ?? {} };
  };
  const entry = (id: string): RegisterEntry => {
    const e = ctx.register.get(id);
    if (!e) throw new HelperError(`không có văn bản "${id}" trong documents.yaml`);
    return e;
  };
  return {
    fn(...args) {
      const { id } = arg("fn", args);
      if (!ctx.footnotes.has(id)) throw new HelperError(`không có chú thích "${id}"`);
      return `[^${id}]`;
    },
    n(...args) {
      const { id, hash } = arg("n", args);
      return escapeMarkdown(formatCount(ctx.statistics.value(id), ctx.zeroPadCounts && hash.pad !== false));
    },
    ratio(...args) {
      const { id } = arg("ratio", args);
      const { part, whole } = ctx.statistics.ratioParts(id);
      return `${formatNumber(part)}/${formatNumber(whole)}`;
    },
    pct(...args) {
      const { id } = arg("pct", args);
      const { value, decimals } = ctx.statistics.rate(id);
      return formatPercent(value, decimals);
    },
    doc(...args) {
      const { id, hash } = arg("doc", args);
      return escapeMarkdown(citation(entry(id), { date: hash.date !== false, type: hash.type !== false }));
    },
    docsummary(...args) {
      const { id } = arg("docsummary", args);
      return escapeMarkdown(lowerFirst(entry(id).doc.summary));
    },
  };
}
