/**
 * A draft's tree: each blank the render printed (BLANK_MARK, text/format.ts) becomes a `blank` node — a
 * text directive, so the writers know it by its role, not by its characters — and a draft gets its mark
 * (`:::draft-mark`) first. A blank inside a redline keeps the revision of the text it stood in.
 */
import type { PhrasingContent, Root } from "mdast";
import type { ContainerDirective, TextDirective } from "mdast-util-directive";
import { BLANK_TEXT, DRAFT_MARK } from "../model/roles.js";
import { BLANK_MARK } from "../text/format.js";

type Node = { type: string; value?: string; children?: Node[]; data?: Record<string, unknown> };

/** The tree with its blanks as nodes; with `draft`, the draft's mark before everything else. */
export function markDraft(tree: Root, draft: boolean): Root {
  splitBlanks(tree as unknown as Node);
  if (draft && !tree.children.some((c) => c.type === "containerDirective" && c.name === "draft-mark")) {
    const mark: ContainerDirective = { type: "containerDirective", name: "draft-mark", attributes: {}, children: [{ type: "paragraph", children: [{ type: "text", value: DRAFT_MARK }] }] };
    tree.children.unshift(mark);
  }
  return tree;
}

export function isBlank(node: unknown): node is TextDirective {
  const n = node as TextDirective | undefined;
  return n?.type === "textDirective" && n.name === "blank";
}

function splitBlanks(node: Node): void {
  if (!node.children) return;
  if (!node.children.some((c) => (c.type === "text" && c.value?.includes(BLANK_MARK)) || c.children)) return;
  node.children = node.children.flatMap((c): Node[] => {
    if (c.type !== "text" || !c.value?.includes(BLANK_MARK)) {
      splitBlanks(c);
      return [c];
    }
    const out: Node[] = [];
    c.value.split(BLANK_MARK).forEach((piece, i) => {
      if (i > 0) out.push(blank(c.data));
      if (piece) out.push({ ...c, value: piece });
    });
    return out;
  });
}

function blank(data: Record<string, unknown> | undefined): Node {
  const node: TextDirective = { type: "textDirective", name: "blank", attributes: {}, children: [{ type: "text", value: BLANK_TEXT } as PhrasingContent] };
  return (data ? { ...node, data: { ...data } } : node) as unknown as Node;
}
