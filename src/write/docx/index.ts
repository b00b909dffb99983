/**
 * Tree → DOCX, read as a script in phases. Layout values come from the profile table
 * (src/profile.ts); the parts Markdown cannot express arrive as directives (directives.ts).
 */
import { draftDate } from "../../model/period.js";
import { AlignmentType, Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun, type ISectionOptions, type Table } from "docx";
import type { Root, RootContent } from "mdast";
import type { Report } from "../../model/index.js";
import { stampProperties, type SourceStamp } from "../../model/source-marks.js";
import { PROFILES } from "../../profile.js";
import { footnoteDefinitions, isDirective } from "../../parse/tree-walk.js";
import { bodyBlock, footnoteBody } from "./blocks.js";
import { appendixBlocks, closingBlock, figureTableBlocks, headerBlock, titleBlock } from "./directives.js";
import { coreProperties, pinnedPackage } from "./pin.js";
import { planNotes } from "./notes.js";
import { buildStyles, STYLE } from "./styles.js";

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
  const nodes = tree.children.filter((n) => n.type !== "footnoteDefinition");
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
  const pageNumberHeader = new Header({
    children: [new Paragraph({ style: STYLE.pageNumber, alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })],
  });
  const emptyHeader = new Header({ children: [new Paragraph({ style: STYLE.pageNumber, children: [] })] });
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
  const doc = new Document({
    creator: report.identity.issuer.fullName,
    title: `${report.identity.type} số ${report.identity.number}`,
    description: report.identity.title.join(" "),
    styles: buildStyles(profile),
    // Which report and data this is, for `danvan review` (docs/architecture.md, "Source marks").
    customProperties: stamp ? stampProperties(stamp) : [],
    footnotes,
    sections,
  });
  // A draft without its date yet (build-report --draft) is stamped with its year's first day: still the same bytes each time.
  const date = report.identity.date || draftDate(report.period);
  const overrides = [coreProperties({ ...report.identity, date })];
  return { pack: async () => pinnedPackage(await Packer.toBuffer(doc, false, overrides), date) };
}

/** A blank line between the last paragraph and the closing, as typed reports have. */
function spacer(): Paragraph {
  return new Paragraph({ children: [], keepNext: true });
}
