/**
 * A unit's workbook, as danvan writes it and reads it back, through exceljs. One sheet: a header naming the
 * unit, the report and the period; Vietnamese instructions; one row per figure with its label, unit of
 * measure, last period's value and the input cell. Two hidden columns say what each row is (a role and a
 * value: `danvan`, `unit`, `period`, `template`, `figure` with its path), so rows sorted, moved or with
 * labels reworded still read, and the header is checked before any figure is.
 */
import { createRequire } from "node:module";
import type { Cell, Workbook, Worksheet } from "exceljs";
import { readZip } from "../../import/package.js";
import { zipSync } from "fflate";

/** The layout's version: the reader knows where everything is only in workbooks of this layout. */
export const TEMPLATE_VERSION = 1;
export const MARKER = "danvan-collect";
export const SHEET_NAME = "Số liệu";

/** Columns: two hidden (role, value), then what the unit sees. */
export const COL = { role: 1, key: 2, number: 3, label: 4, unit: 5, previous: 6, input: 7 } as const;
const FIRST_FIGURE_ROW = 12;

export interface TemplateRow {
  path: string;
  label: string;
  unit: string;
  decimals: number;
  previous?: number;
}

export interface TemplateSpec {
  unitCode: string;
  unitName: string;
  groupName: string;
  reportName: string;
  period: string;
  periodName: string;
  previousName: string;
  rows: TemplateRow[];
  /** ISO date every date inside the workbook and its archive carries: same data, same bytes. */
  date: string;
}

/**
 * exceljs's Workbook, required as its own module: `require("exceljs")` also loads the streaming reader and
 * writer (archiver and its globbing, 660 modules against 278), which cost a collect run ~140 ms of CPU to
 * load and are never used. It is the class the package exports as `Workbook` (held so by
 * tests/collect/workbook.test.ts); exceljs is pinned exactly in package.json.
 */
export const EXCELJS_WORKBOOK = "exceljs/lib/doc/workbook.js";
function exceljs(): { Workbook: typeof import("exceljs").Workbook } {
  return { Workbook: createRequire(import.meta.url)(EXCELJS_WORKBOOK) as typeof import("exceljs").Workbook };
}

const thin = { style: "thin" as const };
const box = { top: thin, left: thin, bottom: thin, right: thin };
const INPUT_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFFFF2CC" } };
const HEAD_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFD9E1F2" } };

/** The figures' number format: thousands grouped, exactly the statistic's decimals. */
function numberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
}

export async function templateBytes(spec: TemplateSpec): Promise<Uint8Array> {
  const { Workbook } = exceljs();
  const wb: Workbook = new Workbook();
  const stamp = new Date(`${spec.date}T00:00:00Z`);
  wb.creator = "danvan";
  wb.lastModifiedBy = "danvan";
  wb.created = stamp;
  wb.modified = stamp;
  wb.lastPrinted = stamp;
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: "frozen", ySplit: FIRST_FIGURE_ROW - 1, showGridLines: true }] });
  ws.properties.defaultRowHeight = 18;
  ws.columns = [
    { width: 10, hidden: true },
    { width: 30, hidden: true },
    { width: 6 },
    { width: 60 },
    { width: 12 },
    { width: 16 },
    { width: 18 },
  ];
  const keyRow = (row: number, role: string, value: string | number) => {
    ws.getCell(row, COL.role).value = role;
    ws.getCell(row, COL.key).value = value;
  };
  keyRow(1, MARKER, "Mẫu số liệu của danvan: không sửa hai cột ẩn này");
  keyRow(2, "unit", spec.unitCode);
  keyRow(3, "period", spec.period);
  keyRow(4, "template", TEMPLATE_VERSION);

  const line = (row: number, text: string, opts: { bold?: boolean; size?: number; italic?: boolean; height?: number } = {}) => {
    ws.mergeCells(row, COL.number, row, COL.input);
    const c = ws.getCell(row, COL.number);
    c.value = text;
    c.font = { name: "Times New Roman", size: opts.size ?? 12, bold: opts.bold, italic: opts.italic };
    c.alignment = { wrapText: true, vertical: "top" };
    if (opts.height) ws.getRow(row).height = opts.height;
  };
  line(1, "BIỂU SỐ LIỆU GỬI BAN TUYÊN GIÁO VÀ DÂN VẬN", { bold: true, size: 14 });
  line(2, `Đơn vị: ${spec.unitName} (mã ${spec.unitCode}; nhóm: ${spec.groupName})`, { bold: true });
  line(3, `Báo cáo: ${spec.reportName}`);
  line(4, `Kỳ báo cáo: ${spec.periodName}`, { bold: true });
  line(5, "Hướng dẫn điền:", { bold: true, italic: true });
  const steps = [
    `1. Chỉ điền vào các ô màu vàng ở cột "${spec.periodName}"; các ô khác đã được khóa. Cột "${spec.previousName}" là số liệu đơn vị đã gửi kỳ trước, để đối chiếu.`,
    "2. Gõ số, không gõ chữ hay đơn vị tính: 1611 (Excel tự hiện 1.611). Số đếm là số nguyên; chỉ các dòng có đơn vị tính như tỷ đồng, ha mới có phần thập phân.",
    "3. Không có việc đó trong kỳ thì ghi 0. Để trống nghĩa là chưa có số liệu: Ban sẽ hỏi lại đơn vị.",
    "4. Không đổi tên trang tính, không chèn hay xóa dòng, cột. Có thể dùng công thức (ví dụ cộng số của các chi bộ) nếu lưu bằng Excel hoặc LibreOffice.",
    `5. Lưu dạng "Excel Workbook (.xlsx)", không lưu .xls hay .xlsm, không đặt mật khẩu; gửi lại tệp này (tên tệp nên giữ nguyên: ${spec.unitCode}.xlsx).`,
  ];
  steps.forEach((s, i) => line(6 + i, s, { height: 32 }));

  const head = FIRST_FIGURE_ROW - 1;
  const headers = ["STT", "Nội dung", "Đơn vị tính", spec.previousName, spec.periodName];
  headers.forEach((h, i) => {
    const c = ws.getCell(head, COL.number + i);
    c.value = h;
    c.font = { name: "Times New Roman", size: 12, bold: true };
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    c.fill = HEAD_FILL;
    c.border = box;
  });
  ws.getRow(head).height = 32;

  spec.rows.forEach((r, i) => {
    const row = FIRST_FIGURE_ROW + i;
    keyRow(row, "figure", r.path);
    const cells: Array<[number, string | number | null]> = [
      [COL.number, i + 1],
      [COL.label, r.label],
      [COL.unit, r.unit],
      [COL.previous, r.previous ?? null],
    ];
    for (const [col, value] of cells) {
      const c = ws.getCell(row, col);
      c.value = value;
      c.font = { name: "Times New Roman", size: 12 };
      c.border = box;
      c.alignment = { vertical: "middle", wrapText: col === COL.label, horizontal: col === COL.label ? "left" : "center" };
      if (col === COL.previous) c.numFmt = numberFormat(r.decimals);
    }
    const input = ws.getCell(row, COL.input);
    input.numFmt = numberFormat(r.decimals);
    input.font = { name: "Times New Roman", size: 12, bold: true };
    input.fill = INPUT_FILL;
    input.border = box;
    input.protection = { locked: false };
    const whole = r.decimals === 0;
    input.dataValidation = {
      type: whole ? "whole" : "decimal",
      operator: "greaterThanOrEqual",
      formulae: [0],
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "Số liệu không hợp lệ",
      error: whole ? "Gõ một số nguyên không âm, không có dấu chấm hay phẩy (ví dụ 1611). Chưa có số liệu thì để trống." : `Gõ một số không âm, tối đa ${r.decimals} chữ số thập phân.`,
      showInputMessage: true,
      promptTitle: r.unit ? `Đơn vị tính: ${r.unit}` : "Số liệu",
      prompt: whole ? "Số nguyên không âm; không có thì ghi 0." : `Số có tối đa ${r.decimals} chữ số thập phân.`,
    };
  });
  // Printed on one page width (the hidden columns out of the print area), as a unit would sign and file it.
  ws.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: `C1:G${Math.max(FIRST_FIGURE_ROW, FIRST_FIGURE_ROW + spec.rows.length - 1)}`,
    printTitlesRow: `${head}:${head}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  const written = new Uint8Array(await wb.xlsx.writeBuffer());
  // exceljs stamps each archive entry with the time of writing; every entry is dated as the workbook is
  // (a zip date has no time zone: fflate writes the local date and time of this Date).
  const [year, month, day] = spec.date.split("-").map(Number);
  return zipSync(Object.fromEntries(readZip(written, () => true)), { mtime: new Date(year, month - 1, day) });
}

/** A cell as read back: what it held and how it was written. */
export type CellValue =
  | { kind: "empty" }
  | { kind: "number"; value: number }
  | { kind: "text"; text: string }
  | { kind: "formula"; formula: string; result?: number | string; error?: string }
  | { kind: "other"; what: string };

export interface ReadRow {
  row: number;
  path: string;
  label: CellValue;
  unit: CellValue;
  previous: CellValue;
  input: CellValue;
  /** `G12`. */
  inputCell: string;
}

export interface ReadSheet {
  name: string;
  header: { unit?: string; period?: string; template?: string };
  rows: ReadRow[];
  /** Rows whose hidden role is not one the template writes: an edited hidden cell. */
  strange: Array<{ cell: string; text: string }>;
}

/**
 * The parts of a workbook its cells are read from: the package's relationships, the workbook (its sheets
 * and their names), the shared strings, the styles (which say a number is a date) and the sheets. The
 * rest — theme, document properties, pictures, drawings, comments, each sheet's links to them — is never
 * handed to exceljs, which would parse it for nothing.
 */
export function isCellPart(name: string): boolean {
  return CELL_PARTS.has(name) || /^xl\/worksheets\/sheet\d+\.xml$/.test(name);
}
const CELL_PARTS = new Set(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml"]);

/** Any date: the stored zip lives in memory only. */
const STORED_DATE = new Date(1980, 0, 1);

/** What a sheet holds besides its cells; with its links (sheet rels) left out, none of it may be read. */
const UNREAD_SHEET_PARTS = ["dataValidations", "sheetProtection", "pageSetup", "pageMargins", "printOptions", "headerFooter", "mergeCells", "cols", "sheetViews", "sheetFormatPr", "sheetPr", "dimension", "conditionalFormatting", "extLst", "rowBreaks", "hyperlinks", "autoFilter", "drawing", "legacyDrawing", "legacyDrawingHF", "picture", "tableParts"];

/**
 * The sheets of a workbook that carry danvan's marker. `parts`: the workbook's cell parts (isCellPart),
 * already inflated within bounds by the zip reader; exceljs gets them as a stored zip, with nothing left
 * to inflate a second time.
 */
export async function readWorkbook(parts: ReadonlyMap<string, Uint8Array>): Promise<ReadSheet[]> {
  const { Workbook } = exceljs();
  const wb: Workbook = new Workbook();
  const stored = zipSync(Object.fromEntries(parts), { level: 0, mtime: STORED_DATE });
  await wb.xlsx.load(stored as unknown as ArrayBuffer, { ignoreNodes: UNREAD_SHEET_PARTS } as never);
  const sheets: ReadSheet[] = [];
  for (const ws of wb.worksheets) {
    const sheet = readSheet(ws);
    if (sheet) sheets.push(sheet);
  }
  return sheets;
}

function readSheet(ws: Worksheet): ReadSheet | undefined {
  let marked = false;
  const header: ReadSheet["header"] = {};
  const rows: ReadRow[] = [];
  const strange: ReadSheet["strange"] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const role = textOf(cellValue(row.getCell(COL.role)));
    const key = textOf(cellValue(row.getCell(COL.key)));
    if (role === undefined) return;
    if (role === MARKER) marked = true;
    else if (role === "unit" || role === "period" || role === "template") header[role] = key;
    else if (role === "figure" && key) {
      rows.push({
        row: n,
        path: key,
        label: cellValue(row.getCell(COL.label)),
        unit: cellValue(row.getCell(COL.unit)),
        previous: cellValue(row.getCell(COL.previous)),
        input: cellValue(row.getCell(COL.input)),
        inputCell: row.getCell(COL.input).address,
      });
    } else strange.push({ cell: row.getCell(COL.role).address, text: role });
  });
  return marked ? { name: ws.name, header, rows, strange } : undefined;
}

function textOf(v: CellValue): string | undefined {
  if (v.kind === "text") return v.text.trim();
  if (v.kind === "number") return String(v.value);
  return undefined;
}

/** A cell by what it holds; a formula keeps its cached result, or none when the file saved none. */
export function cellValue(cell: Cell): CellValue {
  const v = cell.value as unknown;
  if (v === null || v === undefined || v === "") return { kind: "empty" };
  if (typeof v === "number") return { kind: "number", value: v };
  if (typeof v === "string") return { kind: "text", text: v };
  if (typeof v === "boolean") return { kind: "other", what: v ? "TRUE" : "FALSE" };
  if (v instanceof Date) return { kind: "other", what: "một ngày tháng" };
  if (typeof v === "object") {
    const o = v as { formula?: string; sharedFormula?: string; result?: unknown; richText?: Array<{ text: string }>; error?: string; text?: string };
    if (o.formula !== undefined || o.sharedFormula !== undefined) {
      const formula = `=${o.formula ?? o.sharedFormula}`;
      const r = o.result;
      if (typeof r === "number") return { kind: "formula", formula, result: r };
      if (typeof r === "string") return { kind: "formula", formula, result: r };
      if (r && typeof r === "object" && "error" in r) return { kind: "formula", formula, error: String((r as { error: unknown }).error) };
      return { kind: "formula", formula };
    }
    if (Array.isArray(o.richText)) return { kind: "text", text: o.richText.map((t) => t.text).join("") };
    if (o.error !== undefined) return { kind: "other", what: `lỗi ${o.error}` };
    if (typeof o.text === "string") return { kind: "text", text: o.text };
  }
  return { kind: "other", what: String(v) };
}
