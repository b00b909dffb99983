/**
 * Stage 5: the one document tree both writers read. It is mdast (GFM + directives), the public spec
 * remark defines; footnotes stay linked by label here and are numbered only by the writers. remark reads
 * and writes what danvan's own subset reader and writer (parse/markdown-subset.ts, write/markdown-subset.ts) step aside from: everything
 * remark is here, loaded only then.
 */
import type { Root } from "mdast";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkStringify from "remark-stringify";
import { unified } from "unified";

export * from "./tree-walk.js";

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

export function parseMarkdown(markdown: string): Root {
  return parser.runSync(parser.parse(markdown)) as Root;
}

const writer = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: "-", emphasis: "*", strong: "*", rule: "-", listItemIndent: "one", fences: true });

export function stringifyMarkdown(tree: Root): string {
  return writer.stringify(tree as never) as string;
}
