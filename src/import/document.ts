/**
 * The document as import reads it: body paragraphs and tables in order, each paragraph's visible text as
 * runs (bold kept, line breaks and footnote references marked), its style facts and its automatic number.
 * What Word keeps beside the text is stepped through, not read as text: deleted tracked changes, field
 * instructions, comments' anchors, bookmarks, proofing marks.
 */
import { Numbering, type Label } from "./numbering.js";
import { isHeadingStyle, Styles } from "./styles.js";
import { elements, first, isOn, textOf, type XmlElement } from "./xml.js";

export type Inline = { text: string; bold: boolean } | { break: true } | { footnote: string };

export interface Para {
  kind: "para";
  /** 1-based, in reading order over the body (table cells included), for messages. */
  index: number;
  inlines: Inline[];
  label?: Label;
  heading: boolean;
}

export interface Cell {
  paras: Para[];
  span: number;
}

export interface Table {
  kind: "table";
  index: number;
  rows: Cell[][];
}

export type Block = Para | Table;

export interface DocModel {
  blocks: Block[];
  /** Footnote (and endnote, as `e<id>`) texts by their id in the package, as runs. */
  notes: Map<string, Inline[]>;
}

interface Context {
  styles: Styles;
  numbering: Numbering;
  counter: { n: number };
  /** Complex fields open: true while reading the instruction part, false in the shown result. */
  fields: boolean[];
}

export function readDocument(document: XmlElement, styles?: XmlElement, numbering?: XmlElement, footnotes?: XmlElement, endnotes?: XmlElement): DocModel {
  const ctx: Context = { styles: new Styles(styles), numbering: new Numbering(numbering), counter: { n: 0 }, fields: [] };
  const body = first(document, "w:body");
  const blocks = body ? readBlocks(body, ctx) : [];
  const notes = new Map<string, Inline[]>();
  for (const [root, tag, prefix] of [[footnotes, "w:footnote", ""], [endnotes, "w:endnote", "e"]] as const) {
    if (!root) continue;
    for (const note of elements(root, tag)) {
      const type = note.attrs["w:type"];
      if (type && type !== "normal") continue;
      const noteCtx: Context = { ...ctx, counter: { n: 0 }, fields: [] };
      const paras = readBlocks(note, noteCtx).flatMap((b) => (b.kind === "para" ? [b] : b.rows.flat().flatMap((c) => c.paras)));
      const inlines: Inline[] = [];
      paras.forEach((p, i) => {
        if (i > 0) inlines.push({ text: " ", bold: false });
        inlines.push(...p.inlines);
      });
      notes.set(prefix + (note.attrs["w:id"] ?? ""), inlines);
    }
  }
  return { blocks, notes };
}

// w:del, w:moveFrom, w:sdtPr, w:sectPr and the like are not shown text: anything not named here is stepped over.
const TRANSPARENT = new Set(["w:sdt", "w:sdtContent", "w:customXml", "w:ins", "w:moveTo", "w:smartTag", "w:hyperlink", "w:fldSimple", "w:dir", "w:bdo"]);

function readBlocks(parent: XmlElement, ctx: Context): Block[] {
  const out: Block[] = [];
  for (const el of elements(parent)) {
    if (el.name === "w:p") out.push(readParagraph(el, ctx));
    else if (el.name === "w:tbl") out.push(readTable(el, ctx));
    else if (el.name === "mc:AlternateContent") out.push(...readBlocks(first(el, "mc:Fallback") ?? first(el, "mc:Choice") ?? el, ctx));
    else if (TRANSPARENT.has(el.name)) out.push(...readBlocks(el, ctx));
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
      const paras = readBlocks(tc, ctx).flatMap((b) => (b.kind === "para" ? [b] : b.rows.flat().flatMap((c) => c.paras)));
      // A cell merged into the one above shows nothing of its own: its text, if any, is kept in the first.
      const continued = merge !== undefined && (merge.attrs["w:val"] ?? "continue") === "continue";
      row.push({ paras: continued && paras.every((p) => plainText(p.inlines).trim() === "") ? [] : paras, span: Number.isFinite(span) && span > 0 ? span : 1 });
    }
    rows.push(row);
  }
  return { kind: "table", index, rows };
}

function readParagraph(p: XmlElement, ctx: Context): Para {
  const index = ++ctx.counter.n;
  const pPr = first(p, "w:pPr");
  const facts = ctx.styles.facts(first(pPr, "w:pStyle")?.attrs["w:val"]);
  const numPr = first(pPr, "w:numPr");
  const numId = first(numPr, "w:numId")?.attrs["w:val"] ?? facts.numId;
  const ilvl = Number(first(numPr, "w:ilvl")?.attrs["w:val"] ?? facts.ilvl ?? 0);
  const label = numId && numId !== "0" ? ctx.numbering.next(numId, ilvl) : undefined;
  const outline = first(pPr, "w:outlineLvl")?.attrs["w:val"];
  const heading = isHeadingStyle({ ...facts, outline: outline === undefined ? facts.outline : Number(outline) });
  const inlines: Inline[] = [];
  readRuns(p, ctx, facts.bold ?? false, inlines);
  return { kind: "para", index, inlines, label, heading };
}

function readRuns(parent: XmlElement, ctx: Context, styleBold: boolean, out: Inline[]): void {
  for (const el of elements(parent)) {
    if (el.name === "w:r") readRun(el, ctx, styleBold, out);
    else if (el.name === "mc:AlternateContent") readRuns(first(el, "mc:Fallback") ?? first(el, "mc:Choice") ?? el, ctx, styleBold, out);
    else if (TRANSPARENT.has(el.name)) readRuns(el, ctx, styleBold, out);
    // w:del, w:moveFrom, bookmarks, comment ranges, proofErr: not shown text.
  }
}

function readRun(r: XmlElement, ctx: Context, styleBold: boolean, out: Inline[]): void {
  const rPr = first(r, "w:rPr");
  const charStyle = ctx.styles.facts(first(rPr, "w:rStyle")?.attrs["w:val"] ?? "\u0000");
  const bold = isOn(first(rPr, "w:b")) ?? (first(rPr, "w:rStyle") ? charStyle.bold : undefined) ?? styleBold;
  const hidden = isOn(first(rPr, "w:vanish")) === true;
  for (const el of elements(r)) {
    switch (el.name) {
      case "w:fldChar": {
        const type = el.attrs["w:fldCharType"];
        if (type === "begin") ctx.fields.push(true);
        else if (type === "separate" && ctx.fields.length) ctx.fields[ctx.fields.length - 1] = false;
        else if (type === "end") ctx.fields.pop();
        break;
      }
      case "w:t":
        if (!hidden && !ctx.fields.includes(true)) out.push({ text: textOf(el), bold });
        break;
      case "w:tab":
      case "w:ptab":
        if (!ctx.fields.includes(true)) out.push({ text: "\t", bold });
        break;
      case "w:br":
      case "w:cr":
        if (!ctx.fields.includes(true)) out.push(el.attrs["w:type"] === "page" || el.attrs["w:type"] === "column" ? { text: " ", bold } : { break: true });
        break;
      case "w:noBreakHyphen":
        out.push({ text: "-", bold });
        break;
      case "w:footnoteReference":
        out.push({ footnote: el.attrs["w:id"] ?? "" });
        break;
      case "w:endnoteReference":
        out.push({ footnote: `e${el.attrs["w:id"] ?? ""}` });
        break;
      default:
        // w:softHyphen, w:footnoteRef (the number a note shows of itself), w:instrText, w:delText, drawings.
        break;
    }
  }
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
