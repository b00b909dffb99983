/** The fast Markdown reader agrees with remark: on every report we build it gives remark's tree exactly. */
import { describe, expect, it } from "vitest";
import { parseSubset } from "../../src/parse/markdown-subset.js";
import { checkYear, locator } from "../../src/pipeline.js";
import { renderMarkdown } from "../../src/render/index.js";
import { parseMarkdown } from "../../src/parse/remark.js";
import { DATA_ROOT } from "../helpers/data.js";

function rendered(dataRoot: string): string {
  return renderedYear(dataRoot, "2021");
}

function renderedYear(dataRoot: string, year: string): string {
  const c = checkYear(dataRoot, year);
  return renderMarkdown(c.report!, locator(c.files)).markdown!;
}

function strip<T>(node: T): T {
  const n = node as { position?: unknown; children?: unknown[] };
  delete n.position;
  (n.children ?? []).forEach(strip);
  return node;
}

describe("Markdown subset reader", () => {
  for (const [name, root] of [["data/2021", DATA_ROOT], ...["tests/fixtures/years/mini", "tests/fixtures/years/state"].map((r) => [r, r])]) {
    it(`builds remark's tree for ${name}`, () => {
      const md = rendered(root);
      const fast = parseSubset(md);
      expect(fast).toBeDefined();
      expect(fast).toEqual(strip(parseMarkdown(md)));
    });
  }

  it("builds remark's tree for tests/fixtures/years/district (state profile, 2024)", () => {
    const md = renderedYear("tests/fixtures/years/district", "2024");
    expect(parseSubset(md)).toEqual(strip(parseMarkdown(md)));
  });

  it("agrees with remark on thousands of mutated pieces of rendered reports", () => {
    const sources = [DATA_ROOT, "tests/fixtures/years/mini", "tests/fixtures/years/inject"].map((r) => rendered(r).split("\n"));
    sources.push(renderedYear("tests/fixtures/years/district", "2024").split("\n"));
    const pieces = ["*", "**", "***", "_", "\\", "\\\n", "[^", "]", "[^a]", "|", "- ", "-", "1. ", "# ", ":::", "::::x", "\n", "\n\n", " ", "  \n", "`", "<", "&amp;", ":x", "{", "}", '"', "=", "> ", "    ", "\t", "* ", "---", "\\*", "a*b*c", "**a**b", "*a **b** c*", "[^x]: y", "\\\\[", "| a | b |\n| - | - |\n| c | d |"];
    let seed = 20241216;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    // remark reads only the pieces the subset accepts (~10 ms each): 2,000 pieces take ~2 s; DANVAN_FUZZ_RUNS for more.
    const runs = Number(process.env.DANVAN_FUZZ_RUNS ?? 2000);
    let accepted = 0;
    for (let i = 0; i < runs; i++) {
      const lines = sources[random(sources.length)];
      const start = random(lines.length);
      let text = lines.slice(start, start + 4 + random(12)).join("\n");
      for (let edits = random(4); edits > 0; edits--) {
        const at = random(text.length + 1);
        if (random(3) < 2) text = text.slice(0, at) + pieces[random(pieces.length)] + text.slice(at);
        else text = text.slice(0, at) + text.slice(at + 1 + random(3));
      }
      const fast = parseSubset(text);
      if (!fast) continue;
      accepted++;
      expect(fast, text).toEqual(strip(parseMarkdown(text)));
    }
    // Most pieces cut a directive in two or keep a reference without its definition: remark reads those.
    expect(accepted).toBeGreaterThan(runs / 20);
  });

  it("hands anything outside the subset to remark", () => {
    for (const md of ["| a | b |\n| - | - |\n| c | d |", "a [link](x)", "> quote", "```\ncode\n```", "1. one", "a `code` span", "<b>x</b>", "see www.example.com", "* star item", "a _b_ c", "line\n---"]) {
      expect(parseSubset(md), md).toBeUndefined();
    }
  });
});
