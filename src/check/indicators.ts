/** The indicator tables: every row resolves in this period and in the same period a year before (model/indicators.ts). */
import type { Diagnostic } from "../diagnostics.js";
import { indicatorRows } from "../model/indicators.js";
import { at, type Rule } from "./rule.js";

const indicatorsResolve: Rule = {
  name: "indicators-resolve",
  run(ctx) {
    const out: Diagnostic[] = [];
    for (const s of ctx.report.sections) {
      s.body.forEach((block, i) => {
        if (typeof block !== "object" || !("indicators" in block)) return;
        indicatorRows(ctx.report, ctx.statistics, ctx.others, block.indicators).forEach((row, j) => {
          for (const p of row.problems) {
            const stated = p.at.length > 0 && typeof block.indicators[j] === "object";
            out.push(at(ctx, s.file, ["body", i, "indicators", j, ...(stated ? p.at : [])], p.code, p.severity, p.message));
          }
        });
      });
    }
    return out;
  },
};

export const indicatorRules: Rule[] = [indicatorsResolve];
