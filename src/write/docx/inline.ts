/**
 * Inline text → docx runs: the one place phrasing content (text, strong, emphasis, breaks, footnote
 * references) becomes Word runs. A later run property a role asks for — a tracked insertion or deletion,
 * say — belongs in RunMarks and in textRun below, so every writer that lays text out gets it at once.
 */
import { FootnoteReferenceRun, TextRun, type ParagraphChild } from "docx";
import type { PhrasingContent } from "mdast";

export interface RunMarks {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
}

export function runs(nodes: readonly PhrasingContent[], footnotes: ReadonlyMap<string, number>, marks: RunMarks = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case "text":
        out.push(textRun(node.value, marks));
        break;
      case "strong":
        out.push(...runs(node.children, footnotes, { ...marks, bold: true }));
        break;
      case "emphasis":
        out.push(...runs(node.children, footnotes, { ...marks, italics: true }));
        break;
      case "break":
        out.push(new TextRun({ break: 1 }));
        break;
      case "footnoteReference": {
        const n = footnotes.get(node.identifier);
        if (n !== undefined) out.push(new FootnoteReferenceRun(n));
        break;
      }
      case "inlineCode":
        out.push(textRun(node.value, marks));
        break;
      default:
        if ("children" in node) out.push(...runs(node.children as PhrasingContent[], footnotes, marks));
    }
  }
  return out;
}

export function textRun(text: string, marks: RunMarks = {}): TextRun {
  return new TextRun({
    text,
    bold: marks.bold,
    italics: marks.italics,
    underline: marks.underline ? {} : undefined,
    size: marks.size,
  });
}
