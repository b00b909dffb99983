/**
 * DOCX read-back in both profiles: every part the template names a role has its named style, footnotes
 * are small and single spaced, the language is Vietnamese, no style ships unused, and the profile's
 * numbering, recipient punctuation and rules come out as the profile table says.
 */
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
