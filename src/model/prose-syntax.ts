/**
 * The one reading of prose that `check` and `render` share: literal text and helper calls written the
 * Handlebars way, `{{name "id" key=value}}`. Prose needs no more of Handlebars than this, and reading it
 * here keeps check fast and its findings identical to what rendering would meet.
 */

import { didYouMean } from "../text/suggest.js";

/** The helpers prose may call: render/helpers.ts implements each, check/references.ts refuses any other. */
export const PROSE_HELPERS = ["fn", "n", "ratio", "pct", "doc", "docsummary", "window"] as const;
export type ProseHelper = (typeof PROSE_HELPERS)[number];

/** Helpers that take no id: `{{window}}`. Every other takes exactly one. */
export const HELPERS_WITHOUT_ID: ReadonlySet<string> = new Set(["window"]);

export type HashValue = string | number | boolean;

/**
 * The options each helper takes, and what each takes: `boolean` true or false; `period` a period of the series
 * in quotes (`period="2022-h1"`: the figure as that period has it; what it names is check's DV807–DV809).
 * Every other option is an error.
 */
export const HELPER_OPTIONS: Record<ProseHelper, Record<string, "boolean" | "period">> = {
  fn: {},
  n: { pad: "boolean", period: "period" },
  ratio: { period: "period" },
  pct: { period: "period" },
  doc: { date: "boolean", type: "boolean" },
  docsummary: { lower: "boolean" },
  window: {},
};

export interface OptionProblem {
  code: "DV316" | "DV317";
  option: string;
  message: string;
}

const written = (option: string, type: "boolean" | "period") => (type === "period" ? `${option}="2022-h1"` : `${option}=false`);

/**
 * What is wrong with a call's options: one reading for `check` (at the option's place) and `render` (which
 * refuses the same call), so `{{doc "x" dat=false}}` never builds as if the option were not there.
 */
export function optionProblems(name: ProseHelper, hash: Readonly<Record<string, HashValue>>): OptionProblem[] {
  const known = HELPER_OPTIONS[name];
  const names = Object.keys(known);
  const out: OptionProblem[] = [];
  for (const [option, value] of Object.entries(hash)) {
    if (!Object.hasOwn(known, option)) {
      const offer = names.length ? `; {{${name}}} chỉ nhận: ${names.map((o) => written(o, known[o])).join(", ")}` : `; {{${name}}} không nhận tùy chọn nào`;
      out.push({ code: "DV316", option, message: `{{${name}}} không có tùy chọn "${option}"${didYouMean(option, names)}${offer}` });
    } else if (known[option] === "period" ? typeof value !== "string" : typeof value !== "boolean") {
      const takes = known[option] === "period" ? `một kỳ trong dấu ngoặc kép (${written(option, "period")})` : `true hoặc false (viết không có dấu ngoặc kép: ${option}=false)`;
      out.push({ code: "DV317", option, message: `tùy chọn ${option} của {{${name}}} nhận ${takes}, gặp ${JSON.stringify(value)}` });
    }
  }
  return out;
}

export interface HelperCall {
  name: string;
  /** The positional arguments (a helper of ours takes one: the id). */
  args: HashValue[];
  hash: Record<string, HashValue>;
  /** Offset of `{{` in the text. */
  offset: number;
  /** Offset of each option's name in the text, so a finding about it points at the word to fix. */
  hashOffsets: Record<string, number>;
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
    const call: HelperCall = { name: name[1], args: [], hash: {}, offset: open, hashOffsets: {} };
    TOKEN.lastIndex = name[0].length;
    while (TOKEN.lastIndex < inner.length) {
      const start = TOKEN.lastIndex;
      const m = TOKEN.exec(inner);
      if (!m) {
        if (inner.slice(start).trim() === "") break;
        throw new ProseSyntaxError(`lời gọi hàm không hợp lệ: {{${inner}}}`, open);
      }
      if (m[1] !== undefined) call.args.push(m[1].replace(/\\(.)/g, "$1"));
      else if (m[2] !== undefined) {
        call.hash[m[2]] = m[4] !== undefined ? m[4].replace(/\\(.)/g, "$1") : scalar(m[3]);
        call.hashOffsets[m[2]] = open + 2 + start + (m[0].length - m[0].trimStart().length);
      }
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
