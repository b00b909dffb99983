/**
 * The register printed in the office's own columns (report.yaml `appendix.columns`): the headings and the
 * order as written, an issuer column instead of issuer rows, a type column instead of type rows, a note
 * column or the note after the summary, two-digit years; and danvan's four columns when none are named.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { buildInTemp, docxParts, paragraphTexts } from "../helpers/build.js";

const MINI = "tests/fixtures/years/mini";

const DOCUMENTS = {
  groups: [
    {
      issuer: "Ban Thường vụ Tỉnh ủy",
      types: [
        { type: "Kế hoạch", documents: [{ id: "12-kh-tu", number: "12-KH/TU", date: "2020-01-30", summary: "Thực hiện năm Dân vận khéo.", note: "Gửi kèm mẫu" }] },
        { type: "Chỉ thị", documents: [{ id: "05-ct-tu", number: "05-CT/TU", date: "2020-03-09", summary: "Tăng cường công tác dân vận." }] },
      ],
    },
    { issuer: "Ban Dân vận Tỉnh ủy", types: [{ type: "Công văn", documents: [{ id: "77-cv-bdvtu", number: "77-CV/BDVTU", date: "2020-06-15", summary: "Nắm tình hình nhân dân." }] }] },
  ],
};

/** The mini year with the register above and `appendix` changed as given: the Markdown's table lines and the DOCX's texts. */
async function built(appendix: Record<string, unknown>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-register-layout-"));
  fs.cpSync(MINI, root, { recursive: true });
  const year = path.join(root, "2021");
  const report = parse(fs.readFileSync(path.join(year, "report.yaml"), "utf8"));
  report.appendix = { ...report.appendix, ...appendix };
  fs.writeFileSync(path.join(year, "report.yaml"), stringify(report));
  fs.writeFileSync(path.join(year, "documents.yaml"), stringify(DOCUMENTS));
  const out = await buildInTemp(root, "2021", ["docx", "md"]);
  expect(out.result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const md = fs.readFileSync(out.file("md")!, "utf8");
  const table = md.split("\n").filter((l) => l.startsWith("|"));
  const texts = paragraphTexts(docxParts(out.file("docx")!)["word/document.xml"]);
  return { table, texts };
}

const cells = (line: string) => line.split("|").slice(1, -1).map((c) => c.trim());

describe("the register's columns", () => {
  it("are danvan's four under issuer and type rows when report.yaml names none", async () => {
    const { table } = await built({});
    expect(cells(table[0])).toEqual(["TT", "Thể loại, số văn bản", "Ngày ban hành", "Nội dung"]);
    expect(cells(table[2])).toEqual(["**I**", "**Ban Thường vụ Tỉnh ủy**", "", ""]);
    // The note has no column: it follows the summary.
    expect(table.some((l) => cells(l).includes("Thực hiện năm Dân vận khéo. (Gửi kèm mẫu)"))).toBe(true);
  });

  it("are the office's own: an issuer column (no group rows), numbered through, the note in its column, no type rows", async () => {
    const columns = [
      { role: "tt", label: "STT" },
      { role: "number", label: "Số, ký hiệu" },
      { role: "date", label: "Ngày ban hành" },
      { role: "summary", label: "Trích yếu nội dung" },
      { role: "issuer", label: "Cơ quan ban hành" },
      { role: "note", label: "Ghi chú" },
    ];
    const { table, texts } = await built({ columns, typeRows: false });
    expect(table.map(cells)).toEqual([
      ["STT", "Số, ký hiệu", "Ngày ban hành", "Trích yếu nội dung", "Cơ quan ban hành", "Ghi chú"],
      expect.any(Array),
      ["1", "12-KH/TU", "30/01/2020", "Thực hiện năm Dân vận khéo.", "Ban Thường vụ Tỉnh ủy", "Gửi kèm mẫu"],
      ["2", "05-CT/TU", "09/3/2020", "Tăng cường công tác dân vận.", "Ban Thường vụ Tỉnh ủy", ""],
      ["3", "77-CV/BDVTU", "15/6/2020", "Nắm tình hình nhân dân.", "Ban Dân vận Tỉnh ủy", ""],
    ]);
    // The DOCX has the same cells in the same order, the empty note cell included.
    const at = texts.indexOf("STT");
    expect(texts.slice(at, at + 12)).toEqual(["STT", "Số, ký hiệu", "Ngày ban hành", "Trích yếu nội dung", "Cơ quan ban hành", "Ghi chú", "1", "12-KH/TU", "30/01/2020", "Thực hiện năm Dân vận khéo.", "Ban Thường vụ Tỉnh ủy", "Gửi kèm mẫu"]);
    expect(texts.slice(at + 12, at + 18)).toEqual(["2", "05-CT/TU", "09/3/2020", "Tăng cường công tác dân vận.", "Ban Thường vụ Tỉnh ủy", ""]);
  });

  it("with a type column and group rows: numbered under each group, two-digit years", async () => {
    const columns = [
      { role: "tt", label: "STT" },
      { role: "type", label: "Loại văn bản" },
      { role: "number", label: "Số ký hiệu" },
      { role: "date", label: "Ngày ban hành", shortYear: true },
      { role: "summary", label: "Trích yếu" },
    ];
    const { table } = await built({ columns });
    expect(table.slice(2).map(cells)).toEqual([
      ["**I**", "**Ban Thường vụ Tỉnh ủy**", "", "", ""],
      ["1", "Kế hoạch", "12-KH/TU", "30/01/20", "Thực hiện năm Dân vận khéo. (Gửi kèm mẫu)"],
      ["2", "Chỉ thị", "05-CT/TU", "09/3/20", "Tăng cường công tác dân vận."],
      ["**II**", "**Ban Dân vận Tỉnh ủy**", "", "", ""],
      ["1", "Công văn", "77-CV/BDVTU", "15/6/20", "Nắm tình hình nhân dân."],
    ]);
  });
});
