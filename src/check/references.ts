/** Every {{…}} in prose names something that exists; everything defined is cited somewhere. */
import type { Diagnostic } from "../diagnostics.js";
import { helperLookalikes, HELPERS_WITHOUT_ID, optionProblems, parseProse, PROSE_HELPERS, ProseSyntaxError, type ProseHelper } from "../model/prose-syntax.js";
import { statisticsOfPeriod } from "../model/other-period.js";
import { periodName, windowProblem } from "../model/period.js";
import { indexRegister } from "../model/register.js";
import { DepthError, FigureError, figureSlots } from "../model/statistics.js";
import { didYouMean } from "../text/suggest.js";
import { statisticProblem } from "./figures.js";
import { helperCalls, literalSites, proseSites } from "./prose.js";
import { at, type Rule, type RuleContext } from "./rule.js";

const STAT_HELPERS = new Set(["n", "ratio", "pct"]);

function citedIds(ctx: RuleContext) {
  const footnotes = new Set<string>();
  const stats = new Set<string>();
  for (const site of proseSites(ctx.report)) {
    for (const call of helperCalls(site.text)) {
      if (!call.id) continue;
      if (call.name === "fn") footnotes.add(call.id);
      if (STAT_HELPERS.has(call.name)) stats.add(call.id.split(".")[0]);
    }
  }
  // A figure an indicator table prints is cited too.
  for (const s of ctx.report.sections) {
    for (const b of s.body) if (typeof b === "object" && "indicators" in b) for (const row of b.indicators) stats.add((typeof row === "string" ? row : row.figure).split(".")[0]);
  }
  // A statistic a figure table prints, or another statistic points at, is in use too.
  for (const s of ctx.report.sections) {
    for (const b of s.body) if (typeof b === "object" && "table" in b) stats.add(b.table.statistic);
    for (const [id, stat] of Object.entries(s.statistics ?? {})) {
      for (const slot of figureSlots(id, stat)) if (typeof slot.value === "string") stats.add(slot.value.split(".")[0]);
    }
  }
  return { footnotes, stats };
}

const resolves: Rule = {
  name: "references-resolve",
  run(ctx) {
    const out: Diagnostic[] = [];
    const register = indexRegister(ctx.report.register);
    const footnotes = new Set(ctx.report.sections.flatMap((s) => Object.keys(s.footnotes ?? {})));
    for (const site of proseSites(ctx.report)) {
      // One finding per paragraph: {{doc "x"}} and {{docsummary "x"}} citing the same missing id is one mistake.
      const said = new Set<string>();
      const report = (code: string, message: string, offset?: number) => {
        if (said.has(`${code}\0${message}`)) return;
        said.add(`${code}\0${message}`);
        out.push(at(ctx, site.section.file, site.dataPath, code, "error", message, offset));
      };
      try {
        parseProse(site.text);
      } catch (e) {
        if (!(e instanceof ProseSyntaxError)) throw e;
        report("DV310", e.message, e.offset);
        continue;
      }
      const lookalikes = helperLookalikes(site.text);
      for (const l of lookalikes) {
        const why = l.code === "DV121" ? "hàm chỉ nhận dấu ngoặc kép thẳng (\"), không nhận ngoặc cong “ ” ‘ ’ (Word tự đổi) hay ngoặc đơn" : "viết như một hàm nhưng thiếu dấu ngoặc nhọn: hàm viết trong hai cặp {{ }}";
        report(l.code, `"${l.written}": ${why}; có phải ý bạn là ${l.meant}?`, l.offset);
      }
      const misquoted = new Set(lookalikes.filter((l) => l.code === "DV121").map((l) => l.offset));
      for (const call of helperCalls(site.text)) {
        if (misquoted.has(call.offset)) continue;
        if (!(PROSE_HELPERS as readonly string[]).includes(call.name)) {
          report("DV311", `không có hàm {{${call.name}}}${didYouMean(call.name, PROSE_HELPERS)}; các hàm: ${PROSE_HELPERS.join(", ")}`, call.offset);
          continue;
        }
        if (HELPERS_WITHOUT_ID.has(call.name)) {
          if (call.args) report("DV311", `{{${call.name}}} không nhận mã nào: viết {{${call.name}}}`, call.offset);
          else {
            const problem = windowProblem(ctx.report.period);
            if (problem) report("DV815", problem, call.offset);
          }
          continue;
        }
        if (call.id === undefined) {
          report("DV311", `{{${call.name}}} cần một mã trong dấu ngoặc kép`, call.offset);
          continue;
        }
        const wrong = optionProblems(call.name as ProseHelper, call.hash);
        for (const p of wrong) report(p.code, p.message, call.hashOffsets[p.option]);
        if (call.name === "fn" && !footnotes.has(call.id)) {
          report("DV312", `không có chú thích "${call.id}"${didYouMean(call.id, footnotes)}`, call.offset);
        } else if (call.name === "fn" && site.dataPath[0] === "footnotes") {
          // Word has no footnote inside a footnote: the cited text would vanish from the DOCX.
          report("DV376", `chú thích "${site.dataPath[1]}" trích dẫn chú thích "${call.id}": Word không đặt được chú thích trong chú thích; hãy viết nội dung của "${call.id}" ngay trong câu, hoặc trích dẫn nó từ đoạn văn`, call.offset);
        } else if ((call.name === "doc" || call.name === "docsummary") && !register.has(call.id)) {
          report("DV314", `không có văn bản "${call.id}" trong documents.yaml${didYouMean(call.id, register.keys())}`, call.offset);
        } else if (call.name === "doc" && call.hash.date !== false && register.get(call.id)!.doc.date === undefined) {
          // The printed citation would leave out the date the sentence asks for.
          report("DV336", `văn bản "${call.id}" không có ngày ban hành trong documents.yaml nên không trích dẫn kèm ngày được: điền ngày (date) hoặc viết {{doc "${call.id}" date=false}}`, call.offset);
        } else if (STAT_HELPERS.has(call.name)) {
          const id = call.id.split(".")[0];
          // `period="2021-h1"`: the figure as that period of the series has it.
          let statistics = ctx.statistics;
          let where = "";
          if (call.hash.period !== undefined) {
            const found = statisticsOfPeriod(ctx.report, ctx.statistics, ctx.others, call.hash.period);
            if (!found.ok) {
              // A value of another type is the option's own problem (DV317, above); what it names is this one.
              if (typeof call.hash.period === "string") report(found.code, found.message, call.hashOffsets.period ?? call.offset);
              continue;
            }
            statistics = found.statistics;
            if (found.statistics !== ctx.statistics) where = ` trong ${periodName(found.period)}`;
          }
          if (!statistics.byId.has(id)) {
            report("DV313", `không có số liệu "${id}"${where}${didYouMean(id, statistics.byId.keys())}`, call.offset);
            continue;
          }
          try {
            if (call.name === "n") statistics.value(call.id);
            else if (call.name === "ratio") statistics.ratioParts(call.id);
            else statistics.rate(call.id);
          } catch (e) {
            if (!(e instanceof FigureError)) throw e;
            // A statistic broken in itself is reported once, where it is defined (figures-resolve). A chain too
            // deep is the citation's: figures-resolve, reading the statistics in order, may meet it shallower.
            // Another period's statistic is that period's to report: here it is only why the citation fails.
            const own = statistics.byId.get(id)!;
            if (where) report(e.code, `${e.message}${where}`, call.offset);
            else if (e instanceof DepthError || !statisticProblem(statistics, id, own.stat)) report(e.code, e.message, call.offset);
          }
        }
      }
    }
    return out;
  },
};

/** Text that is printed as written — headings, titles, the signer, the register — takes no helpers. */
const literalText: Rule = {
  name: "helpers-only-in-prose",
  run(ctx) {
    return literalSites(ctx.report)
      .filter((site) => site.text.includes("{{") || site.text.includes("}}"))
      .map((site) =>
        at(ctx, site.file, site.dataPath, "DV375", "error", `trường này được in nguyên văn, không dùng được {{…}}; chỉ đoạn văn (body), gạch đầu dòng, đoạn đánh số, tiêu đề nhỏ (subheading) và chú thích (footnotes) dùng được các hàm`),
      );
  },
};

const uniqueIds: Rule = {
  name: "ids-unique",
  run(ctx) {
    const out: Diagnostic[] = [];
    for (const kind of ["footnotes", "statistics"] as const) {
      const first = new Map<string, string>();
      for (const s of ctx.report.sections) {
        for (const id of Object.keys(s[kind] ?? {})) {
          const prev = first.get(id);
          if (prev) out.push(at(ctx, s.file, [kind, id], "DV331", "error", `mã "${id}" đã được dùng ở ${prev}`));
          else first.set(id, s.file);
        }
      }
    }
    return out;
  },
};

const allCited: Rule = {
  name: "definitions-cited",
  run(ctx) {
    const cited = citedIds(ctx);
    const out: Diagnostic[] = [];
    for (const s of ctx.report.sections) {
      for (const id of Object.keys(s.footnotes ?? {})) {
        // A footnote nobody cites is left out of both outputs: text the build would drop is an error.
        if (!cited.footnotes.has(id)) out.push(at(ctx, s.file, ["footnotes", id], "DV321", "error", `chú thích "${id}" không được trích dẫn ở đâu ({{fn "${id}"}}), nên sẽ không có trong báo cáo; hãy trích dẫn nó trong đoạn văn hoặc xóa nó`));
      }
      for (const id of Object.keys(s.statistics ?? {})) {
        if (!cited.stats.has(id)) out.push(at(ctx, s.file, ["statistics", id], "DV322", "warning", `số liệu "${id}" không được trích dẫn ở đâu`));
      }
    }
    return out;
  },
};

export const referenceRules: Rule[] = [resolves, literalText, uniqueIds, allCited];
