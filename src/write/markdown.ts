/**
 * Tree → GitHub-flavoured Markdown. Footnotes are renumbered [^1]… in order of first reference;
 * layout directives are lowered to plain Markdown (GitHub and pandoc know no directives).
 */
import type { Paragraph, PhrasingContent, Root, RootContent, ListItem } from "mdast";
import type { ContainerDirective } from "mdast-util-directive";
import { footnoteNumbers, isDirective } from "../parse/tree-walk.js";
import { stringifySubset } from "./markdown-subset.js";

export async function writeMarkdown(tree: Root): Promise<string> {
  const numbers = footnoteNumbers(tree);
  const definitions: RootContent[] = [];
  const lowered: RootContent[] = [];
  for (const node of tree.children) {
    if (node.type === "footnoteDefinition") {
      if (numbers.has(node.identifier)) definitions.push(node);
    } else lowered.push(...lower(node));
  }
  definitions.sort((a, b) => numbers.get(ident(a))! - numbers.get(ident(b))!);
  // Definitions go after the body and closing, before the appendix, where a printed page has them.
  const appendixAt = lowered.findIndex((n) => n.type === "thematicBreak");
  const at = appendixAt < 0 ? lowered.length : appendixAt;
  const root: Root = { type: "root", children: [...lowered.slice(0, at), ...definitions, ...lowered.slice(at)] };
  const label = (id: string) => String(numbers.get(id) ?? id);
  return stringifySubset(root, label) ?? withRemark(root, numbers);
}

/** Nodes outside danvan's own subset (from a user's template): remark writes them. */
async function withRemark(tree: Root, numbers: Map<string, number>): Promise<string> {
  const root = structuredClone(tree);
  relabel(root, numbers);
  return (await import("../parse/remark.js")).stringifyMarkdown(root);
}

function ident(node: RootContent): string {
  return (node as { identifier: string }).identifier;
}

function relabel(node: { children?: unknown[] } & object, numbers: Map<string, number>): void {
  relabelNode(node, numbers);
  for (const c of (node.children ?? []) as Array<{ children?: unknown[] }>) relabel(c, numbers);
}

function relabelNode(node: object, numbers: Map<string, number>): void {
  const n = node as { type?: string; identifier?: string; label?: string };
  if ((n.type === "footnoteReference" || n.type === "footnoteDefinition") && n.identifier && numbers.has(n.identifier)) {
    const label = String(numbers.get(n.identifier));
    n.identifier = label;
    n.label = label;
  }
}

/** One directive → the plain Markdown a reader of the .md file should see. */
function lower(node: RootContent): RootContent[] {
  if (!isDirective(node)) return [node];
  switch (node.name) {
    case "header":
    case "closing":
      return node.children.flatMap((c) => lower(c as RootContent));
    case "left":
    case "right":
    case "title":
    case "signature":
      return joinLines(node);
    case "recipients":
      return lowerRecipients(node);
    case "appendix":
      return [{ type: "thematicBreak" }, ...(node.children as RootContent[])];
    default:
      return node.children as RootContent[];
  }
}

/** Consecutive one-line paragraphs become one paragraph with hard breaks, as on the printed page. */
function joinLines(node: ContainerDirective): RootContent[] {
  const out: RootContent[] = [];
  let current: Paragraph | undefined;
  for (const child of node.children) {
    if (child.type === "paragraph") {
      if (current) current.children.push({ type: "break" }, ...child.children);
      else {
        current = { type: "paragraph", children: [...child.children] };
        out.push(current);
      }
    } else {
      current = undefined;
      out.push(child as RootContent);
    }
  }
  return out;
}

/** "(báo cáo)" stands beside the first recipients on paper; in Markdown it closes the last of them. New nodes: the tree is shared. */
function lowerRecipients(node: ContainerDirective): RootContent[] {
  const note = node.attributes?.note ?? "";
  const first = Number(node.attributes?.first ?? 0);
  return (node.children as RootContent[]).map((child) => {
    if (child.type !== "list" || !note || first < 1) return child;
    const at = Math.min(first, child.children.length) - 1;
    return {
      ...child,
      children: child.children.map((item, i) => {
        const para = item.children[0];
        if (i !== at || para?.type !== "paragraph") return item;
        const withNote: Paragraph = { ...para, children: [...(para.children as PhrasingContent[]), { type: "text", value: ` ${note}` }] };
        return { ...item, children: [withNote, ...item.children.slice(1)] } as ListItem;
      }),
    };
  });
}
