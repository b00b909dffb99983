/**
 * DOCX read-back in both profiles: every part the template names a role has its named style, footnotes
 * are small and single spaced, the language is Vietnamese, no style ships unused, and the profile's
 * numbering, recipient punctuation and rules come out as the profile table says.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildInTemp, docxParts, paragraphTexts } from "../../helpers/build.js";
import { DATA_ROOT } from "../../helpers/data.js";

type Parts = Record<string, string>;

/** A copy of a year's data, so the test never reads the live folder. */
function copyYear(from: string, year: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-profile-"));
  fs.cpSync(path.join(from, year), path.join(root, year), { recursive: true });
  return root;
}

async function build(dataRoot: string, year: string) {
  const { file } = await buildInTemp(copyYear(dataRoot, year), year, ["docx"]);
  const parts = docxParts(file("docx")!);
  return { parts, texts: paragraphTexts(parts["word/document.xml"]) };
}

function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
}

function styleOf(p: string): string | undefined {
  return /<w:pStyle w:val="([^"]*)"/.exec(p)?.[1];
}

function styleBlock(styles: string, id: string): string {
  return new RegExp(`<w:style\\b[^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? "";
}

/** Styles of the paragraphs whose text is `text`. */
function stylesOfText(parts: Parts, text: string): Array<string | undefined> {
  return paragraphs(parts["word/document.xml"])
    .filter((p) => paragraphTexts(p)[0] === text)
    .map(styleOf);
}

function commonChecks(get: () => Parts) {
  it("gives every paragraph with text a named style", () => {
    const parts = get();
    for (const name of ["word/document.xml", "word/footnotes.xml"]) {
      for (const p of paragraphs(parts[name])) {
        if (/<w:(separator|continuationSeparator)\/>/.test(p)) continue; // docx.js's footnote separators
        if (paragraphTexts(p)[0].trim() === "" && !p.includes("footnoteRef")) continue;
        expect(styleOf(p), p.slice(0, 300)).toBeDefined();
      }
    }
  });

  it("sets footnotes in FootnoteText, 10–12 pt, single spaced", () => {
    const parts = get();
    const notes = paragraphs(parts["word/footnotes.xml"]).filter((p) => paragraphTexts(p)[0].trim() !== "");
    expect(notes.length).toBeGreaterThan(0);
    for (const p of notes) expect(styleOf(p)).toBe("FootnoteText");
    const style = styleBlock(parts["word/styles.xml"], "FootnoteText");
    const size = Number(/<w:sz w:val="(\d+)"/.exec(style)?.[1]);
    expect(size).toBeGreaterThanOrEqual(20);
    expect(size).toBeLessThanOrEqual(24);
    expect(style).toMatch(/w:line="240" w:lineRule="auto"/);
  });

  it("declares Vietnamese in the document defaults", () => {
    expect(get()["word/styles.xml"]).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="vi-VN"\/>[\s\S]*<\/w:docDefaults>/);
  });

  it("ships no style that nothing uses, and none of docx.js's defaults", () => {
    const parts = get();
    const styles = parts["word/styles.xml"];
    const others = Object.entries(parts)
      .filter(([name]) => name !== "word/styles.xml" && name.endsWith(".xml"))
      .map(([, xml]) => xml)
      .join("\n");
    const blocks = [...styles.matchAll(/<w:style\b[\s\S]*?<\/w:style>/g)].map((m) => m[0]);
    const used = new Set([...others.matchAll(/<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]*)"/g)].map((m) => m[1]));
    for (const b of blocks) for (const m of b.matchAll(/<w:(?:basedOn|next) w:val="([^"]*)"/g)) if (used.has(/w:styleId="([^"]*)"/.exec(b)![1])) used.add(m[1]);
    for (const b of blocks) {
      const id = /w:styleId="([^"]*)"/.exec(b)![1];
      if (/w:default="(1|true)"/.test(b)) continue;
      expect(used.has(id), `style ${id} is unused`).toBe(true);
    }
    for (const id of ["Heading4", "Heading5", "Heading6", "Title", "PageNumber"]) expect(styles).not.toContain(`w:styleId="${id}"`);
    expect(styles).not.toMatch(/<w:style w:type="paragraph"[^>]*w:styleId="Strong"/);
  });

  it("sets the appendix's reference line italic, not bold, in its own style", () => {
    const parts = get();
    const style = styleBlock(parts["word/styles.xml"], "AppendixReference");
    expect(style).toContain("<w:i/>");
    expect(style).not.toContain("<w:b/>");
    const lines = paragraphs(parts["word/document.xml"]).filter((p) => styleOf(p) === "AppendixReference");
    expect(lines.length).toBeGreaterThan(0);
  });

  it("ends every table cell with a paragraph, as Word requires", () => {
    expect(get()["word/document.xml"]).not.toMatch(/<\/w:tbl><\/w:tc>/);
  });

  it("hangs wrapped recipient lines", () => {
    expect(styleBlock(get()["word/styles.xml"], "Recipients")).toMatch(/<w:ind w:left="\d+" w:hanging="\d+"\/>/);
  });

  it("gives each role its style", () => {
    const parts = get();
    const used = new Set(paragraphs(parts["word/document.xml"]).map(styleOf));
    for (const id of ["Issuer", "DocNumber", "Motto", "PlaceDate", "DocType", "DocSummary", "Heading1", "Heading2", "BodyText", "BulletText", "Subheading", "RecipientsLabel", "Recipients", "RecipientsNote", "Signer", "SignerName", "AppendixHeading", "AppendixTitle", "TableHeading", "TableGroup", "TableType", "TableText"]) {
      expect(used.has(id), id).toBe(true);
    }
  });
}

describe("party profile (data/2021, copied)", () => {
  let built: { parts: Parts; texts: string[] };
  beforeAll(async () => {
    built = await build(DATA_ROOT, "2021");
  });
  commonChecks(() => built.parts);

  it("numbers headings I-, 1- and ends recipients with a comma, the filing line with a period", () => {
    const { texts } = built;
    expect(texts).toContain("I- Công tác quán triệt, triển khai thực hiện");
    expect(texts.some((t) => t.startsWith("1- Về tham mưu Tỉnh ủy"))).toBe(true);
    expect(texts).toContain("- Ban Dân vận Trung ương,");
    expect(texts).toContain("- Lưu Văn thư.");
  });

  it("types the title rule as the party writes it, underlines the one-line motto, draws no issuer rule", () => {
    const { parts, texts } = built;
    expect(stylesOfText(parts, "-----")).toEqual(["TitleRule"]);
    expect(parts["word/document.xml"]).toMatch(/<w:u w:val="single"\/>[\s\S]{0,400}ĐẢNG CỘNG SẢN VIỆT NAM/);
    expect(paragraphs(parts["word/document.xml"]).some((p) => styleOf(p) === "Rule")).toBe(false);
    expect(texts).toContain("Số 143-BC/BDVTU");
    expect(stylesOfText(parts, "*")).toEqual(["IssuerMark"]);
  });

  it("brackets the note beside the first three recipients", () => {
    const doc = built.parts["word/document.xml"];
    const bracket = /<w:tbl>(?:(?!<w:tbl>)[\s\S])*?\(báo cáo\)[\s\S]*?<\/w:tbl>/.exec(doc)?.[0] ?? "";
    const lines = paragraphs(bracket).filter((p) => styleOf(p) === "Recipients").map((p) => paragraphTexts(p)[0]);
    expect(lines).toEqual(["- Ban Dân vận Trung ương,", "- Ban Cán sự đảng Chính phủ,", "- Thường trực Tỉnh ủy,"]);
  });
});

describe("state profile (a district UBND, tests/fixtures/years/district)", () => {
  let built: { parts: Parts; texts: string[] };
  beforeAll(async () => {
    built = await build("tests/fixtures/years/district", "2024");
  });
  commonChecks(() => built.parts);

  it("has no superior line and the issuer on two lines, each its own Issuer paragraph", () => {
    const { parts, texts } = built;
    expect(stylesOfText(parts, "ỦY BAN NHÂN DÂN")).toEqual(["Issuer"]);
    expect(stylesOfText(parts, "HUYỆN ĐỨC AN")).toEqual(["Issuer"]);
    expect(paragraphs(parts["word/document.xml"]).some((p) => styleOf(p) === "Superior")).toBe(false);
    expect(texts).toContain("Số: 215/BC-UBND");
    expect(texts).not.toContain("*");
  });

  it("numbers I., 1., a) and ends recipients with ';', the filing line with '.'", () => {
    const { texts } = built;
    expect(texts).toContain("I. Kết quả thực hiện");
    expect(texts).toContain("1. Tiếp công dân, giải quyết khiếu nại, tố cáo");
    expect(texts.some((t) => t.startsWith("a) Một số vụ việc"))).toBe(true);
    expect(texts).toContain("- Ban Dân vận Huyện ủy;");
    expect(texts).toContain("- Lưu: VT, NV.");
    expect(texts.filter((t) => t.startsWith("- ") && t.endsWith(",")).length).toBe(0);
  });

  it("draws the issuer's and the title's rules as centred lines, not underlined text or dashes", () => {
    const { parts, texts } = built;
    const doc = parts["word/document.xml"];
    const rules = paragraphs(doc).filter((p) => styleOf(p) === "Rule");
    expect(rules.length).toBe(2);
    for (const r of rules) {
      expect(r).toMatch(/<w:pBdr><w:bottom w:val="single"/);
      const ind = /<w:ind w:left="(\d+)" w:right="(\d+)"\/>/.exec(r);
      expect(ind?.[1]).toBe(ind?.[2]);
      expect(Number(ind?.[1])).toBeGreaterThan(0);
    }
    expect(texts).not.toContain("-----");
    const issuer = paragraphs(doc).filter((p) => styleOf(p) === "Issuer");
    for (const p of issuer) expect(p).not.toContain("<w:u ");
  });

  it("keeps its appendix groups and the quarterly figures", () => {
    const { parts, texts } = built;
    const groups = paragraphs(parts["word/document.xml"]).filter((p) => styleOf(p) === "TableGroup").map((p) => paragraphTexts(p)[0]);
    expect(groups).toEqual(["I", "Ủy ban nhân dân huyện", "II", "Văn phòng HĐND và UBND huyện"]);
    expect(texts.some((t) => t.includes("quý I: 46; quý II: 38; quý III: 41; quý IV: 29 lượt"))).toBe(true);
    expect(paragraphs(parts["word/footnotes.xml"]).filter((p) => styleOf(p) === "FootnoteText").length).toBe(5);
  });
});

/** The district year with its register grown past one page, so the appendix runs to several. */
function longAppendix(): string {
  const root = copyYear("tests/fixtures/years/district", "2024");
  const file = path.join(root, "2024/documents.yaml");
  const text = fs.readFileSync(file, "utf8");
  const more = Array.from({ length: 40 }, (_, i) => `          - id: cv-them-${i + 1}\n            number: ${700 + i}/VP-TH\n            date: "2024-10-01"\n            summary: Đôn đốc thực hiện nhiệm vụ công tác dân vận chính quyền, đợt ${i + 1} của năm 2024.\n`).join("");
  fs.writeFileSync(file, text.replace(/(            summary: Đôn đốc công khai thủ tục hành chính[^\n]*\n)/, `$1${more}`));
  return root;
}

describe("state profile laid out as Nghị định 30/2020 lays it out", () => {
  let built: { parts: Parts; texts: string[] };
  let md = "";
  beforeAll(async () => {
    const { file } = await buildInTemp(copyYear("tests/fixtures/years/district", "2024"), "2024", ["docx", "md"]);
    const parts = docxParts(file("docx")!);
    built = { parts, texts: paragraphTexts(parts["word/document.xml"]) };
    md = fs.readFileSync(file("md")!, "utf8");
  });

  it('sets "Số: …" on the line of the place and date: the header\'s second row, both cells at its bottom', () => {
    const doc = built.parts["word/document.xml"];
    const header = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(doc)![0];
    const rows = [...header.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows.length).toBe(2);
    expect(paragraphTexts(rows[1])).toEqual(["Số: 215/BC-UBND", "Đức An, ngày 16 tháng 12 năm 2024"]);
    expect(rows[1].match(/<w:vAlign w:val="bottom"\/>/g)?.length).toBe(2);
    // The same space above both, so they stand level.
    const before = (text: string) => /<w:spacing [^>]*w:before="(\d+)"/.exec(paragraphs(rows[1]).find((p) => paragraphTexts(p)[0] === text) ?? "")?.[1] ?? styleSpacing(built.parts, "PlaceDate");
    expect(before("Số: 215/BC-UBND")).toBe("240");
    expect(before("Số: 215/BC-UBND")).toBe(before("Đức An, ngày 16 tháng 12 năm 2024"));
  });

  it("draws the title's rule clear of the summary line, and no empty paragraph follows the title block", () => {
    const doc = built.parts["word/document.xml"];
    const all = paragraphs(doc);
    const rule = all.findIndex((p) => styleOf(p) === "Rule" && !/<w:tc>/.test(p) && all.indexOf(p) > all.findIndex((q) => styleOf(q) === "DocSummary"));
    expect(rule).toBeGreaterThan(0);
    expect(Number(/<w:spacing [^>]*w:before="(\d+)"/.exec(all[rule])?.[1])).toBeGreaterThan(0);
    expect(styleOf(all[rule - 1])).toBe("DocSummary");
    expect(styleOf(all[rule + 1])).toBe("BodyText");
    expect(paragraphTexts(all[rule + 1])[0]).toMatch(/^Thực hiện Kế hoạch/);
  });

  it('prints the appendix heading as written ("Phụ lục", bold) and its title in capitals, in both outputs', () => {
    expect(built.texts).toContain("Phụ lục");
    expect(built.texts).toContain("DANH MỤC VĂN BẢN CHỈ ĐẠO CÔNG TÁC DÂN VẬN CHÍNH QUYỀN NĂM 2024");
    expect(md).toContain("**Phụ lục**\n\n**DANH MỤC VĂN BẢN CHỈ ĐẠO CÔNG TÁC DÂN VẬN CHÍNH QUYỀN NĂM 2024**");
    expect(styleBlock(built.parts["word/styles.xml"], "AppendixHeading")).not.toContain("<w:caps/>");
    expect(built.texts.some((t) => t.includes("tại Phụ lục kèm theo"))).toBe(true);
  });

  it("numbers the appendix's pages on their own, from its own first page", () => {
    const sections = [...built.parts["word/document.xml"].matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sections.length).toBe(2);
    expect(sections[0]).not.toMatch(/<w:pgNumType w:start/);
    expect(sections[1]).toMatch(/<w:pgNumType w:start="1"\/>/);
    expect(sections[1]).toContain("<w:titlePg/>");
  });

  it("prints, in LibreOffice, no number on the appendix's first page and 2, 3 … after it", { timeout: 180_000 }, async () => {
    const { file } = await buildInTemp(longAppendix(), "2024", ["pdf"]);
    const pdf = file("pdf")!;
    const count = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
    const pages = Array.from({ length: count }, (_, i) => execFileSync("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), pdf, "-"], { encoding: "utf8" }));
    const first = pages.findIndex((p) => /^\s*Phụ lục\s*$/m.test(p));
    expect(first).toBeGreaterThan(0);
    expect(pages.length - first).toBeGreaterThan(1);
    const top = (p: string) => p.split("\n").find((l) => l.trim())!.trim();
    expect(top(pages[first])).toBe("Phụ lục");
    pages.slice(first + 1).forEach((p, i) => expect(top(p)).toBe(String(i + 2)));
  });
});

function styleSpacing(parts: Parts, id: string): string | undefined {
  return /<w:spacing [^>]*w:before="(\d+)"/.exec(styleBlock(parts["word/styles.xml"], id))?.[1];
}
