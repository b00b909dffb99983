/** Stage 1: read a year folder's YAML into values that remember where each node came from. */
import { command } from "../text/command.js";
import path from "node:path";
import type { Document, LineCounter, Node } from "yaml";
import { UsageError, type Diagnostic } from "../diagnostics.js";
import { RawFile, yamlLibrary as Y, type FileKind, type PositionIndex } from "../model/index.js";
import { parseYamlDocument } from "./parse-yaml.js";
import { yamlProblems } from "./yaml-errors.js";
import { indentationProblem } from "./indentation.js";
import { isFolderInside, listFolder, lstatOrUndefined, readRegular, realFolder } from "../io/read.js";
import { UNITS_FILE, UNITS_FOLDER, unitReportPath, type UnitReport } from "../model/units.js";
import { SERIES_FILE } from "./periods.js";

export interface LoadResult {
  files: RawFile[];
  diagnostics: Diagnostic[];
}

/** A year's register runs to about 10 KB per 100 documents; 4 MiB holds a hundred times 2021 and stops mistakes and attacks. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** The schemas nest six levels at most; deeper data is rejected before it reaches any recursive code. */
export const MAX_DEPTH = 32;
/** A paragraph on one line runs to a few thousand characters; far longer lines are not prose. */
export const MAX_LINE_CHARS = 20_000;
const MAX_ALIASES = 100;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** report.yaml is required; documents.yaml only when the report has an appendix register. */
const TOP_FILES: ReadonlyArray<[string, FileKind, boolean]> = [
  ["report.yaml", "report", true],
  ["documents.yaml", "documents", false],
];

/** Section files run in the order of their leading numbers: 02 before 02-1 before 02-ket… never by accident of spelling. */
export function sectionOrder(a: string, b: string): number {
  const key = (name: string) => (name.match(/^\d+(?:-\d+)*/)?.[0] ?? "").split("-").map(Number);
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    if (ka[i] === undefined) return -1;
    if (kb[i] === undefined) return 1;
    if (ka[i] !== kb[i]) return ka[i] - kb[i];
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A period folder's files (`dir` relative to the data root: `2021`, `bao-cao-6-thang/2022-h1`), and its series'
 * series.yaml when there is one. `textOnly`: each file read and decoded with every guarantee (regular, inside
 * the root, bounded, UTF-8) but not parsed — what `fmt` needs to know which files it may open; it parses each
 * one itself. `unitReports: false` leaves out the period's units/ files (collect, which replaces them, reads
 * only what asks for them).
 */
export function loadYear(dataRoot: string, year: string, options: { textOnly?: boolean; unitReports?: boolean } = {}): LoadResult {
  const dir = path.join(dataRoot, year);
  const root = realFolder(dataRoot);
  const files: RawFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [name, kind, required] of TOP_FILES) {
    const file = path.join(dir, name);
    if (!lstatOrUndefined(file)) {
      if (required) diagnostics.push(missingFile(file, `thiếu tệp bắt buộc ${name}`));
      continue;
    }
    files.push(parseFile(file, kind, diagnostics, root, options.textOnly));
  }
  const sectionsDir = path.join(dir, "sections");
  for (const name of listFolder(dir).sort()) {
    if (!KNOWN_ENTRIES.has(name) && !name.startsWith(".")) {
      diagnostics.push({ ...missingFile(path.join(dir, name), ""), code: "DV106", message: `tệp hoặc thư mục lạ trong thư mục năm: chỉ có report.yaml, documents.yaml, sections/ và units/` });
    }
  }
  const hasSections = lstatOrUndefined(sectionsDir) !== undefined;
  if (hasSections && !isFolderInside(sectionsDir, root)) {
    diagnostics.push({ ...missingFile(sectionsDir, ""), code: "DV112", message: "sections phải là một thư mục nằm trong thư mục dữ liệu" });
  }
  const entries = hasSections && isFolderInside(sectionsDir, root) ? listFolder(sectionsDir) : [];
  const names = entries.filter((n) => /^\d{2,}(-\d+)?-[a-z0-9-]+\.yaml$/.test(n)).sort(sectionOrder);
  for (const name of entries.filter((n) => !names.includes(n) && !n.startsWith(".")).sort()) {
    diagnostics.push({
      ...missingFile(path.join(sectionsDir, name), ""),
      code: "DV106",
      message: `tệp lạ trong sections/: tên tệp mục phải có dạng NN-ten-muc.yaml hoặc NN-M-ten-muc.yaml (ví dụ 02-1-tham-muu.yaml)`,
    });
  }
  if (names.length === 0) diagnostics.push(missingFile(sectionsDir, "thư mục sections/ không có tệp mục nào (NN-ten-muc.yaml)"));
  for (const name of names) files.push(parseFile(path.join(sectionsDir, name), "section", diagnostics, root, options.textOnly));
  const seriesFile = path.join(path.dirname(dir), SERIES_FILE);
  if (lstatOrUndefined(seriesFile)) files.push(parseFile(seriesFile, "series", diagnostics, root, options.textOnly));
  files.push(...loadUnits(dataRoot, year, diagnostics, root, options.unitReports ?? true, options.textOnly));
  return { files, diagnostics };
}

/**
 * The units' side of a year: data/units.yaml (the units, beside the years) when there is one, and the
 * year's units/<code>.yaml, one per unit that reported. A year that collects nothing has neither.
 */
export function loadUnits(dataRoot: string, year: string, diagnostics: Diagnostic[], root = realFolder(dataRoot), reports = true, textOnly = false): RawFile[] {
  const files: RawFile[] = [];
  const unitsFile = path.join(dataRoot, UNITS_FILE);
  if (lstatOrUndefined(unitsFile)) files.push(parseFile(unitsFile, "units", diagnostics, root, textOnly));
  const dir = path.join(dataRoot, year, UNITS_FOLDER);
  if (!reports || !lstatOrUndefined(dir)) return files;
  if (!isFolderInside(dir, root)) {
    diagnostics.push({ ...missingFile(dir, ""), code: "DV112", message: "units phải là một thư mục nằm trong thư mục dữ liệu" });
    return files;
  }
  for (const name of listFolder(dir).filter((n) => !n.startsWith(".")).sort()) {
    if (UNIT_FILE_NAME.test(name)) files.push(parseFile(path.join(dir, name), "unit", diagnostics, root, textOnly));
    else diagnostics.push({ ...missingFile(path.join(dir, name), ""), code: "DV106", message: "tệp lạ trong units/: mỗi đơn vị một tệp <mã-đơn-vị>.yaml, do danvan collect import ghi" });
  }
  return files;
}

/**
 * A unit's report of another period (the one before, shown in its template and compared by check), when
 * there is one that reads; nothing is said about it otherwise, since it belongs to that period's checks.
 */
export function previousUnitReport(dataRoot: string, dir: string, code: string): UnitReport | undefined {
  const file = unitReportPath(dataRoot, dir, code);
  if (!lstatOrUndefined(file)) return undefined;
  const v = parseFile(file, "unit", [], realFolder(dataRoot)).value as Partial<UnitReport> | undefined;
  return v && typeof v === "object" && v.figures && typeof v.figures === "object" ? (v as UnitReport) : undefined;
}

const UNIT_FILE_NAME = /^[a-z0-9]+(-[a-z0-9]+)*\.yaml$/;

/**
 * A data file's source text, read again by the commands that rewrite it (fmt, check --fix, new), with the
 * same guarantees as loading: regular files inside the data root only, bounded.
 */
export function sourceText(file: string, dataRoot: string): string {
  const read = readRegular(file, realFolder(dataRoot), MAX_FILE_BYTES);
  if (!read.bytes) throw new UsageError(`không đọc lại được "${file}": tệp đã thay đổi trong khi chạy; hãy chạy lại`, "DV012");
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(read.bytes);
}

const KNOWN_ENTRIES = new Set(["report.yaml", "documents.yaml", "sections", UNITS_FOLDER]);

function missingFile(file: string, message: string): Diagnostic {
  return { code: "DV100", severity: "error", file, line: 1, col: 1, message };
}

/** `realRoot`: the data root's real path; a file that resolves outside it is refused unread. */
export function parseFile(file: string, kind: FileKind, diagnostics: Diagnostic[], realRoot = realFolder(path.dirname(file)), textOnly = false): RawFile {
  const fail = (code: string, message: string, line = 1, col = 1): RawFile => {
    diagnostics.push({ code, severity: "error", file, line, col, message });
    return new RawFile(kind, file, "", undefined);
  };
  const read = readRegular(file, realRoot, MAX_FILE_BYTES);
  if (read.problem) return fail(read.problem.code, read.problem.message);
  if (read.tooBig !== undefined) {
    return fail("DV105", `tệp quá lớn (${Math.ceil(read.tooBig / 1024)} KB); giới hạn là ${MAX_FILE_BYTES / 1024} KB mỗi tệp`);
  }
  const bytes = read.bytes!;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const valid = validUtf8Prefix(bytes);
    const before = new TextDecoder().decode(bytes.subarray(0, valid)).split("\n");
    return fail("DV104", "tệp không phải văn bản UTF-8 (có byte không hợp lệ); hãy lưu lại tệp với mã hóa UTF-8", before.length, before[before.length - 1].length + 1);
  }
  const long = text.split("\n").findIndex((l) => l.length > MAX_LINE_CHARS);
  if (long >= 0) return fail("DV111", `dòng quá dài (hơn ${MAX_LINE_CHARS} ký tự); hãy xuống dòng, mỗi câu một dòng`, long + 1, 1);
  if (text.startsWith("\uFEFF")) {
    // Read on as if it were not there, so one run reports everything else in the file too.
    diagnostics.push({ code: "DV110", severity: "error", file, line: 1, col: 1, message: `tệp bắt đầu bằng dấu BOM (U+FEFF); hãy lưu dạng UTF-8 không BOM (sửa tự động: ${command("check --fix")})` });
  }
  if (textOnly) return new RawFile(kind, file, text, undefined);
  return parseText(file, kind, text.replace(/^\uFEFF/, ""), diagnostics);
}

export function parseText(file: string, kind: FileKind, text: string, diagnostics: Diagnostic[]): RawFile {
  const { LineCounter, visit, isPair, isScalar } = Y();
  const lines = new LineCounter();
  const doc = parseYamlDocument(text, lines);
  const push = (code: string, offset: number, message: string) => {
    const pos = lines.linePos(offset);
    diagnostics.push({ code, severity: "error", file, line: pos.line, col: pos.col, message });
  };
  for (const p of yamlProblems(doc, text, (d, each) => visit(d, { Node: (_k, n) => each(n as Node) }))) {
    push(p.code ?? (p.duplicateKey ? "DV102" : "DV101"), p.offset, p.message);
  }
  if (doc.errors.length) return new RawFile(kind, file, text, undefined, { doc, lines });
  // A bullet one space past the bullet above parses, as the end of that bullet's sentence: refused here.
  const folded = indentationProblem(text);
  if (folded?.foldsIntoText) diagnostics.push({ code: folded.code, severity: "error", file, line: folded.line, col: folded.col, message: folded.message });
  let unsafe = false;
  visit(doc, {
    Pair(_key, pair) {
      if (isPair(pair) && isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
        unsafe = true;
        push("DV103", pair.key.range?.[0] ?? 0, `khóa "${String(pair.key.value)}" không được phép (tên dành riêng của JavaScript)`);
      }
    },
  });
  const depth = nodeDepth(doc.contents as Node | null);
  if (depth > MAX_DEPTH) {
    push("DV107", 0, `dữ liệu lồng quá sâu (${depth} cấp; tối đa ${MAX_DEPTH})`);
    unsafe = true;
  }
  if (unsafe) return new RawFile(kind, file, text, undefined, { doc, lines });
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    push("DV108", 0, /alias count/i.test(String(e)) ? `quá nhiều bí danh (alias/anchor); tối đa ${MAX_ALIASES}` : `bí danh (alias) không hợp lệ: ${String((e as Error).message).split("\n")[0]}`);
    return new RawFile(kind, file, text, undefined, { doc, lines });
  }
  if (value === null || value === undefined) {
    push("DV109", 0, "tệp rỗng");
    return new RawFile(kind, file, text, undefined, { doc, lines });
  }
  // The YAML tree of a large year weighs far more than its values: only its positions are kept.
  // A unit's file (a hundred of them, a few findings at most) is parsed again for the one that has a finding.
  return new RawFile(kind, file, text, value, undefined, kind === "unit" ? undefined : positionIndex(doc, lines));
}

/** Depth of the node tree, counted without recursion so hostile nesting cannot overflow the stack. */
function nodeDepth(root: Node | null): number {
  const { isMap, isSeq, isPair } = Y();
  let max = 0;
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (isMap(node) || isSeq(node)) {
      max = Math.max(max, depth);
      for (const item of node.items as unknown[]) stack.push([isPair(item) ? item.value : item, depth + 1]);
    }
  }
  return max;
}

function validUtf8Prefix(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

/** Every node's position, by data path, so a cached file can be located without parsing it again. */
export function positionIndex(doc: Document, lines: LineCounter): PositionIndex {
  const { isMap, isSeq } = Y();
  const index: PositionIndex = {};
  const stack: Array<[unknown, string[], Node | null]> = [[doc.contents, [], null]];
  while (stack.length) {
    const [node, path, key] = stack.pop()!;
    const at = lines.linePos((node as Node | null)?.range?.[0] ?? key?.range?.[0] ?? 0);
    const keyAt = key?.range ? lines.linePos(key.range[0]) : at;
    index[path.join("\0")] = [at.line, at.col, keyAt.line, keyAt.col];
    if (isMap(node)) for (const p of node.items) stack.push([p.value, [...path, String((p.key as { value?: unknown })?.value)], p.key as Node]);
    else if (isSeq(node)) node.items.forEach((item, i) => stack.push([item, [...path, String(i)], null]));
  }
  return index;
}
