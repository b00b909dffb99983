/** The DOCX package zipped by Node's zlib: readable by another unzipper, dated by the report, deterministic. */
import { Document, Paragraph } from "docx";
import { strFromU8, unzipSync } from "fflate";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { packageFiles } from "../../../src/write/docx/index.js";
import { tableCrc32, zipPackage } from "../../../src/write/docx/zip.js";

describe("DOCX zip", () => {
  it("gets the package's files from docx.js's compiler (if this fails, a docx.js release changed it and packing fell back to the slow path)", () => {
    const doc = new Document({ sections: [{ children: [new Paragraph("xin chào")] }] });
    const files = packageFiles(doc, [{ path: "docProps/core.xml", data: "<core/>" }]);
    expect(files).toBeInstanceOf(Map);
    expect([...files!.keys()]).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml", "word/styles.xml", "_rels/.rels"]));
    expect(files!.get("docProps/core.xml")).toBe("<core/>");
    expect(String(files!.get("word/document.xml"))).toContain("xin chào");
  });

  it("writes an archive another unzipper reads back entry for entry, dated midnight of the report's date", () => {
    const files = new Map<string, string | Uint8Array>([
      ["[Content_Types].xml", "<Types/>"],
      ["word/document.xml", "<w:document>Báo cáo số 143-BC/BDVTU</w:document>".repeat(200)],
      ["word/media/blank.bin", new Uint8Array(1000)],
    ]);
    const zip = zipPackage(files, "2021-11-25");
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual([...files.keys()]);
    expect(strFromU8(back["word/document.xml"])).toBe(files.get("word/document.xml"));
    expect(back["word/media/blank.bin"]).toEqual(new Uint8Array(1000));
    const view = Buffer.from(zip);
    const dosDate = ((2021 - 1980) << 9) | (11 << 5) | 25;
    expect(view.readUInt16LE(10)).toBe(0); // first local header: time
    expect(view.readUInt16LE(12)).toBe(dosDate);
    expect(Buffer.compare(zip, zipPackage(files, "2021-11-25"))).toBe(0);
  });

  it("sums CRC-32 the same way with or without zlib.crc32", () => {
    const data = new Uint8Array(5000).map((_, i) => (i * 7919) % 251);
    const nodeCrc = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
    if (nodeCrc) expect(tableCrc32(data)).toBe(nodeCrc(data));
    expect(tableCrc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926); // the standard check value
  });
});

describe("the Packer fallback", () => {
  it("gives the same bytes as the compiler's path, so it cannot rot unseen", async () => {
    const { checkYear, locator } = await import("../../../src/pipeline.js");
    const { renderMarkdown } = await import("../../../src/render/index.js");
    const { parseSubset } = await import("../../../src/parse/markdown-subset.js");
    const { docxDocument } = await import("../../../src/write/docx/index.js");
    const checked = checkYear("tests/fixtures/years/district", "2024");
    const tree = parseSubset(renderMarkdown(checked.report!, locator(checked.files)).markdown!)!;
    const doc = docxDocument(tree, checked.report!);
    const fast = await doc.pack();
    const fallback = await doc.pack({ viaPacker: true });
    expect(Buffer.compare(Buffer.from(fast), Buffer.from(fallback))).toBe(0);
    expect(strFromU8(unzipSync(fallback)["word/styles.xml"])).not.toContain('w:styleId="Title"');
  });
});
