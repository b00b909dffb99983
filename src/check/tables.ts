/** Each figure table (a section's `table:` block) can be built: the same function render prints it with. */
import type { Diagnostic } from "../diagnostics.js";
import { figureTable, TableError } from "../collect/table.js";
import { at, type Rule } from "./rule.js";

export const tableRules: Rule[] = [
  {
    name: "figure-tables",
    run(ctx) {
      const out: Diagnostic[] = [];
      for (const s of ctx.report.sections) {
        s.body.forEach((b, i) => {
          if (typeof b !== "object" || !("table" in b)) return;
          try {
            figureTable(ctx.report, b.table);
          } catch (err) {
            if (!(err instanceof TableError)) throw err;
            out.push(at(ctx, s.file, ["body", i, "table", ...err.at], err.code, "error", err.message));
          }
        });
      }
      return out;
    },
  },
];
