/**
 * Every Markdown block and inline a custom template can write is in both outputs — a block quote indented,
 * code in the monospace Code style, an ordered list numbered from its start, a task list's boxes, a rule —
 * or the template is refused when it is loaded, at its own line and column (DV402, DV403).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { templateProblems } from "../../src/parse/template-check.js";
import { docxParts, paragraphTexts } from "../helpers/build.js";
import { runCli } from "../helpers/run-cli.js";
import { miniRoot, ROOT, tmp } from "../robustness/helpers.js";

const SHIPPED = fs.readFileSync(path.join(ROOT, "templates/report.md.hbs"), "utf8");

/** The shipped layout with `extra` written before the sections. */
function template(extra: string): { dir: string; line: (text: string) => number } {
  const dir = tmp();
  const source = SHIPPED.replace("{{#each sections}}", `${extra}\n{{#each sections}}`);
  fs.writeFileSync(path.join(dir, "report.md.hbs"), source);
  return { dir, line: (text) => source.split("\n").findIndex((l) => l.includes(text)) + 1 };
}

const BLOCKS = `> Trích dẫn dòng một
> dòng hai

\`\`\`
mã dòng 1
  mã thụt lề
\`\`\`

3. mục ba
4. mục bốn
   - mục con

- [ ] việc chưa làm
- [x] việc đã làm

Chữ ~~gạch bỏ~~, [liên kết](https://example.vn), [liên kết tham chiếu][tc] và \`mã trong dòng\`.

[tc]: https://example.vn/tc

---

##### Tiêu đề cấp năm

| Cột một | Cột hai |
| --- | --- |
| ô một | ô hai |
`;

describe("blocks a custom template writes", () => {
  it("are in the DOCX and the Markdown alike", async () => {
    const { dir } = template(BLOCKS);
    const out = tmp();
    const r = await runCli("build-report", "2021", "--data", miniRoot(), "--templates", dir, "--out", out);
    expect(r.code, r.stderr).toBe(0);
    const md = fs.readFileSync(path.join(out, "01-BC-BDVTU-2021.md"), "utf8");
    const document = docxParts(path.join(out, "01-BC-BDVTU-2021.docx"))["word/document.xml"];
    const texts = paragraphTexts(document);
    const paragraph = (start: string) => [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => paragraphTexts(p)[0]?.startsWith(start)) ?? "";

    expect(md).toContain("> Trích dẫn dòng một\n> dòng hai");
    expect(paragraph("Trích dẫn dòng một")).toContain('<w:pStyle w:val="Quote"/>');

    expect(md).toContain("```\nmã dòng 1\n  mã thụt lề\n```");
    const code = paragraph("mã dòng 1");
    expect(code).toContain('<w:pStyle w:val="Code"/>');
    expect(code).toMatch(/mã dòng 1<\/w:t>[\s\S]*<w:br\/>[\s\S]*<w:t xml:space="preserve">  mã thụt lề/);

    expect(md).toMatch(/^3\. mục ba\n4\. mục bốn\n {3}- mục con$/m);
    expect(texts).toEqual(expect.arrayContaining(["3. mục ba", "4. mục bốn", "- mục con", "☐ việc chưa làm", "☒ việc đã làm"]));
    expect(paragraph("- mục con")).toMatch(/<w:ind w:left="567"\/>/);
    expect(md).toContain("- [ ] việc chưa làm\n- [x] việc đã làm");

    const inline = paragraph("Chữ gạch bỏ");
    expect(md).toContain("Chữ ~~gạch bỏ~~, [liên kết](https\\://example.vn), [liên kết tham chiếu](https\\://example.vn/tc) và `mã trong dòng`.");
    expect(inline).toMatch(/<w:strike\/>[\s\S]*?gạch bỏ/);
    expect(inline).toMatch(/<w:hyperlink [^>]*>[\s\S]*?<w:rStyle w:val="Hyperlink"\/>[\s\S]*?liên kết</);
    expect(inline).toMatch(/<w:rStyle w:val="CodeChar"\/>[\s\S]*?mã trong dòng/);
    const rels = docxParts(path.join(out, "01-BC-BDVTU-2021.docx"))["word/_rels/document.xml.rels"];
    expect(rels).toContain('Target="https://example.vn"');
    expect(rels).toContain('Target="https://example.vn/tc"');
    expect(md).not.toContain("[tc]:");

    expect(md).toMatch(/\n---\n\n##### Tiêu đề cấp năm/);
    expect(document).toMatch(/<w:pBdr><w:bottom [^>]*\/><\/w:pBdr>(?:(?!<\/w:p>)[\s\S])*<\/w:p><w:p>(?:(?!<\/w:p>)[\s\S])*Tiêu đề cấp năm/);
    expect(texts).toEqual(expect.arrayContaining(["Cột một", "ô hai"]));
  });

  it("the shipped layout writes nothing the writers lack", async () => {
    expect(await templateProblems(SHIPPED, "templates/report.md.hbs")).toEqual([]);
  });
});

describe("what a template cannot write is refused at its line", () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ["HTML in a line", "Chữ <b>đậm</b> ở đây.", "<b>", /DV403: .*HTML/],
    ["an HTML block", "<div>khối</div>", "<div>", /DV403: .*HTML/],
    ["an image", "Ảnh ![logo](logo.png) đây.", "![logo]", /DV403: .*hình ảnh/],
    ["a leaf directive", "::chu-ky", "::chu-ky", /DV403: .*::tên/],
    ["a table in a footnote", "Chú thích[^b].\n\n[^b]: | a |\n    | - |\n    | b |", "[^b]:", /DV403: .*bảng trong chú thích/],
    ["a footnote in a footnote", "Câu[^c].\n\n[^c]: Chú thích[^d].\n\n[^d]: Lồng nhau.", "[^c]:", /DV403: .*chú thích trong chú thích/],
    ["a noncharacter", "Chữ \uFFFF lạ.", "\uFFFF", /DV402: .*U\+FFFF/],
  ];
  for (const [name, extra, marker, message] of cases) {
    it(name, async () => {
      const { dir, line } = template(extra);
      const out = tmp();
      const r = await runCli("build-report", "2021", "--data", miniRoot(), "--templates", dir, "--out", out);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`report\\.md\\.hbs:${line(marker)}:\\d+: lỗi ${message.source}`));
      expect(fs.readdirSync(out)).toEqual([]);
    });
  }
});
