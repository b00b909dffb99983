/** Text helpers import shares: whitespace as a reader sees it, slugs for ids and file names, Vietnamese repairs. */
import { fixText, textProblems } from "../text/tone-marks.js";

/**
 * Tabs, no-break and repeated spaces are layout, not wording: one space. Zero-width characters and
 * direction marks show nothing: gone (prose keeps its own count of them, with a warning: safe-text.ts).
 */
export function squash(text: string): string {
  const visible = INVISIBLE.test(text) ? text.replace(INVISIBLE_ALL, "") : text;
  return visible.replace(/[\t\u00a0\u2007\u202f ]+/g, " ").trim();
}

const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u061c\u00ad]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, "gu");

export function slug(text: string, words = 4, max = 40): string {
  const ascii = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
  const parts = ascii.split(/[^a-z0-9]+/).filter(Boolean).slice(0, words);
  let out = parts.join("-");
  if (out.length > max) out = out.slice(0, max).replace(/-[^-]*$/, "") || out.slice(0, max);
  return out;
}

/** A register id: the number and symbol lower-cased without diacritics, `/`, ` `, `.` as `-` (docs/commands.md, import). */
export function documentId(number: string): string {
  return slug(number, 100, 200);
}

export interface Repair {
  /** The paragraph of the document, 1-based. */
  paragraph: number;
  message: string;
}

/** NFC and misplaced or detached tone marks repaired; each repair reported the way `check` words it. */
export function repairVietnamese(text: string, paragraph: number, repairs: Repair[]): string {
  const fixed = fixText(text);
  if (fixed === text) return text;
  for (const p of textProblems(text)) repairs.push({ paragraph, message: p.message });
  return fixed;
}

export function uniqueId(base: string, taken: Set<string>): string {
  let id = base || "muc";
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

const ROMAN = /^[IVXLCDM]+$/;

export function romanValue(s: string): number | undefined {
  if (!ROMAN.test(s)) return undefined;
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]];
    const b = v[s[i + 1]] ?? 0;
    total += a < b ? -a : a;
  }
  return total > 0 && total < 40 ? total : undefined;
}
