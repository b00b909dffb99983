/** The parts Markdown cannot say — first-page header, title block, closing, appendix table — laid out by profile. */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import type { Paragraph as MdParagraph, PhrasingContent, RootContent, Table as MdTable } from "mdast";
import type { ContainerDirective } from "mdast-util-directive";
import type { ProfileSpec } from "../../profile.js";
import { isDirective } from "../../parse/tree-walk.js";
import { allStrong, runs } from "./inline.js";
import { STYLE } from "./styles.js";

type Footnotes = ReadonlyMap<string, number>;

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const THIN = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
/** Set once on the table, not on each of thousands of cells: the XML of a 100-fold register stays small. */
const THIN_GRID = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

export function textWidth(p: ProfileSpec): number {
  return p.page.width - p.page.margin.left - p.page.margin.right;
}

function paragraphsOf(node: ContainerDirective): MdParagraph[] {
  return node.children.filter((c): c is MdParagraph => c.type === "paragraph");
}

function child(node: ContainerDirective, name: string): ContainerDirective | undefined {
  return node.children.find((c) => isDirective(c, name)) as ContainerDirective | undefined;
}

/** A borderless two-column table: the layout official documents use for header and closing. */
function twoColumns(p: ProfileSpec, leftShare: number, left: Array<Paragraph | Table>, right: Array<Paragraph | Table>): Table {
  const width = textWidth(p);
  const leftWidth = Math.round(width * leftShare);
  const cell = (children: Array<Paragraph | Table>, size: number) =>
    new TableCell({ children: children.length ? children : [new Paragraph("")], width: { size, type: WidthType.DXA }, borders: NO_BORDERS });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [leftWidth, width - leftWidth],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows: [new TableRow({ cantSplit: true, children: [cell(left, leftWidth), cell(right, width - leftWidth)] })],
  });
}

/** Left: superior, issuing body (bold), mark, number. Right: motto lines (bold, the last ruled), place and date. */
export function headerBlock(node: ContainerDirective, p: ProfileSpec, fn: Footnotes): Table {
  const left = child(node, "left");
  const right = child(node, "right");
  const leftParas = left
    ? paragraphsOf(left).map((para) => {
        const strong = allStrong(para.children);
        return new Paragraph({
          style: STYLE.headerCell,
          children: runs(para.children, fn, { size: p.size.superior, underline: strong && p.issuerRule }),
        });
      })
    : [];
  const rightParagraphs = right ? paragraphsOf(right) : [];
  const mottoCount = rightParagraphs.filter((para) => allStrong(para.children)).length;
  let motto = 0;
  const rightParas = rightParagraphs.map((para) => {
    if (allStrong(para.children)) {
      const i = motto++;
      return new Paragraph({
        style: STYLE.headerCell,
        children: runs(para.children, fn, { size: p.size.motto[Math.min(i, p.size.motto.length - 1)], underline: i === mottoCount - 1 }),
      });
    }
    return new Paragraph({ style: STYLE.headerCell, spacing: { before: 240 }, children: runs(para.children, fn, { size: p.size.placeDate }) });
  });
  return twoColumns(p, p.headerLeftShare, leftParas, rightParas);
}

/** BÁO CÁO, the summary lines, the short rule. */
export function titleBlock(node: ContainerDirective, fn: Footnotes): Paragraph[] {
  const paras = paragraphsOf(node);
  return paras.map((para, i) =>
    new Paragraph({
      style: i === 0 ? STYLE.docType : STYLE.summary,
      spacing: i === paras.length - 1 ? { after: 240 } : undefined,
      children: runs(para.children, fn),
    }),
  );
}

/** Recipients (left) and signature (right). The note "(báo cáo)" stands at the right of the first recipients. */
export function closingBlock(node: ContainerDirective, p: ProfileSpec, fn: Footnotes): Table {
  const recipients = child(node, "recipients");
  const signature = child(node, "signature");
  const width = textWidth(p);
  const leftWidth = Math.round(width * 0.45);
  const left: Paragraph[] = [];
  if (recipients) {
    const note = recipients.attributes?.note ?? "";
    const first = Number(recipients.attributes?.first ?? 0);
    const noteLine = first > 0 ? Math.floor((first - 1) / 2) : -1;
    for (const c of recipients.children as RootContent[]) {
      if (c.type === "paragraph") {
        left.push(new Paragraph({ style: STYLE.recipientsLabel, children: [new TextRun({ text: plain(c.children), underline: p.recipientsLabelStyle.underline ? {} : undefined })] }));
      } else if (c.type === "list") {
        c.children.forEach((item, i) => {
          const para = item.children[0];
          const text = para?.type === "paragraph" ? plain(para.children) : "";
          const withNote = note && i === noteLine;
          left.push(
            new Paragraph({
              style: STYLE.recipients,
              tabStops: withNote ? [{ type: TabStopType.RIGHT, position: leftWidth - 120 }] : undefined,
              children: [new TextRun(`- ${text}`), ...(withNote ? [new TextRun({ children: ["\t", note] })] : [])],
            }),
          );
        });
      }
    }
  }
  const right: Paragraph[] = [];
  if (signature) {
    const paras = paragraphsOf(signature);
    paras.forEach((para, i) => {
      if (i === paras.length - 1 && paras.length > 1) {
        for (let k = 0; k < p.signatureSpace; k++) right.push(new Paragraph({ style: STYLE.signer, children: [] }));
      }
      right.push(new Paragraph({ style: STYLE.signer, children: runs(para.children, fn) }));
    });
  }
  return twoColumns(p, 0.45, left, right);
}

/** "Kế hoạch số" over "158-KH/TU", as the signed appendix sets it, so a number never breaks at its hyphen. */
function citationCell(nodes: readonly PhrasingContent[], fn: Footnotes) {
  const text = plain(nodes);
  const at = text.lastIndexOf(" số ");
  if (at < 0 || nodes.some((n) => n.type !== "text")) return runs(nodes, fn);
  return [new TextRun(text.slice(0, at + 3)), new TextRun({ text: text.slice(at + 4), break: 1 })];
}

function plain(nodes: readonly PhrasingContent[]): string {
  return nodes.map((n) => (n.type === "text" ? n.value : "children" in n ? plain(n.children as PhrasingContent[]) : "")).join("");
}

/** PHỤ LỤC, its title, the "(Kèm theo …)" line, then the register table. */
export function appendixBlocks(node: ContainerDirective, p: ProfileSpec, fn: Footnotes): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  const paras = node.children.filter((c) => c.type === "paragraph") as MdParagraph[];
  paras.forEach((para, i) => {
    out.push(
      new Paragraph({
        style: STYLE.appendixHeading,
        spacing: { after: i === paras.length - 1 ? 240 : 0, before: i === paras.length - 1 ? 60 : 0 },
        children: runs(para.children, fn),
      }),
    );
  });
  const table = node.children.find((c) => c.type === "table") as MdTable | undefined;
  if (table) out.push(registerTable(table, p, fn));
  return out;
}

/** Explicit widths (LibreOffice and Google Docs need them), header row repeated, rows kept whole. */
export function registerTable(table: MdTable, p: ProfileSpec, fn: Footnotes): Table {
  const width = textWidth(p);
  const shares = [0.075, 0.24, 0.15];
  const widths = shares.map((s) => Math.round(width * s));
  widths.push(width - widths.reduce((a, b) => a + b, 0));
  const rows = table.children.map((row, r) => {
    const cells = row.children;
    const header = r === 0;
    // A group or type row: bold label in the second cell, nothing after it; it spans the rest of the row.
    const spanning = !header && cells.slice(2).every((c) => c.children.length === 0) && allStrong(cells[1]?.children ?? []);
    const cellParagraph = (c: (typeof cells)[number], col: number) =>
      new Paragraph({
        style: header ? STYLE.tableHeading : STYLE.table,
        alignment: header || col === 0 || col === 2 ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: col === 1 && !header ? citationCell(c.children, fn) : runs(c.children, fn),
      });
    const tableCells = spanning
      ? [
          new TableCell({ width: { size: widths[0], type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, children: [cellParagraph(cells[0], 0)] }),
          new TableCell({
            width: { size: widths[1] + widths[2] + widths[3], type: WidthType.DXA },
            columnSpan: 3,
            verticalAlign: VerticalAlign.CENTER,
            children: [new Paragraph({ style: STYLE.table, keepNext: true, children: runs(cells[1].children, fn) })],
          }),
        ]
      : cells.map(
          (c, col) =>
            new TableCell({ width: { size: widths[col], type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, children: [cellParagraph(c, col)] }),
        );
    // Only the first row carries tblHeader: an explicit "false" on the others still reads as a header to some tools.
    return new TableRow({ tableHeader: header || undefined, cantSplit: true, children: tableCells });
  });
  return new Table({ width: { size: width, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders: THIN_GRID, rows });
}
