/** Table and rule helpers the layout and body writers share. */
import { BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from "docx";
import type { ProfileSpec, Rule } from "../../profile.js";
import { STYLE } from "./styles.js";

export const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
export const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const THIN = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
/** Set once on the table, not on each of thousands of cells: the XML of a 100-fold register stays small. */
export const THIN_GRID = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

export function textWidth(p: ProfileSpec): number {
  return p.page.width - p.page.margin.left - p.page.margin.right;
}

/**
 * A solid line, `rule.share` of `width`, centred: an empty paragraph's bottom border between indents; its
 * spacing the Rule style's unless given (the title's rule stands clear of the text above it).
 */
export function ruleParagraph(rule: Rule, width: number, spacing?: { before: number; after: number }): Paragraph {
  const side = Math.round((width * (1 - rule.share)) / 2);
  return new Paragraph({
    style: STYLE.rule,
    spacing,
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [],
  });
}

/** A borderless table of columns side by side: the layout official documents use for header and closing. */
export function columns(widths: number[], cells: Array<Array<Paragraph | Table>>, options: { verticalCentre?: boolean[]; rightBorder?: boolean[] } = {}): Table {
  return grid(widths, [cells], options);
}

/**
 * Borderless rows of the same columns: a header whose lines must stand level across its columns ("Số: …"
 * on the line of the place and date) is two rows, each cell's content at the row's bottom in the last.
 */
export function grid(
  widths: number[],
  rows: Array<Array<Array<Paragraph | Table>>>,
  options: { verticalCentre?: boolean[]; rightBorder?: boolean[]; lastRowBottom?: boolean } = {},
): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          cantSplit: true,
          children: cells.map(
            (children, i) =>
              new TableCell({
                children: children.length ? children : [new Paragraph("")],
                width: { size: widths[i], type: WidthType.DXA },
                borders: options.rightBorder?.[i] ? { ...NO_BORDERS, right: THIN } : NO_BORDERS,
                verticalAlign: options.lastRowBottom && r === rows.length - 1 && rows.length > 1 ? "bottom" : options.verticalCentre?.[i] ? "center" : undefined,
              }),
          ),
        }),
    ),
  });
}
