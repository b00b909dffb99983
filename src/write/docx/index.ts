/**
 * Tree → DOCX, read as a script in phases. Layout values come from the profile table
 * (src/profile.ts); the parts Markdown cannot express arrive as directives (directives.ts).
 */
import { draftDate } from "../../model/period.js";
import { AlignmentType, Document, Footer, Header, Packer, PageNumber, Paragraph, TabStopType, TextRun, type ISectionOptions, type Table } from "docx";
import type { Root, RootContent } from "mdast";
import type { Report } from "../../model/index.js";
import { stampProperties, type SourceStamp } from "../../model/source-marks.js";
import { PROFILES } from "../../profile.js";
import { BLANK_TEXT } from "../../model/roles.js";
import { BLANK_MARK } from "../../text/format.js";
import { footnoteDefinitions, isDirective, textOf } from "../../parse/tree-walk.js";
import { bodyBlock, footnoteBody } from "./blocks.js";
import { appendixBlocks, closingBlock, figureTableBlocks, headerBlock, titleBlock } from "./directives.js";
import { coreProperties, pinnedPackage } from "./pin.js";
import { planNotes } from "./notes.js";
import { buildStyles, ROLE_STYLE, STYLE } from "./styles.js";

/**
 * The DOCX as docx.js objects, and how to pack them. Nothing of `tree` or `report` is kept, so a caller
 * that lets go of them keeps only the document while it is packed.
 */
export function docxDocument(tree: Root, report: Report, stamp?: SourceStamp): { pack(): Promise<Uint8Array> } {
  const profile = PROFILES[report.identity.profile];

  // Phase 1: footnotes in order of first reference, their bodies as Word footnotes; a later citation of a
  // note is a cross-reference to its first (notes.ts).
  const numbers = planNotes(tree);
  const definitions = footnoteDefinitions(tree);
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  for (const [id, label] of numbers.footnotes) {
    const def = definitions.get(label);
    if (def) footnotes[id] = { children: footnoteBody(def, numbers, profile) as Paragraph[] };
  }

  // Phase 2: the main text — header, title, body, closing — and the appendix, each from its nodes.
  const main: Array<Paragraph | Table> = [];
  const appendix: Array<Paragraph | Table> = [];
  // A draft's mark is no part of the text: it stands atop every page, in the page header (phase 3).
  const draftMark = tree.children.find((n) => isDirective(n, "draft-mark"));
  const nodes = tree.children.filter((n) => n.type !== "footnoteDefinition" && !isDirective(n, "draft-mark"));
  nodes.forEach((node, i) => {
    // The closing never stands alone on a page: the last paragraph of the text travels with it.
    const keepNext = isDirective(nodes[i + 1], "closing");
    if (isDirective(node, "header")) main.push(headerBlock(node, profile, numbers));
    else if (isDirective(node, "title")) main.push(...titleBlock(node, profile, numbers));
    else if (isDirective(node, "closing")) main.push(spacer(), closingBlock(node, profile, numbers));
    else if (isDirective(node, "appendix")) appendix.push(...appendixBlocks(node, profile, numbers));
    else if (isDirective(node, "figure-table")) main.push(...figureTableBlocks(node, profile, numbers));
    else main.push(...bodyBlock(node as RootContent, numbers, profile, keepNext));
  });

  // Phase 3: page setup — A4, the profile's margins, page number centred at the top from page 2.
  const page = {
    size: { width: profile.page.width, height: profile.page.height },
    margin: { ...profile.page.margin, header: 567, footer: 567 },
  };
  const pageNumberRun = new TextRun({ children: [PageNumber.CURRENT] });
  let pageNumberHeader = new Header({
    children: [new Paragraph({ style: STYLE.pageNumber, alignment: AlignmentType.CENTER, children: [pageNumberRun] })],
  });
  let emptyHeader = new Header({ children: [new Paragraph({ style: STYLE.pageNumber, children: [] })] });
  if (draftMark) {
    // A draft is marked on every page, the first too, as offices mark drafts: "DỰ THẢO" at the top right,
    // the page number (from page 2) centred on the same line.
    const width = profile.page.width - profile.page.margin.left - profile.page.margin.right;
    const mark = textOf(draftMark).trim();
    const line = (children: TextRun[]) =>
      new Paragraph({ style: ROLE_STYLE["draft-mark"], alignment: AlignmentType.LEFT, tabStops: [{ type: TabStopType.CENTER, position: Math.round(width / 2) }, { type: TabStopType.RIGHT, position: width }], children });
    pageNumberHeader = new Header({ children: [line([new TextRun({ text: "\t", bold: false }), new TextRun({ children: [PageNumber.CURRENT], bold: false }), new TextRun({ text: `\t${mark}` })])] });
    emptyHeader = new Header({ children: [line([new TextRun({ text: `\t\t${mark}` })])] });
  }
  const emptyFooter = new Footer({ children: [new Paragraph({ children: [] })] });
  const sections: ISectionOptions[] = [
    { properties: { page, titlePage: true }, headers: { default: pageNumberHeader, first: emptyHeader }, footers: { default: emptyFooter, first: emptyFooter }, children: main },
  ];
  if (appendix.length) {
    // An appendix with its own numbering (state, NĐ 30/2020) counts from its own first page, which, like the
    // report's, shows no number.
    const own = profile.appendix.pageNumbering === "own";
    sections.push(
      own
        ? { properties: { page: { ...page, pageNumbers: { start: 1 } }, titlePage: true }, headers: { default: pageNumberHeader, first: emptyHeader }, footers: { default: emptyFooter, first: emptyFooter }, children: appendix }
        : { properties: { page }, headers: { default: pageNumberHeader }, footers: { default: emptyFooter }, children: appendix },
    );
  }

  // Phase 4: assembly, then the archive with its volatile parts pinned so the same data gives the same bytes.
  // A draft's number still to fill is its blank as printed: the mark itself is no character XML may hold.
  const number = report.identity.number.split(BLANK_MARK).join(BLANK_TEXT);
  const doc = new Document({
    creator: report.identity.issuer.fullName,
    title: `${report.identity.type} số ${number}`,
    description: report.identity.title.join(" "),
    styles: buildStyles(profile),
    // Which report and data this is, for `danvan review` (docs/architecture.md, "Source marks").
    customProperties: stamp ? stampProperties(stamp) : [],
    footnotes,
    sections,
  });
  // A draft without its date yet (build-report --draft) is stamped with its year's first day: still the same bytes each time.
  const date = report.identity.date || draftDate(report.period);
  const overrides = [coreProperties({ ...report.identity, number, date })];
  return { pack: async () => pinnedPackage(await Packer.toBuffer(doc, false, overrides), date) };
}

/** A blank line between the last paragraph and the closing, as typed reports have. */
function spacer(): Paragraph {
  return new Paragraph({ children: [], keepNext: true });
}
