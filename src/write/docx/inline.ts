/**
 * Inline text → docx runs: the one place phrasing content (text, strong, emphasis, breaks, footnote
 * references) becomes Word runs. A later run property a role asks for — a tracked insertion or deletion,
 * say — belongs in RunMarks and in textRun below, so every writer that lays text out gets it at once.
 */
import { BookmarkEnd, BookmarkStart, DeletedTextRun, ExternalHyperlink, InsertedTextRun, TextRun, type ParagraphChild } from "docx";
import { sourceMarksOf } from "../../parse/source-marks.js";
import type { PhrasingContent } from "mdast";
import { revisionOf, type Change, type Revision } from "../../model/roles.js";
import { citationRuns, type Notes } from "./notes.js";
import { UnwrittenNode } from "./unwritten.js";
import { ROLE_STYLE, STYLE } from "./styles.js";
import { isBlank } from "../../parse/draft.js";
import { textOf } from "../../parse/tree-walk.js";

export interface RunMarks {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  strike?: boolean;
  size?: number;
  /** A character style: code in a line, a link's text. */
  style?: string;
}

export function runs(nodes: readonly PhrasingContent[], footnotes: Notes, marks: RunMarks = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case "text":
        // A source mark (parse/source-marks.ts): a hidden bookmark where the text starts, holding nothing.
        for (const m of sourceMarksOf(node)) out.push(new BookmarkStart(m.name, m.id) as unknown as ParagraphChild, new BookmarkEnd(m.id) as unknown as ParagraphChild);
        if (node.value !== "" || !sourceMarksOf(node).length) out.push(textRun(node.value, marks, node));
        break;
      case "strong":
        out.push(...runs(node.children, footnotes, { ...marks, bold: true }));
        break;
      case "emphasis":
        out.push(...runs(node.children, footnotes, { ...marks, italics: true }));
        break;
      case "break":
        out.push(revised(node, { break: 1 }) ?? new TextRun({ break: 1 }));
        break;
      case "footnoteReference":
        // A note's first citation, or a cross-reference to it (notes.ts), in each year of a redline.
        out.push(...citationRuns(node, footnotes));
        break;
      case "delete":
        out.push(...runs(node.children, footnotes, { ...marks, strike: true }));
        break;
      case "inlineCode":
        out.push(textRun(node.value, { ...marks, style: STYLE.codeChar }, node));
        break;
      case "link":
        out.push(new ExternalHyperlink({ link: node.url, children: runs(node.children, footnotes, { ...marks, style: STYLE.hyperlink }) as TextRun[] }));
        break;
      case "textDirective":
        // A draft's blank (parse/draft.ts), in its role's character style; no other text directive reaches here.
        if (!isBlank(node)) throw new UnwrittenNode("textDirective");
        out.push(textRun(textOf(node), { ...marks, style: ROLE_STYLE.blank }, node));
        break;
      default:
        // An image, raw HTML, another text directive: refused when the template is loaded (parse/template-check.ts).
        throw new UnwrittenNode(node.type);
    }
  }
  return out;
}

/** A run of text; inside a redline (src/redline/), a node marked inserted or deleted becomes a tracked change. */
export function textRun(text: string, marks: RunMarks = {}, node?: unknown): TextRun {
  const options = {
    text,
    bold: marks.bold,
    italics: marks.italics,
    underline: marks.underline ? {} : undefined,
    strike: marks.strike,
    size: marks.size,
    style: marks.style,
  };
  return (revised(node, options) as TextRun | undefined) ?? new TextRun(options);
}

type RunOptions = ConstructorParameters<typeof TextRun>[0] & object;

function revised(node: unknown, options: RunOptions): ParagraphChild | undefined {
  const r = revisionOf(node);
  return r ? trackedRun(r.revision, r.change, options) : undefined;
}

export function trackedRun(revision: Revision, change: Change, options: RunOptions): ParagraphChild {
  const by = { id: change.id, author: change.author, date: change.date };
  return revision === "ins" ? new InsertedTextRun({ ...options, ...by }) : new DeletedTextRun({ ...options, ...by });
}

/** A whole block (table row, paragraph) inserted or deleted in a redline, as docx.js's revision options. */
export function blockRevision(node: unknown): { insertion?: Change; deletion?: Change } {
  const r = revisionOf(node);
  return r ? (r.revision === "ins" ? { insertion: r.change } : { deletion: r.change }) : {};
}

/** The paragraph mark of a paragraph a redline adds or removes whole, so accepting or rejecting leaves no empty line. */
export function paragraphMark(node: unknown): { insertion?: Change; deletion?: Change } | undefined {
  return revisionOf(node) ? blockRevision(node) : undefined;
}
