/**
 * The register is optional throughout danvan: a year without documents.yaml checks, builds without an
 * appendix, starts a new year without one, and compares with a year that has one (text and redline). A
 * document without a date prints a visible blank in the appendix; a report without a "Lưu" line ends its
 * list with the last recipient.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { buildInTemp, docxParts, paragraphTexts } from "../helpers/build.js";
import { runCli } from "../helpers/run-cli.js";

const NO_REGISTER = "tests/fixtures/check/no-register";
const MINI = "tests/fixtures/years/mini";

function copyRoot(...years: Array<[string, string]>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-noreg-"));
  for (const [from, as] of years) fs.cpSync(from, path.join(root, as), { recursive: true });
  return root;
}

function edit(file: string, change: (value: Record<string, unknown>) => void): void {
  const value = parse(fs.readFileSync(file, "utf8"));
  change(value);
  fs.writeFileSync(file, stringify(value));
}

describe("a year without a register", () => {
  it("builds a DOCX and Markdown with no appendix, and says so", async () => {
    const r = await runCli("build-report", "2021", "--data", NO_REGISTER, "--out", fs.mkdtempSync(path.join(os.tmpdir(), "danvan-noreg-out-")));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("không có phụ lục");
    const { file } = await buildInTemp(NO_REGISTER, "2021");
    const md = fs.readFileSync(file("md")!, "utf8");
    expect(md).not.toContain("PHỤ LỤC");
    expect(md).toContain("Nguyễn Văn A");
    const parts = docxParts(file("docx")!);
    const texts = paragraphTexts(parts["word/document.xml"]);
    expect(texts.join("\n")).not.toContain("PHỤ LỤC");
    expect(parts["word/document.xml"]).not.toContain("<w:tblHeader/>");
    // One section of the document: no appendix section on a page of its own.
    expect(parts["word/document.xml"].match(/<w:sectPr/g)).toHaveLength(1);
  });

  it("starts a new year without documents.yaml, which checks with blanks only", async () => {
    const root = copyRoot([path.join(NO_REGISTER, "2021"), "2021"]);
    expect((await runCli("new", "2022", "--from", "2021", "--data", root)).code).toBe(0);
    expect(fs.existsSync(path.join(root, "2022/documents.yaml"))).toBe(false);
    const check = await runCli("check", "2022", "--data", root);
    expect(check.stdout).not.toContain("DV100");
    expect(check.stdout).not.toMatch(/DV1\d\d|DV31\d|DV33\d/);
  });

  it("compares with a year that has one: every entry removed, in text and as a redline", async () => {
    const root = copyRoot([path.join(MINI, "2021"), "2020"], [path.join(NO_REGISTER, "2021"), "2021"]);
    const text = await runCli("diff", "2020", "2021", "--data", root);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("12-KH/TU");
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-noreg-redline-"));
    const redline = await runCli("diff", "2020", "2021", "--data", root, "--format", "docx", "--out", out);
    expect(redline.code).toBe(0);
    const docx = fs.readdirSync(out).find((f) => f.endsWith(".docx"))!;
    const xml = docxParts(path.join(out, docx))["word/document.xml"];
    // The appendix of 2020 is there, struck through as deleted.
    expect(xml).toMatch(/<w:del [^>]*>(?:(?!<\/w:del>)[\s\S])*<w:delText[^>]*>PHỤ LỤC<\/w:delText>/);
  });
});

describe("a register document without a date", () => {
  it("prints a visible blank in the appendix and cites without a date", async () => {
    const root = copyRoot([path.join(MINI, "2021"), "2021"]);
    edit(path.join(root, "2021/documents.yaml"), (v) => {
      delete (v as { groups: Array<{ types: Array<{ documents: Array<{ date?: string }> }> }> }).groups[0].types[0].documents[0].date;
    });
    const section = path.join(root, "2021/sections/01-ket-qua.yaml");
    fs.writeFileSync(section, fs.readFileSync(section, "utf8").replace('{{doc "12-kh-tu"}}', '{{doc "12-kh-tu" date=false}}'));
    const check = await runCli("check", "2021", "--data", root);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain("DV335");
    const { file } = await buildInTemp(root, "2021");
    const md = fs.readFileSync(file("md")!, "utf8");
    expect(md).toContain("Thực hiện Kế hoạch số 12-KH/TU về");
    expect(md).toContain("| 1 | Kế hoạch số 12-KH/TU | … |");
    expect(paragraphTexts(docxParts(file("docx")!)["word/document.xml"])).toContain("…");
  });
});

describe("a report without a filing line", () => {
  it("ends the list with its last recipient", async () => {
    const root = copyRoot([path.join(MINI, "2021"), "2021"]);
    edit(path.join(root, "2021/report.yaml"), (v) => {
      delete (v as { recipients: { filing?: string } }).recipients.filing;
    });
    expect((await runCli("check", "2021", "--data", root)).code).toBe(0);
    const md = fs.readFileSync((await buildInTemp(root, "2021")).file("md")!, "utf8");
    expect(md).toContain("Thường trực Tỉnh ủy.");
    expect(md).not.toContain("Lưu");
  });
});
