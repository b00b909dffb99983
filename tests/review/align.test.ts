/** Reviewed paragraphs ↔ built ones: by source marks first, by text where marks are missing or stale. */
import { describe, expect, it } from "vitest";
import { alignBody } from "../../src/review/align.js";
import type { Built, BuiltPara } from "../../src/review/built.js";
import type { ReviewedPara } from "../../src/review/reviewed.js";

function para(block: number, text: string, hash = `0000000${block}`): BuiltPara {
  return { key: `s0b${block}`, place: { kind: "block", section: 0, block }, hash, kind: "paragraph", file: "x.yaml", path: ["body", block], source: text, prefix: "", pieces: [{ text, from: 0, to: text.length }], text };
}

function built(...paras: BuiltPara[]): Built {
  return { body: paras, footnotes: [], register: [], byKey: new Map(paras.map((p) => [p.key, p])) };
}

const seen = (p: BuiltPara, text = p.text): ReviewedPara => ({ text, marks: [{ place: p.place, hash: p.hash }], cell: false, index: 0, comments: [] });
const bare = (text: string): ReviewedPara => ({ text, marks: [], cell: false, index: 0, comments: [] });

const a = para(0, "Đoạn thứ nhất nói về việc ký kết chương trình phối hợp.");
const b = para(1, "Đoạn thứ hai nói về kết quả giải quyết đơn thư của công dân.");
const c = para(2, "Đoạn thứ ba nói về phương hướng nhiệm vụ năm tới.");

describe("alignBody", () => {
  it("an unedited document is one run of equal paragraphs: no group", () => {
    expect(alignBody(built(a, b, c), [seen(a), seen(b), seen(c)])).toEqual([]);
    expect(alignBody(built(a, b, c), [bare(a.text), bare(b.text), bare(c.text)])).toEqual([]);
  });

  it("a paragraph rewritten beyond recognition still finds its source by its mark", () => {
    const [g] = alignBody(built(a, b, c), [seen(a), seen(b, "Hoàn toàn khác."), seen(c)]);
    expect(g.built.map((x) => x.key)).toEqual(["s0b1"]);
    expect(g.reviewed.map((x) => x.text)).toEqual(["Hoàn toàn khác."]);
    expect(g.after?.key).toBe("s0b0");
  });

  it("without marks, a split paragraph is one group: the built one and its two halves", () => {
    const [g, ...rest] = alignBody(built(a, b, c), [bare(a.text), bare("Đoạn thứ hai nói về kết quả"), bare("giải quyết đơn thư của công dân."), bare(c.text)]);
    expect(rest).toEqual([]);
    expect(g.built.map((x) => x.key)).toEqual(["s0b1"]);
    expect(g.reviewed).toHaveLength(2);
  });

  it("a new paragraph is a group with nothing built, placed after the one before it", () => {
    const [g] = alignBody(built(a, b), [seen(a), bare("Một đoạn mới."), seen(b)]);
    expect(g.built).toEqual([]);
    expect(g.after?.key).toBe("s0b0");
  });

  it("a mark whose place now holds another paragraph (the data moved it) does not anchor", () => {
    const moved = para(1, c.text, "ffffffff");
    const groups = alignBody(built(a, moved), [seen(a), { ...bare(c.text), marks: [{ place: b.place, hash: b.hash }] }]);
    expect(groups).toEqual([]);
  });
});
