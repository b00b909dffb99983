/**
 * The one reading of prose that `check` and `render` share: literal text and helper calls written the
 * Handlebars way, `{{name "id" key=value}}`. Prose needs no more of Handlebars than this, and reading it
 * here keeps check fast and its findings identical to what rendering would meet.
 */

/** The helpers prose may call: render/helpers.ts implements each, check/references.ts refuses any other. */
export const PROSE_HELPERS = ["fn", "n", "ratio", "pct", "doc", "docsummary", "window"] as const;
export type ProseHelper = (typeof PROSE_HELPERS)[number];

/** Helpers that take no id: `{{window}}`. Every other takes exactly one. */
export const HELPERS_WITHOUT_ID: ReadonlySet<string> = new Set(["window"]);

export type HashValue = string | number | boolean;

export interface HelperCall {
  name: string;
  /** The positional arguments (a helper of ours takes one: the id). */
  args: HashValue[];
  hash: Record<string, HashValue>;
  /** Offset of `{{` in the text. */
  offset: number;
}

export type ProseSegment = { text: string } | { call: HelperCall };

export class ProseSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const TOKEN = /\s*(?:"((?:[^"\\]|\\.)*)"|([A-Za-z_][\w-]*)=("((?:[^"\\]|\\.)*)"|[^\s"}]+)|([^\s"=}]+))/y;

function scalar(raw: string): HashValue {
  if (raw === "true") return true;
  if (raw === "false") return false;
  if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  return raw;
}

export function parseProse(text: string): ProseSegment[] {
  const segments: ProseSegment[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf("{{", at);
    if (open < 0) {
      segments.push({ text: text.slice(at) });
      break;
    }
    if (open > at) segments.push({ text: text.slice(at, open) });
    const close = text.indexOf("}}", open + 2);
    if (close < 0) throw new ProseSyntaxError("thiếu }} đóng lời gọi hàm", open);
    const inner = text.slice(open + 2, close);
    if (inner.includes("{{")) throw new ProseSyntaxError("thiếu }} đóng lời gọi hàm", open);
    const name = /^\s*([A-Za-z_][\w-]*)/.exec(inner);
    if (!name) throw new ProseSyntaxError(`lời gọi hàm không hợp lệ: {{${inner}}}`, open);
    const call: HelperCall = { name: name[1], args: [], hash: {}, offset: open };
    TOKEN.lastIndex = name[0].length;
    while (TOKEN.lastIndex < inner.length) {
      const start = TOKEN.lastIndex;
      const m = TOKEN.exec(inner);
      if (!m) {
        if (inner.slice(start).trim() === "") break;
        throw new ProseSyntaxError(`lời gọi hàm không hợp lệ: {{${inner}}}`, open);
      }
      if (m[1] !== undefined) call.args.push(m[1].replace(/\\(.)/g, "$1"));
      else if (m[2] !== undefined) call.hash[m[2]] = m[4] !== undefined ? m[4].replace(/\\(.)/g, "$1") : scalar(m[3]);
      else call.args.push(scalar(m[5]));
    }
    segments.push({ call });
    at = close + 2;
  }
  return segments;
}

export function helperCallsOf(text: string): HelperCall[] {
  try {
    return parseProse(text).flatMap((s) => ("call" in s ? [s.call] : []));
  } catch {
    return [];
  }
}
