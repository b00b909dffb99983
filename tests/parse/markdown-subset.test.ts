/**
 * The fast Markdown reader and writer agree with remark: on every report we build, the subset reader gives
 * remark's tree exactly, and what the subset writer writes remark reads back to the same text.
 */
import { describe, expect, it } from "vitest";
import type { Root } from "mdast";
import { parseSubset } from "../../src/parse/markdown-subset.js";
import { checkYear, locator } from "../../src/pipeline.js";
import { renderMarkdown } from "../../src/render/index.js";
import { parseMarkdown, textOf } from "../../src/parse/remark.js";
import { writeMarkdown } from "../../src/write/markdown.js";

function rendered(dataRoot: string): string {
  const c = checkYear(dataRoot, "2021");
  return renderMarkdown(c.report!, locator(c.files)).markdown!;
}

function strip<T>(node: T): T {
  const n = node as { position?: unknown; children?: unknown[] };
  delete n.position;
  (n.children ?? []).forEach(strip);
  return node;
}

describe("Markdown subset reader", () => {
  for (const root of ["data", "tests/fixtures/years/mini", "tests/fixtures/years/state"]) {
    it(`builds remark's tree for ${root}`, () => {
      const md = rendered(root);
      const fast = parseSubset(md);
      expect(fast).toBeDefined();
      expect(fast).toEqual(strip(parseMarkdown(md)));
    });
  }

  it("hands anything outside the subset to remark", () => {
    for (const md of ["a [link](x)", "> quote", "```\ncode\n```", "1. one", "a `code` span", "<b>x</b>", "see www.example.com", "* star item", "a _b_ c", "line\n---"]) {
      expect(parseSubset(md), md).toBeUndefined();
    }
  });
});

describe("Markdown subset writer", () => {
  it("writes Markdown that remark reads back into the same document (a fixed point)", async () => {
    const md = await writeMarkdown(parseSubset(rendered("data"))!);
    const again = await writeMarkdown(parseMarkdown(md) as Root);
    expect(again).toBe(md);
    expect(md).toContain("[^19]: Năm 2018: thực hiện 03 cuộc");
  });

  it("keeps hostile text literal through the round trip", async () => {
    const md = await writeMarkdown(parseMarkdown(rendered("tests/fixtures/years/inject")) as Root);
    const texts = (parseMarkdown(md) as Root).children.map(textOf);
    expect(texts).toContain("1. không phải danh sách đánh số");
    expect(texts).toContain("# không phải tiêu đề");
  });
});
