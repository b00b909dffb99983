/** The Markdown writer (remark) writes what remark reads back into the same document, hostile text kept literal. */
import { describe, expect, it } from "vitest";
import type { Root } from "mdast";
import { checkYear, locator } from "../../src/pipeline.js";
import { renderMarkdown } from "../../src/render/index.js";
import { parseMarkdown, textOf } from "../../src/parse/remark.js";
import { PROFILES } from "../../src/profile.js";
import { writeMarkdown } from "../../src/write/markdown.js";
import { DATA_ROOT } from "../helpers/data.js";

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

describe("Markdown writer", () => {
  it("writes Markdown that remark reads back into the same document (a fixed point)", async () => {
    const md = await writeMarkdown(parseMarkdown(rendered(DATA_ROOT)) as Root, PROFILES.party);
    const again = await writeMarkdown(parseMarkdown(md) as Root, PROFILES.party);
    // Without the appendix role the definitions go last (Markdown renderers gather them there anyway).
    const split = (text: string) => {
      const nodes = strip(parseMarkdown(text)).children;
      return [nodes.filter((n) => n.type !== "footnoteDefinition"), nodes.filter((n) => n.type === "footnoteDefinition")];
    };
    expect(split(again)).toEqual(split(md));
    expect(await writeMarkdown(parseMarkdown(again) as Root, PROFILES.party)).toBe(again);
    expect(md).toContain("[^19]: Năm 2018: thực hiện 03 cuộc");
  });

  it("keeps hostile text literal through the round trip", async () => {
    const md = await writeMarkdown(parseMarkdown(rendered("tests/fixtures/years/inject")) as Root, PROFILES.party);
    const texts = (parseMarkdown(md) as Root).children.map(textOf);
    expect(texts).toContain("1. không phải danh sách đánh số");
    expect(texts).toContain("# không phải tiêu đề");
  });
});
