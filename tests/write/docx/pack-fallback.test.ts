/**
 * The slow path of packing: when docx.js's compiler is not what packageFiles() expects (a release changed
 * it), the DOCX is zipped by docx.js's own Packer.toBuffer and its entries' dates are pinned afterwards.
 * No build takes that path while docx is pinned, so it is run here, on a compiler made to answer in
 * another shape: the same document, the same bytes every time, dated by the report.
 */
import { Document, Packer, Paragraph } from "docx";
import { strFromU8, unzipSync } from "fflate";
import fs from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { packageFiles } from "../../../src/write/docx/index.js";
import { buildInTemp } from "../../helpers/build.js";

const FIXTURE = "tests/fixtures/years/mini";
/** report.yaml's date in that fixture. */
const REPORT_DATE = "2021-02-05";

type Compiler = { compile: (...args: unknown[]) => unknown };
const compiler = (Packer as unknown as { compiler: Compiler }).compiler;
const compile = compiler.compile;

/** The compiler as a future release might have it: the same files, as an array of entries instead of a Map. */
function changeCompilerShape(): void {
  compiler.compile = function (this: unknown, ...args: unknown[]) {
    return [...(compile.apply(this, args) as Map<string, unknown>)];
  };
}

afterEach(() => {
  compiler.compile = compile;
  vi.restoreAllMocks();
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

describe("DOCX packing without docx.js's compiler (Packer.toBuffer)", () => {
  it("is the path taken when the compiler's answer is not a Map of files", () => {
    changeCompilerShape();
    const doc = new Document({ sections: [{ children: [new Paragraph("xin chào")] }] });
    expect(packageFiles(doc, [])).toBeUndefined();
  });

  it("gives the document the fast path gives, part for part, the same bytes on every run, dated by the report", async () => {
    const fast = unzipSync(await buildDocx());

    changeCompilerShape();
    const toBuffer = vi.spyOn(Packer, "toBuffer");
    const slow = await buildDocx();
    expect(toBuffer).toHaveBeenCalledTimes(1);

    const parts = unzipSync(slow);
    expect(Object.keys(parts).sort()).toEqual(Object.keys(fast).sort());
    for (const [name, bytes] of Object.entries(fast)) expect(strFromU8(parts[name]), name).toBe(strFromU8(bytes));
    expect(strFromU8(parts["word/document.xml"])).toContain("BÁO CÁO");

    const [year, month, day] = REPORT_DATE.split("-").map(Number);
    const dosDate = ((year - 1980) << 9) | (month << 5) | day;
    const stamps = entryStamps(slow);
    expect(stamps.map(([name]) => name).sort()).toEqual(Object.keys(fast).sort());
    for (const [name, ...stamp] of stamps) expect(stamp, name).toEqual([0, dosDate, 0, dosDate]);

    expect(Buffer.compare(Buffer.from(slow), Buffer.from(await buildDocx()))).toBe(0);
  });
});
