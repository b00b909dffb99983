/**
 * The rules import reads a report by, one at a time, on documents written here as WordprocessingML: what
 * the reader sees (text boxes once, symbols, equations, content controls, breaks, drawn rules), where the
 * header's names split, where the title ends, which signals open a section, how the closing and the
 * register are found whatever their layout, and that nothing check would refuse reaches the data.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { UsageError } from "../../src/diagnostics.js";
import { readDocx } from "../../src/import/docx.js";
import { flatten, plainText } from "../../src/import/document.js";
import { importDocx } from "../../src/import/index.js";
import { sectionOrder } from "../../src/load/index.js";
import { checkYear } from "../../src/pipeline.js";
import { runCli } from "../helpers/run-cli.js";

const NS = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"',
].join(" ");
const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const r = (text: string, props = "") => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
const b = (text: string) => r(text, "<w:b/>");
const p = (inner: string, pPr = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${inner}</w:p>`;
const cell = (inner: string, tcPr = "") => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ""}${inner || "<w:p/>"}</w:tc>`;
const table = (...rows: string[][]) => `<w:tbl><w:tblPr/>${rows.map((cells) => `<w:tr>${cells.join("")}</w:tr>`).join("")}</w:tbl>`;
const br = "<w:r><w:br/></w:r>";
const pageBreak = '<w:r><w:br w:type="page"/></w:r>';
const border = (side = "bottom") => `<w:pBdr><w:${side} w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>`;
const textBox = (...paras: string[]) =>
  `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:extent cx="2000000" cy="600000"/><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>${paras.join("")}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${paras.join("")}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;

/** The usual parts of a report around what a test is about. */
interface Parts {
  header?: string;
  title?: string;
  body?: string;
  closing?: string;
  appendix?: string;
}

const PARTY_HEADER = table([cell(p(r("TỈNH ỦY BÌNH THUẬN")) + p(b("BAN DÂN VẬN")) + p(r("*")) + p(r("Số 12-BC/BDVTU"))), cell(p(b("ĐẢNG CỘNG SẢN VIỆT NAM")) + p(r("Phan Thiết, ngày 05 tháng 12 năm 2022", "<w:i/>")))]);
const TITLE = p(b("BÁO CÁO")) + p(b("kết quả công tác dân vận năm 2022")) + p(r("-----"));
const BODY = p(r("Ban Dân vận báo cáo như sau:")) + p(b("I- Kết quả")) + p(r("Đã tổ chức hội nghị.")) + p(b("II- Nhiệm vụ")) + p(r("Tiếp tục thực hiện."));
const CLOSING = table([cell(p(r("Nơi nhận:")) + p(r("- Thường trực Tỉnh ủy,")) + p(r("- Lưu Văn thư."))), cell(p(b("TRƯỞNG BAN")) + p(b("Nguyễn Văn An")))]);

function docx(parts: Parts, extra: Record<string, string> = {}): string {
  const body = [parts.header ?? PARTY_HEADER, parts.title ?? TITLE, parts.body ?? BODY, parts.closing ?? CLOSING, parts.appendix ?? ""].join("");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "danvan-rules-")), "in.docx");
  const files: Record<string, string> = { "word/document.xml": `<w:document ${NS}><w:body>${body}</w:body></w:document>`, ...extra };
  fs.writeFileSync(file, zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))));
  return file;
}

/** Imports the document; returns what was written, read back, and the warnings. */
function imported(file: string, year = "2022") {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-rules-data-"));
  const result = importDocx({ file, year, dataRoot: data });
  const dir = path.join(data, year);
  const read = (rel: string) => parse(fs.readFileSync(path.join(dir, rel), "utf8"));
  const sectionFiles = fs.readdirSync(path.join(dir, "sections")).sort(sectionOrder);
  return {
    result,
    data,
    report: read("report.yaml"),
    register: fs.existsSync(path.join(dir, "documents.yaml")) ? read("documents.yaml") : undefined,
    sections: sectionFiles.map((f) => read(path.join("sections", f))),
    warnings: result.warnings.map((w) => w.message).join("\n"),
  };
}

const headings = (sections: Array<{ level: number; heading?: string }>) => sections.filter((s) => s.level > 0).map((s) => `${s.level} ${s.heading}`);

describe("the reader", () => {
  it("reads a text box once, though Word writes it twice (DrawingML and its VML fallback)", () => {
    const file = docx({ body: p(r("Mở đầu.") + textBox(p(r("Chữ trong khung.")))) + BODY });
    const paras = flatten(readDocx(file).blocks).map((x) => plainText(x.inlines));
    expect(paras.filter((t) => t === "Chữ trong khung.")).toHaveLength(1);
    expect(flatten(readDocx(file).blocks).find((x) => plainText(x.inlines) === "Chữ trong khung.")?.textBox).toBe(true);
  });

  it("reads w:sym as the character it shows, and warns about a code it does not know", () => {
    const file = docx({ body: p('<w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r>' + r(" một ý")) + p('<w:r><w:sym w:font="Webdings" w:char="F021"/></w:r>' + r("lạ")) + BODY });
    const model = readDocx(file);
    const texts = flatten(model.blocks).map((x) => plainText(x.inlines));
    expect(texts).toContain("• một ý");
    expect(model.warnings.map((w) => w.message).join()).toContain("F021 của phông Webdings");
  });

  it("reads an equation as a line of text, with a warning; content controls and smart tags as text", () => {
    const math = '<m:oMath><m:f><m:num><m:r><m:t>a</m:t></m:r></m:num><m:den><m:r><m:t>b+c</m:t></m:r></m:den></m:f></m:oMath>';
    const file = docx({
      body: p(r("Tỷ lệ ") + math) + `<w:sdt><w:sdtPr/><w:sdtContent>${p(r("Trong khung nhập."))}</w:sdtContent></w:sdt>` + p(`<w:smartTag w:element="place">${r("Phan Thiết")}</w:smartTag>${r(" đẹp.")}`) + BODY,
    });
    const model = readDocx(file);
    const texts = flatten(model.blocks).map((x) => plainText(x.inlines));
    expect(texts).toEqual(expect.arrayContaining(["Tỷ lệ a/(b+c)", "Trong khung nhập.", "Phan Thiết đẹp."]));
    expect(model.warnings.map((w) => w.message).join()).toContain('công thức (OMML) được đọc thành chữ "a/(b+c)"');
  });

  it("marks page breaks, drawn rules and capitals as layout, not text", () => {
    const line = '<w:r><w:pict><v:line from="0,0" to="100pt,0"/></w:pict></w:r>';
    const file = docx({ body: p(pageBreak + r("Trang mới")) + p("", border()) + p(line) + p(r("chữ hoa", "<w:caps/>")) + BODY });
    const paras = flatten(readDocx(file).blocks);
    const at = (t: string) => paras.find((x) => plainText(x.inlines) === t)!;
    expect(at("Trang mới").pageBreak).toBe(true);
    expect(paras.filter((x) => x.ruleBelow && plainText(x.inlines) === "")).toHaveLength(2);
    expect(paras.some((x) => plainText(x.inlines) === "CHỮ HOA")).toBe(true);
  });

  it("refuses malformed XML with the parser's reason and the part's line and column (DV603, exit 2)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-rules-bad-"));
    const file = path.join(dir, "bad.docx");
    fs.writeFileSync(file, zipSync({ "word/document.xml": strToU8(`<w:document ${NS}><w:body>\n<w:p><w:r></w:p></w:body></w:document>`) }));
    expect(() => readDocx(file)).toThrow(UsageError);
    const res = await runCli("import", file, "2022", "--data", path.join(dir, "data"));
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/DV603: .*word\/document\.xml không phải XML hợp lệ ở dòng 2, cột \d+ \(word\/document\.xml:2:\d+\): unexpected close tag/);
    expect(res.stderr).not.toContain("256");
  });
});

describe("the header", () => {
  it("a state issuer on two bold lines is one issuer, with no superior", () => {
    const header = table([cell(p(b("ỦY BAN NHÂN DÂN")) + p(b("HUYỆN ĐỨC AN")) + p(r("Số: 15/BC-UBND"))), cell(p(b("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) + p(b("Độc lập - Tự do - Hạnh phúc")) + p(r("Đức An, ngày 10 tháng 12 năm 2022")))]);
    const { report } = imported(docx({ header }));
    expect(report.profile).toBe("state");
    expect(report.superior).toBeUndefined();
    expect(report.issuer.name).toEqual(["ỦY BAN NHÂN DÂN", "HUYỆN ĐỨC AN"]);
    expect(report.issuer.fullName).toBe("Ủy ban nhân dân huyện Đức An");
  });

  it("a party header all in bold still has its superior above the issuer", () => {
    const header = table([cell(p(b("HUYỆN ỦY TÁNH LINH")) + p(b("BAN DÂN VẬN")) + p(r("*")) + p(r("Số 3-BC/BDVHU"))), cell(p(b("ĐẢNG CỘNG SẢN VIỆT NAM")) + p(r("Tánh Linh, ngày 05 tháng 12 năm 2022")))]);
    const { report } = imported(docx({ header }));
    expect(report).toMatchObject({ profile: "party", superior: "HUYỆN ỦY TÁNH LINH", issuer: { name: "BAN DÂN VẬN", fullName: "Ban Dân vận Huyện ủy" } });
  });

  it("reads a header typed as lines with the right column after a tab", () => {
    const header = p(r("TỈNH ỦY BÌNH THUẬN\t\tĐẢNG CỘNG SẢN VIỆT NAM")) + p(b("BAN DÂN VẬN")) + p(r("*")) + p(r("Số 12-BC/BDVTU\t\tPhan Thiết, ngày 05 tháng 12 năm 2022"));
    const { report } = imported(docx({ header }));
    expect(report).toMatchObject({ superior: "TỈNH ỦY BÌNH THUẬN", issuer: { name: "BAN DÂN VẬN" }, number: "12-BC/BDVTU", place: "Phan Thiết", date: "2022-12-05" });
  });

  it("refuses a document with no header at all, saying what it looked for (DV605)", () => {
    expect(() => imported(docx({ header: p(r("Một trang ghi chép.")), title: "" }))).toThrow(/DV605|số ký hiệu/);
  });
});

describe("the title", () => {
  const cases: Array<[string, string]> = [
    ["typed dashes", p(b("BÁO CÁO")) + p(b("kết quả năm 2022")) + p(r("-----"))],
    ["typed underscores", p(b("BÁO CÁO")) + p(b("kết quả năm 2022")) + p(r("______"))],
    ["a border under its last line", p(b("BÁO CÁO")) + p(b("kết quả năm 2022"), border())],
    ["a border over an empty paragraph", p(b("BÁO CÁO")) + p(b("kết quả năm 2022")) + p("", border("top"))],
    ["a VML line", p(b("BÁO CÁO")) + p(b("kết quả năm 2022")) + p('<w:r><w:pict><v:line from="0,0" to="120pt,0"/></w:pict></w:r>')],
    ["a DrawingML line", p(b("BÁO CÁO")) + p(b("kết quả năm 2022")) + p('<w:r><w:drawing><wp:anchor><wp:extent cx="1800000" cy="0"/><a:graphic><a:graphicData><wps:wsp><wps:spPr><a:prstGeom prst="line"/></wps:spPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')],
    ["no rule: the first numbered heading", p(b("BÁO CÁO")) + p(b("kết quả năm 2022"))],
  ];
  it.each(cases)("ends at %s, and the first heading stays a heading", (_name, title) => {
    const body = p(b("I- Kết quả")) + p(r("Đã tổ chức hội nghị.")) + p(b("II- Nhiệm vụ")) + p(r("Tiếp tục."));
    const { report, sections } = imported(docx({ title, body }));
    expect(report.title).toEqual(["kết quả năm 2022"]);
    expect(headings(sections)).toEqual(["1 Kết quả", "1 Nhiệm vụ"]);
  });
});

describe("headings", () => {
  it("opens a section for each signal: bold, a heading style, no final full stop, the numbering continued", () => {
    const styles = '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/></w:style></w:styles>';
    const body =
      p(r("I- Kết quả")) +
      p(b("1- Công tác tham mưu")) + p(r("Đã tham mưu.")) +
      p(r("2- Công tác tuyên truyền"), '<w:pStyle w:val="H2"/>') + p(r("Đã tuyên truyền.")) +
      p(r("3- Công tác kiểm tra, giám sát ở cơ sở trong cả năm")) + p(r("Đã kiểm tra.")) +
      p(r("4- Công tác dân vận chính quyền được quan tâm.")) + p(r("Đã quan tâm.")) +
      p(r("II- Nhiệm vụ")) + p(r("1- Tiếp tục tham mưu.")) + p(r("2- Đẩy mạnh tuyên truyền.")) + p(r("3- Tăng cường kiểm tra."));
    const { sections } = imported(docx({ body }, { "word/styles.xml": styles }));
    expect(headings(sections)).toEqual(["1 Kết quả", "2 Công tác tham mưu", "2 Công tác tuyên truyền", "2 Công tác kiểm tra, giám sát ở cơ sở trong cả năm", "2 Công tác dân vận chính quyền được quan tâm.", "1 Nhiệm vụ"]);
    // Numbered tasks one after another are items, not headings.
    expect(sections[sections.length - 1].body).toEqual([{ numbered: ["Tiếp tục tham mưu.", "Đẩy mạnh tuyên truyền.", "Tăng cường kiểm tra."] }]);
  });

  it("keeps the label of a list Word numbers in another style than the first items, as text", () => {
    const numbering = `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num></w:numbering>`;
    const auto = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr>';
    const body = p(b("I- Kết quả")) + p(r("1- Một.")) + p(r("2- Hai.")) + p(r("Tiếp theo là:")) + p(r("Ba."), auto) + p(r("Bốn."), auto);
    const { sections } = imported(docx({ body }, { "word/numbering.xml": numbering }));
    expect(sections[0].body).toEqual([{ numbered: ["Một.", "Hai."] }, "Tiếp theo là:", "a) Ba.", "b) Bốn."]);
  });
});

describe("the closing", () => {
  const signer = (left = "") => table([cell(left), cell(p(b("KT. TRƯỞNG BAN")) + p(b("PHÓ TRƯỞNG BAN")) + p(r("(Đã ký)", "<w:i/>")) + p(b("Trần Thị Lan")))]);
  const recipients = p(r("Nơi nhận:")) + p(r("- Ban Dân vận Trung ương,\t\t(báo")) + p(r("- Thường trực Tỉnh ủy,\t\tcáo)")) + p(r("- Các sở, ban, ngành, Mặt trận, đoàn thể") + br + r("  chính trị - xã hội tỉnh,")) + p(r("- Lưu Văn thư."));
  it.each([
    ["a signature table with an empty left cell above the recipients", signer() + recipients],
    ["the recipients, then the signature table", recipients + signer()],
    ["stacked paragraphs, signer first", p(b("KT. TRƯỞNG BAN")) + p(b("PHÓ TRƯỞNG BAN")) + p(r("Đã ký")) + p(b("Trần Thị Lan")) + recipients],
    ["stacked paragraphs, recipients first", recipients + p("") + p(b("KT. TRƯỞNG BAN")) + p(b("PHÓ TRƯỞNG BAN")) + p(r("(Ký, đóng dấu)")) + p(b("Trần Thị Lan"))],
  ])("is read from %s: the mark is no title, the wrapped recipient is one, the split note is one", (_name, closing) => {
    const { report, sections, warnings } = imported(docx({ closing }));
    expect(report.signer).toEqual({ authority: "KT. TRƯỞNG BAN", title: "PHÓ TRƯỞNG BAN", name: "Trần Thị Lan" });
    expect(report.recipients).toEqual({
      list: ["Ban Dân vận Trung ương", "Thường trực Tỉnh ủy", "Các sở, ban, ngành, Mặt trận, đoàn thể chính trị - xã hội tỉnh"],
      filing: "Lưu Văn thư",
      note: { text: "(báo cáo)", first: 2 },
    });
    // Nothing of the closing leaked into the body.
    expect(JSON.stringify(sections)).not.toMatch(/TRƯỞNG BAN|Lan|Nơi nhận/);
    expect(warnings).toMatch(/dấu "(\(Đã ký\)|Đã ký|\(Ký, đóng dấu\))"/);
  });

  it("reads a type typed in lower case, and a signature whose name is still a placeholder", () => {
    const title = p(b("Báo cáo")) + p(b("kết quả năm 2022")) + p(r("-----"));
    const closing = table([cell(p(r("Nơi nhận:")) + p(r("- Thường trực Tỉnh ủy;")) + p(r("- Lưu: VT."))), cell(p(b("GIÁM ĐỐC")) + p(r("(Ký, ghi rõ họ tên, đóng dấu)")) + p(r("................................")))]);
    const { report } = imported(docx({ title, closing }));
    expect(report.type).toBe("Báo cáo");
    expect(report.signer).toEqual({ title: "GIÁM ĐỐC", name: "................................" });
  });

  it("refuses a document without recipients or signature, saying what to do (DV609)", () => {
    expect(() => imported(docx({ closing: p(r("Hết.")) }))).toThrow(/Nơi nhận/);
  });
});

describe("the register", () => {
  const head = p(pageBreak) + p(b("PHỤ LỤC")) + p(r("(Kèm theo Báo cáo số 12-BC/BDVTU của Ban Dân vận Tỉnh ủy)"));
  it("is found by its header's words, its columns mapped by name; two-digit years; irregular rows kept", () => {
    const row = (...cells: string[]) => cells.map((c) => cell(p(r(c))));
    const appendix =
      head +
      table(
        row("STT", "Trích yếu", "Ngày ban hành", "Số ký hiệu", "Loại văn bản"),
        [cell(p(b("I. Ban Thường vụ Tỉnh ủy")), '<w:gridSpan w:val="5"/>')],
        row("1", "Về công tác dân vận.", "22/3/17", "22-CT/TU", "Chỉ thị"),
        row("2", "Về thi đua.", "14/3/20218", "70-KH/TU", "Kế hoạch"),
        row("3", "Trùng số.", "01/4/2022", "22-CT/TU", "Chỉ thị"),
        row("4", "Có khoảng trắng.", "17/9/2018", "3930/UBND - ĐTQH", "Công văn"),
      );
    const { register, warnings, data } = imported(docx({ appendix }));
    expect(register.groups).toEqual([
      {
        issuer: "Ban Thường vụ Tỉnh ủy",
        types: [
          { type: "Chỉ thị", documents: [{ id: "22-ct-tu", number: "22-CT/TU", date: "2017-03-22", summary: "Về công tác dân vận." }] },
          { type: "Kế hoạch", documents: [{ id: "70-kh-tu", number: "70-KH/TU", summary: "Về thi đua." }] },
          { type: "Công văn", documents: [{ id: "3930-ubnd-dtqh", number: "3930/UBND - ĐTQH", date: "2018-09-17", summary: "Có khoảng trắng." }] },
        ],
      },
    ]);
    expect(warnings).toContain('ngày "14/3/20218" không phải là ngày có thật');
    expect(warnings).toContain("số ký hiệu 22-CT/TU đã có ở một hàng trên");
    const check = checkYear(data, "2022").diagnostics;
    expect(check.filter((d) => d.severity === "error")).toEqual([]);
    expect(check.map((d) => d.code)).toEqual(expect.arrayContaining(["DV334", "DV335"]));
  });

  it("carries an issuer column merged down over the rows it names", () => {
    const row = (...cells: string[]) => cells.map((c) => cell(p(r(c))));
    const appendix =
      head +
      table(
        row("TT", "Số, ký hiệu", "Ngày", "Trích yếu", "Cơ quan ban hành"),
        [...row("1", "5-KH/TU", "02/3/2022", "Một."), cell(p(r("Tỉnh ủy")), '<w:vMerge w:val="restart"/>')],
        [...row("2", "6-KH/TU", "03/3/2022", "Hai."), cell("", "<w:vMerge/>")],
        [...row("3", "7/KH-UBND", "04/3/2022", "Ba."), cell(p(r("UBND tỉnh")))],
      );
    const { register } = imported(docx({ appendix }));
    expect(register.groups.map((g: { issuer: string; types: Array<{ documents: unknown[] }> }) => [g.issuer, g.types.flatMap((t) => t.documents).length])).toEqual([["Tỉnh ủy", 2], ["UBND tỉnh", 1]]);
  });
});

describe("the files written", () => {
  it("carry schema links that resolve from where the year is, as init and new make them", () => {
    const { data } = imported(docx({}));
    const files = fs.readdirSync(path.join(data, "2022"), { recursive: true }).map(String).filter((f) => f.endsWith(".yaml"));
    expect(files.length).toBeGreaterThan(2);
    for (const rel of files) {
      const file = path.join(data, "2022", rel);
      const link = /^# yaml-language-server: \$schema=(\S+)$/m.exec(fs.readFileSync(file, "utf8"))![1];
      const kind = rel === "report.yaml" ? "report" : rel === "documents.yaml" ? "documents" : "section";
      expect(link.startsWith("file:") ? new URL(link).pathname : fs.realpathSync(path.resolve(path.dirname(file), link))).toBe(fs.realpathSync(`schemas/${kind}.schema.json`));
    }
  });
});

describe("what reaches the data", () => {
  it("never holds what check refuses: a {{ in the text, a control character, a footnote in a heading", () => {
    const footnotes = '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="1"><w:p><w:r><w:t>Ghi chú của đề mục.</w:t></w:r></w:p></w:footnote></w:footnotes>';
    const body = p(r("Mẫu {{tên}} và \u200eký tự ẩn.")) + p(b("I- Kết quả") + '<w:r><w:footnoteReference w:id="1"/></w:r>') + p(r("Đã làm."));
    const { data, sections, warnings } = imported(docx({ body }, { "word/footnotes.xml": footnotes }));
    expect(checkYear(data, "2022").diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(sections[0].body[0]).toBe("Mẫu { {tên}} và ký tự ẩn.");
    expect(sections[1].heading).toBe("Kết quả");
    expect(sections[1].body[0]).toBe('{{fn "ghi-chu-cua-de"}}Đã làm.');
    expect(warnings).toContain("đề mục có chú thích");
  });

  it("a page break before PHỤ LỤC, empty and whitespace-only paragraphs never become data", () => {
    const body = BODY + p("") + p(r("   ")) + p(pageBreak);
    const closing = CLOSING + p(pageBreak);
    const { data, sections } = imported(docx({ body, closing, appendix: p(pageBreak + b("PHỤ LỤC")) + table([cell(p(r("TT"))), cell(p(r("Số, ký hiệu"))), cell(p(r("Ngày"))), cell(p(r("Trích yếu")))], [cell(p(r("1"))), cell(p(r("5-KH/TU"))), cell(p(r("02/3/2022"))), cell(p(r("Một.")))]) }));
    expect(checkYear(data, "2022").diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(JSON.stringify(sections)).not.toMatch(/"\s*"/);
  });
});
