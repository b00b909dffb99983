/**
 * Stage 5: the one document tree both writers read. It is mdast (GFM + directives), the public spec
 * remark defines; footnotes stay linked by label here and are numbered only by the writers. remark reads
 * what danvan's own subset reader (parse/markdown-subset.ts) steps aside from: everything remark is here,
 * loaded only then. (The Markdown writer calls remark's own stringifier, mdast-util-to-markdown, directly.)
 */
import type { Root } from "mdast";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

export * from "./tree-walk.js";

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

export function parseMarkdown(markdown: string): Root {
  const tree = parser.runSync(parser.parse(markdown)) as Root;
  unlinkLiterals(tree, markdown);
  resolveReferences(tree);
  return tree;
}

/**
 * A template's `[text][name]` with its `[name]: url` becomes a link to the url, and the definition goes:
 * both writers then print the same link, and neither prints a definition a reader never sees.
 */
function resolveReferences(tree: Root): void {
  const urls = new Map<string, { url: string; title?: string | null }>();
  const collect = (node: Parent) => {
    for (const c of node.children ?? []) {
      if (c.type === "definition") urls.set(String((c as { identifier?: string }).identifier), c as unknown as { url: string; title?: string | null });
      collect(c);
    }
  };
  collect(tree as unknown as Parent);
  const rewrite = (node: Parent) => {
    if (!node.children) return;
    node.children = node.children.filter((c) => c.type !== "definition");
    node.children = node.children.map((c) => {
      const target = c.type === "linkReference" ? urls.get(String((c as { identifier?: string }).identifier)) : undefined;
      return target ? ({ type: "link", url: target.url, title: target.title ?? null, children: c.children } as typeof c) : c;
    });
    for (const c of node.children) rewrite(c);
  };
  rewrite(tree as unknown as Parent);
}

type Position = { start: { offset?: number }; end: unknown };
type Parent = { type: string; children?: Array<Parent & { value?: string; position?: Position }> };

/**
 * GFM's "autolink literals" turn a bare address (a@b.vn, www.x.vn, http://…) into a link after escapes are
 * read, so no escape keeps one plain; danvan's documents read them as the text they are, in both outputs
 * (the Markdown writer escapes them). A link written as a link (`<…>`, `[…](…)`) stays one.
 */
function unlinkLiterals(node: Parent, source: string): void {
  if (!node.children) return;
  const out: NonNullable<Parent["children"]> = [];
  for (const child of node.children) {
    const offset = child.position?.start.offset;
    // The literal transform makes links without a position; a link written in the source starts with [ or <.
    const literal = child.type === "link" && (offset === undefined || (source[offset] !== "[" && source[offset] !== "<"));
    for (const c of literal ? (child.children ?? []) : [child]) {
      const last = out[out.length - 1];
      if (c.type === "text" && last?.type === "text") {
        out[out.length - 1] = { ...last, value: (last.value ?? "") + (c.value ?? ""), position: last.position && c.position ? { start: last.position.start, end: c.position.end } : undefined };
      } else out.push(c);
    }
    if (!literal) unlinkLiterals(child, source);
  }
  node.children = out;
}
