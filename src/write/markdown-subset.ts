/**
 * Tree → Markdown for the node types danvan's documents are made of (the same subset parse/markdown-subset.ts
 * reads), without remark's cost at a hundred times a year's size. Text is escaped with the same rules as
 * data text, so what was literal stays literal. Anything else returns undefined and remark writes it.
 */
import type { PhrasingContent, Root, RootContent } from "mdast";
import { escapeInline, escapeLineStart } from "../render/escape.js";

class Outside extends Error {}

export function stringifySubset(root: Root, label: (identifier: string) => string): string | undefined {
  try {
    return `${root.children.map((n) => block(n, label)).join("\n\n")}\n`;
  } catch (e) {
    if (e instanceof Outside) return undefined;
    throw e;
  }
}

function block(node: RootContent, label: (id: string) => string): string {
  switch (node.type) {
    case "paragraph":
      return phrasing(node.children, label);
    case "heading":
      return `${"#".repeat(node.depth)} ${phrasing(node.children, label)}`;
    case "thematicBreak":
      return "---";
    case "list":
      if (node.ordered || node.spread) throw new Outside();
      return node.children
        .map((item) => {
          if (item.children.length !== 1 || item.children[0].type !== "paragraph") throw new Outside();
          return `- ${phrasing(item.children[0].children, label)}`;
        })
        .join("\n");
    case "footnoteDefinition":
      if (node.children.length !== 1 || node.children[0].type !== "paragraph") throw new Outside();
      return `[^${label(node.identifier)}]: ${phrasing(node.children[0].children, label)}`;
    case "table": {
      const delimiter = node.align?.map((a) => (a === "center" ? ":-:" : a === "left" ? ":--" : a === "right" ? "--:" : "---")) ?? [];
      // A cell never starts a block: `1.621` or `-` there needs no line-start escape.
      const rows = node.children.map((row) => `| ${row.children.map((cell) => phrasing(cell.children, label, false)).join(" | ")} |`);
      return [rows[0], `| ${delimiter.join(" | ")} |`, ...rows.slice(1)].join("\n");
    }
    default:
      throw new Outside();
  }
}

function phrasing(nodes: readonly PhrasingContent[], label: (id: string) => string, lineStarts = true): string {
  return nodes
    .map((n, i) => {
      switch (n.type) {
        case "text": {
          // A soft line break stays a line break; a line's first characters get the line-start escapes too.
          const atLineStart = lineStarts && (i === 0 || nodes[i - 1].type === "break");
          return n.value
            .split("\n")
            .map((line, k) => (atLineStart || k > 0 ? escapeLineStart(escapeInline(line)) : escapeInline(line)))
            .join("\n");
        }
        case "strong":
          return `**${phrasing(n.children, label, lineStarts)}**`;
        case "emphasis":
          return `*${phrasing(n.children, label, lineStarts)}*`;
        case "break":
          return "\\\n";
        case "footnoteReference":
          return `[^${label(n.identifier)}]`;
        default:
          throw new Outside();
      }
    })
    .join("");
}
