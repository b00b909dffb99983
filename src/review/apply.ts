/**
 * The changes written: each file re-read from disk (it must still be what review read), its YAML document
 * edited in place (comments and key order kept), laid out by fmt's rules and verified against the values
 * the edits meant (fmt.ts formatEdited), then every file replaced together (write/atomic.ts).
 */
import { isSeq, type Document } from "yaml";
import { formatEdited } from "../commands/fmt.js";
import { UsageError } from "../diagnostics.js";
import { parseYamlDocument } from "../load/parse-yaml.js";
import { sourceText } from "../load/index.js";
import type { RawFile } from "../model/index.js";
import { writeFilesAtomic } from "../write/atomic.js";
import type { DataPath, Op } from "./changes.js";

/** Sets first (they name places as review read them), then splices from the last index back. */
function ordered(ops: readonly Op[]): Op[] {
  const sets = ops.filter((o) => o.kind === "set");
  const splices = ops.filter((o): o is Extract<Op, { kind: "splice" }> => o.kind === "splice").sort((a, b) => b.path.length - a.path.length || b.index - a.index);
  return [...sets, ...splices];
}

function edit(value: unknown, op: Op): unknown {
  const clone = structuredClone(value);
  const at = (path: DataPath) => path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], clone);
  if (op.kind === "set") {
    const parent = at(op.path.slice(0, -1)) as Record<string | number, unknown>;
    parent[op.path[op.path.length - 1]] = op.value;
  } else (at(op.path) as unknown[]).splice(op.index, op.remove, ...op.insert);
  return clone;
}

function editDoc(doc: Document, op: Op): void {
  if (op.kind === "set") {
    doc.setIn(op.path, op.value);
    return;
  }
  const seq = doc.getIn(op.path, true);
  if (!isSeq(seq)) throw new Error(`review: ${op.path.join(".")} is not a sequence`);
  seq.items.splice(op.index, op.remove, ...op.insert.map((v) => doc.createNode(v)));
}

export function applyOps(dataRoot: string, files: readonly RawFile[], ops: readonly Op[]): string[] {
  const byFile = new Map<string, Op[]>();
  for (const op of ops) byFile.set(op.file, [...(byFile.get(op.file) ?? []), op]);
  const out: Array<{ file: string; data: string }> = [];
  for (const [file, fileOps] of byFile) {
    const raw = files.find((f) => f.file === file);
    if (!raw) throw new Error(`review: no data file ${file}`);
    const text = sourceText(file, dataRoot);
    if (text !== raw.text) throw new UsageError(`"${file}" vừa bị sửa trong lúc review chạy; chạy lại lệnh`, "DV700");
    const doc = parseYamlDocument(text);
    let intended = raw.value;
    for (const op of ordered(fileOps)) {
      editDoc(doc, op);
      intended = edit(intended, op);
    }
    out.push({ file, data: formatEdited(doc, raw.kind, intended) });
  }
  writeFilesAtomic(out);
  return out.map((f) => f.file);
}
