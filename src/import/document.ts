/**
 * The document as a reader sees it, the one DOCX reader danvan has: body paragraphs and tables in order,
 * each paragraph's visible text as runs (bold kept, line breaks and footnote references marked), its
 * layout facts (style, alignment, drawn rules, page breaks) and its automatic number. Text Word keeps
 * outside the flow — text boxes, equations, symbol-font characters, content controls, smart tags — is read
 * where it is anchored; what cannot be read as text is named in `warnings`, never dropped silently. What
 * Word keeps beside the text is stepped through, not read as text: field instructions, proofing marks, pictures.
 * What a reviewer leaves is kept beside the text it marks (revisions.ts reads it): tracked changes (each
 * paragraph's accept-all runs are its `inlines`, the reject-all ones `rejected`; a paragraph mark inserted
 * or deleted), comments' ranges, bookmarks' names, the package's custom properties.
 *
 * Input: the parsed parts (xml.ts) of a package (package.ts). Output: `DocModel`, typed, with no knowledge
 * of reports; import's recognisers and the review reader build on it.
 */
import { mathText } from "./math.js";
import { Numbering, type Label } from "./numbering.js";
import { isHeadingStyle, ownFacts, Styles, type StyleFacts } from "./styles.js";
import { symbolChar } from "./symbols.js";
import { readComments, readProperties } from "./annotations.js";
import { descendants, elements, first, isOn, textOf, type XmlElement } from "./xml.js";

export type Inline = { text: string; bold: boolean } | { break: true } | { footnote: string };

/** The part of a paragraph's accept-all text (`plainText(inlines)`, UTF-16 offsets) a comment is anchored to. */
export interface CommentRange {
  id: string;
  start: number;
  end: number;
}

export interface Para {
  kind: "para";
  /** 1-based, in reading order over the body (table cells and text boxes included), for messages. */
  index: number;
  inlines: Inline[];
  label?: Label;
  /** In a heading style or at an outline level. */
  heading: boolean;
  /** The paragraph style's name, as the file spells it ("heading 1", "Normal", "Tiêu đề 2"). */
  style?: string;
  /** `w:jc`: left, center, right, both, start, end… */
  align?: string;
  /** A rule is drawn under this paragraph (bottom border, or a line shape anchored in it) or over it (top border). */
  ruleBelow?: boolean;
  ruleAbove?: boolean;
  /** The paragraph starts a new page (a page break before its text, or `pageBreakBefore`). */
  pageBreak?: boolean;
  /** The paragraph stands in a text box (or another shape) anchored at the paragraph before it. */
  textBox?: boolean;
  /** Names of the bookmarks that start in the paragraph (or just before it, between paragraphs), in order. */
  bookmarks?: string[];
  /** The paragraph holds tracked changes (text inserted, deleted or moved, or its mark inserted or deleted). */
  revised?: boolean;
  /** With `revised`: the runs as they read after "Reject all changes" (`inlines` are the accept-all ones). */
  rejected?: Inline[];
  /**
   * The paragraph's mark is a tracked change: "deleted", the paragraph runs on into the next one once the
   * changes are accepted (two merged); "inserted", it does once they are rejected (one split in two).
   */
  mark?: "inserted" | "deleted";
  /** The comments anchored in the paragraph, as ranges of its accept-all text. */
  comments?: CommentRange[];
}

export interface Cell {
  paras: Para[];
  /** How many grid columns the cell spans. */
  span: number;
  /** A cell merged into the one above it (`w:vMerge` continue): it shows the text of the cell above. */
  mergedAbove?: boolean;
}

export interface Table {
  kind: "table";
  index: number;
  rows: Cell[][];
}

export type Block = Para | Table;

export interface ReaderWarning {
  /** The paragraph (or table) index the problem is in. */
  paragraph: number;
  message: string;
}

export interface Comment {
  id: string;
  author?: string;
  initials?: string;
  /** As the file gives it (ISO 8601, `2026-12-04T10:00:00Z`). */
  date?: string;
  /** The comment's paragraphs' text. */
  paragraphs: string[];
  /** `paragraphs` joined by line breaks. */
  text: string;
  /** Marked done ("resolved") in Word (word/commentsExtended.xml). */
  done?: boolean;
  /** The accept-all text the comment is anchored to; across paragraphs, joined by line breaks. */
  quote: string;
}

export interface DocModel {
  blocks: Block[];
  /** Footnote (and endnote, as `e<id>`) texts by their id in the package, as runs (accept-all). */
  notes: Map<string, Inline[]>;
  /** The same notes as paragraphs, with their revisions, comments and bookmarks. */
  noteParas: Map<string, Para[]>;
  /** word/comments.xml, in the order of the file. */
  comments: Comment[];
  /** docProps/custom.xml: each custom property's name and its value as text. */
  properties: Map<string, string>;
  /** What was seen but could not be read as text (an unknown symbol, an embedded object). */
  warnings: ReaderWarning[];
}

export interface DocumentParts {
  document: XmlElement;
  styles?: XmlElement;
  numbering?: XmlElement;
  footnotes?: XmlElement;
  endnotes?: XmlElement;
  comments?: XmlElement;
  commentsExtended?: XmlElement;
  custom?: XmlElement;
}

interface Context {
  styles: Styles;
  numbering: Numbering;
  counter: { n: number };
  /** Complex fields open: true while reading the instruction part, false in the shown result. */
  fields: boolean[];
  warnings: ReaderWarning[];
  /** Reviewer's marks met between paragraphs, or left open at a paragraph's end, for the paragraphs that follow. */
  marks: Marks;
}

interface Marks {
  /** Bookmarks started between paragraphs, given to the next one. */
  bookmarks: string[];
  /** Comments whose range is open: it goes on into the next paragraph. */
  open: Set<string>;
  /** Comments whose range has started somewhere (a reference alone marks a point). */
  seen: Set<string>;
}

const newMarks = (): Marks => ({ bookmarks: [], open: new Set(), seen: new Set() });

export function readDocument(parts: DocumentParts): DocModel {
  const warnings: ReaderWarning[] = [];
  const ctx: Context = { styles: new Styles(parts.styles), numbering: new Numbering(parts.numbering), counter: { n: 0 }, fields: [], warnings, marks: newMarks() };
  const body = first(parts.document, "w:body");
  const blocks = body ? readBlocks(body, ctx) : [];
  const notes = new Map<string, Inline[]>();
  const noteParas = new Map<string, Para[]>();
  for (const [root, tag, prefix] of [[parts.footnotes, "w:footnote", ""], [parts.endnotes, "w:endnote", "e"]] as const) {
    if (!root) continue;
    for (const note of elements(root, tag)) {
      const type = note.attrs["w:type"];
      if (type && type !== "normal") continue;
      // A note's paragraphs are numbered apart from the body's; its warnings name the note.
      const noteWarnings: ReaderWarning[] = [];
      const noteCtx: Context = { ...ctx, counter: { n: 0 }, fields: [], warnings: noteWarnings, marks: newMarks() };
      const paras = flatten(readBlocks(note, noteCtx));
      const inlines: Inline[] = [];
      paras.forEach((p, i) => {
        if (i > 0) inlines.push({ text: " ", bold: false });
        inlines.push(...p.inlines);
      });
      const id = prefix + (note.attrs["w:id"] ?? "");
      notes.set(id, inlines);
      noteParas.set(id, paras);
      for (const w of noteWarnings) warnings.push({ paragraph: 0, message: `chú thích ${id}: ${w.message}` });
    }
  }
  const comments = readComments(parts.comments, parts.commentsExtended, (root) =>
    flatten(readBlocks(root, { ...ctx, counter: { n: 0 }, fields: [], warnings: [], marks: newMarks() })).map((p) => plainText(p.inlines)),
  );
  const quoted = [...flatten(blocks), ...[...noteParas.values()].flat()];
  for (const c of comments) c.quote = quoteOf(c.id, quoted);
  return { blocks, notes, noteParas, comments, properties: readProperties(parts.custom), warnings };
}

/** The accept-all text a comment's ranges cover, paragraph by paragraph. */
function quoteOf(id: string, paras: readonly Para[]): string {
  const pieces: string[] = [];
  for (const p of paras) {
    for (const r of p.comments ?? []) if (r.id === id) pieces.push(plainText(p.inlines).slice(r.start, r.end));
  }
  return pieces.join("\n");
}

/** Every paragraph of a list of blocks, table cells in row order. */
export function flatten(blocks: readonly Block[]): Para[] {
  return blocks.flatMap((b) => (b.kind === "para" ? [b] : b.rows.flat().flatMap((c) => c.paras)));
}

// w:sdtPr, w:sectPr and the like are not shown text: anything not named here is stepped over (tracked
// insertions and deletions inside a paragraph are read by readRuns, each into its side).
const TRANSPARENT = new Set(["w:sdt", "w:sdtContent", "w:customXml", "w:ins", "w:moveTo", "w:smartTag", "w:hyperlink", "w:fldSimple", "w:dir", "w:bdo"]);

/** The branch of an `mc:AlternateContent` read, once: the fallback every reader understands, else the choice. */
function alternative(el: XmlElement): XmlElement {
  return first(el, "mc:Fallback") ?? first(el, "mc:Choice") ?? el;
}

function readBlocks(parent: XmlElement, ctx: Context): Block[] {
  const out: Block[] = [];
  for (const el of elements(parent)) {
    if (el.name === "w:p") out.push(...readParagraph(el, ctx));
    else if (el.name === "w:tbl") out.push(readTable(el, ctx));
    else if (el.name === "mc:AlternateContent") out.push(...readBlocks(alternative(el), ctx));
    else if (TRANSPARENT.has(el.name)) out.push(...readBlocks(el, ctx));
    else if (el.name === "w:bookmarkStart") ctx.marks.bookmarks.push(el.attrs["w:name"] ?? "");
    else if (el.name === "w:commentRangeStart") openComment(ctx.marks, el.attrs["w:id"] ?? "");
    else if (el.name === "w:commentRangeEnd") ctx.marks.open.delete(el.attrs["w:id"] ?? "");
    else if (el.name === "w:altChunk") ctx.warnings.push({ paragraph: ctx.counter.n + 1, message: "có nội dung nhúng từ tệp khác (altChunk) không đọc được: hãy mở bằng Word và lưu lại" });
  }
  return out;
}

function readTable(tbl: XmlElement, ctx: Context): Table {
  const index = ++ctx.counter.n;
  const rows: Cell[][] = [];
  const rowEls = (el: XmlElement): XmlElement[] =>
    elements(el).flatMap((c) => (c.name === "w:tr" ? [c] : TRANSPARENT.has(c.name) ? rowEls(c) : []));
  const cellEls = (el: XmlElement): XmlElement[] =>
    elements(el).flatMap((c) => (c.name === "w:tc" ? [c] : TRANSPARENT.has(c.name) ? cellEls(c) : []));
  for (const tr of rowEls(tbl)) {
    const row: Cell[] = [];
    for (const tc of cellEls(tr)) {
      const tcPr = first(tc, "w:tcPr");
      const span = Number(first(tcPr, "w:gridSpan")?.attrs["w:val"] ?? 1);
      const merge = first(tcPr, "w:vMerge");
      const paras = flatten(readBlocks(tc, ctx));
      const continued = merge !== undefined && (merge.attrs["w:val"] ?? "continue") === "continue";
      row.push({ paras, span: Number.isFinite(span) && span > 0 ? Math.min(span, 64) : 1, ...(continued ? { mergedAbove: true } : {}) });
    }
    rows.push(row);
  }
  return { kind: "table", index, rows };
}

/** The paragraph, then what its text boxes hold, in the order they are anchored. */
function readParagraph(p: XmlElement, ctx: Context): Block[] {
  const index = ++ctx.counter.n;
  const pPr = first(p, "w:pPr");
  const styleId = first(pPr, "w:pStyle")?.attrs["w:val"];
  const style = ctx.styles.facts(styleId);
  const own = ownFacts(pPr, undefined);
  const numPr = first(pPr, "w:numPr");
  const numId = first(numPr, "w:numId")?.attrs["w:val"] ?? style.numId;
  const ilvl = Number(first(numPr, "w:ilvl")?.attrs["w:val"] ?? style.ilvl ?? 0);
  const label = numId && numId !== "0" ? ctx.numbering.next(numId, Number.isFinite(ilvl) ? ilvl : 0) : undefined;
  const outline = own.outline ?? style.outline;
  const heading = isHeadingStyle({ ...style, outline });
  const markPr = first(pPr, "w:rPr");
  const mark = first(markPr, "w:del") || first(markPr, "w:moveFrom") ? "deleted" : first(markPr, "w:ins") || first(markPr, "w:moveTo") ? "inserted" : undefined;
  const run: RunState = {
    inlines: [],
    rejected: [],
    revised: mark !== undefined,
    ins: 0,
    del: 0,
    boxes: [],
    rule: false,
    pageBreak: false,
    index,
    bookmarks: ctx.marks.bookmarks.splice(0),
    comments: [],
    open: new Map([...ctx.marks.open].map((id) => [id, 0])),
  };
  readRuns(p, ctx, style, run);
  const length = plainText(run.inlines).length;
  for (const [id, start] of run.open) {
    run.comments.push({ id, start, end: length });
    ctx.marks.open.add(id);
  }
  const para: Para = {
    kind: "para",
    index,
    inlines: run.inlines,
    ...(label ? { label } : {}),
    heading,
    ...(style.name ? { style: style.name } : {}),
    ...((own.align ?? style.align) ? { align: own.align ?? style.align } : {}),
    ...((own.borderBelow ?? style.borderBelow) || run.rule ? { ruleBelow: true } : {}),
    ...((own.borderAbove ?? style.borderAbove) ? { ruleAbove: true } : {}),
    ...((own.pageBreakBefore ?? style.pageBreakBefore) || run.pageBreak ? { pageBreak: true } : {}),
    ...(run.bookmarks.length ? { bookmarks: run.bookmarks } : {}),
    ...(run.revised ? { revised: true, rejected: run.rejected } : {}),
    ...(mark ? { mark } : {}),
    ...(run.comments.length ? { comments: run.comments } : {}),
  };
  return [para, ...run.boxes.map((b) => (b.kind === "para" ? { ...b, textBox: true } : b))];
}

interface RunState {
  /** The runs shown once every change is accepted. */
  inlines: Inline[];
  /** The runs shown once every change is rejected. */
  rejected: Inline[];
  revised: boolean;
  /** How deep inside tracked insertions (w:ins, w:moveTo) and deletions (w:del, w:moveFrom) the reader is. */
  ins: number;
  del: number;
  /** What the paragraph's text boxes hold, read as blocks of their own. */
  boxes: Block[];
  /** A line shape is anchored in the paragraph. */
  rule: boolean;
  /** A page break stands before any of the paragraph's text. */
  pageBreak: boolean;
  index: number;
  bookmarks: string[];
  comments: CommentRange[];
  /** Comments whose range is open in this paragraph, with the offset it started at. */
  open: Map<string, number>;
}

function openComment(marks: Marks, id: string): void {
  marks.open.add(id);
  marks.seen.add(id);
}

/** Runs (and breaks, note references) go to the accept-all side unless deleted, to the reject-all side unless inserted. */
function emit(state: RunState, inline: Inline): void {
  if (state.del === 0) state.inlines.push(inline);
  if (state.ins === 0) state.rejected.push(inline);
  if (state.ins > 0 || state.del > 0) state.revised = true;
}

function readRuns(parent: XmlElement, ctx: Context, style: StyleFacts, state: RunState): void {
  for (const el of elements(parent)) {
    if (el.name === "w:r") readRun(el, ctx, style, state);
    else if (el.name === "w:ins" || el.name === "w:moveTo") {
      state.ins++;
      readRuns(el, ctx, style, state);
      state.ins--;
    } else if (el.name === "w:del" || el.name === "w:moveFrom") {
      state.del++;
      readRuns(el, ctx, style, state);
      state.del--;
    } else if (el.name === "mc:AlternateContent") readRuns(alternative(el), ctx, style, state);
    else if (TRANSPARENT.has(el.name)) readRuns(el, ctx, style, state);
    else if (el.name === "m:oMath" || el.name === "m:oMathPara") readMath(el, ctx, state);
    else if (el.name === "w:ruby") readRuns(first(el, "w:rubyBase") ?? el, ctx, style, state);
    else if (el.name === "w:bookmarkStart") state.bookmarks.push(el.attrs["w:name"] ?? "");
    else readCommentMark(el, ctx, state);
    // proofErr, permStart, moveFromRangeStart and the like: not shown text.
  }
}

function readCommentMark(el: XmlElement, ctx: Context, state: RunState): void {
  const id = el.attrs["w:id"] ?? "";
  const at = () => plainText(state.inlines).length;
  if (el.name === "w:commentRangeStart") {
    state.open.set(id, at());
    ctx.marks.seen.add(id);
  } else if (el.name === "w:commentRangeEnd") {
    const start = state.open.get(id);
    if (start !== undefined) state.comments.push({ id, start, end: at() });
    state.open.delete(id);
    ctx.marks.open.delete(id);
  } else if (el.name === "w:commentReference" && !ctx.marks.seen.has(id)) {
    // A comment with no range marks the point where its reference stands.
    ctx.marks.seen.add(id);
    state.comments.push({ id, start: at(), end: at() });
  }
}

function readMath(el: XmlElement, ctx: Context, state: RunState): void {
  const text = mathText(el).trim();
  if (!text) return;
  emit(state, { text, bold: false });
  ctx.warnings.push({ paragraph: state.index, message: `công thức (OMML) được đọc thành chữ "${text}": xem lại cách viết` });
}

function readRun(r: XmlElement, ctx: Context, style: StyleFacts, state: RunState): void {
  const rPr = first(r, "w:rPr");
  const rStyle = first(rPr, "w:rStyle")?.attrs["w:val"];
  const charStyle = rStyle ? ctx.styles.characterFacts(rStyle) : undefined;
  const bold = isOn(first(rPr, "w:b")) ?? charStyle?.bold ?? style.bold ?? false;
  const caps = isOn(first(rPr, "w:caps")) ?? isOn(first(rPr, "w:smallCaps")) ?? charStyle?.caps ?? style.caps ?? false;
  const hidden = isOn(first(rPr, "w:vanish")) === true;
  readRunContent(elements(r), { bold, caps, hidden }, ctx, state);
}

interface RunProps {
  bold: boolean;
  caps: boolean;
  hidden: boolean;
}

function readRunContent(children: readonly XmlElement[], props: RunProps, ctx: Context, state: RunState): void {
  const { bold, caps, hidden } = props;
  const push = (text: string) => {
    if (hidden || ctx.fields.includes(true)) return;
    emit(state, { text: caps ? text.toUpperCase() : text, bold });
  };
  for (const el of children) {
    switch (el.name) {
      case "w:fldChar": {
        const type = el.attrs["w:fldCharType"];
        if (type === "begin") ctx.fields.push(true);
        else if (type === "separate" && ctx.fields.length) ctx.fields[ctx.fields.length - 1] = false;
        else if (type === "end") ctx.fields.pop();
        break;
      }
      case "w:t":
      case "w:delText":
        push(textOf(el));
        break;
      case "w:tab":
      case "w:ptab":
        push("\t");
        break;
      case "w:br":
      case "w:cr": {
        if (ctx.fields.includes(true) || hidden) break;
        const type = el.attrs["w:type"];
        if (type === "page" || type === "column") {
          // Layout, never text: a page break before any text starts the paragraph on a new page.
          if (!state.inlines.some((i) => !("text" in i) || i.text.trim() !== "")) state.pageBreak = true;
          else emit(state, { text: " ", bold });
        } else emit(state, { break: true });
        break;
      }
      case "w:noBreakHyphen":
        push("-");
        break;
      case "w:sym": {
        const ch = symbolChar(el.attrs["w:font"], el.attrs["w:char"]);
        if (ch !== undefined) push(ch);
        else ctx.warnings.push({ paragraph: state.index, message: `ký tự biểu tượng ${el.attrs["w:char"] ?? "?"} của phông ${el.attrs["w:font"] ?? "?"} (w:sym) không đọc được: gõ lại bằng chữ` });
        break;
      }
      case "w:footnoteReference":
        emit(state, { footnote: el.attrs["w:id"] ?? "" });
        break;
      case "w:endnoteReference":
        emit(state, { footnote: `e${el.attrs["w:id"] ?? ""}` });
        break;
      case "mc:AlternateContent":
        readRunContent(elements(alternative(el)), props, ctx, state);
        break;
      case "w:commentReference":
        readCommentMark(el, ctx, state);
        break;
      case "w:drawing":
      case "w:pict":
        readShapes(el, ctx, state);
        break;
      case "w:object":
        ctx.warnings.push({ paragraph: state.index, message: "có đối tượng nhúng (OLE, ví dụ công thức Equation cũ) không đọc được thành chữ: gõ lại nội dung của nó" });
        break;
      default:
        // w:softHyphen, w:footnoteRef (the number a note shows of itself), w:instrText, w:delInstrText, w:lastRenderedPageBreak.
        break;
    }
  }
}

/**
 * A drawing (DrawingML) or a VML picture: text boxes are read as blocks after the paragraph; a line, a
 * connector or a horizontal-rule shape is a drawn rule; pictures and other shapes are not text.
 */
function readShapes(el: XmlElement, ctx: Context, state: RunState): void {
  const contents = descendants(el, "w:txbxContent");
  for (const box of contents) state.boxes.push(...readBlocks(box, ctx));
  if (contents.length) return;
  if (isLineShape(el)) state.rule = true;
}

const LINE_GEOMETRY = /^(line|straightConnector1|lineInv)$/;

function isLineShape(el: XmlElement): boolean {
  for (const geom of descendants(el, "a:prstGeom")) if (LINE_GEOMETRY.test(geom.attrs.prst ?? "")) return true;
  if (descendants(el, "v:line").length) return true;
  for (const shape of [...descendants(el, "v:rect"), ...descendants(el, "v:shape")]) {
    if (shape.attrs["o:hr"] === "t" || shape.attrs["o:hr"] === "true") return true;
    if (/#_x0000_t32$/.test(shape.attrs.type ?? "")) return true;
    const height = /(?:^|;)\s*height:\s*([\d.]+)pt/.exec(shape.attrs.style ?? "");
    const width = /(?:^|;)\s*width:\s*([\d.]+)pt/.exec(shape.attrs.style ?? "");
    if (height && width && Number(height[1]) <= 3 && Number(width[1]) >= 20 * Number(height[1])) return true;
  }
  // A DrawingML rectangle drawn as thin as a line.
  for (const extent of descendants(el, "wp:extent")) {
    const cx = Number(extent.attrs.cx);
    const cy = Number(extent.attrs.cy);
    if (descendants(el, "wps:wsp").length && Number.isFinite(cx) && Number.isFinite(cy) && cy <= 38100 && cx >= 20 * Math.max(cy, 1)) return true;
  }
  return false;
}

export function plainText(inlines: readonly Inline[]): string {
  return inlines.map((i) => ("text" in i ? i.text : "break" in i ? "\n" : "")).join("");
}

/** True when the paragraph has text and all of it is bold. */
export function allBold(inlines: readonly Inline[]): boolean {
  let any = false;
  for (const i of inlines) {
    if (!("text" in i) || i.text.trim() === "") continue;
    if (!i.bold) return false;
    any = true;
  }
  return any;
}
