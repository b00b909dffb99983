/**
 * The reader's view of a reviewed document: tracked changes on both sides, paragraph marks inserted and
 * deleted (split and merged paragraphs), comments' ranges and texts, bookmarks, custom properties; the XML
 * as Word writes it and as LibreOffice writes it (the LibreOffice forms below are copied from files it saved
 * with `soffice --headless --convert-to docx`: empty `w:rPr`s, a paragraph mark's change as an element with
 * a closing tag, bookmark ids counted from 0 again, a value type of its own for numbers).
 */
import { describe, expect, it } from "vitest";
import { flatten, plainText, type DocModel, type Para } from "../../src/import/document.js";
import { modelOf } from "../../src/import/docx.js";
import { hasRevisions, shownNote, shownParagraphs } from "../../src/import/revisions.js";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const W14 = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"';
const W15 = 'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"';
const WORD = 'w:author="Nguyễn Văn A" w:date="2026-12-04T09:30:00Z"';
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const dr = (text: string) => `<w:r><w:delText xml:space="preserve">${text}</w:delText></w:r>`;
const ins = (id: number, inner: string) => `<w:ins w:id="${id}" ${WORD}>${inner}</w:ins>`;
const del = (id: number, inner: string) => `<w:del w:id="${id}" ${WORD}>${inner}</w:del>`;
const p = (inner: string, pPr = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${inner}</w:p>`;
/** Word's paragraph mark changes: an empty element in the mark's run properties. */
const markDeleted = (id: number) => `<w:rPr><w:del w:id="${id}" ${WORD}/></w:rPr>`;
const markInserted = (id: number) => `<w:rPr><w:ins w:id="${id}" ${WORD}/></w:rPr>`;
// LibreOffice's: the same element written open and closed, beside an empty w:rPr in every run.
const LO = 'w:author="Lãnh đạo" w:date="2026-12-04T10:00:00Z"';
const lr = (text: string) => `<w:r><w:rPr></w:rPr><w:t>${text}</w:t></w:r>`;

function model(body: string, extra: Record<string, string> = {}): DocModel {
  const parts = new Map<string, string>([["word/document.xml", `<w:document ${W} ${W14}><w:body>${body}</w:body></w:document>`], ...Object.entries(extra)]);
  return modelOf("review.docx", parts);
}
const texts = (m: DocModel, mode: "accept" | "reject") => shownParagraphs(m.blocks, mode).map((s) => s.text);
const paras = (m: DocModel): Para[] => flatten(m.blocks);

describe("tracked changes", () => {
  it("reads a word replaced inside a sentence on both sides, the accept-all text as the paragraph's runs", () => {
    const m = model(p(r("Đã tổ chức ") + del(1, dr("12")) + ins(2, r("13")) + r(" hội nghị.")) + p(r("Không đổi.")));
    const [changed, same] = paras(m);
    expect(plainText(changed.inlines)).toBe("Đã tổ chức 13 hội nghị.");
    expect(plainText(changed.rejected!)).toBe("Đã tổ chức 12 hội nghị.");
    expect(changed.revised).toBe(true);
    expect(same.revised).toBeUndefined();
    expect(same.rejected).toBeUndefined();
    expect(hasRevisions(m.blocks)).toBe(true);
    expect(hasRevisions(model(p(r("a"))).blocks)).toBe(false);
  });

  it("reads moves as a deletion where the text was and an insertion where it went", () => {
    const m = model(
      p(`<w:moveFromRangeStart w:id="5" w:name="move1" ${WORD}/><w:moveFrom w:id="6" ${WORD}>${r("Câu chuyển đi. ")}</w:moveFrom><w:moveFromRangeEnd w:id="5"/>` + r("Câu ở lại.")) +
        p(r("Cuối đoạn. ") + `<w:moveToRangeStart w:id="7" w:name="move1" ${WORD}/><w:moveTo w:id="8" ${WORD}>${r("Câu chuyển đi.")}</w:moveTo><w:moveToRangeEnd w:id="7"/>`),
    );
    expect(texts(m, "accept")).toEqual(["Câu ở lại.", "Cuối đoạn. Câu chuyển đi."]);
    expect(texts(m, "reject")).toEqual(["Câu chuyển đi. Câu ở lại.", "Cuối đoạn. "]);
  });

  it("reads text inserted by one reviewer and deleted by another as on neither side", () => {
    const m = model(p(r("Một ") + ins(1, del(2, dr("hai "))) + r("ba")));
    expect(texts(m, "accept")).toEqual(["Một ba"]);
    expect(texts(m, "reject")).toEqual(["Một ba"]);
    expect(paras(m)[0].revised).toBe(true);
  });

  it("merges two paragraphs whose mark between them is deleted, once accepted", () => {
    const m = model(p(r("Đoạn một") + del(2, dr(".")), markDeleted(1)) + p(ins(3, r(", ")) + r("đoạn hai.")) + p(r("Đoạn ba.")));
    expect(paras(m)[0].mark).toBe("deleted");
    expect(texts(m, "accept")).toEqual(["Đoạn một, đoạn hai.", "Đoạn ba."]);
    expect(texts(m, "reject")).toEqual(["Đoạn một.", "đoạn hai.", "Đoạn ba."]);
    expect(shownParagraphs(m.blocks, "accept")[0].paras.map((x) => x.index)).toEqual([1, 2]);
  });

  it("splits a paragraph at an inserted paragraph mark, joined again once rejected", () => {
    const m = model(p(r("Câu thứ nhất."), markInserted(1)) + p(r(" Câu thứ hai.")));
    expect(paras(m)[0].mark).toBe("inserted");
    expect(paras(m)[0].revised).toBe(true);
    expect(texts(m, "accept")).toEqual(["Câu thứ nhất.", " Câu thứ hai."]);
    expect(texts(m, "reject")).toEqual(["Câu thứ nhất. Câu thứ hai."]);
  });

  it("drops a deleted paragraph and adds an inserted one, mark and all", () => {
    const m = model(p(r("Trước.")) + p(del(1, dr("Bỏ đoạn này.")), markDeleted(2)) + p(ins(3, r("Đoạn mới.")), markInserted(4)) + p(r("Sau.")));
    expect(texts(m, "accept")).toEqual(["Trước.", "Đoạn mới.", "Sau."]);
    expect(texts(m, "reject")).toEqual(["Trước.", "Bỏ đoạn này.", "Sau."]);
  });

  it("never joins across a table or out of a table cell", () => {
    const cell = (inner: string) => `<w:tc>${inner}</w:tc>`;
    const m = model(
      p(r("Trên bảng."), markDeleted(1)) +
        `<w:tbl><w:tr>${cell(p(r("Ô một"), markDeleted(2)))}${cell(p(r("Ô hai")))}</w:tr></w:tbl>` +
        p(r("Dưới bảng.")),
    );
    expect(texts(m, "accept")).toEqual(["Trên bảng.", "Ô một", "Ô hai", "Dưới bảng."]);
  });

  it("reads a footnote reference inserted or deleted on its side, and a footnote's own changes", () => {
    const footnotes = `<w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote><w:footnote w:id="1">${p(
      `<w:r><w:footnoteRef/></w:r>` + r(" Kế hoạch số ") + del(1, dr("3111")) + ins(2, r("3112")) + r("/KH-UBND."),
    )}${p(r("Dòng hai."))}</w:footnote><w:footnote w:id="2">${p(r("Không sửa."))}</w:footnote></w:footnotes>`;
    const m = model(p(r("Văn bản") + ins(3, `<w:r><w:footnoteReference w:id="1"/></w:r>`) + del(4, `<w:r><w:footnoteReference w:id="2"/></w:r>`) + r(".")), {
      "word/footnotes.xml": footnotes,
    });
    const [para] = paras(m);
    expect(para.inlines.filter((i) => "footnote" in i)).toEqual([{ footnote: "1" }]);
    expect(para.rejected!.filter((i) => "footnote" in i)).toEqual([{ footnote: "2" }]);
    // Import's notes stay the accept-all text; the paragraphs carry both sides.
    expect(plainText(m.notes.get("1")!)).toBe(" Kế hoạch số 3112/KH-UBND. Dòng hai.");
    const note = m.noteParas.get("1")!;
    expect(plainText(shownNote(note, "accept"))).toBe(" Kế hoạch số 3112/KH-UBND. Dòng hai.");
    expect(plainText(shownNote(note, "reject"))).toBe(" Kế hoạch số 3111/KH-UBND. Dòng hai.");
    expect(note[0].revised).toBe(true);
    expect(hasRevisions([], m.noteParas.values())).toBe(true);
    expect(m.noteParas.get("2")![0].revised).toBeUndefined();
  });

  it("reads LibreOffice's tracked changes and paragraph marks", () => {
    const m = model(
      `<w:p><w:pPr><w:pStyle w:val="TextBody"/><w:rPr></w:rPr></w:pPr>${lr("Trên cơ sở ")}<w:del w:id="0" ${LO}><w:r><w:rPr></w:rPr><w:delText>thống nhất</w:delText></w:r></w:del><w:ins w:id="1" ${LO}>${lr("đồng thuận")}</w:ins>${lr(" của Ban.")}</w:p>` +
        `<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:rPr><w:del w:id="2" ${LO}></w:del></w:rPr></w:pPr>${lr("I- Công tác")}</w:p>` +
        `<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:rPr></w:rPr></w:pPr>${lr(" quán triệt.")}</w:p>` +
        `<w:p><w:pPr><w:pStyle w:val="TextBody"/><w:rPr><w:ins w:id="3" ${LO}></w:ins></w:rPr></w:pPr>${lr("Nhìn chung,")}</w:p>` +
        `<w:p><w:pPr><w:pStyle w:val="TextBody"/><w:rPr></w:rPr></w:pPr><w:r><w:rPr></w:rPr><w:t xml:space="preserve"> </w:t></w:r>${lr("việc ký kết.")}</w:p>`,
    );
    expect(texts(m, "accept")).toEqual(["Trên cơ sở đồng thuận của Ban.", "I- Công tác quán triệt.", "Nhìn chung,", " việc ký kết."]);
    expect(texts(m, "reject")).toEqual(["Trên cơ sở thống nhất của Ban.", "I- Công tác", " quán triệt.", "Nhìn chung, việc ký kết."]);
  });
});

describe("comments", () => {
  const comments = (...cs: string[]) => ({ "word/comments.xml": `<w:comments ${W} ${W14}>${cs.join("")}</w:comments>` });
  const comment = (id: number, attrs: string, ...paragraphs: string[]) =>
    `<w:comment w:id="${id}" ${attrs}>${paragraphs.map((t, i) => `<w:p w14:paraId="0000${id}${i}"><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>${i === 0 ? '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>' : ""}${r(t)}</w:p>`).join("")}</w:comment>`;

  it("reads a comment on a phrase as a range of the accept-all text, with its author, initials, date and paragraphs", () => {
    const m = model(
      p(r("Đã tổ chức ") + del(9, dr("12 ")) + '<w:commentRangeStart w:id="0"/>' + r("hội nghị tập huấn") + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>' + r(" cho cán bộ.")),
      comments(comment(0, `w:author="Trần Thị B" w:initials="TTB" w:date="2026-12-04T08:00:00Z"`, "Ghi rõ số lớp.", "Bổ sung số người.")),
    );
    const [para] = paras(m);
    expect(plainText(para.inlines)).toBe("Đã tổ chức hội nghị tập huấn cho cán bộ.");
    expect(para.comments).toEqual([{ id: "0", start: 11, end: 28 }]);
    expect(m.comments).toEqual([
      { id: "0", author: "Trần Thị B", initials: "TTB", date: "2026-12-04T08:00:00Z", paragraphs: ["Ghi rõ số lớp.", "Bổ sung số người."], text: "Ghi rõ số lớp.\nBổ sung số người.", quote: "hội nghị tập huấn" },
    ]);
  });

  it("reads a range across paragraphs, a comment on a point, one marked done and one between paragraphs", () => {
    const m = model(
      p(r("Một ") + '<w:commentRangeStart w:id="1"/>' + r("hai")) +
        p(r("ba") + '<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>' + r(" bốn")) +
        p(r("Năm") + '<w:r><w:commentReference w:id="2"/></w:r>' + r(" sáu")) +
        '<w:commentRangeStart w:id="3"/>' +
        p(r("Bảy")) +
        '<w:commentRangeEnd w:id="3"/>' +
        p(r("Tám")),
      {
        ...comments(comment(1, WORD, "Xem lại."), comment(2, WORD, "Chỗ này."), comment(3, WORD, "Cả đoạn.")),
        "word/commentsExtended.xml": `<w15:commentsEx ${W15}><w15:commentEx w15:paraId="000010" w15:done="1"/><w15:commentEx w15:paraId="000020" w15:done="0"/></w15:commentsEx>`,
      },
    );
    expect(paras(m).map((x) => x.comments)).toEqual([[{ id: "1", start: 4, end: 7 }], [{ id: "1", start: 0, end: 2 }], [{ id: "2", start: 3, end: 3 }], [{ id: "3", start: 0, end: 3 }], undefined]);
    expect(m.comments.map((c) => [c.id, c.quote, c.done ?? false])).toEqual([
      ["1", "hai\nba", true],
      ["2", "", false],
      ["3", "Bảy", false],
    ]);
  });

  it("moves a comment's range with the paragraphs a tracked mark joins", () => {
    const m = model(p(r("Một ") + '<w:commentRangeStart w:id="1"/>' + r("hai"), markDeleted(5)) + p(r(" ba") + '<w:commentRangeEnd w:id="1"/>' + r(" bốn")), comments(comment(1, WORD, "Gộp.")));
    const [shown] = shownParagraphs(m.blocks, "accept");
    expect(shown.text).toBe("Một hai ba bốn");
    expect(shown.comments).toEqual([{ id: "1", start: 4, end: 10 }]);
    expect(shownParagraphs(m.blocks, "reject")[0].comments).toBeUndefined();
  });

  it("reads LibreOffice's comments: an empty run inside the range, the reference after it", () => {
    const m = model(
      `<w:p><w:pPr><w:rPr></w:rPr></w:pPr>${lr("Trên cơ sở ")}<w:commentRangeStart w:id="0"/>${lr("của Ban Cán sự")}<w:r><w:rPr></w:rPr></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>${lr(", Ban Dân vận.")}</w:p>`,
      comments(`<w:comment w:id="0" ${LO} w:initials="LĐ"><w:p><w:r><w:rPr><w:rFonts w:ascii="Liberation Serif"/><w:sz w:val="24"/></w:rPr><w:t>Xem lại câu này.</w:t></w:r></w:p><w:p><w:r><w:rPr></w:rPr><w:t>Dòng hai.</w:t></w:r></w:p></w:comment>`),
    );
    expect(m.comments[0]).toMatchObject({ author: "Lãnh đạo", initials: "LĐ", text: "Xem lại câu này.\nDòng hai.", quote: "của Ban Cán sự" });
  });
});

describe("bookmarks and properties", () => {
  it("names the bookmarks starting in a paragraph, and those between paragraphs on the next one", () => {
    const m = model(
      p('<w:bookmarkStart w:id="0" w:name="dv_p1"/>' + r("Một") + '<w:bookmarkEnd w:id="0"/>' + '<w:bookmarkStart w:id="1" w:name="_GoBack"/><w:bookmarkEnd w:id="1"/>') +
        '<w:bookmarkStart w:id="2" w:name="dv_p2"/>' +
        p(r("Hai")) +
        '<w:bookmarkEnd w:id="2"/>' +
        // LibreOffice writes a bookmark that spans paragraphs with its end in a later one, and counts ids from 0 again.
        p('<w:bookmarkStart w:id="0" w:name="dv_p3"/>' + lr("Ba")) +
        p(lr("Bốn") + '<w:bookmarkEnd w:id="0"/>'),
    );
    expect(paras(m).map((x) => x.bookmarks)).toEqual([["dv_p1", "_GoBack"], ["dv_p2"], ["dv_p3"], undefined]);
    expect(shownParagraphs(m.blocks, "accept").map((s) => s.bookmarks)).toEqual([["dv_p1", "_GoBack"], ["dv_p2"], ["dv_p3"], []]);
  });

  it("reads custom properties of every value type as text, as Word and as LibreOffice write them", () => {
    const props = (inner: string) =>
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${inner}</Properties>`;
    const prop = (pid: number, name: string, value: string) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${pid}" name="${name}">${value}</property>`;
    const m = model(p(r("a")), {
      "docProps/custom.xml": props(prop(2, "danvan.digest", "<vt:lpwstr>sha256:ab12</vt:lpwstr>") + prop(3, "số bản", "<vt:i4>7</vt:i4>") + prop(4, "đã duyệt", "<vt:bool>true</vt:bool>") + prop(5, "lo", "<vt:r8>7</vt:r8>")),
    });
    expect([...m.properties]).toEqual([
      ["danvan.digest", "sha256:ab12"],
      ["số bản", "7"],
      ["đã duyệt", "true"],
      ["lo", "7"],
    ]);
    expect(model(p(r("a"))).properties.size).toBe(0);
    expect(model(p(r("a"))).comments).toEqual([]);
  });
});
