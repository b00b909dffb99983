/**
 * The register of issued documents: unique ids and numbers, dates not after the report's own. The register
 * is optional (a report without an appendix has no documents.yaml); a document may have no date when the
 * signed register printed none that is real (DV335), and is then never cited with one (DV336).
 */
import type { Diagnostic } from "../diagnostics.js";
import { formatDate } from "../text/format.js";
import { at, type Rule } from "./rule.js";

const registerRule: Rule = {
  name: "register",
  run(ctx) {
    const out: Diagnostic[] = [];
    const file = ctx.report.registerFile;
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
          // Both dates are on the calendar: the value rule (check/values.ts) stood in for any that is not.
          if (d.date === undefined) out.push(at(ctx, file, path, "DV335", "warning", `văn bản ${d.number} không có ngày ban hành (date): ô ngày của phụ lục để trống; điền ngày nếu biết`));
          else if (d.date > reportDate) {
            out.push(at(ctx, file, [...path, "date"], "DV352", "error", `ngày ${formatDate(d.date)} sau ngày của báo cáo (${formatDate(reportDate)})`));
          }
        }),
      ),
    );
    out.push(...layoutProblems(ctx));
    if (ctx.report.identity.appendix && !ctx.report.register.groups.length) {
      out.push(at(ctx, ctx.report.identityFile, ["appendix"], "DV337", "warning", "report.yaml có phần appendix nhưng năm này không có documents.yaml: báo cáo không in phụ lục; thêm documents.yaml hoặc bỏ appendix"));
    }
    return out;
  },
};

/**
 * The office's own register columns (report.yaml `appendix.columns`) must print every entry's number and
 * summary, each once: a layout that leaves one out would print a register that does not say what the data says.
 */
function layoutProblems(ctx: Parameters<Rule["run"]>[0]): Diagnostic[] {
  const columns = ctx.report.identity.appendix?.columns;
  if (!columns) return [];
  const out: Diagnostic[] = [];
  const file = ctx.report.identityFile;
  const seen = new Set<string>();
  columns.forEach((c, i) => {
    if (seen.has(c.role)) out.push(at(ctx, file, ["appendix", "columns", i, "role"], "DV338", "error", `cột "${c.role}" có hai lần trong appendix.columns: bỏ một cột`));
    seen.add(c.role);
  });
  const roles = columns.map((c) => c.role);
  if (!roles.includes("citation") && !roles.includes("number")) out.push(at(ctx, file, ["appendix", "columns"], "DV338", "error", "appendix.columns không có cột số ký hiệu: thêm một cột role: number (hoặc citation)"));
  if (!roles.includes("summary")) out.push(at(ctx, file, ["appendix", "columns"], "DV338", "error", "appendix.columns không có cột trích yếu: thêm một cột role: summary"));
  return out;
}

/** Type codes of Hướng dẫn 36-HD/VPTW and NĐ 30/2020 (../shared/reference/document-format.md). */
export const TYPE_CODES: Record<string, string> = {
  "Nghị quyết": "NQ",
  "Quyết định": "QĐ",
  "Chỉ thị": "CT",
  "Kết luận": "KL",
  "Quy chế": "QC",
  "Quy định": "QĐi",
  "Hướng dẫn": "HD",
  "Thông báo": "TB",
  "Báo cáo": "BC",
  "Kế hoạch": "KH",
  "Chương trình": "CTr",
  "Đề án": "ĐA",
  "Phương án": "PA",
  "Tờ trình": "TTr",
  "Công văn": "CV",
  "Thông tri": "TT",
};

export interface ParsedNumber {
  code?: string;
  symbol: string;
}

/**
 * `22-CT/TU` (party: number-code/issuer), `3111/KH-UBND` and `08/2020/QĐ-UBND` (state: number/code-issuer),
 * `2351/UBND-SNV` (a state công văn carries no type code).
 */
export function parseNumber(number: string): ParsedNumber | undefined {
  const party = /^\d+[a-zA-Z]?-([\p{L}]+)\/(\S+)$/u.exec(number);
  if (party) return { code: party[1], symbol: party[2] };
  const state = /^\d+[a-zA-Z]?(?:\/\d{4})?\/([\p{L}]+)-(\S+)$/u.exec(number);
  if (state) {
    const codes = new Set(Object.values(TYPE_CODES));
    return codes.has(state[1]) ? { code: state[1], symbol: state[2] } : { symbol: `${state[1]}-${state[2]}` };
  }
  return undefined;
}

const numberFitsType: Rule = {
  name: "number-fits-type-and-issuer",
  run(ctx) {
    const out: Diagnostic[] = [];
    const file = ctx.report.registerFile;
    ctx.report.register.groups.forEach((g, gi) =>
      g.types.forEach((t, ti) =>
        t.documents.forEach((d, di) => {
          const path = ["groups", gi, "types", ti, "documents", di, "number"];
          const warn = (message: string) => out.push(at(ctx, file, path, "DV334", "warning", message));
          const parsed = parseNumber(d.number);
          const expected = TYPE_CODES[t.type];
          if (!parsed) return warn(`số ký hiệu "${d.number}" không theo dạng 22-CT/TU hoặc 3111/KH-UBND`);
          if (expected && parsed.code !== expected && !(t.type === "Công văn" && parsed.code === undefined)) {
            warn(`${t.type} phải mang mã ${expected}, nhưng số ký hiệu "${d.number}" mang ${parsed.code ? `mã ${parsed.code}` : "không có mã thể loại"}`);
          } else if (g.symbols && !g.symbols.some((s) => parsed.symbol === s || parsed.symbol.startsWith(`${s}-`))) {
            warn(`số ký hiệu "${d.number}" không mang ký hiệu của ${g.issuer} (${g.symbols.join(", ")})`);
          }
        }),
      ),
    );
    return out;
  },
};

export const documentRules: Rule[] = [registerRule, numberFitsType];
