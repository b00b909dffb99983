/**
 * The document as a reader sees it, the one DOCX reader danvan has: body paragraphs and tables in order,
 * each paragraph's visible text as runs (bold kept, line breaks and footnote references marked), its
 * layout facts (style, alignment, drawn rules, page breaks) and its automatic number. Text Word keeps
 * outside the flow — text boxes, equations, symbol-font characters, content controls, smart tags — is read
 * where it is anchored; what cannot be read as text is named in `warnings`, never dropped silently. What
 * Word keeps beside the text is stepped through, not read: deleted tracked changes, field instructions,
 * comments' anchors, bookmarks, proofing marks, pictures.
 *
 * Input: the parsed parts (xml.ts) of a package (package.ts). Output: `DocModel`, typed, with no knowledge
 * of reports; import's recognisers and the review reader build on it.
 */
import { mathText } from "./math.js";
import { Numbering, type Label } from "./numbering.js";
import { isHeadingStyle, ownFacts, Styles, type StyleFacts } from "./styles.js";
import { symbolChar } from "./symbols.js";
import { descendants, elements, first, isOn, textOf, type XmlElement } from "./xml.js";

export type Inline = { text: string; bold: boolean } | { break: true } | { footnote: string };

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

export interface DocModel {
  blocks: Block[];
  /** Footnote (and endnote, as `e<id>`) texts by their id in the package, as runs. */
  notes: Map<string, Inline[]>;
  /** What was seen but could not be read as text (an unknown symbol, an embedded object). */
  warnings: ReaderWarning[];
}

export interface DocumentParts {
  document: XmlElement;
  styles?: XmlElement;
  numbering?: XmlElement;
  footnotes?: XmlElement;
  endnotes?: XmlElement;
}

interface Context {
  styles: Styles;
  numbering: Numbering;
  counter: { n: number };
  /** Complex fields open: true while reading the instruction part, false in the shown result. */
  fields: boolean[];
  warnings: ReaderWarning[];
}

export function readDocument(parts: DocumentParts): DocModel {
  const warnings: ReaderWarning[] = [];
  const ctx: Context = { styles: new Styles(parts.styles), numbering: new Numbering(parts.numbering), counter: { n: 0 }, fields: [], warnings };
  const body = first(parts.document, "w:body");
  const blocks = body ? readBlocks(body, ctx) : [];
  const notes = new Map<string, Inline[]>();
  for (const [root, tag, prefix] of [[parts.footnotes, "w:footnote", ""], [parts.endnotes, "w:endnote", "e"]] as const) {
    if (!root) continue;
    for (const note of elements(root, tag)) {
      const type = note.attrs["w:type"];
      if (type && type !== "normal") continue;
      // A note's paragraphs are numbered apart from the body's; its warnings name the note.
      const noteWarnings: ReaderWarning[] = [];
      const noteCtx: Context = { ...ctx, counter: { n: 0 }, fields: [], warnings: noteWarnings };
      const paras = flatten(readBlocks(note, noteCtx));
      const inlines: Inline[] = [];
      paras.forEach((p, i) => {
        if (i > 0) inlines.push({ text: " ", bold: false });
        inlines.push(...p.inlines);
      });
      const id = prefix + (note.attrs["w:id"] ?? "");
      notes.set(id, inlines);
      for (const w of noteWarnings) warnings.push({ paragraph: 0, message: `chú thích ${id}: ${w.message}` });
    }
  }
  return { blocks, notes, warnings };
}

/** Every paragraph of a list of blocks, table cells in row order. */
export function flatten(blocks: readonly Block[]): Para[] {
  return blocks.flatMap((b) => (b.kind === "para" ? [b] : b.rows.flat().flatMap((c) => c.paras)));
}

// w:del, w:moveFrom, w:sdtPr, w:sectPr and the like are not shown text: anything not named here is stepped over.
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
  const run: RunState = { inlines: [], boxes: [], rule: false, pageBreak: false, index };
  readRuns(p, ctx, style, run);
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
  };
  return [para, ...run.boxes.map((b) => (b.kind === "para" ? { ...b, textBox: true } : b))];
}

interface RunState {
  inlines: Inline[];
  /** What the paragraph's text boxes hold, read as blocks of their own. */
  boxes: Block[];
  /** A line shape is anchored in the paragraph. */
  rule: boolean;
  /** A page break stands before any of the paragraph's text. */
  pageBreak: boolean;
  index: number;
}

function readRuns(parent: XmlElement, ctx: Context, style: StyleFacts, state: RunState): void {
  for (const el of elements(parent)) {
    if (el.name === "w:r") readRun(el, ctx, style, state);
    else if (el.name === "mc:AlternateContent") readRuns(alternative(el), ctx, style, state);
    else if (TRANSPARENT.has(el.name)) readRuns(el, ctx, style, state);
    else if (el.name === "m:oMath" || el.name === "m:oMathPara") readMath(el, ctx, state);
    else if (el.name === "w:ruby") readRuns(first(el, "w:rubyBase") ?? el, ctx, style, state);
    // w:del, w:moveFrom, bookmarks, comment ranges, proofErr: not shown text.
  }
}

function readMath(el: XmlElement, ctx: Context, state: RunState): void {
  const text = mathText(el).trim();
  if (!text) return;
  state.inlines.push({ text, bold: false });
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
    state.inlines.push({ text: caps ? text.toUpperCase() : text, bold });
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
          else state.inlines.push({ text: " ", bold });
        } else state.inlines.push({ break: true });
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
        state.inlines.push({ footnote: el.attrs["w:id"] ?? "" });
        break;
      case "w:endnoteReference":
        state.inlines.push({ footnote: `e${el.attrs["w:id"] ?? ""}` });
        break;
      case "mc:AlternateContent":
        readRunContent(elements(alternative(el)), props, ctx, state);
        break;
      case "w:drawing":
      case "w:pict":
        readShapes(el, ctx, state);
        break;
      case "w:object":
        ctx.warnings.push({ paragraph: state.index, message: "có đối tượng nhúng (OLE, ví dụ công thức Equation cũ) không đọc được thành chữ: gõ lại nội dung của nó" });
        break;
      default:
        // w:softHyphen, w:footnoteRef (the number a note shows of itself), w:instrText, w:delText, w:lastRenderedPageBreak.
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
