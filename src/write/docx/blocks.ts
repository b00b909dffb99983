/** Body blocks (headings, paragraphs, dash lists) and footnote bodies → docx paragraphs. */
import { AlignmentType, Paragraph } from "docx";
import type { BlockContent, DefinitionContent, FootnoteDefinition, PhrasingContent, RootContent } from "mdast";
import { allStrong, paragraphMark, runs, textRun } from "./inline.js";
import { STYLE } from "./styles.js";

const HEADING_STYLE: Record<number, string> = { 1: "Heading1", 2: "Heading1", 3: "Heading2", 4: "Heading3" };

export function bodyBlock(node: RootContent, footnotes: ReadonlyMap<string, number>, keepNext = false): Paragraph[] {
  switch (node.type) {
    case "heading":
      return [new Paragraph({ style: HEADING_STYLE[node.depth] ?? "Heading3", run: paragraphMark(node), children: runs(node.children, footnotes) })];
    case "paragraph":
      return [paragraph(node.children, footnotes, keepNext, node)];
    case "list":
      return node.children.flatMap((item) =>
        item.children.flatMap((child, i) =>
          child.type === "paragraph"
            ? [new Paragraph({ style: STYLE.bullet, run: paragraphMark(child), children: [...(i === 0 ? [textRun("- ", {}, item)] : []), ...runs(child.children, footnotes)] })]
            : bodyBlock(child as RootContent, footnotes),
        ),
      );
    default:
      return [];
  }
}

function paragraph(children: PhrasingContent[], footnotes: ReadonlyMap<string, number>, keepNext: boolean, node?: unknown): Paragraph {
  // A paragraph that is bold throughout and opens with "* " is the report's small heading.
  const first = children[0];
  const isSubheading = allStrong(children) && first?.type === "strong" && first.children[0]?.type === "text" && first.children[0].value.startsWith("* ");
  return new Paragraph({ style: isSubheading ? STYLE.subheading : STYLE.body, keepNext: keepNext || undefined, run: paragraphMark(node), children: runs(children, footnotes) });
}

export function footnoteBody(def: FootnoteDefinition, footnotes: ReadonlyMap<string, number>): Paragraph[] {
  return def.children.flatMap((child: BlockContent | DefinitionContent) =>
    child.type === "paragraph" ? [new Paragraph({ alignment: AlignmentType.JUSTIFIED, run: paragraphMark(child), children: runs(child.children, footnotes) })] : [],
  );
}
