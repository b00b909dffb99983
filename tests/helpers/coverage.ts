/**
 * How much of a source document's wording another carries, measured as ../shared/tools/reference-coverage.py
 * measures it (word 8-grams, diacritics folded), and where its footnote references stand: for the import
 * tests, which compare a rebuilt report with the DOCX it was imported from.
 */
import { decode, docxParts } from "./build.js";

/** Words as reference-coverage.py folds them: no diacritics, đ → d, lower case. */
export function words(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** An mc:AlternateContent's fallback is a copy of its choice: a reader sees the text once. */
function once(xml: string): string {
  return xml.replace(/<mc:Fallback>[\s\S]*?<\/mc:Fallback>/g, "");
}

/**
 * A DOCX's text read straight from its XML (not through danvan's reader): body, then footnotes, one
 * paragraph a line; tabs and line breaks separate words; a text box once.
 */
export function docxText(file: string): string {
  const parts = docxParts(file);
  const text = (xml: string) =>
    [...once(xml).matchAll(/<([wm]):t(?: [^>]*)?>([^<]*)<\/\1:t>|<\/w:p>|<w:(?:tab|br|cr)\/>/g)]
      .map((m) => (m[2] !== undefined ? decode(m[2]) : m[0] === "</w:p>" ? "\n" : " "))
      .join("");
  return `${text(parts["word/document.xml"])}\n${text(parts["word/footnotes.xml"] ?? "")}`;
}

/** Share of the reference's word 8-grams found anywhere in the other text. */
export function coverage(reference: string, other: string): number {
  const grams = (w: string[]) => w.slice(0, Math.max(0, w.length - 7)).map((_x, i) => w.slice(i, i + 8).join(" "));
  const have = new Set(grams(words(other)));
  const ref = grams(words(reference));
  return ref.filter((g) => have.has(g)).length / ref.length;
}

/** Words of the reference that the other text has fewer of. */
export function missingWords(reference: string, other: string): string[] {
  const count = new Map<string, number>();
  for (const w of words(other)) count.set(w, (count.get(w) ?? 0) + 1);
  const missing: string[] = [];
  for (const w of words(reference)) {
    const n = count.get(w) ?? 0;
    if (n === 0) missing.push(w);
    else count.set(w, n - 1);
  }
  return missing;
}

/** The four words before each footnote reference of the body, in order. */
export function anchors(file: string): string[] {
  const xml = once(docxParts(file)["word/document.xml"]);
  const out: string[] = [];
  let text = "";
  for (const m of xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:footnoteReference [^>]*\/>/g)) {
    if (m[1] !== undefined) text += decode(m[1]);
    else out.push(words(text).slice(-4).join(" "));
  }
  return out;
}
