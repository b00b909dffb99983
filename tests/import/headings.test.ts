/**
 * Run-in headings (issue 20): "1- Công tác tuyên truyền: …" with the numbered lead in bold is a heading and
 * the section's first paragraph; what does not set its lead apart so is not split.
 */
import { describe, expect, it } from "vitest";
import type { Para } from "../../src/import/document.js";
import { plainText } from "../../src/import/document.js";
import { splitRunIn } from "../../src/import/headings.js";

const para = (...runs: Array<[string, boolean]>): Para => ({ kind: "para", index: 7, inlines: runs.map(([text, bold]) => ({ text, bold })), heading: false }) as Para;
const texts = (p: [Para, Para] | undefined) => p?.map((x) => plainText(x.inlines));

describe("a run-in heading", () => {
  it("is the bold numbered lead without its colon, then the rest as a paragraph", () => {
    expect(texts(splitRunIn(para(["1- Công tác ", true], ["tuyên truyền:", true], [" Ban Dân vận đã tham mưu.", false])))).toEqual(["1- Công tác tuyên truyền", "Ban Dân vận đã tham mưu."]);
    expect(texts(splitRunIn(para(["II. Đánh giá chung. ", true], ["Nhìn chung, công tác dân vận …", false])))).toEqual(["II. Đánh giá chung", "Nhìn chung, công tác dân vận …"]);
  });

  it("keeps a footnote in the lead with the heading", () => {
    const p = { ...para(["1. Công tác chỉ đạo", true]), inlines: [{ text: "1. Công tác chỉ đạo", bold: true }, { footnote: "3" }, { text: ":", bold: true }, { text: " Trong năm …", bold: false }] } as Para;
    const split = splitRunIn(p)!;
    expect(split[0].inlines).toEqual([{ text: "1. Công tác chỉ đạo", bold: true }, { footnote: "3" }, { text: "", bold: true }]);
    expect(plainText(split[1].inlines)).toBe("Trong năm …");
  });

  for (const [why, p] of [
    ["bold throughout (a heading of its own)", para(["1- Công tác tuyên truyền: kết quả", true])],
    ["plain throughout (a numbered task)", para(["1- Tiếp tục tham mưu: cấp ủy lãnh đạo.", false])],
    ["a bold lead without a number", para(["Về tuyên truyền:", true], [" Ban Dân vận đã …", false])],
    ["a bold number and words not ended by a colon or full stop", para(["1- Công tác", true], [" tuyên truyền được đẩy mạnh.", false])],
    ["a bold lead with nothing after it", para(["1- Công tác tuyên truyền:", true], [" ", false])],
  ] as Array<[string, Para]>) {
    it(`is not ${why}`, () => expect(splitRunIn(p)).toBeUndefined());
  }
});
