/**
 * The one reading of prose that `check` and `render` share: literal text and helper calls written the
 * Handlebars way, `{{name "id" key=value}}`. Prose needs no more of Handlebars than this, and reading it
 * here keeps check fast and its findings identical to what rendering would meet.
 */

import { closest, didYouMean } from "../text/suggest.js";

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

/** `{{n "id"} …`: one brace short, with the call it was meant to be. */
function unclosedMessage(text: string, open: number): string {
  const one = /^\{\{([^{}]*)\}(?!\})/.exec(text.slice(open));
  return one ? `thiếu một dấu } đóng lời gọi hàm "${one[0]}": viết {{${one[1].trim()}}}` : "thiếu }} đóng lời gọi hàm";
}

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
    if (close < 0 || text.slice(open + 2, close).includes("{{")) throw new ProseSyntaxError(unclosedMessage(text, open), open);
    const inner = text.slice(open + 2, close);
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

/** Quotes a word processor puts in (“ ” ‘ ’) and single quotes: a helper takes only straight double quotes. */
const WRONG_QUOTES = /[“”„‟‘’‚‛'″]/g;

/** Text that looks like a helper call and is not one, with the call it was meant to be. */
export interface HelperLookalike {
  code: "DV120" | "DV121";
  offset: number;
  written: string;
  meant: string;
}

const meantCall = (inner: string) => `{{${inner.trim().replace(WRONG_QUOTES, '"').replace(/\s+/g, " ")}}}`;

/**
 * `{n "id"}`, `{n "id"}}` (one brace short) and `{{ n “id” }}` (the quotes Word puts in, or single ones):
 * prose that reads as a helper to a clerk, yet would print as it is or cite nothing. A brace group counts
 * when it names a helper (or one a letter or two off) and, but for `window`, gives it a quoted id.
 */
export function helperLookalikes(text: string): HelperLookalike[] {
  let segments: ProseSegment[];
  try {
    segments = parseProse(text);
  } catch {
    return [];
  }
  const out: HelperLookalike[] = [];
  let at = 0;
  for (const seg of segments) {
    if ("text" in seg) {
      const brace = /\{\s*([A-Za-z_][\w-]*)((?:\s+|(?=["“”‘’']))[^{}]*)?\}{1,2}/g;
      for (let m = brace.exec(seg.text); m; m = brace.exec(seg.text)) {
        const name = m[1];
        const args = (m[2] ?? "").trim();
        const known = (h: string) => (PROSE_HELPERS as readonly string[]).includes(h);
        // A doubled letter first (`nn` is n, not fn), then the nearest name.
        const single = name.replace(/(.)\1+/g, "$1");
        const helper = known(name) ? name : known(single) ? single : closest(name, PROSE_HELPERS);
        if (!helper || (helper !== "window" && !/^["“”‘’']/.test(args))) continue;
        out.push({ code: "DV120", offset: at + m.index, written: m[0], meant: meantCall(`${helper}${args ? ` ${args}` : ""}`) });
      }
      at += seg.text.length;
    } else {
      const end = text.indexOf("}}", seg.call.offset) + 2;
      const written = text.slice(seg.call.offset, end);
      if (/[“”„‟‘’‚‛'″]/.test(written.slice(2, -2))) out.push({ code: "DV121", offset: seg.call.offset, written, meant: meantCall(written.slice(2, -2)) });
      at = end;
    }
  }
  return out;
}

export function helperCallsOf(text: string): HelperCall[] {
  try {
    return parseProse(text).flatMap((s) => ("call" in s ? [s.call] : []));
  } catch {
    return [];
  }
}
