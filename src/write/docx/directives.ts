/**
 * The parts Markdown cannot say — first-page header, title block, closing, appendix table — laid out by
 * the roles the template named and the profile's values. Nothing here looks at how text is marked up.
 */
import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, type ParagraphChild } from "docx";
import type { ListItem, Paragraph as MdParagraph, PhrasingContent, Table as MdTable } from "mdast";
import type { ContainerDirective } from "mdast-util-directive";
import { figureTableAlign, figureTableShares, INDICATOR_COLUMNS, registerLayoutOf, type ProfileSpec } from "../../profile.js";
import { emptyColumns, isDirective, rowRole, spread, tableRowRole } from "../../parse/tree-walk.js";
import { attributesBefore, revisionOf, ROLES, yearCopy } from "../../model/roles.js";
import { blockRevision, paragraphMark, runs, textRun, trackedRun, type RunMarks } from "./inline.js";
import type { Notes } from "./notes.js";
import { PLACE_DATE_BEFORE, ROLE_STYLE, STYLE } from "./styles.js";
import { columns, grid, ruleParagraph, textWidth, THIN_GRID } from "./table.js";

type Footnotes = Notes;

function paragraphsOf(node: ContainerDirective): MdParagraph[] {
  return node.children.filter((c): c is MdParagraph => c.type === "paragraph");
}

/** The role's lines, each a paragraph of `style` (with `spacing` over the style's where given). */
function lines(node: ContainerDirective, style: string, fn: Footnotes, marks: (i: number) => RunMarks = () => ({}), spacing?: { before: number }): Paragraph[] {
  return paragraphsOf(node).map((para, i) => new Paragraph({ style, spacing, children: runs(para.children, fn, marks(i)) }));
}

/** The role's lines as one paragraph broken by line breaks: its spacing stands around the whole. */
function oneParagraph(node: ContainerDirective, style: string, fn: Footnotes): Paragraph {
  const children = paragraphsOf(node).flatMap((para, i) => [...(i ? [new TextRun({ break: 1 })] : []), ...runs(para.children, fn)]);
  return new Paragraph({ style, children });
}

function rolesIn(node: ContainerDirective, names: readonly string[]): ContainerDirective[] {
  return node.children.filter((c): c is ContainerDirective => isDirective(c) && names.includes(c.name));
}

/**
 * Left: superior, issuing body (with the profile's rule), mark, number. Right: motto (the last line ruled),
 * place and date. Where the profile sets the number on the date's line (state), the header is two rows, the
 * number and the date level in the second.
 */
export function headerBlock(node: ContainerDirective, p: ProfileSpec, fn: Footnotes): Table {
  const width = textWidth(p);
  const leftWidth = Math.round(width * p.headerLeftShare);
  const left: Paragraph[] = [];
  const number: Paragraph[] = [];
  for (const role of rolesIn(node, ROLES.header)) {
    if (role.name === "number" && p.numberOnDateLine) number.push(...lines(role, ROLE_STYLE.number, fn, () => ({}), { before: PLACE_DATE_BEFORE }));
    else left.push(...lines(role, ROLE_STYLE[role.name], fn));
    if (role.name === "issuer" && p.issuerRule) left.push(ruleParagraph(p.issuerRule, leftWidth));
  }
  const right: Paragraph[] = [];
  const date: Paragraph[] = [];
  for (const role of rolesIn(node, ROLES.headerRight)) {
    if (role.name === "motto") {
      const count = paragraphsOf(role).length;
      // The motto's last line carries its rule, as long as the line: an underline of one line that never wraps.
      right.push(...lines(role, ROLE_STYLE.motto, fn, (i) => ({ size: i ? p.size.motto[Math.min(i, p.size.motto.length - 1)] : undefined, underline: i === count - 1 })));
    } else (p.numberOnDateLine ? date : right).push(...lines(role, ROLE_STYLE[role.name], fn));
  }
  if (!p.numberOnDateLine) return columns([leftWidth, width - leftWidth], [left, right]);
  return grid([leftWidth, width - leftWidth], [[left, right], [number, date]], { lastRowBottom: true });
}

/** Below a drawn title rule, what a typed rule line and its spacing take: the body starts where it does in the party profile. */
const TITLE_RULE_AFTER = 480;

/** The document type, the summary lines, the profile's rule under them. */
export function titleBlock(node: ContainerDirective, p: ProfileSpec, fn: Footnotes): Paragraph[] {
  const out: Paragraph[] = [];
  for (const role of rolesIn(node, ROLES.title)) {
    if (role.name !== "title-rule") out.push(...lines(role, ROLE_STYLE[role.name], fn));
    else if ("text" in p.titleRule) out.push(new Paragraph({ style: ROLE_STYLE["title-rule"], children: [new TextRun(p.titleRule.text)] }));
    // The rule carries the space to the text below it: no empty paragraph between the title and section I.
    else out.push(ruleParagraph(p.titleRule, textWidth(p), { before: p.titleRule.spaceBefore, after: TITLE_RULE_AFTER }));
  }
  return out;
}

/** Recipients (left) and signature (right). The note "(báo cáo)" is bracketed beside the first recipients. */
export function closingBlock(node: ContainerDirective, p: ProfileSpec, fn: Footnotes): Table {
  const width = textWidth(p);
  const leftWidth = Math.round(width * p.closingLeftShare);
  const left: Array<Paragraph | Table> = [];
  for (const role of rolesIn(node, ROLES.closing)) {
    if (role.name === "recipients") left.push(...recipients(role, leftWidth, fn));
    else left.push(...lines(role, ROLE_STYLE[role.name], fn));
  }
  const right: Paragraph[] = [];
  for (const role of rolesIn(node, ROLES.closingRight)) {
    // Room to sign, in the signer's style, before the name.
    if (role.name === "signer-name") for (let k = 0; k < p.signatureSpace; k++) right.push(new Paragraph({ style: ROLE_STYLE["signer-title"], children: [] }));
    right.push(...lines(role, ROLE_STYLE[role.name], fn));
  }
  return columns([leftWidth, width - leftWidth], [left, right]);
}

/**
 * One "- …" line a recipient, wrapped lines hanging; the first `first` bracketed with the note at their
 * right. In a redline each year brackets its own first recipients: a recipient kept in both years but
 * bracketed in only one is written twice, year A's copy deleted where A has it and year B's inserted where
 * B has it, so accepting or rejecting every change leaves each year's own list.
 */
function recipients(node: ContainerDirective, width: number, fn: Footnotes): Array<Paragraph | Table> {
  const note = node.attributes?.note ?? "";
  const before = attributesBefore(node)?.attributes ?? node.attributes ?? {};
  const firstOf = (attributes: Record<string, string | null | undefined>) => (attributes.note ? Math.max(0, Number(attributes.first ?? 0)) : 0);
  const first = { a: firstOf(before), b: firstOf(node.attributes ?? {}) };
  const items = node.children.flatMap((c) => (c.type === "list" ? c.children : []));
  const line = (item: ListItem) => {
    const para = item.children[0];
    return new Paragraph({ style: STYLE.recipients, run: paragraphMark(para), children: [textRun("- ", {}, item), ...(para?.type === "paragraph" ? runs(para.children, fn) : [])] });
  };
  if (first.a === 0 && first.b === 0) return items.map(line);
  const seen = { a: 0, b: 0 };
  const inBracket: ListItem[] = [];
  const after: ListItem[] = [];
  for (const item of items) {
    const revision = revisionOf(item)?.revision;
    const place = (year: "a" | "b") => (revision === (year === "a" ? "ins" : "del") ? undefined : seen[year]++ < first[year]);
    const [a, b] = [place("a"), place("b")];
    if (a === b || a === undefined || b === undefined) (a ?? b ? inBracket : after).push(item);
    else {
      (a ? inBracket : after).push(yearCopy(item, "a", fn.change));
      (b ? inBracket : after).push(yearCopy(item, "b", fn.change));
    }
  }
  const noteWidth = Math.round(width * 0.25);
  const bracket = columns([width - noteWidth, noteWidth], [inBracket.map(line), [new Paragraph({ style: STYLE.recipientsNote, indent: { left: 60 }, children: noteRuns(node, note) })]], {
    verticalCentre: [false, true],
    rightBorder: [true, false],
  });
  // A table cell must end with a paragraph (Word calls the file damaged otherwise).
  return [bracket, ...(after.length ? after.map(line) : [new Paragraph({ style: STYLE.recipients, children: [] })])];
}

/** The note; in a redline where it was reworded, year A's deleted and year B's inserted. */
function noteRuns(node: ContainerDirective, note: string): ParagraphChild[] {
  const before = attributesBefore(node);
  const then = before?.attributes.note ?? note;
  if (!before || then === note) return [new TextRun(note)];
  return [...(then ? [trackedRun("del", before.change, { text: then })] : []), trackedRun("ins", before.change, { text: note })];
}

/** PHỤ LỤC, its title, the "(Kèm theo …)" line, then the register table. */
export function appendixBlocks(node: ContainerDirective, p: ProfileSpec, fn: Footnotes): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  for (const role of rolesIn(node, ROLES.appendix)) {
    if (role.name === "register") out.push(registerTable(role, p, fn));
    else if (role.name === "appendix-reference") out.push(oneParagraph(role, ROLE_STYLE[role.name], fn));
    else out.push(...lines(role, ROLE_STYLE[role.name], fn));
  }
  return out;
}

/**
 * The register by its layout (the directive's `columns`: REGISTER_COLUMNS, or the office's own): explicit
 * widths (LibreOffice and Google Docs need them), the heading row repeated on every page, rows kept whole,
 * group and type rows spanning all but the first column, a document row's `empty` columns left blank.
 */
export function registerTable(node: ContainerDirective, p: ProfileSpec, fn: Footnotes): Table {
  const layout = registerLayoutOf(node.attributes?.columns);
  const width = textWidth(p);
  const widths = layout.map((c) => Math.round(width * c.share));
  widths[widths.length - 1] = width - widths.slice(0, -1).reduce((a, b) => a + b, 0);
  const rest = widths.slice(1).reduce((a, b) => a + b, 0);
  const align = (col: number) => (layout[col]?.align === "center" ? AlignmentType.CENTER : AlignmentType.LEFT);
  const cell = (children: PhrasingContent[], style: string, col: number, span = 1, keepNext = false) =>
    new TableCell({
      width: { size: span > 1 ? rest : widths[col], type: WidthType.DXA },
      columnSpan: span > 1 ? span : undefined,
      verticalAlign: VerticalAlign.CENTER,
      children: [new Paragraph({ style, alignment: span > 1 ? undefined : align(col), keepNext: keepNext || undefined, children: runs(children, fn) })],
    });
  const rows: TableRow[] = [];
  for (const row of node.children) {
    if (!isDirective(row, "row")) continue;
    const role = rowRole(row);
    const texts = paragraphsOf(row).map((para) => para.children);
    const span = layout.length - 1;
    let cells: TableCell[];
    if (role === "heading") cells = layout.map((_, col) => new TableCell({ width: { size: widths[col], type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, children: [new Paragraph({ style: STYLE.tableHeading, children: runs(texts[col] ?? [], fn) })] }));
    else if (role === "group") cells = [cell(texts[0] ?? [], STYLE.tableGroup, 0), cell(texts[1] ?? [], STYLE.tableGroup, 1, span, true)];
    else if (role === "type") cells = [cell([], STYLE.tableType, 0), cell(texts[0] ?? [], STYLE.tableType, 1, span, true)];
    else cells = spread(texts, emptyColumns(row), layout.length).map((t, col) => cell(t, STYLE.table, col));
    // Only the heading row carries tblHeader: an explicit "false" on the others still reads as a header to some tools.
    rows.push(new TableRow({ tableHeader: role === "heading" || undefined, cantSplit: true, ...blockRevision(row), children: cells }));
  }
  return new Table({ width: { size: width, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders: THIN_GRID, rows });
}

const ALIGNMENT = { center: AlignmentType.CENTER, left: AlignmentType.LEFT, right: AlignmentType.RIGHT } as const;

/**
 * A figure table: its title (centred) and unit line (right) kept with it, then a grid by the profile's
 * column shares — number centred, name left, figures right — the heading row repeated on every page,
 * rows kept whole; subtotal and total rows in the total style, the total's label across the first two
 * columns. An empty paragraph after it, so the next block (or another table) does not run into it.
 */
export function figureTableBlocks(node: ContainerDirective, p: ProfileSpec, fn: Footnotes): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  for (const role of rolesIn(node, ROLES.figureTable)) out.push(...lines(role, role.name === "table-title" ? STYLE.tableTitle : STYLE.tableUnit, fn));
  const rowNodes = node.children.filter((c): c is ContainerDirective => isDirective(c, "row"));
  const count = Math.max(2, ...rowNodes.map((r) => paragraphsOf(r).length + (tableRowRole(r) === "total" ? 1 : 0)));
  const figures = count - 2;
  const width = textWidth(p);
  const widths = figureTableShares(figures).map((s) => Math.round(width * s));
  widths[1] = width - widths.reduce((a, b, i) => (i === 1 ? a : a + b), 0);
  const align = figureTableAlign(figures);
  const cell = (children: PhrasingContent[], style: string, col: number, span = 1) =>
    new TableCell({
      width: { size: span > 1 ? widths[col] + widths[col + 1] : widths[col], type: WidthType.DXA },
      columnSpan: span > 1 ? span : undefined,
      verticalAlign: VerticalAlign.CENTER,
      children: [new Paragraph({ style, alignment: span > 1 ? AlignmentType.CENTER : ALIGNMENT[align[col]], children: runs(children, fn) })],
    });
  const rows = rowNodes.map((row) => {
    const role = tableRowRole(row);
    const texts = paragraphsOf(row).map((para) => para.children);
    let cells: TableCell[];
    if (role === "heading") cells = widths.map((w, col) => new TableCell({ width: { size: w, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, children: [new Paragraph({ style: STYLE.tableHeading, children: runs(texts[col] ?? [], fn) })] }));
    else if (role === "total") cells = [cell(texts[0] ?? [], STYLE.tableTotal, 0, 2), ...widths.slice(2).map((_, k) => cell(texts[k + 1] ?? [], STYLE.tableTotal, k + 2))];
    else cells = widths.map((_, col) => cell(texts[col] ?? [], role === "subtotal" ? STYLE.tableTotal : STYLE.table, col));
    return new TableRow({ tableHeader: role === "heading" || undefined, cantSplit: true, ...blockRevision(row), children: cells });
  });
  if (rows.length) out.push(new Table({ width: { size: width, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders: THIN_GRID, rows }));
  out.push(new Paragraph({ children: [] }));
  return out;
}

/**
 * An indicator table (role `indicators`, its rows a pipe table the template writes) by INDICATOR_COLUMNS:
 * explicit widths, the heading row repeated on every page, rows kept whole; figures centred as the
 * columns say.
 */
export function indicatorTable(node: ContainerDirective, p: ProfileSpec, fn: Footnotes): Table | undefined {
  const grid = node.children.find((c): c is MdTable => c.type === "table");
  if (!grid) return undefined;
  const width = textWidth(p);
  const widths = INDICATOR_COLUMNS.map((c) => Math.round(width * c.share));
  widths[widths.length - 1] = width - widths.slice(0, -1).reduce((a, b) => a + b, 0);
  const rows = grid.children.map((row, r) => {
    const heading = r === 0;
    const cells = INDICATOR_COLUMNS.map((column, col) => {
      const content = row.children[col]?.children ?? [];
      const alignment = heading || column.align === "center" ? AlignmentType.CENTER : AlignmentType.LEFT;
      return new TableCell({
        width: { size: widths[col], type: WidthType.DXA },
        verticalAlign: VerticalAlign.CENTER,
        children: [new Paragraph({ style: heading ? STYLE.tableHeading : STYLE.table, alignment, children: runs(content, fn) })],
      });
    });
    return new TableRow({ tableHeader: heading || undefined, cantSplit: true, ...blockRevision(row), children: cells });
  });
  return new Table({ width: { size: width, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders: THIN_GRID, rows });
}
