/**
 * Vietnamese text as a careful clerk would have it: NFC, tone marks in place, no stray spaces; and no
 * character that some reader of the output takes for layout. A rule on one file's values alone, so it runs
 * on every file that parsed, valid or not.
 */
import { command } from "../text/command.js";
import type { Diagnostic, Severity } from "../diagnostics.js";
import type { RawFile } from "../model/index.js";
import { textProblems, type TextProblem } from "../text/tone-marks.js";
import { xmlForbidden } from "../text/xml-chars.js";
import type { FileRule } from "./rule.js";

export interface TextFinding {
  code: string;
  message: string;
  severity: Severity;
  path: Array<string | number>;
  /** Where in the text the problem starts (UTF-16 units), so it can be shown at its line and column. */
  offset?: number;
}

/**
 * Carriage returns, tabs, other control characters and the Unicode line and paragraph separators: Markdown
 * readers disagree on them (a CR ends a line for CommonMark, so `\r# x` is a heading; a tab indents a code
 * block) while Word prints them as they are. None has a place in a report's text.
 */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** Bidirectional marks, embeddings, overrides and isolates: invisible, they reorder what Word and a terminal show. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

const NAMES: Record<string, string> = {
  "\t": "dấu Tab",
  "\r": "ký tự về đầu dòng (CR, \\r)",
  "\u2028": "ký tự ngắt dòng Unicode (U+2028)",
  "\u2029": "ký tự ngắt đoạn Unicode (U+2029)",
};

export function layoutProblems(text: string): TextFinding[] {
  const out: TextFinding[] = [];
  const control = CONTROL.exec(text);
  if (control) {
    const ch = control[0];
    const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
    const name = NAMES[ch] ?? (BIDI.test(ch) ? `ký tự ẩn đổi chiều chữ (bidi) ${code}` : undefined) ?? `ký tự điều khiển ${code}`;
    out.push({ code: "DV377", severity: "error", path: [], offset: control.index, message: `văn bản có ${name} ${control.index === 0 ? "ở đầu" : `(sau "${text.slice(Math.max(0, control.index - 20), control.index).trim()}")`}: hãy thay bằng dấu cách, hoặc xuống dòng trong khối >- của YAML` });
  }
  // What XML 1.0 forbids beyond the controls above (U+FFFE, U+FFFF, a lone surrogate from a "\uD800" escape).
  const forbidden = xmlForbidden(text);
  if (forbidden && !CONTROL.test(text[forbidden.index])) {
    out.push({ code: "DV318", severity: "error", path: [], offset: forbidden.index, message: `văn bản có ký tự ${forbidden.name}, ký tự mà XML (và Word) không cho phép: tệp DOCX sẽ không mở được; hãy xóa nó` });
  }
  if (/^\s|\s$/u.test(text)) {
    out.push({ code: "DV378", severity: "error", path: [], offset: /^\s/u.test(text) ? 0 : text.length - 1, message: `văn bản có khoảng trắng ở đầu hoặc cuối ("${text.length > 30 ? `${text.slice(0, 30)}…` : text}"): khoảng trắng đầu dòng có thể biến đoạn văn thành khối mã; hãy xóa nó (viết văn bản trong khối >- của YAML)` });
  }
  return out;
}

export function textFindings(value: unknown): TextFinding[] {
  const out: TextFinding[] = [];
  const walk = (v: unknown, path: Array<string | number>) => {
    if (typeof v === "string") {
      for (const p of layoutProblems(v)) out.push({ ...p, path });
      for (const p of textProblems(v)) out.push({ ...(p as TextProblem), severity: "warning", path, message: `${p.message} (sửa tự động: ${command("check --fix")})` });
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(value, []);
  return out;
}

export const textRules: FileRule[] = [
  {
    name: "vietnamese-text",
    run(raw: RawFile): Diagnostic[] {
      // A unit's file holds codes, cells and what the unit typed, none of it printed: no Vietnamese text to
      // check (a hundred units' files would otherwise be walked string by string on every check).
      if (raw.kind === "unit") return [];
      return textFindings(raw.value).map((f) => {
        const pos = raw.locate(f.path, false, f.offset);
        return { code: f.code, severity: f.severity, file: raw.file, line: pos.line, col: pos.col, message: f.message };
      });
    },
  },
];
