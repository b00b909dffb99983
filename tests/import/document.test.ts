/**
 * What real Word files hold around the text: runs split mid-word, tracked changes, fields, comments,
 * bookmarks, hyperlinks, automatic numbering, merged cells, section breaks, a table in the body and text
 * after the closing. The document is written here as WordprocessingML, the way Word writes it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "../helpers/run-cli.js";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const r = (text: string, props = "") => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const b = (text: string) => r(text, "<w:b/>");
const p = (inner: string, pPr = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${inner}</w:p>`;
const cell = (inner: string, tcPr = "") => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ""}${inner}</w:tc>`;
const table = (...rows: string[][]) => `<w:tbl><w:tblPr/>${rows.map((cells) => `<w:tr>${cells.join("")}</w:tr>`).join("")}</w:tbl>`;
const numbered = (numId: number, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

const body = [
  table(
    [
      cell(p(r("TỈNH ỦY ") + '<w:bookmarkStart w:id="0" w:name="_GoBack"/>' + r("BÌNH") + '<w:bookmarkEnd w:id="0"/>' + r(" THUẬN")) + p(b("BAN DÂN VẬN")) + p(r("*")) +
        p(r("Số ") + `<w:ins w:id="1" w:author="A">${r("5")}</w:ins><w:del w:id="2" w:author="A"><w:r><w:delText>4</w:delText></w:r></w:del>` + r("-BC/BDVTU"))),
      cell(p(b("ĐẢNG CỘNG SẢN VIỆT NAM")) +
        p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "dd" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r("Phan Thiết, ngày 10 tháng 01 năm 2023", "<w:i/>")}<w:r><w:fldChar w:fldCharType="end"/></w:r>`)),
    ],
  ),
  p(b("BÁO CÁO")),
  p(b("tình hình công tác") + "<w:r><w:br/></w:r>" + b("năm 2022")),
  p(r("-----")),
  p(r("Ban Dân vận báo cáo như sau:")),
  p(r("Kết quả") + '<w:commentRangeStart w:id="3"/>' + r(" thực hiện") + '<w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r>', `<w:pStyle w:val="Heading1"/>${numbered(1)}`),
  p(b("Về tuyên truyền"), numbered(2)),
  p(r("Đã tổ chức ") + `<w:hyperlink w:anchor="x">${r("hội nghị")}</w:hyperlink>` + `<w:smartTag w:uri="u" w:element="e">${r(" quán triệt")}</w:smartTag>` + r(".")),
  p("", "<w:sectPr/>"),
  table([cell(p(r("Chỉ tiêu"))), cell(p(r("Kết quả")))], [cell(p(r("Hội nghị"))), cell(p(r("12")))]),
  p(r("Mở lớp tập huấn."), numbered(3)),
  p(r("Kiểm tra cơ sở."), numbered(3)),
  p(r("Đánh giá chung"), `<w:pStyle w:val="Heading1"/>${numbered(1)}`),
  p(r("Còn hạn chế.")),
  table(
    [cell(p(r("Nơi nhận:", "<w:u w:val=\"single\"/>")) + p(r("- Thường trực Tỉnh ủy,")) + p(r("- Lưu Văn thư."))), cell(p(b("TRƯỞNG BAN")) + p(b("Nguyễn Văn B")), '<w:vMerge w:val="restart"/>')],
    [cell(p("")), cell(p(""), "<w:vMerge/>")],
  ),
  p(r("Bản này được in 05 bản.")),
  p(b("PHỤ LỤC")),
  table(
    [cell(p(b("TT"))), cell(p(b("Thể loại, số văn bản"))), cell(p(b("Ngày ban hành"))), cell(p(b("Nội dung")))],
    [cell(p(b("I"))), cell(p(b("Ban Thường vụ Tỉnh ủy")), '<w:gridSpan w:val="3"/>')],
    [cell(p(r("1"))), cell(p(r("Kế hoạch số") + "<w:r><w:br/></w:r>" + r("7-KH/TU"))), cell(p(r("02/3/2022"))), cell(p(r("Về công tác dân vận.")))],
    [cell(p(r("2"))), cell(p(r("Tờ trình số 9-TTr/TU"))), cell(p(r("chưa rõ ngày"))), cell(p(r("Về khen thưởng.")))],
  ),
].join("");

const numberingXml = `<w:numbering ${W}>
  <w:abstractNum w:abstractNumId="10"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
  <w:abstractNum w:abstractNumId="11"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1-"/></w:lvl></w:abstractNum>
  <w:abstractNum w:abstractNumId="12"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl></w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="11"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="12"/></w:num>
</w:numbering>`;
const stylesXml = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style></w:styles>`;

function wordDocx(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-word-"));
  const file = path.join(dir, "word.docx");
  const parts = {
    "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    "word/numbering.xml": numberingXml,
    "word/styles.xml": stylesXml,
  };
  fs.writeFileSync(file, zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)]))));
  return file;
}

describe("import of a document as Word writes it", () => {
  it("reads through runs, tracked changes, fields, comments and automatic numbering", async () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-word-data-"));
    const res = await runCli("import", wordDocx(), "2022", "--data", data);
    expect(res.stderr.split("\n").filter((l) => !l.includes("DV607") && !l.includes("DV335"))).toEqual([]);
    expect(res.code).toBe(0);
    const report = parse(fs.readFileSync(path.join(data, "2022/report.yaml"), "utf8"));
    expect(report).toMatchObject({
      superior: "TỈNH ỦY BÌNH THUẬN",
      number: "5-BC/BDVTU",
      place: "Phan Thiết",
      date: "2023-01-10",
      title: ["tình hình công tác", "năm 2022"],
      period: { from: 2022, to: 2022 },
      signer: { title: "TRƯỞNG BAN", name: "Nguyễn Văn B" },
      recipients: { list: ["Thường trực Tỉnh ủy"], filing: "Lưu Văn thư" },
    });
    const sections = fs.readdirSync(path.join(data, "2022/sections")).sort();
    expect(sections).toEqual(["00-mo-dau.yaml", "01-1-tuyen-truyen.yaml", "01-ket-qua-thuc.yaml", "02-danh-gia-chung.yaml"]);
    const read = (f: string) => parse(fs.readFileSync(path.join(data, "2022/sections", f), "utf8"));
    expect(read("01-ket-qua-thuc.yaml").heading).toBe("Kết quả thực hiện");
    expect(read("01-1-tuyen-truyen.yaml")).toEqual({
      level: 2,
      heading: "Về tuyên truyền",
      body: ["Đã tổ chức hội nghị quán triệt.", "Chỉ tiêu | Kết quả", "Hội nghị | 12", { bullets: ["Mở lớp tập huấn.", "Kiểm tra cơ sở."] }],
    });
    // The body table and the line after the closing are kept, each with a warning naming its paragraph.
    expect(read("02-danh-gia-chung.yaml").body).toEqual(["Còn hạn chế.", "Bản này được in 05 bản."]);
    expect(res.stderr).toMatch(/DV607: đoạn \d+: bảng trong thân văn bản/);
    expect(res.stderr).toMatch(/DV607: đoạn \d+: không xếp được đoạn "Bản này được in 05 bản\."/);
    // An appendix row whose date is not a date stays an entry, its date left out (a visible blank, DV335).
    expect(res.stderr).toMatch(/DV607: đoạn \d+: văn bản 9-TTr\/TU: ngày "chưa rõ ngày" không phải là ngày có thật/);
    const docs = parse(fs.readFileSync(path.join(data, "2022/documents.yaml"), "utf8"));
    expect(docs.groups).toEqual([
      {
        issuer: "Ban Thường vụ Tỉnh ủy",
        types: [
          { type: "Kế hoạch", documents: [{ id: "7-kh-tu", number: "7-KH/TU", date: "2022-03-02", summary: "Về công tác dân vận." }] },
          { type: "Tờ trình", documents: [{ id: "9-ttr-tu", number: "9-TTr/TU", summary: "Về khen thưởng." }] },
        ],
      },
    ]);
  });

  it("writes the same bytes from the same document", async () => {
    const file = wordDocx();
    const roots = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), "danvan-word-same-")));
    for (const root of roots) expect((await runCli("import", file, "2022", "--data", root)).code).toBe(0);
    const read = (root: string) =>
      fs.readdirSync(path.join(root, "2022"), { recursive: true }).map(String).sort().map((f) => {
        const full = path.join(root, "2022", f);
        return [f, fs.statSync(full).isFile() ? fs.readFileSync(full, "utf8") : ""];
      });
    expect(read(roots[1])).toEqual(read(roots[0]));
  });

  it("imports a document without the appendix register as a year without one", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-word-noapp-"));
    const file = path.join(dir, "a.docx");
    const doc = body.slice(0, body.indexOf("<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">PHỤ LỤC"));
    fs.writeFileSync(file, zipSync({ "word/document.xml": strToU8(`<w:document ${W}><w:body>${doc}</w:body></w:document>`), "word/numbering.xml": strToU8(numberingXml) }));
    const data = path.join(dir, "data");
    const res = await runCli("import", file, "2022", "--data", data);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("không có danh mục văn bản");
    expect(fs.existsSync(path.join(data, "2022/documents.yaml"))).toBe(false);
    expect(parse(fs.readFileSync(path.join(data, "2022/report.yaml"), "utf8")).appendix).toBeUndefined();
    expect((await runCli("check", "2022", "--data", data)).code).toBe(0);
  });
});
