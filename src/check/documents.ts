/** The register of issued documents: unique ids and numbers, real dates not after the report's own. */
import type { Diagnostic } from "../diagnostics.js";
import { formatDate, parseIsoDate } from "../format/vi.js";
import { at, type Rule } from "./rule.js";

const REGISTER = "documents.yaml";

const registerRule: Rule = {
  name: "register",
  run(ctx) {
    const out: Diagnostic[] = [];
    const file = ctx.report.sections.length ? registerFile(ctx.report.sections[0].file) : REGISTER;
    const ids = new Map<string, string>();
    const numbers = new Map<string, string>();
    const reportDate = ctx.report.identity.date;
    ctx.report.register.groups.forEach((g, gi) =>
      g.types.forEach((t, ti) =>
        t.documents.forEach((d, di) => {
          const path = ["groups", gi, "types", ti, "documents", di];
          if (ids.has(d.id)) out.push(at(ctx, file, [...path, "id"], "DV332", "error", `mã văn bản "${d.id}" bị trùng với ${ids.get(d.id)}`));
          else ids.set(d.id, d.number);
          if (numbers.has(d.number)) out.push(at(ctx, file, [...path, "number"], "DV333", "error", `số ký hiệu "${d.number}" bị trùng`));
          else numbers.set(d.number, d.id);
          if (!parseIsoDate(d.date)) out.push(at(ctx, file, [...path, "date"], "DV351", "error", `"${d.date}" không phải là ngày có thật`));
          else if (d.date > reportDate) {
            out.push(at(ctx, file, [...path, "date"], "DV352", "error", `ngày ${formatDate(d.date)} sau ngày của báo cáo (${formatDate(reportDate)})`));
          }
        }),
      ),
    );
    if (!parseIsoDate(reportDate)) out.push(at(ctx, file.replace(REGISTER, "report.yaml"), ["date"], "DV351", "error", `"${reportDate}" không phải là ngày có thật`));
    return out;
  },
};

/** documents.yaml sits beside sections/ in the year folder. */
function registerFile(sectionFile: string): string {
  return sectionFile.replace(/sections[\\/][^\\/]+$/, REGISTER);
}

export const documentRules: Rule[] = [registerRule];
