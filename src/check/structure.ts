/** The report's outline and its year: what numbering and naming would otherwise get silently wrong. */
import type { Diagnostic } from "../diagnostics.js";
import { PROFILES } from "../profile.js";
import { upper } from "../text/format.js";
import { at, type Rule } from "./rule.js";

/** A level-2 section is numbered inside the level-1 section before it; without one it would print as `1-` of nothing. */
const subsectionsInSections: Rule = {
  name: "level-2-after-level-1",
  run(ctx) {
    const out: Diagnostic[] = [];
    let seenTop = false;
    for (const s of ctx.report.sections) {
      if (s.level === 1) seenTop = true;
      else if (s.level === 2 && !seenTop) {
        out.push(at(ctx, s.file, ["level"], "DV379", "error", "mục cấp 2 (1-, 2-) phải đứng sau một mục cấp 1 (I-, II-): chưa có mục cấp 1 nào trước tệp này (xem số đầu tên tệp)"));
      }
    }
    return out;
  },
};

/**
 * The folder names the year of the report: its period ends in that year or the year before (the 2017–2021
 * report in 2021/, the report on 2020 signed in February 2021 in 2021/), and it is signed in the period's
 * last year or the year after (the report on 2022 signed in January 2023). Anything else is a folder copied from another year and not moved on. A warning, not an error:
 * the report still prints exactly what its data says (and `diff` compares a year copied to another folder);
 * `check --strict` fails on it.
 */
const periodFitsYear: Rule = {
  name: "period-fits-folder-year",
  run(ctx) {
    const { period, identity, identityFile } = ctx.report;
    const { from, to } = identity.period;
    const out: Diagnostic[] = [];
    if (period.year !== undefined) {
      const y = period.year;
      // Only a yearly report is signed early the next year and filed under it; a six-month or quarterly one names its own year.
      const yearly = period.kind === "year";
      if (to !== y && !(yearly && to === y - 1)) {
        const allowed = yearly ? `${y} hoặc ${y - 1} (báo cáo năm trước ký đầu năm ${y})` : String(y);
        out.push(at(ctx, identityFile, ["period", "to"], "DV380", "warning", `giai đoạn báo cáo kết thúc năm ${to}, nhưng dữ liệu nằm trong thư mục ${yearly ? "năm" : "kỳ"} ${ctx.report.year}; năm cuối của giai đoạn (period.to) phải là ${allowed}`));
      }
    }
    if (from > to) out.push(at(ctx, identityFile, ["period", "from"], "DV380", "warning", `giai đoạn báo cáo bắt đầu năm ${from}, sau năm kết thúc ${to}`));
    const dateYear = Number(/^(\d{4})-/.exec(identity.date)?.[1] ?? Number.NaN);
    if (!Number.isNaN(dateYear) && dateYear !== to && dateYear !== to + 1) {
      out.push(at(ctx, identityFile, ["date"], "DV380", "warning", `báo cáo ký năm ${dateYear}, nhưng giai đoạn báo cáo kết thúc năm ${to}; báo cáo ký trong năm cuối của giai đoạn hoặc năm sau đó`));
    }
    return out;
  },
};

/**
 * A profile that has the appendix's heading in normal case (state, NĐ 30/2020: "Phụ lục", bold) is told
 * when the data writes it in capitals: the report prints what the data says, so the data is where to fix it.
 */
const appendixHeadingCase: Rule = {
  name: "appendix-heading-case",
  run(ctx) {
    const { identity, identityFile } = ctx.report;
    // A report without an appendix, or with the default heading, has no heading in its data to fix.
    const heading = identity.appendix?.heading;
    if (heading === undefined) return [];
    if (PROFILES[identity.profile].appendix.headingCase !== "not-capitals" || !/\p{Ll}/u.test(heading.toLocaleLowerCase("vi")) || heading !== upper(heading)) return [];
    const normal = heading.replace(/\p{L}+/gu, (w, at: number) => (/^[IVXLCDM]+$/.test(w) && at > 0 ? w : at === 0 ? w[0] + w.slice(1).toLocaleLowerCase("vi") : w.toLocaleLowerCase("vi")));
    return [at(ctx, identityFile, ["appendix", "heading"], "DV323", "warning", `thể thức nhà nước (Nghị định 30/2020) viết tiêu đề phụ lục bằng chữ thường, in đậm: "${normal}", không viết hoa "${heading}"`)];
  },
};

export const structureRules: Rule[] = [subsectionsInSections, periodFitsYear, appendixHeadingCase];
