/**
 * What a package holds about its text beside the text: the comments (word/comments.xml, their done state
 * from word/commentsExtended.xml) and the custom document properties (docProps/custom.xml). Their anchors
 * in the text are read with the paragraphs (document.ts).
 */
import type { Comment } from "./document.js";
import { descendants, elements, textOf, type XmlElement } from "./xml.js";

/** Each comment's facts (`readParas` gives the text of each of its paragraphs); `quote` is filled in by the caller, which knows the ranges. */
export function readComments(root: XmlElement | undefined, extended: XmlElement | undefined, readParas: (el: XmlElement) => string[]): Comment[] {
  if (!root) return [];
  const done = new Set<string>();
  for (const ex of extended ? descendants(extended, "w15:commentEx") : []) {
    const v = ex.attrs["w15:done"];
    if (v === "1" || v === "true") done.add(ex.attrs["w15:paraId"] ?? "");
  }
  return elements(root, "w:comment").map((el) => {
    const paragraphs = readParas(el).map((t) => t.trim());
    while (paragraphs.length && !paragraphs[paragraphs.length - 1]) paragraphs.pop();
    // Word ties the done state to the comment's last paragraph.
    const last = descendants(el, "w:p").at(-1)?.attrs["w14:paraId"];
    const { "w:author": author, "w:initials": initials, "w:date": date } = el.attrs;
    return {
      id: el.attrs["w:id"] ?? "",
      ...(author ? { author } : {}),
      ...(initials ? { initials } : {}),
      ...(date ? { date } : {}),
      paragraphs,
      text: paragraphs.join("\n"),
      ...(last && done.has(last) ? { done: true } : {}),
      quote: "",
    };
  });
}

/** Custom properties by name; a value of any type (text, number, date, yes/no) as the text the file holds. */
export function readProperties(root: XmlElement | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!root) return out;
  for (const prop of elements(root, "op:property")) {
    const name = prop.attrs.name;
    const value = elements(prop)[0];
    if (name !== undefined && value) out.set(name, textOf(value));
  }
  return out;
}
