/**
 * Vietnamese text as a careful clerk would have it: NFC, tone marks in place, no stray spaces.
 * A rule on one file's text alone, so it runs when the file is loaded and its findings are cached with it.
 */
import { textProblems, type TextProblem } from "../text/tone-marks.js";

export interface TextFinding extends TextProblem {
  path: Array<string | number>;
}

export function textFindings(value: unknown): TextFinding[] {
  const out: TextFinding[] = [];
  const walk = (v: unknown, path: Array<string | number>) => {
    if (typeof v === "string") for (const p of textProblems(v)) out.push({ ...p, path, message: `${p.message} (sửa tự động: danvan check --fix)` });
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(value, []);
  return out;
}
