/**
 * A reviewed document as Word shows it after "Accept all changes" or "Reject all changes": the paragraphs
 * of the file's paragraphs joined where a tracked paragraph mark is taken away (two paragraphs merged, once
 * accepted; one split in two, once rejected). Paragraphs join only within their container (the body between
 * tables, one table cell); a text box's paragraphs stand alone. Import reads `Para.inlines` (accept-all)
 * paragraph by paragraph and needs none of this; review compares both sides with the report as built.
 */
import { flatten, plainText, type Block, type CommentRange, type Inline, type Para } from "./document.js";

export type RevisionMode = "accept" | "reject";

export interface ShownParagraph {
  inlines: Inline[];
  /** `plainText(inlines)`. */
  text: string;
  /** The file's paragraphs it is made of, in order (one unless a paragraph mark is a tracked change). */
  paras: Para[];
  /** The bookmarks of those paragraphs. */
  bookmarks: string[];
  /** Accept-all only: the comments' ranges, as offsets into `text`. */
  comments?: CommentRange[];
}

/** The runs of one paragraph on one side of its changes. */
export function sideOf(p: Para, mode: RevisionMode): Inline[] {
  return mode === "reject" && p.rejected ? p.rejected : p.inlines;
}

/** Every paragraph of the document as shown on that side, in reading order (body, table cells, text boxes). */
export function shownParagraphs(blocks: readonly Block[], mode: RevisionMode): ShownParagraph[] {
  const out: ShownParagraph[] = [];
  let run: Para[] = [];
  const flush = () => {
    if (run.length) out.push(...joined(run, mode));
    run = [];
  };
  for (const b of blocks) {
    if (b.kind === "table") {
      flush();
      for (const cell of b.rows.flat()) out.push(...joined(cell.paras, mode));
    } else if (b.textBox) {
      // A text box sits in the middle of its anchor's container and joins neither side.
      out.push(...joined([b], mode));
    } else run.push(b);
  }
  flush();
  return out;
}

/** A footnote's text on one side, its paragraphs joined by a space (as `DocModel.notes` holds it). */
export function shownNote(paras: readonly Para[], mode: RevisionMode): Inline[] {
  const inlines: Inline[] = [];
  joined(paras, mode).forEach((p, i) => {
    if (i > 0) inlines.push({ text: " ", bold: false });
    inlines.push(...p.inlines);
  });
  return inlines;
}

/** True when any paragraph of the document or its notes holds a tracked change. */
export function hasRevisions(blocks: readonly Block[], notes: Iterable<readonly Para[]> = []): boolean {
  return flatten(blocks).some((p) => p.revised) || [...notes].some((ps) => ps.some((p) => p.revised));
}

/** One container's paragraphs, joined where the side takes a paragraph mark away. */
function joined(paras: readonly Para[], mode: RevisionMode): ShownParagraph[] {
  const out: ShownParagraph[] = [];
  const gone = mode === "accept" ? "deleted" : "inserted";
  let current: ShownParagraph | undefined;
  for (const p of paras) {
    const inlines = sideOf(p, mode);
    if (!current) current = { inlines: [], text: "", paras: [], bookmarks: [], ...(mode === "accept" ? { comments: [] } : {}) };
    const offset = current.text.length;
    current.inlines.push(...inlines);
    current.text += plainText(inlines);
    current.paras.push(p);
    current.bookmarks.push(...(p.bookmarks ?? []));
    for (const c of current.comments ? (p.comments ?? []) : []) {
      // A range that runs on from the paragraph before continues the same range.
      const last = [...current.comments!].reverse().find((r) => r.id === c.id);
      if (last && last.end === offset && c.start === 0) last.end = c.end + offset;
      else current.comments!.push({ id: c.id, start: c.start + offset, end: c.end + offset });
    }
    if (p.mark !== gone) {
      out.push(current);
      current = undefined;
    }
  }
  // The container's last mark cannot be taken away: what is left stands as a paragraph.
  if (current) out.push(current);
  return out;
}
