/** Changed words back into a source string through its pieces: literal text edited in place, helpers kept. */
import { describe, expect, it } from "vitest";
import { parseProse } from "../../src/model/prose-syntax.js";
import type { BuiltPara, Piece } from "../../src/review/built.js";
import { mapEdits } from "../../src/review/words.js";

/** A unit whose helpers print what `printed` says, by helper name and id. */
function unit(source: string, printed: Record<string, string>, prefix = ""): BuiltPara {
  const pieces: Piece[] = [];
  let at = 0;
  for (const seg of parseProse(source)) {
    if ("text" in seg) {
      pieces.push({ text: seg.text, from: at, to: at + seg.text.length });
      at += seg.text.length;
    } else {
      const to = source.indexOf("}}", seg.call.offset) + 2;
      pieces.push({ text: printed[`${seg.call.name} ${String(seg.call.args[0])}`], from: seg.call.offset, to, call: seg.call });
      at = to;
    }
  }
  const text = `${prefix}${pieces.map((p) => p.text).join("")}`.replace(/\s+/g, " ").trim();
  return { key: "s0b0", place: { kind: "block", section: 0, block: 0 }, hash: "00000000", kind: "paragraph", file: "x.yaml", path: ["body", 0], source, prefix, pieces, text };
}

const printed = { "n a": "1.611", "n b": "403", "doc k": "Kế hoạch số 70-KH/TU, ngày 14/3/2018", "fn x": "\uE020" };
const u = unit('Đã nhận {{n "a"}} đơn khiếu nại và {{n "b"}} đơn tố cáo theo {{doc "k"}}{{fn "x"}}.', printed);

describe("mapEdits", () => {
  it("changes words between helpers and keeps the helpers as written", () => {
    const m = mapEdits([u], [u.text.replace("đơn khiếu nại và", "đơn khiếu nại, cùng")]);
    expect(m.sources).toEqual(['Đã nhận {{n "a"}} đơn khiếu nại, cùng {{n "b"}} đơn tố cáo theo {{doc "k"}}{{fn "x"}}.']);
    expect(m.touches).toEqual([]);
  });

  it("inserts words at the start, next to a helper and after the footnote", () => {
    const m = mapEdits([u], [`Năm qua, ${u.text.replace("1.611 đơn", "1.611 lá đơn")} Xong.`]);
    expect(m.sources).toEqual(['Năm qua, Đã nhận {{n "a"}} lá đơn khiếu nại và {{n "b"}} đơn tố cáo theo {{doc "k"}}{{fn "x"}}. Xong.']);
  });

  it("a change inside a figure's print is the figure's, never the sentence's", () => {
    const m = mapEdits([u], [u.text.replace("1.611", "1.612")]);
    expect(m.changed).toBe(false);
    expect(m.touches.map((t) => [t.call.name, t.before, t.after])).toEqual([["n", "1.611", "1.612"]]);
  });

  it("a changed citation date is the citation's", () => {
    const m = mapEdits([u], [u.text.replace("14/3/2018", "15/3/2018")]);
    expect(m.touches.map((t) => [t.call.name, t.after])).toEqual([["doc", "Kế hoạch số 70-KH/TU, ngày 15/3/2018"]]);
  });

  it("a footnote reference deleted takes its {{fn}} with it", () => {
    const m = mapEdits([u], [u.text.replace("\uE020", "")]);
    expect(m.sources).toEqual(['Đã nhận {{n "a"}} đơn khiếu nại và {{n "b"}} đơn tố cáo theo {{doc "k"}}.']);
  });

  it("a split gives two strings, a merge one, each with its helpers", () => {
    const two = unit('Câu một có {{n "a"}} đơn. Câu hai có {{n "b"}} đơn.', printed);
    const split = mapEdits([two], ["Câu một có 1.611 đơn.", "Câu hai có 403 đơn."]);
    expect(split.sources).toEqual(['Câu một có {{n "a"}} đơn.', 'Câu hai có {{n "b"}} đơn.']);
    const a = unit('Đoạn một {{n "a"}}.', printed);
    const b = unit('Đoạn hai {{n "b"}}.', printed);
    expect(mapEdits([a, b], ["Đoạn một 1.611. Đoạn hai 403."]).sources).toEqual(['Đoạn một {{n "a"}}. Đoạn hai {{n "b"}}.']);
  });

  it("refuses braces typed in Word and changes to the printed prefix", () => {
    const item = unit("Một việc làm.", {}, "- ");
    expect(mapEdits([item], ["- Một {{việc}} làm."]).problems).toHaveLength(1);
    expect(mapEdits([item], ["+ Một việc làm."]).problems).toHaveLength(1);
  });

  it("the same text is no change", () => {
    expect(mapEdits([u], [u.text])).toMatchObject({ changed: false, sources: [u.source], touches: [] });
  });
});
