/** The same writer lays out a party and a state report from the profile table alone. */
import { describe, expect, it } from "vitest";
import { buildInTemp, docxParts, paragraphTexts } from "../../helpers/build.js";

async function build(dataRoot: string) {
  const { file } = await buildInTemp(dataRoot, "2021", ["docx"]);
  const parts = docxParts(file("docx")!);
  return { parts, texts: paragraphTexts(parts["word/document.xml"]) };
}

describe("profiles", () => {
  it("party: 'Số ' without colon, the * line, the party motto underlined", async () => {
    const { parts, texts } = await build("tests/fixtures/years/mini");
    expect(texts).toContain("Số 01-BC/BDVTU");
    expect(texts).toContain("*");
    expect(texts).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(parts["word/document.xml"]).toMatch(/<w:u w:val="single"\/>[\s\S]{0,400}ĐẢNG CỘNG SẢN VIỆT NAM/);
    expect(texts).toContain("Thành phố Mẫu, ngày 05 tháng 02 năm 2021");
  });

  it("state: 'Số: ', no * line, the two-line national motto, bold italic 'Nơi nhận:'", async () => {
    const { parts, texts } = await build("tests/fixtures/years/state");
    expect(texts).toContain("Số: 15/BC-SNV");
    expect(texts).not.toContain("*");
    expect(texts).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(texts).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(texts).not.toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(parts["word/styles.xml"]).toMatch(/w:styleId="RecipientsLabel"[\s\S]*?<w:b\/>[\s\S]*?<w:i\/>/);
    expect(texts.some((t) => t.startsWith("KT. GIÁM ĐỐC"))).toBe(true);
  });

  it("names the styles a clerk restyles in Word", async () => {
    const { parts } = await build("tests/fixtures/years/mini");
    for (const id of ["BodyText", "BulletText", "Heading1", "Heading2", "FootnoteText", "TableText", "TableHeading", "Recipients", "Signature"]) {
      expect(parts["word/styles.xml"], id).toMatch(new RegExp(`w:styleId="${id === "Signature" ? "Signer" : id}"`));
    }
  });
});
