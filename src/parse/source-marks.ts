/**
 * Source marks off the text, onto the tree: render wrote each as private-use characters in front of the
 * text it marks (model/source-marks.ts); here each leaves its text node and is kept in that node's
 * `data.sourceMarks`, with the bookmark id the DOCX writer gives it, so no writer ever prints one.
 */
import type { Root } from "mdast";
import { hasMarks, liftMarks } from "../model/source-marks.js";

export interface SourceBookmark {
  name: string;
  /** Unique in the document, in reading order from 1; apart from the footnotes' own (write/docx/notes.ts). */
  id: number;
}

type AnyNode = { type: string; value?: string; children?: AnyNode[]; data?: Record<string, unknown> };

export function liftSourceMarks(tree: Root): Root {
  let next = 1;
  const walk = (node: AnyNode) => {
    if (node.type === "text" && node.value !== undefined && hasMarks(node.value)) {
      const { text, names } = liftMarks(node.value);
      node.value = text;
      node.data = { ...node.data, sourceMarks: names.map((name): SourceBookmark => ({ name, id: next++ })) };
    }
    for (const c of node.children ?? []) walk(c);
  };
  walk(tree as unknown as AnyNode);
  return tree;
}

export function sourceMarksOf(node: unknown): readonly SourceBookmark[] {
  return ((node as { data?: { sourceMarks?: SourceBookmark[] } }).data?.sourceMarks ?? []);
}
