/**
 * The DOCX as Packer zips it has every entry dated the moment of packing; pin.ts zips it again dated by the
 * report. The same data gives the same bytes on every run, in every time zone, and styles.xml keeps only
 * the styles the document uses.
 */
import { strFromU8, unzipSync } from "fflate";
import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { buildInTemp } from "../../helpers/build.js";

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
