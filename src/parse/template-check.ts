/**
 * A custom template is read before it is used: every Markdown block and inline it writes must be one both
 * writers print (write/docx/blocks.ts, inline.ts; the Markdown writer prints all of Markdown), and no
 * character XML forbids may stand in it. What is not is refused here, at the template's own line and
 * column — never dropped from one output. Data cannot add such constructs: it arrives escaped.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "../diagnostics.js";
import { xmlForbidden } from "../text/xml-chars.js";
import { LAYOUT_FILE } from "../render/template.js";

/** What both writers print (a text directive is escaped into text by literal.ts before it is rendered). */
const WRITTEN = new Set([
  "root", "paragraph", "heading", "thematicBreak", "blockquote", "list", "listItem", "code", "table", "tableRow", "tableCell",
  "footnoteDefinition", "definition", "containerDirective",
  "text", "emphasis", "strong", "delete", "inlineCode", "break", "link", "linkReference", "footnoteReference", "textDirective",
]);

const WHY: Record<string, string> = {
  html: "HTML (<…>) không in được trong DOCX; hãy viết bằng Markdown (**đậm**, *nghiêng*) hoặc xóa nó",
  image: "hình ảnh ![…](…) không được đưa vào DOCX; hãy xóa nó",
  imageReference: "hình ảnh ![…][…] không được đưa vào DOCX; hãy xóa nó",
  leafDirective: "chỉ thị ::tên không phải vai trò nào của mẫu (xem docs/template-roles.md); vai trò viết dạng :::tên … :::",
};

type Node = { type: string; children?: Node[]; position?: { start: { line: number; column: number } } };

/** The template's text with every {{…}} (comments, triple-stash too) blanked out, lines and columns kept. */
function withoutMustaches(source: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, "x");
  return source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{\{[\s\S]*?\}\}\}|\{\{[\s\S]*?\}\}/g, blank);
}

export async function templateProblems(source: string, file: string): Promise<Diagnostic[]> {
  // remark is loaded only for a custom template.
  const { parseMarkdown } = await import("./remark.js");
  const out: Diagnostic[] = [];
  const at = (code: string, line: number, col: number, message: string) => out.push({ code, severity: "error", file, line, col, message: `lỗi mẫu (template): ${message}` });
  const forbidden = xmlForbidden(source);
  if (forbidden) {
    const before = source.slice(0, forbidden.index).split("\n");
    at("DV402", before.length, before[before.length - 1].length + 1, `mẫu có ký tự ${forbidden.name}, ký tự mà XML (và Word) không cho phép; hãy xóa nó`);
  }
  const walk = (node: Node, inFootnote: boolean) => {
    const pos = node.position?.start ?? { line: 1, column: 1 };
    if (!WRITTEN.has(node.type)) at("DV403", pos.line, pos.column, WHY[node.type] ?? `khối Markdown "${node.type}" không được cả DOCX lẫn Markdown in ra; hãy viết cách khác`);
    else if (inFootnote && node.type === "table") at("DV403", pos.line, pos.column, "bảng trong chú thích: Word không đặt được bảng trong chú thích; hãy đưa bảng ra ngoài chú thích");
    else if (inFootnote && node.type === "footnoteReference") at("DV403", pos.line, pos.column, "chú thích trong chú thích: Word không đặt được chú thích trong chú thích; hãy viết nội dung ngay trong câu");
    for (const c of node.children ?? []) walk(c, inFootnote || node.type === "footnoteDefinition");
  };
  walk(parseMarkdown(withoutMustaches(source)) as unknown as Node, false);
  return out;
}

/** The layout in a templates folder, read and checked; its findings name it as DV401 does. */
export function layoutProblems(templatesDir: URL): Promise<Diagnostic[]> {
  const file = fileURLToPath(new URL(LAYOUT_FILE, templatesDir));
  return templateProblems(fs.readFileSync(file, "utf8"), path.relative(process.cwd(), file));
}
