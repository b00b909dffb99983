/** Stated figures agree with what their parts give; parts fit their wholes; years fit the period. */
import { periodKeyYear } from "../model/period.js";
import type { Diagnostic } from "../diagnostics.js";
import { formatCount, formatPercent, roundTo } from "../text/format.js";
import type { Statistic } from "../model/index.js";
import { FigureError, figureSlots, type Statistics } from "../model/statistics.js";
import { at, type Rule } from "./rule.js";

/** A figure in a message as it is: 404,5 stays 404,5 (formatNumber alone rounds to a whole number). */
const exact = (value: number) => formatCount(value, false);

const statedTotals: Rule = {
  name: "stated-totals",
  run(ctx) {
    const stats = ctx.statistics;
    const out: Diagnostic[] = [];
    for (const s of ctx.report.sections) {
      for (const [id, stat] of Object.entries(s.statistics ?? {})) {
        const warn = (path: Array<string | number>, message: string) => out.push(at(ctx, s.file, ["statistics", id, ...path], "DV341", "warning", message));
        try {
          if ((stat.kind === "breakdown" || stat.kind === "series") && stat.stated !== undefined) {
            const derived = stats.derived(id)!;
            if (derived !== stat.stated) warn(["stated"], `tổng ghi ${exact(stat.stated)} nhưng các thành phần cộng lại được ${exact(derived)}`);
          }
          if (stat.kind === "series") {
            for (const [year, v] of Object.entries(stat.values)) {
              if (typeof v === "object" && v.stated !== undefined) {
                const derived = stats.derived(`${id}.${year}`)!;
                if (derived !== v.stated) warn(["values", year, "stated"], `năm ${year}: tổng ghi ${exact(v.stated)} nhưng các thành phần cộng lại được ${exact(derived)}`);
              }
            }
          }
        } catch (e) {
          if (!(e instanceof FigureError)) throw e;
        }
      }
    }
    return out;
  },
};

const statedRates: Rule = {
  name: "stated-rates",
  run(ctx) {
    const stats = ctx.statistics;
    const out: Diagnostic[] = [];
    for (const s of ctx.report.sections) {
      for (const [id, stat] of Object.entries(s.statistics ?? {})) {
        if (stat.kind !== "ratio") continue;
        try {
          const { part, whole } = stats.ratioParts(id);
          if (part > whole) {
            out.push(at(ctx, s.file, ["statistics", id, "part"], "DV343", "warning", `phần (${exact(part)}) lớn hơn tổng (${exact(whole)})`));
          }
          if (stat.stated === undefined) continue;
          const decimals = stat.decimals ?? 0;
          const computed = stats.computedRate(id);
          if (roundTo(computed, decimals) !== roundTo(stat.stated, decimals)) {
            out.push(
              at(ctx, s.file, ["statistics", id, "stated"], "DV342", "warning",
                `tỷ lệ ghi ${formatPercent(stat.stated, decimals)} nhưng ${exact(part)}/${exact(whole)} = ${formatPercent(computed, decimals)}`),
            );
          }
        } catch (e) {
          if (!(e instanceof FigureError)) throw e;
        }
      }
    }
    return out;
  },
};

const seriesInPeriod: Rule = {
  name: "series-in-period",
  run(ctx) {
    const { from, to } = ctx.report.identity.period;
    const out: Diagnostic[] = [];
    for (const s of ctx.report.sections) {
      for (const [id, stat] of Object.entries(s.statistics ?? {})) {
        if (stat.kind !== "series") continue;
        for (const year of Object.keys(stat.values)) {
          // A period key is a period id (model/period.ts): 2019, 2019-q1, 2019-06, 2019-h1, 2019-9m.
          const y = periodKeyYear(year);
          if (y !== undefined && (y < from || y > to)) out.push(at(ctx, s.file, ["statistics", id, "values", year], "DV344", "warning", `${/^\d{4}$/.test(year) ? "năm" : "kỳ"} ${year} nằm ngoài giai đoạn báo cáo ${from} - ${to}`));
        }
      }
    }
    return out;
  },
};

/** The first thing wrong with a statistic's own numbers, and where: what render would fail on. */
export function statisticProblem(stats: Statistics, id: string, stat: Statistic): { path: string[]; error: FigureError } | undefined {
  const attempt = (path: string[], f: () => unknown) => {
    try {
      f();
      return undefined;
    } catch (e) {
      if (!(e instanceof FigureError)) throw e;
      return { path, error: e };
    }
  };
  // Every number the statistic gives, derived as well as stated; only when one fails is the slot sought.
  const whole = attempt(stat.kind === "ratio" ? ["whole"] : [], () => {
    if (stat.kind === "ratio") return stats.ratioParts(id);
    stats.value(id);
    if (stat.kind === "breakdown" && stat.stated !== undefined) stats.derived(id);
    if (stat.kind === "series") {
      for (const [year, v] of Object.entries(stat.values)) if (typeof v === "object" && v.stated !== undefined) stats.derived(`${id}.${year}`);
      if (stat.stated !== undefined) stats.derived(id);
    }
  });
  if (!whole) return undefined;
  for (const slot of figureSlots(id, stat)) {
    const problem = attempt(slot.dataPath, () => {
      if (typeof slot.value === "string") stats.value(slot.value);
      // Read through the statistic itself: a path to a figure with decimals where a count is expected fails here.
      if (slot.role === "figure") stats.value(slot.figurePath);
    });
    if (problem) return problem;
  }
  return whole;
}

/**
 * Every statistic gives its numbers, cited or not: paths resolve, sums stay exact and within 2^53, a ratio's
 * whole is there and not zero even when its rate is stated. Render would fail on any of these; check says so first.
 */
const figuresResolve: Rule = {
  name: "figures-resolve",
  run(ctx) {
    const out: Diagnostic[] = [];
    for (const s of ctx.report.sections) {
      for (const [id, stat] of Object.entries(s.statistics ?? {})) {
        const problem = statisticProblem(ctx.statistics, id, stat);
        if (problem) out.push(at(ctx, s.file, ["statistics", id, ...problem.path], problem.error.code, "error", problem.error.message));
      }
    }
    return out;
  },
};

export const figureRules: Rule[] = [statedTotals, statedRates, seriesInPeriod];

/** Rules that need every statistic present: a path into a section left out would look broken. */
export const wholeFigureRules: Rule[] = [figuresResolve];
