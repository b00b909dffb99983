/**
 * What a numbered heading looks like, shared by the title (which ends at the first one) and the body (which
 * is cut into sections at them): `I-`/`I.` Roman, `1-`/`1.` decimal, typed or Word's automatic number.
 */
import type { Para } from "./document.js";
import { shownText } from "./lines.js";

/** `I-`, `I.`, `I)`, `I/ ` (a slash only before a space: `1/2` is a fraction). */
export const ROMAN_HEADING = /^([IVXLC]+)\s*([-.–)]|\/(?=\s))\s*(\S.*)$/u;
export const DECIMAL_HEADING = /^(\d{1,2})\s*([-.–)]|\/(?=\s))\s*(\S.*)$/u;
/** `PHẦN I. …`, `Phần II: …`: a part named with its Roman number; the word says it is a heading. */
export const PART_HEADING = /^((?:PHẦN|Phần)\s+)([IVXLC]+)\s*([-.–):]?)\s*(\S.*)$/u;

export function isNumberedHeading(p: Para): boolean {
  const text = shownText(p);
  return ROMAN_HEADING.test(text) || DECIMAL_HEADING.test(text) || PART_HEADING.test(text);
}
