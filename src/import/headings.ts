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

/**
 * A run-in heading: a paragraph that opens with its heading's number and words set apart in bold and ended
 * by a colon or a full stop ("1- Công tác tuyên truyền:"), then the section's first paragraph in plain
 * text. The bold lead is the heading (its colon dropped), the rest its first paragraph; a paragraph bold
 * throughout, or plain throughout (a numbered task), is not split.
 */
export function splitRunIn(p: Para): [Para, Para] | undefined {
  let lead = 0;
  let text = "";
  while (lead < p.inlines.length) {
    const inline = p.inlines[lead];
    if ("text" in inline && !inline.bold && inline.text.trim() !== "") break;
    if ("break" in inline) return undefined;
    if ("text" in inline) text += inline.text;
    lead++;
  }
  const rest = p.inlines.slice(lead);
  const heading = text.trim();
  if (!rest.length || lead === 0 || !/[:.]$/u.test(heading) || heading.split(/\s+/).length > 20) return undefined;
  const numbered = heading.slice(0, -1).trim();
  if (!ROMAN_HEADING.test(numbered) && !DECIMAL_HEADING.test(numbered)) return undefined;
  // The lead's inlines with the final colon and the space around it taken off its last text.
  const headInlines = p.inlines.slice(0, lead).map((i) => ({ ...i }));
  for (let k = headInlines.length - 1; k >= 0; k--) {
    const inline = headInlines[k];
    if (!("text" in inline) || inline.text.trim() === "") continue;
    inline.text = inline.text.replace(/\s*[:.]\s*$/u, "");
    break;
  }
  const first = rest[0];
  const restInlines = "text" in first ? [{ ...first, text: first.text.replace(/^\s+/u, "") }, ...rest.slice(1)] : rest;
  return [
    { ...p, inlines: headInlines, label: undefined },
    { ...p, inlines: restInlines, label: undefined, heading: false },
  ];
}
