import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "../../src/render/escape.js";
import { parseMarkdown, textOf } from "../../src/parse/remark.js";

describe("escapeMarkdown", () => {
  const hostile = ["*bold*", "_it_", "[link](x)", "a | b", "<b>html</b>", "# heading", "- item", "1. item", "2) item", ":::header", "x :abbr[y]", "`code`", "&amp;", "---", "a@b.vn", "x http://a.vn/b y", "www.a.vn", "WWW.A.VN", "mailto:a@b.vn"];
  for (const text of hostile) {
    it(`keeps ${JSON.stringify(text)} literal`, () => {
      const tree = parseMarkdown(escapeMarkdown(text));
      expect(tree.children).toHaveLength(1);
      expect(tree.children[0].type).toBe("paragraph");
      expect(textOf(tree.children[0])).toBe(text);
    });
  }
});

describe("characters that break lines or indent", () => {
  for (const text of ["a\r# b", "a\u2028- b", "a\u2029b", "a\tb", "a\u000b# b", "a\u000c> b", "a\u0085# b"]) {
    it(`reads ${JSON.stringify(text)} as one paragraph`, () => {
      const tree = parseMarkdown(escapeMarkdown(text));
      expect(tree.children).toHaveLength(1);
      expect(tree.children[0].type).toBe("paragraph");
    });
  }
});

/**
 * One escaping rule wherever data text stands: a paragraph, a heading (at either end: a trailing `#` is a
 * closing sequence), a list item, a table cell, a footnote, a role's line. Random strings of Markdown's
 * syntax characters read back as exactly themselves, in a node of the kind the template put them in.
 */
describe("escaped text in every place the template puts data", () => {
  const PIECES = ["#", "##", " #", "# ", "*", "_", "[", "]", "(", ")", "<", ">", "|", "~", "`", "\\", "&", "!", "^", ":", "=", "+", "-", "1.", "2)", "{", "}", "$", "@", "www.", ".vn", "a", "Phụ lục", "số", " ", "\"", "'", "---", "***", ":::", "[^1]"];
  const places: Array<[string, (t: string) => string, string]> = [
    ["paragraph", (t) => t, "paragraph"],
    ["heading", (t) => `## I- ${t}`, "heading"],
    ["subsection heading", (t) => `### 1- ${t}`, "heading"],
    ["list item", (t) => `- ${t}`, "list"],
    ["table cell", (t) => `| TT | ${t} |\n| :-: | :-- |\n| 1 | ${t} |`, "table"],
    ["footnote", (t) => `x[^a]\n\n[^a]: ${t}`, "paragraph"],
    ["role line", (t) => `:::issuer\n${t}\n:::`, "containerDirective"],
  ];
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const cases = Array.from({ length: 300 }, () => {
    let t = "";
    for (let k = 1 + Math.floor(rnd() * 6); k > 0; k--) t += PIECES[Math.floor(rnd() * PIECES.length)];
    return t.trim() || "#";
  });
  cases.push("Phụ lục số #", "C#", "a ##", "#", "# #", "x \\#", "###", "Mục # 2 #");
  for (const [name, place, type] of places) {
    it(`keeps text literal in a ${name}`, () => {
      for (const text of cases) {
        const tree = parseMarkdown(place(escapeMarkdown(text)));
        expect(tree.children[0].type, JSON.stringify(text)).toBe(type);
        const read = name === "heading" || name === "subsection heading" ? textOf(tree.children[0]).replace(/^(I|1)- /, "") : name === "table cell" ? textOf((tree.children[0] as never as { children: Array<{ children: unknown[] }> }).children[1].children[1]) : name === "footnote" ? textOf(tree.children[1]) : textOf(tree.children[0]);
        expect(read, JSON.stringify(text)).toBe(text);
      }
    });
  }
});
