/**
 * A DOCX's text as Word shows it after "Accept all changes" or "Reject all changes": paragraph by paragraph
 * (body and table cells in document order), then the footnotes still referenced, in order of reference.
 */
import { decode, docxParts } from "./build.js";

export type Mode = "accept" | "reject";

interface Read {
  paragraphs: string[];
  references: string[];
}

/** Empty paragraphs are layout (spacers, a removed paragraph's mark); whitespace is compared collapsed. */
function read(xml: string, mode: Mode): Read {
  const paragraphs: string[] = [];
  const references: string[] = [];
  let text = "";
  let ins = 0;
  let del = 0;
  let inText = false;
  const hidden = () => (mode === "accept" ? del > 0 : ins > 0);
  for (const m of xml.matchAll(/<(\/?)([\w:]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    const [, close, name, attrs, selfClosing, chars] = m;
    if (chars !== undefined) {
      if (inText && !hidden()) text += decode(chars);
      continue;
    }
    if (selfClosing) {
      if ((name === "w:tab" || name === "w:br") && !hidden()) text += " ";
      if (name === "w:footnoteReference" && !hidden()) {
        references.push(/w:id="(-?\d+)"/.exec(attrs)![1]);
        text += "^";
      }
      continue;
    }
    if (name === "w:ins") ins += close ? -1 : 1;
    else if (name === "w:del") del += close ? -1 : 1;
    else if (name === "w:t" || name === "w:delText") inText = !close;
    else if (name === "w:p" && close) {
      const t = text.replace(/\s+/g, " ").trim();
      if (t) paragraphs.push(t);
      text = "";
    }
  }
  return { paragraphs, references };
}

export function shownText(file: string, mode: Mode): { body: string[]; footnotes: string[] } {
  const parts = docxParts(file);
  const body = read(parts["word/document.xml"], mode);
  const notes = new Map<string, string>();
  for (const m of (parts["word/footnotes.xml"] ?? "").matchAll(/<w:footnote\b[^>]*w:id="(-?\d+)"[^>]*>([\s\S]*?)<\/w:footnote>/g)) {
    notes.set(m[1], read(m[2], mode).paragraphs.join(" "));
  }
  return { body: body.paragraphs, footnotes: body.references.map((id) => notes.get(id) ?? `(không có chú thích ${id})`) };
}
