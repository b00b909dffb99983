/**
 * `danvan check --fix`: the mechanical repairs (NFC, misplaced or detached tone marks, stray spaces) made
 * in the YAML source itself, inside string scalars only, so comments, key order and layout stay as they are.
 */
import { parseDocument, visit } from "yaml";
import type { RawFile } from "../model/index.js";
import { fixText } from "../text/tone-marks.js";

export interface FixChange {
  file: string;
  line: number;
  before: string;
  after: string;
}

export interface FixResult {
  /** The new source text, or undefined when nothing changed. */
  text?: string;
  changes: FixChange[];
  /** Repairs were needed but could not be made in the source text (escaped characters): file left as is. */
  skipped?: boolean;
}

/** `transform` is the repair of one line of text: the mechanical one, or that and a moved period. */
export function fixSource(raw: RawFile, source: string, transform: (text: string) => string = fixText): FixResult {
  const ranges: Array<[number, number]> = [];
  visit(raw.doc, {
    Scalar(_key, node) {
      if (typeof node.value === "string" && node.range && transform(node.value) !== node.value) ranges.push([node.range[0], node.range[1]]);
    },
  });
  if (ranges.length === 0) return { changes: [] };
  const changes: FixChange[] = [];
  let out = "";
  let cursor = 0;
  for (const [start, end] of ranges.sort((a, b) => a[0] - b[0])) {
    out += source.slice(cursor, start);
    const lines = source.slice(start, end).split("\n");
    const firstLine = raw.lines.linePos(start).line;
    out += lines
      .map((line, i) => {
        const [, indent, content] = /^(\s*)(.*)$/s.exec(line)!;
        const fixed = indent + transform(content);
        if (fixed !== line) changes.push({ file: raw.file, line: firstLine + i, before: line.trim(), after: fixed.trim() });
        return fixed;
      })
      .join("\n");
    cursor = end;
  }
  out += source.slice(cursor);
  // A repair must never change what the file means beyond the text it repairs.
  const reparsed = parseDocument(out);
  const expected = JSON.stringify(mapStrings(raw.value, transform));
  if (reparsed.errors.length || JSON.stringify(reparsed.toJS()) !== expected) return { changes: [], skipped: true };
  return { text: out, changes };
}

function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === "string") return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)]));
  return value;
}
