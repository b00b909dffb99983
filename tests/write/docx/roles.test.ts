/**
 * Roles come from the tree, never from appearance: a custom template that writes plain Markdown without
 * roles still builds, as plain paragraphs, however its text is marked up.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/pipeline.js";
import { docxParts, paragraphTexts } from "../../helpers/build.js";

const PLAIN = `# {{title.type}}

**\\* {{header.issuer.[0]}}**

**{{closing.title}}**

Một đoạn văn thường, có *nghiêng* và **đậm**.

- một ý

| TT | Nội dung |
| --- | --- |
| 1 | một dòng |
`;

describe("a template without roles", () => {
  it("builds plain paragraphs: bold text and '* ' are not taken for a subheading or a signature", async () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-roles-"));
    fs.cpSync("tests/fixtures/years/district/2024", path.join(data, "2024"), { recursive: true });
    const templates = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-roles-tpl-"));
    fs.writeFileSync(path.join(templates, "report.md.hbs"), PLAIN);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-roles-out-"));
    const result = await buildReport({ dataRoot: data, year: "2024", outDir: out, formats: new Set(["docx", "md"]), templatesDir: templates });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const docx = result.written.find((w) => w.format === "docx")!.file;
    const doc = docxParts(docx)["word/document.xml"];
    const styled = [...doc.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
      text: paragraphTexts(m[0])[0],
      style: /<w:pStyle w:val="([^"]*)"/.exec(m[0])?.[1],
    }));
    expect(styled.find((p) => p.text === "* ỦY BAN NHÂN DÂN")?.style).toBe("BodyText");
    expect(styled.find((p) => p.text === "CHỦ TỊCH")?.style).toBe("BodyText");
    expect(styled.find((p) => p.text === "BÁO CÁO")?.style).toBe("Heading1");
    expect(styled.find((p) => p.text === "- một ý")?.style).toBe("BulletText");
    expect(styled.find((p) => p.text === "một dòng")?.style).toBe("TableText");
    const md = fs.readFileSync(result.written.find((w) => w.format === "md")!.file, "utf8");
    expect(md).toContain("Một đoạn văn thường, có *nghiêng* và **đậm**.");
  });
});
