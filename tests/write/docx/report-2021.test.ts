/** The 2021 DOCX read back from its XML: footnotes, appendix table, page setup, fonts, determinism. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Register } from "../../../src/model/index.js";
import { buildInTemp, docxParts, paragraphTexts } from "../../helpers/build.js";
import { DATA_ROOT } from "../../helpers/data.js";

let parts: Record<string, string>;
let docxFile: string;
const register = parse(fs.readFileSync(`${DATA_ROOT}/2021/documents.yaml`, "utf8")) as Register;
const numbers = register.groups.flatMap((g) => g.types.flatMap((t) => t.documents.map((d) => d.number)));

beforeAll(async () => {
  const { file, result } = await buildInTemp(DATA_ROOT, "2021", ["docx"]);
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  docxFile = file("docx")!;
  parts = docxParts(docxFile);
});

describe("2021 DOCX", () => {
  it("has 19 real footnotes, referenced 1..19 in reading order", () => {
    const notes = [...parts["word/footnotes.xml"].matchAll(/<w:footnote (?![^>]*w:type=)[^>]*w:id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(notes).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    const refs = [...parts["word/document.xml"].matchAll(/<w:footnoteReference w:id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(refs).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
  });

  it("puts each footnote's text under its number", () => {
    const bodies = [...parts["word/footnotes.xml"].matchAll(/<w:footnote (?![^>]*w:type=)[^>]*>([\s\S]*?)<\/w:footnote>/g)].map((m) =>
      paragraphTexts(m[1]).join(" "),
    );
    expect(bodies[0]).toMatch(/^Kế hoạch: Số 70-KH\/BDVTU-BCSĐUB, ngày 14\/3\/2018/);
    expect(bodies[8]).toContain("1.487/1.611 đơn khiếu nại, đạt tỷ lệ 92,3%");
    expect(bodies[17]).toContain("Năm 2017: thực hiện được 536 cuộc (cấp tỉnh 08, cấp huyện 78, cấp xã 450)");
    expect(bodies[18]).toContain("thực hiện được 31 cuộc (cấp tỉnh 03; cấp huyện 05, cấp xã 23)");
  });

  it("lists every register document in the appendix table, with a repeated header row", () => {
    const doc = parts["word/document.xml"];
    const tables = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const appendix = tables[tables.length - 1];
    const rows = [...appendix.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)];
    const groupAndTypeRows = register.groups.length + register.groups.reduce((n, g) => n + g.types.length, 0);
    expect(rows).toHaveLength(1 + groupAndTypeRows + numbers.length);
    expect(rows[0][0]).toContain("<w:tblHeader/>");
    expect(appendix.match(/<w:tblHeader/g)).toHaveLength(1);
    expect(appendix).toContain("<w:tblGrid>");
    const text = paragraphTexts(appendix).join("\n");
    for (const n of numbers) expect(text).toContain(n);
  });

  it("is set in Times New Roman on A4 with the party margins and a page number from page 2", () => {
    expect(parts["word/styles.xml"]).toMatch(/w:ascii="Times New Roman"/);
    const doc = parts["word/document.xml"];
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(doc).toContain("<w:titlePg/>");
    const headers = Object.entries(parts).filter(([n]) => /^word\/header\d+\.xml$/.test(n)).map(([, x]) => x);
    expect(headers.some((h) => /PAGE/.test(h))).toBe(true);
  });

  it("opens in pandoc, which reads the body, footnotes and appendix", () => {
    const md = execFileSync("pandoc", ["-f", "docx", "-t", "markdown", docxFile], { encoding: "utf8" });
    expect(md).toContain("Trên cơ sở thống nhất");
    expect(md).toMatch(/\[\^19\]/);
    expect(md).toContain("2992/KH-UBND");
  });

  it("is byte-identical when built twice", async () => {
    const again = await buildInTemp(DATA_ROOT, "2021", ["docx"]);
    expect(Buffer.compare(fs.readFileSync(again.file("docx")!), fs.readFileSync(docxFile))).toBe(0);
  });
});
