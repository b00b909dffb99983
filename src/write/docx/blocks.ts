/**
 * Body blocks → docx paragraphs: a heading by its depth, a paragraph as body text, a "- " list as dash
 * lines, a `subheading` role as a subheading; any other container is read for its contents, so a custom
 * template without roles still builds as plain paragraphs. Footnote bodies take the footnote style.
 */
import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from "docx";
import type { BlockContent, DefinitionContent, FootnoteDefinition, PhrasingContent, RootContent } from "mdast";
import type { ProfileSpec } from "../../profile.js";
import { isDirective } from "../../parse/tree-walk.js";
import { indicatorTable } from "./directives.js";
import { paragraphMark, runs, textRun } from "./inline.js";
import { STYLE } from "./styles.js";
import { textWidth, THIN_GRID } from "./table.js";

const HEADING_STYLE: Record<number, string> = { 1: "Heading1", 2: "Heading1", 3: "Heading2", 4: "Heading3" };

export function bodyBlock(node: RootContent, footnotes: ReadonlyMap<string, number>, p: ProfileSpec, keepNext = false): Array<Paragraph | Table> {
  switch (node.type) {
    case "heading":
      return [new Paragraph({ style: HEADING_STYLE[node.depth] ?? "Heading3", run: paragraphMark(node), children: runs(node.children, footnotes) })];
    case "paragraph":
      return [new Paragraph({ style: STYLE.body, keepNext: keepNext || undefined, run: paragraphMark(node), children: runs(node.children, footnotes) })];
    case "list":
      return node.children.flatMap((item) =>
        item.children.flatMap((child, i) =>
          child.type === "paragraph"
            ? [new Paragraph({ style: STYLE.bullet, run: paragraphMark(child), children: [...(i === 0 ? [textRun("- ", {}, item)] : []), ...runs(child.children, footnotes)] })]
            : bodyBlock(child as RootContent, footnotes, p),
        ),
      );
    case "table":
      return [plainTable(node.children.map((r) => r.children.map((c) => c.children)), footnotes, p)];
    default: {
      const other: unknown = node;
      if (isDirective(other, "indicators")) {
        const table = indicatorTable(other, p, footnotes);
        return table ? [table] : [];
      }
      if (isDirective(other, "subheading")) {
        return other.children.flatMap((c) =>
          c.type === "paragraph" ? [new Paragraph({ style: STYLE.subheading, run: paragraphMark(c), children: runs(c.children, footnotes) })] : bodyBlock(c as RootContent, footnotes, p),
        );
      }
      if (isDirective(other)) return other.children.flatMap((c) => bodyBlock(c as RootContent, footnotes, p));
      return [];
    }
  }
}

/** A table a custom template writes outside the register: an even grid, its first row the heading. */
function plainTable(rows: PhrasingContent[][][], footnotes: ReadonlyMap<string, number>, p: ProfileSpec): Table {
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
            (_, c) =>
              new TableCell({
                width: { size: each, type: WidthType.DXA },
                children: [new Paragraph({ style: r === 0 ? STYLE.tableHeading : STYLE.table, children: runs(cells[c] ?? [], footnotes) })],
              }),
          ),
        }),
    ),
  });
}

export function footnoteBody(def: FootnoteDefinition, footnotes: ReadonlyMap<string, number>): Paragraph[] {
  return def.children.flatMap((child: BlockContent | DefinitionContent) =>
    child.type === "paragraph" ? [new Paragraph({ style: STYLE.footnote, alignment: AlignmentType.JUSTIFIED, run: paragraphMark(child), children: runs(child.children, footnotes) })] : [],
  );
}
