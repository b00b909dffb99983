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
