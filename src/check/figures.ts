/** Stated figures agree with what their parts give; parts fit their wholes; years fit the period. */
import type { Diagnostic } from "../diagnostics.js";
import { formatNumber, formatPercent, roundTo } from "../text/format.js";
import { FigureError } from "../model/statistics.js";
import { at, type Rule } from "./rule.js";

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
            if (derived !== stat.stated) warn(["stated"], `tổng ghi ${formatNumber(stat.stated)} nhưng các thành phần cộng lại được ${formatNumber(derived)}`);
          }
          if (stat.kind === "series") {
            for (const [year, v] of Object.entries(stat.values)) {
              if (typeof v === "object" && v.stated !== undefined) {
                const derived = stats.derived(`${id}.${year}`)!;
                if (derived !== v.stated) warn(["values", year, "stated"], `năm ${year}: tổng ghi ${formatNumber(v.stated)} nhưng các thành phần cộng lại được ${formatNumber(derived)}`);
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
            out.push(at(ctx, s.file, ["statistics", id, "part"], "DV343", "warning", `phần (${formatNumber(part)}) lớn hơn tổng (${formatNumber(whole)})`));
          }
          if (stat.stated === undefined) continue;
          const decimals = stat.decimals ?? 0;
          const computed = stats.computedRate(id);
          if (roundTo(computed, decimals) !== roundTo(stat.stated, decimals)) {
            out.push(
              at(ctx, s.file, ["statistics", id, "stated"], "DV342", "warning",
                `tỷ lệ ghi ${formatPercent(stat.stated, decimals)} nhưng ${formatNumber(part)}/${formatNumber(whole)} = ${formatPercent(computed, decimals)}`),
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
          // A period key starts with its year: 2019, 2019-q1, 2019-06, 2019-h1.
          const y = Number(year.slice(0, 4));
          if (y < from || y > to) out.push(at(ctx, s.file, ["statistics", id, "values", year], "DV344", "warning", `${/^\d{4}$/.test(year) ? "năm" : "kỳ"} ${year} nằm ngoài giai đoạn báo cáo ${from} - ${to}`));
        }
      }
    }
    return out;
  },
};

export const figureRules: Rule[] = [statedTotals, statedRates, seriesInPeriod];
