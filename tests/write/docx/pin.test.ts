/**
 * The DOCX as Packer zips it has every entry dated the moment of packing; pin.ts zips it again dated by the
 * report. The same data gives the same bytes on every run, in every time zone, and styles.xml keeps only
 * the styles the document uses.
 */
import { Document, FootnoteReferenceRun, Packer, Paragraph, TextRun } from "docx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { entryDate, pinnedPackage } from "../../../src/write/docx/pin.js";
import { pruneStyles } from "../../../src/write/docx/styles.js";
import { buildInTemp } from "../../helpers/build.js";
import { prng } from "../../helpers/prng.js";

const FIXTURE = "tests/fixtures/years/mini";
/** report.yaml's date in that fixture. */
const REPORT_DATE = "2021-02-05";

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

async function buildDocx(): Promise<Uint8Array> {
  const { file, out } = await buildInTemp(FIXTURE, "2021", ["docx"]);
  try {
    return new Uint8Array(fs.readFileSync(file("docx")!));
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** Each entry's [time, date] from the central directory and from its local header. */
function entryStamps(zip: Uint8Array): Array<[string, number, number, number, number]> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const stamps: Array<[string, number, number, number, number]> = [];
  let at = view.getUint32(eocd + 16, true);
  for (let n = view.getUint16(eocd + 10, true); n > 0; n--) {
    const nameLength = view.getUint16(at + 28, true);
    const name = strFromU8(zip.subarray(at + 46, at + 46 + nameLength));
    const local = view.getUint32(at + 42, true);
    stamps.push([name, view.getUint16(at + 12, true), view.getUint16(at + 14, true), view.getUint16(local + 10, true), view.getUint16(local + 12, true)]);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return stamps;
}

describe("the DOCX package", () => {
  it("is dated midnight of the report's date in every entry, the same bytes on every run and in every time zone", async () => {
    process.env.TZ = "Asia/Ho_Chi_Minh";
    const first = await buildDocx();
    process.env.TZ = "America/Los_Angeles";
    const second = await buildDocx();
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);

    const [year, month, day] = REPORT_DATE.split("-").map(Number);
    const dosDate = ((year - 1980) << 9) | (month << 5) | day;
    const stamps = entryStamps(first);
    expect(stamps.map(([name]) => name)).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml", "word/styles.xml", "docProps/core.xml"]));
    for (const [name, ...stamp] of stamps) expect(stamp, name).toEqual([0, dosDate, 0, dosDate]);

    const parts = unzipSync(first);
    expect(strFromU8(parts["docProps/core.xml"])).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${REPORT_DATE}T00:00:00Z</dcterms:created>`);
    // docx.js's default styles the document never uses are pruned.
    expect(strFromU8(parts["word/styles.xml"])).not.toContain('w:styleId="Title"');
    expect(strFromU8(parts["word/document.xml"])).toContain("BÁO CÁO");
  });
});

/** What pin.ts does, by fflate alone: every entry inflated, styles.xml pruned, everything deflated again. */
function refipped(packed: Uint8Array, isoDate: string): Uint8Array {
  const files = unzipSync(packed);
  const parts = Object.entries(files)
    .filter(([name]) => name !== "word/styles.xml" && name.endsWith(".xml"))
    .map(([, data]) => strFromU8(data));
  files["word/styles.xml"] = strToU8(pruneStyles(strFromU8(files["word/styles.xml"]), parts));
  return zipSync(files, { mtime: entryDate(isoDate) });
}

describe("pinning Packer's archive", () => {
  it("gives the bytes fflate's own unzip and zip give, for documents of any content and any report date", async () => {
    const random = prng(20211125);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    const words = ["Ban Dân vận", "tỉnh ủy", "đoàn thể", "<&>\"'", "𝔸", "\u00a0", "dân chủ", "1.234", "  "];
    const styles = [undefined, "Title", "Heading1", "Heading2", "Quote", "ListParagraph"];
    const dates = ["2021-11-25", "1975-04-30", "2150-01-01", "2000-02-29", "1980-01-01"];
    for (let i = 0; i < 12; i++) {
      const notes: Record<number, { children: Paragraph[] }> = {};
      const paragraphs = Array.from({ length: 1 + Math.floor(random() * 60) }, (_p, k) => {
        const runs: Array<TextRun | FootnoteReferenceRun> = Array.from({ length: 1 + Math.floor(random() * 5) }, () => new TextRun({ text: pick(words), bold: random() < 0.3, italics: random() < 0.2 }));
        if (random() < 0.2) {
          notes[k + 1] = { children: [new Paragraph(pick(words))] };
          runs.push(new FootnoteReferenceRun(k + 1));
        }
        return new Paragraph({ style: pick(styles), children: runs });
      });
      const doc = new Document({ footnotes: notes, sections: [{ children: paragraphs }] });
      const packed = new Uint8Array(await Packer.toBuffer(doc));
      const date = pick(dates);
      expect(Buffer.from(pinnedPackage(packed, date)).equals(Buffer.from(refipped(packed, date))), `document ${i}, ${date}`).toBe(true);
    }
  });

  it("gives those bytes for every fixture year's report", async () => {
    for (const year of ["mini", "district", "state", "collected"]) {
      const dir = `tests/fixtures/years/${year}`;
      const yearName = fs.readdirSync(dir).find((n) => /^\d{4}$/.test(n))!;
      const { file, out } = await buildInTemp(dir, yearName, ["docx"]);
      try {
        // A built DOCX is an archive as fflate writes one, as Packer's is; pinning it again to another date is
        // pin.ts's whole path, styles.xml included.
        const built = new Uint8Array(fs.readFileSync(file("docx")!));
        expect(Buffer.from(pinnedPackage(built, "2030-06-15")).equals(Buffer.from(refipped(built, "2030-06-15"))), year).toBe(true);
      } finally {
        fs.rmSync(out, { recursive: true, force: true });
      }
    }
  });
});
