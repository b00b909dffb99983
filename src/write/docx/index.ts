/**
 * Tree → DOCX, read as a script in phases. Layout values come from the profile table
 * (src/profile.ts); the parts Markdown cannot express arrive as directives (directives.ts).
 */
import { draftDate } from "../../model/period.js";
import { AlignmentType, Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun, type ISectionOptions, type Table } from "docx";
import type { Root, RootContent } from "mdast";
import type { Report } from "../../model/index.js";
import { PROFILES } from "../../profile.js";
import { footnoteDefinitions, footnoteNumbers, isDirective } from "../../parse/tree-walk.js";
import { bodyBlock, footnoteBody } from "./blocks.js";
import { appendixBlocks, closingBlock, headerBlock, titleBlock } from "./directives.js";
import { coreProperties } from "./pin.js";
import { buildStyles, pruneStyles, STYLE } from "./styles.js";
import { unzipPackage } from "./unzip.js";
import { zipPackage } from "./zip.js";

/**
 * The DOCX as docx.js objects, and how to pack them. Nothing of `tree` or `report` is kept, so a caller
 * that lets go of them keeps only the document while it is packed.
 */
export function docxDocument(tree: Root, report: Report): { pack(options?: { viaPacker?: boolean }): Promise<Uint8Array> } {
  const profile = PROFILES[report.identity.profile];

  // Phase 1: footnotes numbered in order of first reference; their bodies as Word footnotes.
  const numbers = footnoteNumbers(tree);
  const definitions = footnoteDefinitions(tree);
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  for (const [label, n] of numbers) {
    const def = definitions.get(label);
    if (def) footnotes[n] = { children: footnoteBody(def, numbers) };
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
    sections.push({ properties: { page }, headers: { default: pageNumberHeader }, footers: { default: emptyFooter }, children: appendix });
  }

  // Phase 4: assembly, then the archive with its volatile parts pinned so the same data gives the same bytes.
  const doc = new Document({
    creator: report.identity.issuer.fullName,
    title: `${report.identity.type} số ${report.identity.number}`,
    description: report.identity.title.join(" "),
    styles: buildStyles(profile),
    footnotes,
    sections,
  });
  // A draft without its date yet (build-report --draft) is stamped with its year's first day: still the same bytes each time.
  const date = report.identity.date || draftDate(report.period);
  const overrides = [coreProperties({ ...report.identity, date })];
  return {
    async pack(options: { viaPacker?: boolean } = {}) {
      const files = options.viaPacker ? undefined : packageFiles(doc, overrides);
      if (files) return zipPackage(withPrunedStyles(files), date);
      // The fallback's archive is read back and treated like the compiler's files: the same bytes either way.
      return zipPackage(withPrunedStyles(unzipPackage(await Packer.toBuffer(doc, false, overrides))), date);
    },
  };
}

type PackageFiles = Map<string, string | Uint8Array>;

/**
 * The package's files by path, from the compiler Packer zips with, so that Node's zlib can zip them.
 * The compiler is not docx.js's public API: if a release changes it, packing falls back to Packer
 * (slower, same document); tests/write/docx/zip.test.ts notices the change.
 */
export function packageFiles(doc: Document, overrides: Array<{ path: string; data: string }>): PackageFiles | undefined {
  const compiler = (Packer as unknown as { compiler?: { compile?: (file: Document, prettify: undefined, overrides: unknown[]) => unknown } }).compiler;
  const files = typeof compiler?.compile === "function" ? compiler.compile(doc, undefined, overrides) : undefined;
  if (!(files instanceof Map)) return undefined;
  for (const [name, data] of files) if (typeof name !== "string" || !(typeof data === "string" || data instanceof Uint8Array)) return undefined;
  return files as PackageFiles;
}

/** styles.xml keeps only the styles the other parts use. */
function withPrunedStyles(files: PackageFiles): PackageFiles {
  const styles = files.get("word/styles.xml");
  if (typeof styles !== "string") return files;
  const parts = [...files].filter(([name, data]) => name !== "word/styles.xml" && name.endsWith(".xml") && typeof data === "string").map(([, data]) => data as string);
  files.set("word/styles.xml", pruneStyles(styles, parts));
  return files;
}

/** A blank line between the last paragraph and the closing, as typed reports have. */
function spacer(): Paragraph {
  return new Paragraph({ children: [], keepNext: true });
}
