/**
 * The parts Markdown cannot say — first-page header, title block, closing, appendix table — laid out by
 * the roles the template named and the profile's values. Nothing here looks at how text is marked up.
 */
import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, type ParagraphChild } from "docx";
import type { Paragraph as MdParagraph, PhrasingContent, Table as MdTable } from "mdast";
import type { ContainerDirective } from "mdast-util-directive";
import { INDICATOR_COLUMNS, REGISTER_COLUMNS, type ProfileSpec } from "../../profile.js";
import { isDirective, rowRole } from "../../parse/tree-walk.js";
import { attributesBefore, ROLES } from "../../model/roles.js";
import { blockRevision, paragraphMark, runs, textRun, trackedRun, type RunMarks } from "./inline.js";
import { STYLE } from "./styles.js";
import { columns, ruleParagraph, textWidth, THIN_GRID } from "./table.js";

type Footnotes = ReadonlyMap<string, number>;

function paragraphsOf(node: ContainerDirective): MdParagraph[] {
  return node.children.filter((c): c is MdParagraph => c.type === "paragraph");
}

/** The role's lines, each a paragraph of `style`. */
function lines(node: ContainerDirective, style: string, fn: Footnotes, marks: (i: number) => RunMarks = () => ({})): Paragraph[] {
  return paragraphsOf(node).map((para, i) => new Paragraph({ style, children: runs(para.children, fn, marks(i)) }));
}

/** The role's lines as one paragraph broken by line breaks: its spacing stands around the whole. */
function oneParagraph(node: ContainerDirective, style: string, fn: Footnotes): Paragraph {
  const children = paragraphsOf(node).flatMap((para, i) => [...(i ? [new TextRun({ break: 1 })] : []), ...runs(para.children, fn)]);
  return new Paragraph({ style, children });
}

function rolesIn(node: ContainerDirective, names: readonly string[]): ContainerDirective[] {
  return node.children.filter((c): c is ContainerDirective => isDirective(c) && names.includes(c.name));
}

/** Left: superior, issuing body (with the profile's rule), mark, number. Right: motto (the last line ruled), place and date. */
export function headerBlock(node: ContainerDirective, p: ProfileSpec, fn: Footnotes): Table {
  const width = textWidth(p);
  const leftWidth = Math.round(width * p.headerLeftShare);
  const left: Paragraph[] = [];
  for (const role of rolesIn(node, ROLES.header)) {
    if (role.name === "superior") left.push(...lines(role, STYLE.superior, fn));
    else if (role.name === "issuer") {
      left.push(...lines(role, STYLE.issuer, fn));
      if (p.issuerRule) left.push(ruleParagraph(p.issuerRule, leftWidth));
    } else if (role.name === "issuer-mark") left.push(...lines(role, STYLE.issuerMark, fn));
    else left.push(...lines(role, STYLE.number, fn));
  }
  const right: Paragraph[] = [];
  for (const role of rolesIn(node, ROLES.headerRight)) {
    if (role.name === "motto") {
      const count = paragraphsOf(role).length;
      // The motto's last line carries its rule, as long as the line: an underline of one line that never wraps.
      right.push(...lines(role, STYLE.motto, fn, (i) => ({ size: i ? p.size.motto[Math.min(i, p.size.motto.length - 1)] : undefined, underline: i === count - 1 })));
    } else right.push(...lines(role, STYLE.placeDate, fn));
  }
  return columns([leftWidth, width - leftWidth], [left, right]);
}

/** The document type, the summary lines, the profile's rule under them. */
export function titleBlock(node: ContainerDirective, p: ProfileSpec, fn: Footnotes): Paragraph[] {
  const out: Paragraph[] = [];
  for (const role of rolesIn(node, ROLES.title)) {
    if (role.name === "doc-type") out.push(...lines(role, STYLE.docType, fn));
    else if (role.name === "summary") out.push(...lines(role, STYLE.summary, fn));
    else if ("text" in p.titleRule) out.push(new Paragraph({ style: STYLE.titleRule, children: [new TextRun(p.titleRule.text)] }));
    else out.push(ruleParagraph(p.titleRule, textWidth(p)), new Paragraph({ style: STYLE.titleRule, children: [] }));
  }
  return out;
}

/** Recipients (left) and signature (right). The note "(báo cáo)" is bracketed beside the first recipients. */
export function closingBlock(node: ContainerDirective, p: ProfileSpec, fn: Footnotes): Table {
  const width = textWidth(p);
  const leftWidth = Math.round(width * p.closingLeftShare);
  const left: Array<Paragraph | Table> = [];
  for (const role of rolesIn(node, ROLES.closing)) {
    if (role.name === "recipients-label") left.push(...lines(role, STYLE.recipientsLabel, fn));
    else left.push(...recipients(role, leftWidth, fn));
  }
  const right: Paragraph[] = [];
  for (const role of rolesIn(node, ROLES.closingRight)) {
    if (role.name === "signer-title") right.push(...lines(role, STYLE.signer, fn));
    else {
      for (let k = 0; k < p.signatureSpace; k++) right.push(new Paragraph({ style: STYLE.signer, children: [] }));
      right.push(...lines(role, STYLE.signerName, fn));
    }
  }
  return columns([leftWidth, width - leftWidth], [left, right]);
}

/** One "- …" line a recipient, wrapped lines hanging; the first `first` bracketed with the note at their right. */
function recipients(node: ContainerDirective, width: number, fn: Footnotes): Array<Paragraph | Table> {
  const note = node.attributes?.note ?? "";
  const first = Number(node.attributes?.first ?? 0);
  const items = node.children.flatMap((c) => (c.type === "list" ? c.children : []));
  const paras = items.map((item) => {
    const para = item.children[0];
    return new Paragraph({ style: STYLE.recipients, run: paragraphMark(para), children: [textRun("- ", {}, item), ...(para?.type === "paragraph" ? runs(para.children, fn) : [])] });
  });
  if (!note || first < 1) return paras;
  const bracketed = Math.min(first, paras.length);
  const noteWidth = Math.round(width * 0.25);
  const bracket = columns([width - noteWidth, noteWidth], [paras.slice(0, bracketed), [new Paragraph({ style: STYLE.recipientsNote, indent: { left: 60 }, children: noteRuns(node, note) })]], {
    verticalCentre: [false, true],
    rightBorder: [true, false],
  });
  // A table cell must end with a paragraph (Word calls the file damaged otherwise).
  const after = paras.slice(bracketed);
  return [bracket, ...(after.length ? after : [new Paragraph({ style: STYLE.recipients, children: [] })])];
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
    if (role.name === "appendix-heading") out.push(...lines(role, STYLE.appendixHeading, fn));
    else if (role.name === "appendix-title") out.push(...lines(role, STYLE.appendixTitle, fn));
    else if (role.name === "appendix-reference") out.push(oneParagraph(role, STYLE.appendixReference, fn));
    else out.push(registerTable(role, p, fn));
  }
  return out;
}

/**
 * The register by REGISTER_COLUMNS: explicit widths (LibreOffice and Google Docs need them), the heading
 * row repeated on every page, rows kept whole, group and type rows spanning all but the first column.
 */
export function registerTable(node: ContainerDirective, p: ProfileSpec, fn: Footnotes): Table {
  const width = textWidth(p);
  const widths = REGISTER_COLUMNS.map((c) => Math.round(width * c.share));
  widths[widths.length - 1] = width - widths.slice(0, -1).reduce((a, b) => a + b, 0);
  const rest = widths.slice(1).reduce((a, b) => a + b, 0);
  const align = (col: number) => (REGISTER_COLUMNS[col]?.align === "center" ? AlignmentType.CENTER : AlignmentType.LEFT);
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
    const span = REGISTER_COLUMNS.length - 1;
    let cells: TableCell[];
    if (role === "heading") cells = REGISTER_COLUMNS.map((_, col) => new TableCell({ width: { size: widths[col], type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, children: [new Paragraph({ style: STYLE.tableHeading, children: runs(texts[col] ?? [], fn) })] }));
    else if (role === "group") cells = [cell(texts[0] ?? [], STYLE.tableGroup, 0), cell(texts[1] ?? [], STYLE.tableGroup, 1, span, true)];
    else if (role === "type") cells = [cell([], STYLE.tableType, 0), cell(texts[0] ?? [], STYLE.tableType, 1, span, true)];
    else cells = REGISTER_COLUMNS.map((_, col) => cell(texts[col] ?? [], STYLE.table, col));
    // Only the heading row carries tblHeader: an explicit "false" on the others still reads as a header to some tools.
    rows.push(new TableRow({ tableHeader: role === "heading" || undefined, cantSplit: true, ...blockRevision(row), children: cells }));
  }
  return new Table({ width: { size: width, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders: THIN_GRID, rows });
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
