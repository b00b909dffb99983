/**
 * `danvan collect import <year> <workbook…>`: each workbook is read on its own, by its hidden columns, and
 * checked before anything is written: a workbook that is not danvan's template for a unit of this period
 * and of this layout is refused whole; one with a cell that cannot be read as its figure is not written
 * (the cells named); the others replace their unit's file in data/<year>/units/, and only that file.
 */
import { command } from "../../text/command.js";
import fs from "node:fs";
import path from "node:path";
import { UsageError, type Diagnostic } from "../../diagnostics.js";
import { readZip, ZipRefusal } from "../../import/package.js";
import { parseXml, elements } from "../../import/xml.js";
import { reasonOf } from "../../io/fs-errors.js";
import { activeIn, periodName, unitReportPath, type Unit, type UnitFigure, type UnitReport } from "../../model/units.js";
import { formatCount } from "../../text/format.js";
import { makeFolder, writeManyFilesAtomic, type OutputFile } from "../../write/atomic.js";
import { formatValue } from "../fmt.js";
import { schemaModeline } from "../schema-link.js";
import { collectContext, rowsFor, type CollectContext } from "./context.js";
import { readTextNumber } from "./numbers.js";
import { COL, isCellPart, readWorkbook, SHEET_NAME, TEMPLATE_VERSION, type CellValue, type ReadSheet } from "./workbook.js";

export interface ImportResult {
  written: Array<{ file: string; unit: Unit; figures: number; blanks: number }>;
  diagnostics: Diagnostic[];
  /** Workbooks refused as files (not a template of this period, encrypted, corrupt…): exit 2. */
  refused: number;
  /** Workbooks read but not written, for a cell that cannot be its figure: exit 1. */
  rejected: number;
}

/** A unit's workbook is tens of kilobytes; one with photographs pasted in, a few megabytes. */
const MAX_WORKBOOK_BYTES = 32 * 1024 * 1024;
const LIMITS = { fileBytes: MAX_WORKBOOK_BYTES, entries: 2000, partBytes: 64 * 1024 * 1024, totalBytes: 128 * 1024 * 1024 };

class Refused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function importWorkbooks(dataRoot: string, year: string, files: readonly string[]): Promise<ImportResult> {
  const got = collectContext(dataRoot, year);
  if (!got.ok) return { written: [], diagnostics: got.diagnostics, refused: 0, rejected: 0 };
  const ctx = got.context;
  const result: ImportResult = { written: [], diagnostics: [], refused: 0, rejected: 0 };
  const read: Array<{ file: string; unit: Unit; report: UnitReport; blanks: number }> = [];
  for (const file of [...new Set(files)]) {
    const found: Diagnostic[] = [];
    try {
      const one = await readOne(ctx, file, found);
      if (found.some((d) => d.severity === "error")) result.rejected++;
      else read.push({ file, ...one });
    } catch (err) {
      if (!(err instanceof Refused)) throw err;
      result.refused++;
      found.push({ code: err.code, severity: "error", file, line: 1, col: 1, message: err.message });
    }
    result.diagnostics.push(...found);
  }
  // Two workbooks for one unit: neither is taken, since only the clerk knows which is the right one.
  const byUnit = new Map<string, typeof read>();
  for (const r of read) byUnit.set(r.unit.code, [...(byUnit.get(r.unit.code) ?? []), r]);
  for (const [code, same] of byUnit) {
    if (same.length < 2) continue;
    for (const r of same) {
      result.diagnostics.push({ code: "DV776", severity: "error", file: r.file, line: 1, col: 1, message: `${same.length} tệp cùng là số liệu của ${r.unit.name} (${code}): ${same.map((x) => path.basename(x.file)).join(", ")}; không nhập tệp nào, hãy chọn một tệp rồi nhập lại` });
      result.refused++;
    }
    byUnit.delete(code);
  }
  const outputs: OutputFile[] = [];
  for (const [, [r]] of byUnit) {
    const target = unitReportPath(dataRoot, ctx.dir, r.unit.code);
    outputs.push({ file: target, data: unitReportText(target, r.report, r.file) });
    result.written.push({ file: target, unit: r.unit, figures: Object.keys(r.report.figures).length, blanks: r.blanks });
  }
  // The units' files are replaced together: an interrupted import leaves every one as it was.
  if (outputs.length) {
    try {
      makeFolder(path.dirname(outputs[0].file));
      await writeManyFilesAtomic(outputs);
    } catch (err) {
      if (err instanceof UsageError) throw err;
      throw new UsageError(`không ghi được vào "${path.dirname(outputs[0].file)}": ${reasonOf(err)}`, "DV012");
    }
  }
  return result;
}

function unitReportText(target: string, report: UnitReport, source: string): string {
  const comment = ` ${schemaModeline(target, "unit")}\n Nhập từ ${path.basename(source)} bằng "danvan collect import": sửa số thì sửa tệp Excel rồi nhập lại.`;
  // The same verified writer as fmt: the text is read back and must give exactly these values.
  return formatValue(report, "unit", comment);
}

async function readOne(ctx: CollectContext, file: string, found: Diagnostic[]): Promise<{ unit: Unit; report: UnitReport; blanks: number }> {
  const name = path.basename(file);
  const bytes = readBytes(file);
  if (/\.xlsm$/i.test(name)) throw new Refused("DV763", `"${name}" là sổ tính có macro (.xlsm): không nhập; hãy mở bằng Excel và lưu lại dạng "Excel Workbook (.xlsx)"`);
  let entries: Map<string, Uint8Array>;
  const names: string[] = [];
  try {
    // Every entry counted and the cells' parts inflated, within bounds, before exceljs sees any of them.
    const wanted = (entry: string) => {
      names.push(entry);
      return isCellPart(entry);
    };
    entries = readZip(bytes, wanted, LIMITS);
  } catch (err) {
    if (!(err instanceof ZipRefusal)) throw err;
    if (err.reason === "encrypted") throw new Refused("DV762", `"${name}" được đặt mật khẩu (mã hóa) hoặc là tệp Excel cũ (.xls): hãy mở bằng Excel, bỏ mật khẩu và lưu lại dạng "Excel Workbook (.xlsx)"`);
    if (err.reason === "not-zip") throw new Refused("DV761", `"${name}" không phải tệp Excel .xlsx (không phải gói zip của Excel)`);
    if (err.reason === "bomb") throw new Refused("DV765", `"${name}" bị từ chối vì ${err.message} (nghi là "zip bomb")`);
    throw new Refused("DV764", `tệp Excel "${name}" bị hỏng: ${err.message}`);
  }
  if (isMacroWorkbook(names, entries)) throw new Refused("DV763", `"${name}" là sổ tính có macro (VBA): không nhập; hãy lưu lại dạng "Excel Workbook (.xlsx)" (bỏ macro)`);
  let sheets: ReadSheet[];
  try {
    sheets = await readWorkbook(entries);
  } catch (err) {
    throw new Refused("DV764", `tệp Excel "${name}" bị hỏng, không đọc được (${err instanceof Error ? err.message.split("\n")[0] : String(err)})`);
  }
  if (sheets.length === 0) throw new Refused("DV766", `"${name}" không phải mẫu số liệu của danvan (không có trang tính nào mang dấu của mẫu); hãy điền vào mẫu do ${command("collect template")} tạo`);
  if (sheets.length > 1) throw new Refused("DV783", `"${name}" có ${sheets.length} trang tính của mẫu (${sheets.map((s) => s.name).join(", ")}): không biết đọc trang nào; hãy xóa các bản chép, chỉ giữ một`);
  const sheet = sheets[0];
  const unit = checkHeader(ctx, name, sheet);
  const at = (row: number, col: number, code: string, severity: Diagnostic["severity"], message: string) => found.push({ code, severity, file, line: row, col, message });
  if (sheet.name !== SHEET_NAME) at(1, 1, "DV775", "warning", `trang tính đã đổi tên thành "${sheet.name}" (mẫu: "${SHEET_NAME}"): vẫn đọc được, nguồn số liệu ghi tên mới`);
  for (const s of sheet.strange) at(rowOf(s.cell), COL.role, "DV774", "warning", `${name}!${s.cell}: ô ẩn đã bị sửa ("${s.text}"): dòng này không được đọc`);

  const rows = rowsFor(ctx, unit);
  const byPath = new Map<string, ReadSheet["rows"]>();
  for (const r of sheet.rows) byPath.set(r.path, [...(byPath.get(r.path) ?? []), r]);
  const figures: Record<string, UnitFigure> = {};
  let blanks = 0;
  for (const expected of rows) {
    const got = byPath.get(expected.path) ?? [];
    if (got.length === 0) {
      at(1, 1, "DV773", "error", `${name}: thiếu dòng "${expected.label}" (${expected.path}): dòng đã bị xóa; hãy gửi lại mẫu cho đơn vị`);
      continue;
    }
    if (got.length > 1) {
      at(got[1].row, COL.key, "DV772", "error", `${name}: dòng "${expected.label}" (${expected.path}) có ${got.length} lần (dòng ${got.map((g) => g.row).join(", ")}): dòng bị chép; hãy xóa bản chép`);
      continue;
    }
    const r = got[0];
    const where = `${name}!${r.inputCell}`;
    const edited = (cell: CellValue, want: string | number | undefined, what: string, col: number) => {
      const now = cell.kind === "number" ? cell.value : cell.kind === "text" ? cell.text.trim() : cell.kind === "empty" ? undefined : "…";
      if (now !== want && !(now === undefined && want === "")) {
        const colName = String.fromCharCode(64 + col);
        at(r.row, col, "DV774", "warning", `${name}!${colName}${r.row}: ô khóa "${what}" đã bị sửa (mẫu: ${show(want)}, nay: ${show(now)}); số liệu vẫn đọc theo mẫu — hỏi lại đơn vị nếu số điền theo ${what} mới`);
      }
    };
    edited(r.unit, expected.unit, "đơn vị tính", COL.unit);
    edited(r.previous, expected.previous, "kỳ trước", COL.previous);
    const figure = readInput(r.input, expected.decimals, where, (code, severity, message) => at(r.row, COL.input, code, severity, message));
    if (figure === undefined) continue;
    if (figure.value === null) blanks++;
    figures[expected.path] = { value: figure.value, cell: r.inputCell, ...(figure.text !== undefined ? { text: figure.text } : {}), ...(figure.formula !== undefined ? { formula: figure.formula } : {}) };
  }
  const asked = new Set(rows.map((r) => r.path));
  for (const r of sheet.rows) {
    if (!asked.has(r.path)) at(r.row, COL.key, "DV771", "warning", `${name}!B${r.row}: dòng "${r.path}" không có trong các số liệu ${periodName(ctx.period)} thu từ ${unit.name} (mẫu cũ, hoặc ô ẩn bị sửa): bỏ qua`);
  }
  return { unit, report: { unit: unit.code, period: ctx.period, template: TEMPLATE_VERSION, source: { file: name, sheet: sheet.name }, figures }, blanks };
}

/** 1611, 1611,5: the number without grouping, so it cannot be read two ways. */
function plain(value: number): string {
  return String(value).replace(".", ",");
}

function howRead(text: string): string {
  const ways = [
    text.includes(".") ? "dấu chấm ngăn cách hàng nghìn" : "",
    /\d\s\d/.test(text) ? "dấu cách ngăn cách hàng nghìn" : "",
    text.includes(",") ? "dấu phẩy đứng trước phần thập phân" : "",
  ].filter(Boolean);
  return ways.length ? `theo cách viết Việt Nam: ${ways.join(", ")}` : "chữ số";
}

function show(v: unknown): string {
  return v === undefined || v === "" ? "trống" : typeof v === "number" ? formatCount(v, false) : `"${String(v)}"`;
}

function rowOf(cell: string): number {
  return Number(cell.replace(/^[A-Z]+/, ""));
}

/** The header names the unit, the period and the layout: a workbook for anything else is refused here. */
function checkHeader(ctx: CollectContext, name: string, sheet: ReadSheet): Unit {
  const { unit: code, period, template } = sheet.header;
  if (template !== String(TEMPLATE_VERSION)) {
    throw new Refused("DV779", `"${name}" là mẫu phiên bản ${template ?? "không rõ"}, danvan này đọc mẫu phiên bản ${TEMPLATE_VERSION}: hãy tạo mẫu mới (${command(`collect template ${ctx.year}`)}) và gửi lại cho đơn vị`);
  }
  const unit = ctx.units.units.find((u) => u.code === code);
  if (!unit) throw new Refused("DV780", `"${name}" là mẫu của đơn vị "${code ?? ""}", không có trong ${path.basename(ctx.unitsFile)}`);
  if (period !== ctx.period) throw new Refused("DV778", `"${name}" là mẫu kỳ ${period ?? "không rõ"} của ${unit.name}, không phải kỳ ${ctx.period}: đơn vị đã điền mẫu cũ; hãy gửi mẫu kỳ ${ctx.period}`);
  const stem = name.replace(/\.[^.]*$/, "").toLowerCase();
  const named = ctx.units.units.find((u) => u.code === stem);
  if (named && named.code !== unit.code) {
    throw new Refused("DV777", `"${name}" mang tên của ${named.name} (${named.code}) nhưng là mẫu của ${unit.name} (${unit.code}): đơn vị đã điền nhầm mẫu của đơn vị khác; không nhập`);
  }
  if (!activeIn(unit, ctx.period)) throw new Refused("DV780", `${unit.name} (${unit.code}) không báo cáo kỳ ${ctx.period} theo ${path.basename(ctx.unitsFile)} (from/to)`);
  return unit;
}

type Said = (code: string, severity: Diagnostic["severity"], message: string) => void;

/** The input cell as its figure, or undefined when it cannot be (said). */
function readInput(cell: CellValue, decimals: number, where: string, say: Said): { value: number | null; text?: string; formula?: string } | undefined {
  switch (cell.kind) {
    case "empty":
      return { value: null };
    case "number":
      return checkNumber(cell.value, decimals, where, say) ? { value: cell.value } : undefined;
    case "text": {
      if (cell.text.trim() === "") return { value: null };
      const read = readTextNumber(cell.text, decimals);
      if ("problem" in read) {
        say("DV767", "error", `${where}: ${read.problem}`);
        return undefined;
      }
      say("DV768", "warning", `${where}: số gõ dạng chữ "${cell.text}", đọc là ${plain(read.value)} (${howRead(cell.text)}); lần sau hãy gõ số, không gõ dấu chấm, phẩy`);
      return { value: read.value, text: cell.text };
    }
    case "formula": {
      if (cell.error !== undefined) {
        say("DV769", "error", `${where}: công thức ${cell.formula} cho kết quả lỗi ${cell.error}; hãy sửa công thức hoặc gõ số`);
        return undefined;
      }
      if (cell.result === undefined) {
        say("DV769", "error", `${where}: công thức ${cell.formula} không có kết quả đã lưu trong tệp (tệp do chương trình khác ghi, chưa mở bằng Excel hay LibreOffice); hãy mở tệp bằng Excel, lưu lại rồi gửi, hoặc gõ số thay công thức`);
        return undefined;
      }
      if (typeof cell.result === "string") {
        const read = readTextNumber(cell.result, decimals);
        if ("problem" in read) {
          say("DV767", "error", `${where}: công thức ${cell.formula} cho ra chữ: ${read.problem}`);
          return undefined;
        }
        return { value: read.value, formula: cell.formula };
      }
      return checkNumber(cell.result, decimals, where, say) ? { value: cell.result, formula: cell.formula } : undefined;
    }
    case "other":
      say("DV767", "error", `${where}: ô chứa ${cell.what}, không phải một số; hãy gõ số`);
      return undefined;
  }
}

function checkNumber(value: number, decimals: number, where: string, say: Said): boolean {
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    say("DV782", "error", `${where}: ${String(value)} vượt quá giới hạn số nguyên chính xác (2^53 − 1)`);
    return false;
  }
  if (value < 0) {
    say("DV770", "error", `${where}: ${formatCount(value, false)} là số âm; số liệu không âm`);
    return false;
  }
  const scaled = value * 10 ** decimals;
  if (Math.abs(scaled - Math.round(scaled)) > 1e-6 * Math.max(1, Math.abs(scaled))) {
    say("DV770", "error", decimals === 0 ? `${where}: ${formatCount(value, false)} có phần thập phân, nhưng số liệu này là số nguyên` : `${where}: ${formatCount(value, false)} có nhiều hơn ${decimals} chữ số thập phân`);
    return false;
  }
  return true;
}

function readBytes(file: string): Uint8Array {
  const name = path.basename(file);
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new Refused("DV760", `"${file}" không phải là một tệp`);
    if (stat.size > MAX_WORKBOOK_BYTES) throw new Refused("DV765", `"${name}" quá lớn (${stat.size} byte; tối đa ${MAX_WORKBOOK_BYTES})`);
    return fs.readFileSync(file);
  } catch (err) {
    if (err instanceof Refused) throw err;
    throw new Refused("DV760", `không đọc được tệp "${file}": ${reasonOf(err)}`);
  }
}

/** A workbook with macros, whatever its name: its VBA project, or the content type Excel gives such a workbook. */
function isMacroWorkbook(names: readonly string[], entries: ReadonlyMap<string, Uint8Array>): boolean {
  if (names.some((n) => n.toLowerCase().endsWith("vbaproject.bin"))) return true;
  const types = entries.get("[Content_Types].xml");
  if (!types) return false;
  const text = new TextDecoder().decode(types);
  // Parsed only when it can say so: a text without the words (or a character reference spelling them) cannot.
  if (!text.includes("macroEnabled") && !text.includes("&")) return false;
  try {
    const root = parseXml(text);
    return elements(root).some((t) => elements(t).some((o) => (o.attrs.ContentType ?? "").includes("macroEnabled")));
  } catch {
    return false;
  }
}
