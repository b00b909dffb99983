/**
 * Stage 5: the one document tree both writers read. It is mdast (GFM + directives), the public spec
 * remark defines; footnotes stay linked by label here and are numbered only by the writers.
 */
import type { Root } from "mdast";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

export * from "./tree-walk.js";

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

export function parseMarkdown(markdown: string): Root {
  return parser.runSync(parser.parse(markdown)) as Root;
}
