/**
 * Body blocks → docx paragraphs: a heading by its depth, a paragraph as body text, a "- " list as dash
 * lines and an ordered list as numbered lines, a block quote indented, a code block in the monospace Code
 * style, a thematic break as a drawn rule, a `subheading` role as a subheading; any other container is read
 * for its contents, so a custom template without roles still builds as plain paragraphs. Every block the
 * template check lets through (parse/template-check.ts) is written here; anything else is a bug, never a
 * silently dropped block. Footnote bodies are the same blocks in the footnote style.
 */
import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from "docx";
import type { FootnoteDefinition, List, PhrasingContent, RootContent } from "mdast";
import type { ProfileSpec } from "../../profile.js";
import { isDirective } from "../../parse/tree-walk.js";
import { indicatorTable } from "./directives.js";
import { paragraphMark, runs, textRun } from "./inline.js";
import type { Notes } from "./notes.js";
import { STYLE } from "./styles.js";
import { UnwrittenNode } from "./unwritten.js";
import { ruleParagraph, textWidth, THIN_GRID } from "./table.js";

const HEADING_STYLE: Record<number, string> = { 1: "Heading1", 2: "Heading1", 3: "Heading2", 4: "Heading3" };

/** How far a quote or a nested list stands in from the text's left edge, per level. */
const INDENT_STEP = 567;

interface Context {
  footnotes: Notes;
  p: ProfileSpec;
  /** The paragraph style of plain text here: body text, or footnote text inside a footnote. */
  style: string;
  alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
  keepNext?: boolean;
  /** Nesting of lists (items) and of block quotes around the block. */
  lists: number;
  quotes: number;
}

export function bodyBlock(node: RootContent, footnotes: Notes, p: ProfileSpec, keepNext = false): Array<Paragraph | Table> {
  return block(node, { footnotes, p, style: STYLE.body, keepNext, lists: 0, quotes: 0 });
}

function indent(c: Context): { left: number } | undefined {
  const steps = c.lists + c.quotes;
  return steps ? { left: INDENT_STEP * steps } : undefined;
}

function paragraph(c: Context, style: string, node: unknown, children: ReturnType<typeof runs>): Paragraph {
  return new Paragraph({ style, alignment: c.alignment, indent: indent(c), keepNext: c.keepNext || undefined, run: paragraphMark(node), children });
}

function block(node: RootContent, c: Context): Array<Paragraph | Table> {
  switch (node.type) {
    case "heading":
      return [new Paragraph({ style: HEADING_STYLE[node.depth] ?? "Heading3", run: paragraphMark(node), children: runs(node.children, c.footnotes) })];
    case "paragraph":
      return [paragraph(c, c.quotes ? STYLE.quote : c.style, node, runs(node.children, c.footnotes))];
    case "list":
      return list(node, c);
    case "blockquote":
      return node.children.flatMap((child) => block(child, { ...c, quotes: c.quotes + 1 }));
    case "code": {
      // Line by line, spaces kept: a code block is printed as it stands.
      const lines = node.value.split("\n");
      const children = lines.flatMap((line, i) => [...(i ? [new TextRun({ break: 1 })] : []), textRun(line, {}, node)]);
      return [new Paragraph({ style: STYLE.code, indent: indent(c), run: paragraphMark(node), children })];
    }
    case "thematicBreak":
      return [ruleParagraph({ share: 1 }, textWidth(c.p) - (indent(c)?.left ?? 0))];
    case "table":
      return [plainTable(node.children.map((r) => r.children.map((cell) => cell.children)), c.footnotes, c.p)];
    case "definition":
      // A link's target, printed by the links that name it (parse resolves them), never on its own.
      return [];
    default: {
      const other: unknown = node;
      if (isDirective(other, "indicators")) {
        const table = indicatorTable(other, c.p, c.footnotes);
        return table ? [table] : [];
      }
      if (isDirective(other, "subheading")) {
        return other.children.flatMap((ch) => (ch.type === "paragraph" ? [paragraph(c, STYLE.subheading, ch, runs(ch.children, c.footnotes))] : block(ch as RootContent, c)));
      }
      if (isDirective(other)) return other.children.flatMap((ch) => block(ch as RootContent, c));
      throw new UnwrittenNode(node.type);
    }
  }
}

/** "- " before each item, or its number ("3. " for a list that starts at 3); a task item's box; nested lists stand in. */
function list(node: List, c: Context): Array<Paragraph | Table> {
  const start = node.start ?? 1;
  const inner: Context = { ...c, lists: c.lists + 1, keepNext: false };
  return node.children.flatMap((item, k) => {
    const box = item.checked === true ? "☒ " : item.checked === false ? "☐ " : "";
    const mark = node.ordered ? `${start + k}. ${box}` : box || "- ";
    return item.children.flatMap((child, i) => {
      if (child.type !== "paragraph") return block(child, inner);
      const lead = i === 0 ? [textRun(mark, {}, item)] : [];
      return [paragraph({ ...c, keepNext: false }, c.quotes ? STYLE.quote : c.style === STYLE.body ? STYLE.bullet : c.style, child, [...lead, ...runs(child.children, c.footnotes)])];
    });
  });
}

/** A table a custom template writes outside the register: an even grid, its first row the heading. */
function plainTable(rows: PhrasingContent[][][], footnotes: Notes, p: ProfileSpec): Table {
  const width = textWidth(p);
  const columns = Math.max(1, ...rows.map((r) => r.length));
  const each = Math.floor(width / columns);
  return new Table({
    width: { size: each * columns, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => each),
    layout: TableLayoutType.FIXED,
    borders: THIN_GRID,
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: r === 0 || undefined,
          children: Array.from(
            { length: columns },
            (_, col) =>
              new TableCell({
                width: { size: each, type: WidthType.DXA },
                children: [new Paragraph({ style: r === 0 ? STYLE.tableHeading : STYLE.table, children: runs(cells[col] ?? [], footnotes) })],
              }),
          ),
        }),
    ),
  });
}

export function footnoteBody(def: FootnoteDefinition, footnotes: Notes, p: ProfileSpec): Array<Paragraph | Table> {
  const c: Context = { footnotes, p, style: STYLE.footnote, alignment: AlignmentType.JUSTIFIED, lists: 0, quotes: 0 };
  return def.children.flatMap((child) => block(child, c));
}
