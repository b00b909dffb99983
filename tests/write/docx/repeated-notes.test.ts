/**
 * A note cited twice is one note with one number in both outputs: GFM reuses `[^n]` in the Markdown; the
 * DOCX's second citation is a NOTEREF cross-reference to a bookmark on the first, printing the note's number
 * as a footnote reference. Read through LibreOffice's rendering: every later note keeps its own number.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildInTemp, docxParts } from "../../helpers/build.js";

/** The mini year with "ket-qua" cited again after "giai-quyet", and "giai-quyet" again after "phoi-hop". */
function yearCitingTwice(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-notes-twice-"));
  fs.cpSync("tests/fixtures/years/mini", root, { recursive: true });
  const file = path.join(root, "2021/sections/01-ket-qua.yaml");
  const text = fs
    .readFileSync(file, "utf8")
    .replace('Đã giải quyết {{ratio "giai-quyet"}} đơn, đạt tỷ lệ {{pct "giai-quyet"}}.', 'Đã giải quyết {{ratio "giai-quyet"}} đơn{{fn "giai-quyet"}}, đạt tỷ lệ {{pct "giai-quyet"}} (như đã nêu{{fn "ket-qua"}}).')
    .replace("Tiếp tục phối hợp.", 'Tiếp tục phối hợp{{fn "phoi-hop"}}, lần nữa{{fn "giai-quyet"}}.')
    .replace("footnotes:\n", "footnotes:\n  giai-quyet: Chú thích về giải quyết đơn.\n  phoi-hop: Chú thích về phối hợp.\n");
  fs.writeFileSync(file, text);
  return root;
}

let md = "";
let parts: Record<string, string> = {};
let pdfText = "";

beforeAll(async () => {
  const { file, result } = await buildInTemp(yearCitingTwice(), "2021", ["md", "docx", "pdf"]);
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  md = fs.readFileSync(file("md")!, "utf8");
  parts = docxParts(file("docx")!);
  pdfText = execFileSync("pdftotext", ["-layout", file("pdf")!, "-"], { encoding: "utf8" });
}, 180_000);

describe("a note cited twice", () => {
  it("is one [^n] in the Markdown, cited by the same number each time", () => {
    expect(md).toContain("1.487/1.611 đơn[^2], đạt tỷ lệ 92,3% (như đã nêu[^1]).");
    expect(md).toContain("Tiếp tục phối hợp[^3], lần nữa[^2].");
    expect(md.match(/^\[\^\d\]:/gm)).toEqual(["[^1]:", "[^2]:", "[^3]:"]);
  });

  it("is one Word footnote; its later citations are NOTEREF fields to a bookmark on the first, with its number", () => {
    const document = parts["word/document.xml"];
    const footnotes = [...parts["word/footnotes.xml"].matchAll(/<w:footnote w:id="(\d+)"/g)].map((m) => m[1]).filter((id) => Number(id) > 0);
    expect(footnotes).toEqual(["1", "2", "3"]);
    expect([...document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1])).toEqual(["1", "2", "3"]);
    for (const n of [1, 2]) {
      expect(document).toMatch(new RegExp(`<w:bookmarkStart w:name="_RefNote${n}" w:id="(\\d+)"/><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${n}"/></w:r><w:bookmarkEnd w:id="\\1"/>`));
    }
    expect(document).not.toContain("_RefNote3");
    const fields = [...document.matchAll(/<w:instrText xml:space="preserve"> NOTEREF (_RefNote\d) \\f \\h <\/w:instrText>(?:(?!w:fldCharType="end").)*?<w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:t xml:space="preserve">(\d)<\/w:t>/g)];
    expect(fields.map((m) => [m[1], m[2]])).toEqual([["_RefNote1", "1"], ["_RefNote2", "2"]]);
  });

  it("prints, in LibreOffice, each note once under its own number, cited by it each time", () => {
    expect(pdfText).toMatch(/đơn2, đạt tỷ lệ 92,3% \(như đã nêu1\)\./);
    expect(pdfText).toMatch(/Tiếp tục phối hợp3, lần nữa2\./);
    const notes = [...pdfText.matchAll(/^\s*(\d)\s*\n?\s*(Năm 2020: 458 cuộc|Chú thích về giải quyết đơn|Chú thích về phối hợp)/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(notes).toEqual(["1 Năm 2020: 458 cuộc", "2 Chú thích về giải quyết đơn", "3 Chú thích về phối hợp"]);
  });
});
