/** Stage 1: read a year folder's YAML into values that remember where each node came from. */
import fs from "node:fs";
import path from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { Diagnostic, Position } from "./diagnostics.js";

export type FileKind = "report" | "documents" | "section";

export interface RawFile {
  kind: FileKind;
  /** Path as shown to the user (data root as given + year + relative path). */
  file: string;
  doc: Document;
  lines: LineCounter;
  value: unknown;
}

export interface LoadResult {
  files: RawFile[];
  diagnostics: Diagnostic[];
}

const REQUIRED: ReadonlyArray<[string, FileKind]> = [
  ["report.yaml", "report"],
  ["documents.yaml", "documents"],
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
  return a.localeCompare(b);
}

export function loadYear(dataRoot: string, year: string): LoadResult {
  const dir = path.join(dataRoot, year);
  const files: RawFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [name, kind] of REQUIRED) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) {
      diagnostics.push(missingFile(file, `thiếu tệp bắt buộc ${name}`));
      continue;
    }
    files.push(parseFile(file, kind, diagnostics));
  }
  const sectionsDir = path.join(dir, "sections");
  const names = fs.existsSync(sectionsDir)
    ? fs.readdirSync(sectionsDir).filter((n) => n.endsWith(".yaml")).sort(sectionOrder)
    : [];
  if (names.length === 0) diagnostics.push(missingFile(sectionsDir, "thư mục sections/ không có tệp .yaml nào"));
  for (const name of names) files.push(parseFile(path.join(sectionsDir, name), "section", diagnostics));
  return { files, diagnostics };
}

function missingFile(file: string, message: string): Diagnostic {
  return { code: "DV100", severity: "error", file, line: 1, col: 1, message };
}

export function parseFile(file: string, kind: FileKind, diagnostics: Diagnostic[]): RawFile {
  const text = fs.readFileSync(file, "utf8");
  return parseText(file, kind, text, diagnostics);
}

export function parseText(file: string, kind: FileKind, text: string, diagnostics: Diagnostic[]): RawFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  for (const e of doc.errors) {
    const pos = lines.linePos(e.pos[0]);
    diagnostics.push({
      code: e.code === "DUPLICATE_KEY" ? "DV102" : "DV101",
      severity: "error",
      file,
      line: pos.line,
      col: pos.col,
      message: e.code === "DUPLICATE_KEY" ? "khóa bị lặp lại trong cùng một bảng" : `YAML không hợp lệ: ${e.message.split("\n")[0]}`,
    });
  }
  const value = doc.errors.length ? undefined : doc.toJS({ maxAliasCount: 100 });
  return { kind, file, doc, lines, value };
}

/**
 * Where a data path points in the file: the value node, or its key when `key` is set
 * (an unknown key is reported at the key itself). Walks up to the nearest node that exists.
 */
export function locate(raw: RawFile, dataPath: ReadonlyArray<string | number>, key = false): Position {
  let node: Node | null | undefined = raw.doc.contents as Node | null;
  let best: Node | null | undefined = node;
  let keyNode: Node | null = null;
  for (const seg of dataPath) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value as Node | null;
      best = node ?? keyNode;
    } else if (isSeq(node)) {
      node = node.items[Number(seg)] as Node | null;
      keyNode = null;
      if (!node) break;
      best = node;
    } else break;
  }
  const target = key && keyNode ? keyNode : best;
  const offset = target?.range?.[0] ?? 0;
  return raw.lines.linePos(offset);
}
