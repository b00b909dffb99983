/**
 * The reviewed DOCX as review compares it: through the one reader (import/docx.ts), its paragraphs on the
 * side of their tracked changes the user chose (accept-all unless --reject-tracked), each with the source
 * marks it still holds, the footnotes likewise, and the stamp its custom properties carry.
 */
import { readDocx } from "../import/docx.js";
import type { DocModel, Inline, Para } from "../import/document.js";
import { shownNote, shownParagraphs, type RevisionMode } from "../import/revisions.js";
import { parseMarkName, readStamp, type SourceMark, type SourceStamp } from "../model/source-marks.js";
import { NOTE } from "./built.js";

export interface ReviewedPara {
  text: string;
  marks: SourceMark[];
  /** In a table cell (the header, the closing, the appendix, a figure table). */
  cell: boolean;
  /** The reader's paragraph number (1-based), for messages. */
  index: number;
  /** Comments anchored in it: their ids and where in `text` (accept-all) they start. */
  comments: Array<{ id: string; start: number }>;
}

export interface Reviewed {
  stamp?: SourceStamp & { format: string };
  body: ReviewedPara[];
  notes: ReviewedPara[];
  model: DocModel;
  /** The file holds tracked changes. */
  tracked: boolean;
}

/** Runs → text: a footnote reference is NOTE, a line break a space. */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines
    .map((i) => ("text" in i ? i.text : "break" in i ? " " : NOTE))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

const marksOf = (names: readonly string[]) => names.flatMap((n) => parseMarkName(n) ?? []);

export function readReviewed(file: string, mode: RevisionMode): Reviewed {
  const model = readDocx(file);
  const cells = new Set<Para>();
  for (const b of model.blocks) if (b.kind === "table") for (const c of b.rows.flat()) for (const p of c.paras) cells.add(p);
  const body = shownParagraphs(model.blocks, mode).map((p) => ({ text: inlineText(p.inlines), marks: marksOf(p.bookmarks), cell: p.paras.some((x) => cells.has(x)), index: p.paras[0]?.index ?? 0, comments: (p.comments ?? []).map((c) => ({ id: c.id, start: c.start })) }));
  const notes = [...model.noteParas.entries()]
    .filter(([id]) => !id.startsWith("e"))
    .map(([, paras]) => ({ text: inlineText(shownNote(paras, mode)), marks: marksOf(paras.flatMap((p) => p.bookmarks ?? [])), cell: false, index: paras[0]?.index ?? 0, comments: paras.flatMap((p) => (p.comments ?? []).map((c) => ({ id: c.id, start: c.start }))) }));
  const tracked = [...model.blocks.flatMap((b) => (b.kind === "para" ? [b] : b.rows.flat().flatMap((c) => c.paras))), ...[...model.noteParas.values()].flat()].some((p) => p.revised);
  return { stamp: readStamp(model.properties), body, notes, model, tracked };
}
