/**
 * Footnotes in the DOCX. A note's first citation is a Word footnote reference; every later citation of the
 * same note is a cross-reference to it — Word's NOTEREF field, formatted as a footnote reference, to a
 * bookmark on the first — with the note's number as its result, so Word and LibreOffice print the same
 * number without updating fields and every later note keeps its own. (Two references to one Word footnote
 * are numbered by Word as two notes.) The Markdown says the same with GFM's reuse of `[^n]`.
 *
 * In a redline (src/redline/) a citation may stand only in year A (deleted), only in B (inserted), or in
 * both; which citation is a note's first, and what number a note has, can differ between the years. Each
 * citation is therefore planned twice, as A reads it and as B reads it: where the two agree it is written
 * once, where they differ as a deletion of A's form and an insertion of B's, so accepting every change gives
 * B's own document and rejecting every change A's, footnotes and numbers included.
 */
import { BookmarkEnd, BookmarkStart, BuilderElement, FootnoteReferenceRun, type ParagraphChild } from "docx";
import type { Root } from "mdast";
import { revisionOf, type Change, type Revision } from "../../model/roles.js";

/** What one citation is in one year's reading. */
export interface NoteForm {
  kind: "note" | "ref";
  /** The Word footnote: the one a "note" references, or the one a "ref" points at. */
  footnote: number;
  /** The note's number as that year prints it (a "ref"'s field result). */
  number: number;
}

export interface Notes {
  /** Word footnotes by id, each with the label of the definition it prints. */
  readonly footnotes: ReadonlyMap<number, string>;
  /** Every citation in the tree: its form in year A's reading and in year B's (undefined where it is not). */
  readonly forms: ReadonlyMap<object, { a?: NoteForm; b?: NoteForm }>;
  /** Footnotes some later citation points at: their first reference carries a bookmark. */
  readonly cited: ReadonlySet<number>;
  /** Ids for the tracked changes this plan adds (a citation whose form differs between the years). */
  change(): Change;
}

type AnyNode = { type: string; identifier?: string; children?: AnyNode[] };

/** Bookmark names and ids of first references: apart from every other bookmark the writer makes. */
const BOOKMARK_BASE = 1_000_000;
const CHANGE_BASE = 1_000_000;
export const bookmarkName = (footnote: number) => `_RefNote${footnote}`;

export function planNotes(tree: Root): Notes {
  const citations: Array<{ node: AnyNode; label: string; revision?: Revision; change?: Change }> = [];
  const walk = (node: AnyNode) => {
    if (node.type === "footnoteReference" && node.identifier) {
      const r = revisionOf(node);
      citations.push({ node, label: node.identifier, revision: r?.revision, change: r?.change });
    }
    if (node.type === "footnoteDefinition") return; // a definition's own text is not reading order
    for (const c of node.children ?? []) walk(c);
  };
  walk(tree as unknown as AnyNode);

  const footnotes = new Map<number, string>();
  const forms = new Map<object, { a?: NoteForm; b?: NoteForm }>();
  const cited = new Set<number>();
  // A note that is first in both readings is one Word footnote; otherwise each reading's first has its own.
  const firstIn = (year: "a" | "b") => {
    const hidden: Revision = year === "a" ? "ins" : "del";
    const first = new Map<string, AnyNode>();
    for (const c of citations) if (c.revision !== hidden && !first.has(c.label)) first.set(c.label, c.node);
    return first;
  };
  const firsts = { a: firstIn("a"), b: firstIn("b") };
  const idOf = new Map<AnyNode, number>();
  for (const c of citations) {
    if (firsts.a.get(c.label) !== c.node && firsts.b.get(c.label) !== c.node) continue;
    const id = idOf.size + 1;
    idOf.set(c.node, id);
    footnotes.set(id, c.label);
  }
  for (const year of ["a", "b"] as const) {
    const hidden: Revision = year === "a" ? "ins" : "del";
    const numbers = new Map<string, number>();
    for (const c of citations) {
      if (c.revision === hidden) continue;
      if (!numbers.has(c.label)) numbers.set(c.label, numbers.size + 1);
      const first = firsts[year].get(c.label)!;
      const form: NoteForm = first === c.node ? { kind: "note", footnote: idOf.get(c.node)!, number: numbers.get(c.label)! } : { kind: "ref", footnote: idOf.get(first)!, number: numbers.get(c.label)! };
      if (form.kind === "ref") cited.add(form.footnote);
      forms.set(c.node, { ...forms.get(c.node), [year]: form });
    }
  }
  const author = citations.find((c) => c.change)?.change;
  let next = CHANGE_BASE;
  return { footnotes, forms, cited, change: () => ({ id: next++, author: author?.author ?? "danvan", date: author?.date ?? "1970-01-01T00:00:00Z" }) };
}

/** A reference is numbered by Word where it stands, a cross-reference prints the number it holds. */
const same = (x?: NoteForm, y?: NoteForm) => x?.kind === y?.kind && x?.footnote === y?.footnote && (x?.kind === "note" || x?.number === y?.number);

/** A citation's runs: once where both years read it alike, else A's form deleted and B's inserted. */
export function citationRuns(node: unknown, notes: Notes): ParagraphChild[] {
  const forms = notes.forms.get(node as object);
  if (!forms) return [];
  const own = revisionOf(node);
  if (same(forms.a, forms.b)) return written(forms.b!, notes, own?.revision, own?.change);
  const out: ParagraphChild[] = [];
  if (forms.a) out.push(...written(forms.a, notes, "del", own?.revision === "del" ? own.change : notes.change()));
  if (forms.b) out.push(...written(forms.b, notes, "ins", own?.revision === "ins" ? own.change : notes.change()));
  return out;
}

function written(form: NoteForm, notes: Notes, revision?: Revision, change?: Change): ParagraphChild[] {
  if (form.kind === "note") {
    const run = tracked([new FootnoteReferenceRun(form.footnote)], revision, change);
    if (!notes.cited.has(form.footnote)) return run;
    const id = BOOKMARK_BASE + form.footnote;
    return [new BookmarkStart(bookmarkName(form.footnote), id) as unknown as ParagraphChild, ...run, new BookmarkEnd(id) as unknown as ParagraphChild];
  }
  return tracked(noteRefField(form, revision === "del"), revision, change);
}

/**
 * `NOTEREF _RefNoteN \f \h`: \f formats the result as a footnote reference; the result is the number itself,
 * superscript in the FootnoteReference style, so no reader needs to update fields to print it.
 */
function noteRefField(form: NoteForm, deleted: boolean): ParagraphChild[] {
  const style: Spec = { name: "w:rPr", children: [{ name: "w:rStyle", attributes: { val: { key: "w:val", value: "FootnoteReference" } } }] };
  const run = (child: Spec): Spec => ({ name: "w:r", children: [style, child] });
  const fldChar = (type: string) => run({ name: "w:fldChar", attributes: { type: { key: "w:fldCharType", value: type } } });
  const text = (name: string, value: string) => run({ name, attributes: { space: { key: "xml:space", value: "preserve" } }, children: [value] });
  return [
    fldChar("begin"),
    text(deleted ? "w:delInstrText" : "w:instrText", ` NOTEREF ${bookmarkName(form.footnote)} \\f \\h `),
    fldChar("separate"),
    text(deleted ? "w:delText" : "w:t", String(form.number)),
    fldChar("end"),
  ].map((spec) => build(spec) as unknown as ParagraphChild);
}

type Spec = { name: string; attributes?: Record<string, { key: string; value: string }>; children?: Array<Spec | string> };

function build(spec: Spec): BuilderElement {
  return new BuilderElement({ name: spec.name, attributes: spec.attributes, children: spec.children?.map((c) => (typeof c === "string" ? c : build(c))) as never });
}

/** Runs inside a w:ins or w:del of their own (docx.js has no tracked footnote reference or field). */
function tracked(runs: ParagraphChild[], revision?: Revision, change?: Change): ParagraphChild[] {
  if (!revision || !change) return runs;
  return [new BuilderElement({
    name: revision === "ins" ? "w:ins" : "w:del",
    attributes: {
      id: { key: "w:id", value: change.id },
      author: { key: "w:author", value: change.author },
      date: { key: "w:date", value: change.date },
    },
    children: runs as never,
  }) as unknown as ParagraphChild];
}
