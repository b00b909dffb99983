/**
 * The appendix: its heading ("PHỤ LỤC", "Phụ lục I"), title lines, "(Kèm theo … của <issuer>)", and the
 * register table — found by its header row's words, whatever its columns and their order (4, 5, 6
 * columns: TT, type and number together or apart, date, summary, issuing body, note). Group rows (a Roman
 * numeral and an issuer, or an issuer alone), type rows (a type alone), merged cells and entry rows are
 * read into documents.yaml's shape. A row the register cannot hold cleanly is kept: an entry whose date is
 * not a date keeps its other values and no date (a visible blank, and a warning of `check`); a row that
 * is no entry at all is returned as text, for a warning.
 */
import type { Register, RegisterColumnRole, RegisterColumnSpec, RegisterDocument, RegisterGroup, RegisterType } from "../model/index.js";
import { REGISTER_COLUMNS } from "../profile.js";
import { TYPE_CODES } from "../check/register.js";
import type { Block, Table } from "./document.js";
import { lines, parasOf, shownText } from "./lines.js";
import { documentId, romanValue, squash } from "./text.js";
import { parseIsoDate } from "../text/format.js";

export interface Appendix {
  /** The heading as printed, when there is one. */
  heading?: string;
  title: string[];
  /** The issuer's full name from "(Kèm theo … của …)". */
  fullName?: string;
  register: Register;
  /** The register's columns as printed, when danvan's four would print it otherwise (report.yaml appendix.columns). */
  layout?: { columns: RegisterColumnSpec[]; typeRows: boolean };
  /** Rows or values that could not be placed in the register: their text, for a warning. */
  unread: Array<{ index: number; text: string; why: string }>;
  /** Entries kept with a value left out: for a warning each. */
  irregular: Array<{ index: number; message: string }>;
}

const HEADING = /^(PHỤ LỤC|Phụ lục)(\s+[IVXLC\d]+)?\b[.:]?/u;

/** A paragraph that heads an appendix: "PHỤ LỤC", "Phụ lục II", "PHỤ LỤC: Danh mục …", short. */
export function isAppendixHeading(b: Block): boolean {
  if (b.kind !== "para") return false;
  const text = shownText(b);
  return HEADING.test(text) && text.split(/\s+/).length <= 14 && !/[.;]$/.test(text);
}

/**
 * What a register column holds. Besides the usual ones, the columns of the office's "sổ đăng ký văn bản":
 * "Số, ký hiệu; ngày, tháng văn bản" (number and date together) and "Tên loại và trích yếu nội dung"
 * (type and summary together).
 */
type Role = "tt" | "typeNumber" | "type" | "number" | "numberDate" | "date" | "typeSummary" | "summary" | "issuer" | "note";

/** A header cell's words → the column's role. */
function roleOf(header: string): Role | undefined {
  const h = header.toLowerCase().normalize("NFC").replace(/\s+/g, " ").trim();
  if (/^(s[ốo]\s*)?t\.?t\.?$|^stt$|^số thứ tự$/u.test(h)) return "tt";
  const typeWord = /loại|hình thức/u.test(h);
  const numberWord = /(^|[\s,;])số(?=$|[\s,;:])|ký hiệu|kí hiệu/u.test(h);
  const dateWord = /ngày|thời gian ban hành/u.test(h);
  const summaryWord = /trích yếu|nội dung|tên văn bản|tiêu đề/u.test(h);
  if (numberWord && dateWord) return "numberDate";
  if (dateWord) return "date";
  if (typeWord && summaryWord) return "typeSummary";
  if (summaryWord) return "summary";
  if (/ghi chú/u.test(h)) return "note";
  if (/(cơ quan|đơn vị|nơi)( ban hành)?|tác giả/u.test(h) && !/nhận|lưu/u.test(h)) return "issuer";
  if (typeWord && numberWord) return "typeNumber";
  if (typeWord) return "type";
  if (numberWord && !/lượng/u.test(h)) return "number";
  return undefined;
}

/** A row's cells by grid column: a cell spanning several columns leaves the others empty. */
function gridOf(row: Table["rows"][number]): Array<{ text: string; merged: boolean }> {
  const out: Array<{ text: string; merged: boolean }> = [];
  for (const c of row) {
    out.push({ text: cellText(c.paras), merged: c.mergedAbove === true });
    for (let i = 1; i < c.span; i++) out.push({ text: "", merged: c.mergedAbove === true });
  }
  return out;
}

/** A cell's lines joined: a number broken after "-" or "/" ("03-" / "HD/TU") is one word again. */
function cellText(paras: Table["rows"][number][number]["paras"]): string {
  let out = "";
  for (const l of paras.flatMap((p) => lines(p))) out = !out ? l : /[-/]$/.test(out) && !/\s[-–]$/.test(out) ? `${out}${l}` : `${out} ${l}`;
  return squash(out);
}

interface Columns {
  roles: Map<number, Role>;
  /** Columns the register has no place for (Người ký, Nơi nhận …): their heading, to keep their values as text. */
  others: Map<number, string>;
  headerRow: number;
  width: number;
}

/** The columns of a register table, from the first of its rows that names at least three of them. */
export function registerColumns(table: Table): Columns | undefined {
  for (let r = 0; r < Math.min(3, table.rows.length); r++) {
    const roles = new Map<number, Role>();
    const others = new Map<number, string>();
    const grid = gridOf(table.rows[r]);
    grid.forEach((c, i) => {
      const role = roleOf(c.text);
      if (role && ![...roles.values()].includes(role)) roles.set(i, role);
      else if (c.text) others.set(i, c.text);
    });
    const has = (x: Role) => [...roles.values()].includes(x);
    if (roles.size >= 3 && (has("typeNumber") || has("number") || has("numberDate")) && (has("date") || has("numberDate") || has("summary") || has("typeSummary"))) {
      return { roles, others, headerRow: r, width: grid.length };
    }
  }
  return undefined;
}

export function findRegisterTable(blocks: readonly Block[], from: number, to = blocks.length): number {
  for (let b = from; b < to; b++) {
    const block = blocks[b];
    if (block.kind === "table" && registerColumns(block)) return b;
  }
  return -1;
}

/**
 * The appendix from its heading (at `headingAt`, or -1 without one) and its register table (at `tableAt`,
 * or -1): the heading, the lines between them, the register.
 */
export function readAppendix(blocks: readonly Block[], headingAt: number, tableAt: number, reportDate: string): { appendix: Appendix; used: Set<number> } {
  const used = new Set<number>();
  let heading: string | undefined;
  const title: string[] = [];
  let fullName: string | undefined;
  if (headingAt >= 0) {
    used.add(headingAt);
    const head = blocks[headingAt];
    const headLines = parasOf(head).flatMap((p) => lines(p));
    heading = headLines[0];
    title.push(...headLines.slice(1));
    const stop = tableAt >= 0 ? tableAt : blocks.length;
    for (let b = headingAt + 1; b < stop; b++) {
      const block = blocks[b];
      if (block.kind === "table") break;
      used.add(b);
      const text = shownText(block);
      if (!text) continue;
      const attached = /^\(Kèm theo .* của (.+?)\)\.?$/u.exec(text);
      if (attached) fullName = squash(attached[1]);
      else title.push(...lines(block));
    }
  }
  let register: Register = { groups: [] };
  let layout: Appendix["layout"];
  const unread: Appendix["unread"] = [];
  const irregular: Appendix["irregular"] = [];
  if (tableAt >= 0) {
    const more = continuationTables(blocks, tableAt);
    for (const b of [tableAt, ...more]) used.add(b);
    const read = readRegister([tableAt, ...more].map((b) => blocks[b] as Table), reportDate);
    register = read.register;
    layout = read.layout;
    unread.push(...read.unread);
    irregular.push(...read.irregular);
  }
  return { appendix: { ...(heading ? { heading } : {}), title, fullName, register, ...(layout ? { layout } : {}), unread, irregular }, used };
}

/** Type names a register groups by, longest first so that "Kế hoạch phối hợp" reads as "Kế hoạch". */
const TYPE_NAMES = [...Object.keys(TYPE_CODES), "Quyết định", "Tờ trình", "Thông tư", "Nghị định", "Luật", "Công điện", "Biên bản", "Giấy mời", "Văn bản", "Thư"].sort((a, b) => b.length - a.length);
const BY_CODE = new Map(Object.entries(TYPE_CODES).map(([name, code]) => [code, name]));

function typeAtStart(text: string): string | undefined {
  return TYPE_NAMES.find((t) => text === t || text.startsWith(`${t} `) || text.toLowerCase() === t.toLowerCase() || text.toLowerCase().startsWith(`${t.toLowerCase()} `));
}

const DATE = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/;

/** d/m/yyyy or d/m/yy (the century the report's own date gives it): an ISO date, if it is a real one. */
export function readDate(text: string, reportDate: string): string | undefined {
  const m = DATE.exec(text.replace(/^ngày\s+/iu, "").replace(/\.$/, ""));
  if (!m) return undefined;
  let year = Number(m[3]);
  if (m[3].length === 2) {
    const reportYear = Number(reportDate.slice(0, 4)) || 2000;
    year += Math.floor(reportYear / 100) * 100;
    if (year > reportYear) year -= 100;
  }
  const iso = `${String(year).padStart(4, "0")}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
  // The calendar as check reads it.
  return parseIsoDate(iso) ? iso : undefined;
}

/**
 * "Chỉ thị số 22-CT/TU", "Kế hoạch 943/KH-UBND", "Số 12/BC-UBND", "22-CT/TU", also with its date after it
 * ("12/KH-UBND, ngày 03/4/2024", as a register with one column for both prints it): the type as printed
 * (maybe none), the number, the date's text.
 */
function splitReference(text: string): { type?: string; number: string; date?: string } | undefined {
  const dated = /^(.*?)[,;]?\s+(?:ngày\s+)?(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,5})\.?$/u.exec(text);
  const head = dated && /\d/.test(dated[1]) ? dated[1] : text;
  const date = dated && head !== text ? dated[2] : undefined;
  const so = /^(.*?)\s*\b[Ss]ố\s*:?\s*(\S.*)$/u.exec(head);
  if (so && /\d/.test(so[2])) return { ...(so[1] ? { type: squash(so[1]) } : {}), number: squash(so[2]), ...(date ? { date } : {}) };
  const digit = /^(.*?)\s*(\d\S*.*)$/u.exec(head);
  if (digit && /[/-]/.test(digit[2])) return { ...(digit[1] ? { type: squash(digit[1]) } : {}), number: squash(digit[2]), ...(date ? { date } : {}) };
  return undefined;
}

/** The type a number's code names: 22-CT/TU → Chỉ thị; 3111/KH-UBND → Kế hoạch. */
function typeFromCode(number: string): string | undefined {
  const party = /^\d+[a-zA-Z]?-([\p{L}]+)\//u.exec(number);
  const state = /^\d+[a-zA-Z]?(?:\/\d{4})?\/([\p{L}]+)-/u.exec(number);
  return BY_CODE.get(party?.[1] ?? state?.[1] ?? "");
}

/** The width of a table's grid: its widest row, spans counted. */
function gridWidth(table: Table): number {
  return Math.max(0, ...table.rows.map((row) => row.reduce((n, c) => n + c.span, 0)));
}

/**
 * The register from its table and the tables that continue it (a table broken at a page, with or without
 * its header repeated): one list of rows read with the first table's columns.
 */
export function readRegister(tables: readonly Table[], reportDate: string): { register: Register; layout?: Appendix["layout"]; unread: Appendix["unread"]; irregular: Appendix["irregular"] } {
  const columns = tables.length ? registerColumns(tables[0]) : undefined;
  const groups: RegisterGroup[] = [];
  const unread: Appendix["unread"] = [];
  const irregular: Appendix["irregular"] = [];
  if (!columns) return { register: { groups }, unread, irregular };
  const col = (role: Role) => [...columns.roles].find(([, r]) => r === role)?.[0];
  const at = {
    tt: col("tt"),
    ref: col("typeNumber") ?? col("number") ?? col("numberDate"),
    type: col("type"),
    date: col("date") ?? col("numberDate"),
    summary: col("summary") ?? col("typeSummary"),
    typeInSummary: col("typeSummary") !== undefined,
    issuer: col("issuer"),
    note: col("note"),
  };
  const layout = printedLayout(columns, tables[0]);
  let typeRows = false;
  let shortYears = 0;
  let dates = 0;
  let group: RegisterGroup | undefined;
  let type: RegisterType | undefined;
  /** The type a type row named, for the entries under it that print no type of their own. */
  let rowType: RegisterType | undefined;
  const ids = new Set<string>();
  const numbers = new Set<string>();
  const openGroup = (issuer: string) => {
    group = { issuer, types: [] };
    groups.push(group);
    type = undefined;
    rowType = undefined;
  };
  const rows = tables.flatMap((table, t) => table.rows.map((row, r) => ({ row, index: row.flatMap((c) => c.paras)[0]?.index ?? table.index, skip: t === 0 && r <= columns.headerRow })));
  /** What each column showed in the row above: a cell merged into it shows the same. */
  let above: string[] = [];
  rows.forEach(({ row, index, skip }, r) => {
    const grid = gridOf(row);
    const cells = grid.map((c, i) => (c.merged && !c.text ? (above[i] ?? "") : c.text));
    above = cells;
    if (skip) return;
    const get = (i: number | undefined) => (i === undefined ? "" : (cells[i] ?? ""));
    const filled = cells.map((c, i) => ({ c, i })).filter((x) => x.c && !grid[x.i].merged);
    if (!filled.length) return;
    const asText = () => filled.map((x) => x.c).join(" | ");
    // A row repeating the header (a table continued on the next page, or a row of column numbers 1 2 3 4).
    if (filled.every((x) => roleOf(x.c) === columns.roles.get(x.i) || columns.others.get(x.i) === x.c) || filled.every((x) => /^\(?\d{1,2}\)?$/.test(x.c) && Number(x.c.replace(/\D/g, "")) === x.i + 1)) return;
    const refText = get(at.ref);
    const ref = refText ? splitReference(refText) : undefined;
    let dateText = get(at.date);
    if (at.ref !== undefined && at.ref === at.date) dateText = ref?.date ?? "";
    else if (!dateText && ref?.date) dateText = ref.date;
    if (!ref) {
      // A group or type row: one text, maybe after a Roman numeral or a letter in the TT column.
      // The TT column holds a numeral; a cell merged across the row from there holds the label itself.
      const isNumeral = (t: string) => /^([IVXLC]+|[A-Z]|\d{1,3})[.)]?$/u.test(t);
      const texts = filled.filter((x) => !(x.i === at.tt && isNumeral(x.c))).map((x) => x.c);
      const tt = isNumeral(get(at.tt)) ? get(at.tt) : "";
      const lead = /^([IVXLC]+[.)\-–]?|[A-Z][.)\-–])\s+(\S.*)$/u.exec(texts.join(" "));
      const leadNumeral = lead ? lead[1].replace(/[.)\-–]$/, "") : "";
      const numbered = romanValue(tt.replace(/[.)]$/, "")) !== undefined || /^[A-Z][.)]?$/.test(tt) || (lead !== null && (romanValue(leadNumeral) !== undefined || /^[A-Z]$/.test(leadNumeral)));
      const label = squash(lead && (romanValue(leadNumeral) !== undefined || /^[A-Z]$/.test(leadNumeral)) ? lead[2] : texts.join(" "));
      if (texts.length === 1 && label && !dateText) {
        const asType = typeAtStart(label);
        if (numbered || !asType || at.type !== undefined) openGroup(label);
        else {
          if (!group) openGroup("");
          type = { type: asType, ...(asType !== label ? { heading: label } : {}), documents: [] };
          rowType = type;
          typeRows = true;
          group!.types.push(type);
        }
        return;
      }
      unread.push({ index, text: asText(), why: "không đọc ra số ký hiệu văn bản" });
      return;
    }
    let summaryText = get(at.summary);
    let typeInSummary: string | undefined;
    if (at.typeInSummary) {
      // "Tên loại và trích yếu": the type at the start, then the summary.
      typeInSummary = typeAtStart(summaryText);
      if (typeInSummary) summaryText = summaryText.slice(typeInSummary.length).replace(/^[\s:,.-]+/u, "");
      summaryText = summaryText.charAt(0).toUpperCase() + summaryText.slice(1);
    }
    // What the register has no column for is kept in the summary, named.
    // A layout with a note column keeps the note in the entry's own field.
    const extra = [
      ...(get(at.note) && !layout ? [`(${get(at.note)})`] : []),
      ...[...columns.others].filter(([i]) => get(i)).map(([i, label]) => `(${label}: ${get(i)})`),
    ];
    const summary = [summaryText, ...extra].filter(Boolean).join(" ");
    if (!summaryText) {
      unread.push({ index, text: asText(), why: "không có trích yếu nội dung" });
      return;
    }
    if (numbers.has(ref.number)) {
      unread.push({ index, text: asText(), why: `số ký hiệu ${ref.number} đã có ở một hàng trên` });
      return;
    }
    numbers.add(ref.number);
    const issuer = get(at.issuer);
    if (issuer && issuer !== group?.issuer) openGroup(issuer);
    if (!group) openGroup("");
    const printedType = get(at.type) || ref.type || typeInSummary;
    const typeName = printedType ? (typeAtStart(printedType) ?? printedType) : (rowType?.type ?? typeFromCode(ref.number));
    if (!typeName) {
      unread.push({ index, text: asText(), why: "không rõ thể loại văn bản" });
      return;
    }
    // A type row may say more than the type ("Kế hoạch phối hợp" over "Kế hoạch số …"): that is its heading.
    if (!type || typeName !== type.type) {
      type = group!.types.find((t) => t.type === typeName) ?? { type: typeName, ...(printedType && printedType !== typeName ? { heading: printedType } : {}), documents: [] };
      if (!group!.types.includes(type)) group!.types.push(type);
    }
    let id = documentId(ref.number) || `van-ban-${r}`;
    for (let n = 2; ids.has(id); n++) id = `${documentId(ref.number) || "van-ban"}-${n}`;
    ids.add(id);
    const date = readDate(dateText, reportDate);
    if (dateText) {
      dates += 1;
      if (/\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2}$/.test(dateText)) shortYears += 1;
    }
    const doc: RegisterDocument = { id, number: ref.number, summary, ...(layout && get(at.note) ? { note: get(at.note) } : {}) };
    if (date && date <= reportDate) doc.date = date;
    else if (date) irregular.push({ index, message: `văn bản ${ref.number}: ngày ${dateText} sau ngày của báo cáo; để trống ngày (date) trong documents.yaml` });
    else irregular.push({ index, message: dateText ? `văn bản ${ref.number}: ngày "${dateText}" không phải là ngày có thật; để trống ngày (date) trong documents.yaml` : `văn bản ${ref.number} không ghi ngày ban hành; để trống ngày (date)` });
    type.documents.push(doc);
  });
  for (const [, label] of columns.others) {
    if (rows.some(({ row, skip }) => !skip && gridOf(row).some((c, i) => columns.others.get(i) === label && c.text && c.text !== label))) {
      irregular.push({ index: tables[0].index, message: `cột "${label}" của danh mục không có chỗ trong dữ liệu: giá trị của nó được ghi vào cuối trích yếu, trong ngoặc` });
    }
  }
  const kept = groups
    .map((g) => ({ ...g, types: g.types.filter((t) => t.documents.length) }))
    .filter((g) => g.types.length);
  // A date column that writes most years in two digits is printed so again.
  if (layout && shortYears * 2 > dates) for (const c of layout) if (c.role === "date") c.shortYear = true;
  const printed = layout && !isDefaultLayout(layout, typeRows) ? { layout: { columns: layout, typeRows } } : {};
  return { register: { groups: kept }, ...printed, unread, irregular };
}

const PRINTED_ROLE: Partial<Record<Role, RegisterColumnRole>> = { tt: "tt", typeNumber: "citation", type: "type", number: "number", date: "date", summary: "summary", issuer: "issuer", note: "note" };

/**
 * The register's columns as the source prints them, in its order, each with its heading: undefined when
 * a column holds two values the layout cannot print apart (number with date, type with summary).
 */
function printedLayout(columns: Columns, header: Table): RegisterColumnSpec[] | undefined {
  const grid = gridOf(header.rows[columns.headerRow]);
  const out: RegisterColumnSpec[] = [];
  for (const [i, role] of [...columns.roles].sort((a, b) => a[0] - b[0])) {
    const printed = PRINTED_ROLE[role];
    if (!printed) return undefined;
    out.push({ role: printed, label: grid[i].text });
  }
  return out;
}

/** danvan's own four columns, headed as it heads them, with its type rows: nothing to write. */
function isDefaultLayout(layout: readonly RegisterColumnSpec[], typeRows: boolean): boolean {
  return typeRows && layout.length === REGISTER_COLUMNS.length && layout.every((c, i) => c.role === REGISTER_COLUMNS[i].role && c.label === REGISTER_COLUMNS[i].label && !c.shortYear);
}

/** The tables after a register that continue it: the same grid, nothing but empty paragraphs between. */
export function continuationTables(blocks: readonly Block[], tableAt: number): number[] {
  const first = blocks[tableAt] as Table;
  const width = gridWidth(first);
  const out: number[] = [];
  for (let b = tableAt + 1; b < blocks.length; b++) {
    const block = blocks[b];
    if (block.kind === "para") {
      if (shownText(block) === "") continue;
      break;
    }
    if (gridWidth(block) !== width) break;
    const own = registerColumns(block);
    if (own && own.headerRow > 0) break;
    out.push(b);
  }
  return out;
}
