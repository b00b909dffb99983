/**
 * Bad input to `danvan import`: not a DOCX, encrypted, corrupt, a zip bomb, no recognisable header, an
 * existing year. Each ends with exit 2, a Vietnamese message with its code, and nothing written.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { unpack } from "../../src/import/package.js";
import { runCli } from "../helpers/run-cli.js";

const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const documentXml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;

function docx(parts: Record<string, string | Uint8Array>, level = 6): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, typeof v === "string" ? strToU8(v) : v])), { level: level as 6 });
}

/** One deflated entry with whatever uncompressed size it declares: a forged archive fflate would not write. */
function rawZip(name: string, deflated: Uint8Array, declared: number): Uint8Array {
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(n.length, 28);
  const cdOffset = 30 + n.length + deflated.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, n, deflated, central, n, end]);
}

async function refused(bytes: Uint8Array | string, code: string) {
  const dir = tmp("danvan-import-bad-");
  const file = path.join(dir, "in.docx");
  fs.writeFileSync(file, bytes);
  const data = path.join(dir, "data");
  fs.mkdirSync(data);
  const r = await runCli("import", file, "2021", "--data", data);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`danvan: ${code}: `);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(fs.readdirSync(data)).toEqual([]);
  return r;
}

describe("import refuses bad input with exit 2 and writes nothing", () => {
  it("a file that is no zip", async () => {
    const r = await refused("Báo cáo, chỉ là văn bản thường\n", "DV601");
    expect(r.stderr).toContain("không phải tệp DOCX");
  });

  it("an encrypted DOCX (an OLE compound file)", async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const r = await refused(ole, "DV602");
    expect(r.stderr).toContain("mật khẩu");
  });

  it("a truncated archive", async () => {
    const whole = docx({ "word/document.xml": documentXml(para("x".repeat(5000))) }, 0);
    await refused(whole.subarray(0, 200), "DV603");
  });

  it("malformed XML", async () => {
    await refused(docx({ "word/document.xml": `<w:document ${W}><w:body><w:p></w:body>` }), "DV603");
  });

  it("a package without word/document.xml", async () => {
    await refused(docx({ "[Content_Types].xml": "<Types/>" }), "DV603");
  });

  it("a zip bomb: a part that inflates past the limit", async () => {
    const huge = deflateRawSync(Buffer.alloc(65 * 1024 * 1024, 0x20), { level: 1 });
    const r = await refused(rawZip("word/document.xml", huge, 65 * 1024 * 1024), "DV604");
    expect(r.stderr).toContain("zip bomb");
  });

  it("a zip bomb that declares a small size", async () => {
    const huge = deflateRawSync(Buffer.alloc(65 * 1024 * 1024, 0x20), { level: 1 });
    await refused(rawZip("word/document.xml", huge, 1000), "DV604");
  });

  it("a DOCX with no recognisable header", async () => {
    const r = await refused(docx({ "word/document.xml": documentXml(para("Một đoạn văn không có số, ngày hay tên loại.")) }), "DV605");
    expect(r.stderr).toContain("không nhận ra phần đầu văn bản");
  });

  it("an existing year, which stays as it was", async () => {
    const dir = tmp("danvan-import-exists-");
    fs.mkdirSync(path.join(dir, "data/2021"), { recursive: true });
    fs.writeFileSync(path.join(dir, "data/2021/report.yaml"), "mine\n");
    const r = await runCli("import", "whatever.docx", "2021", "--data", path.join(dir, "data"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("DV606");
    expect(fs.readFileSync(path.join(dir, "data/2021/report.yaml"), "utf8")).toBe("mine\n");
  });

  it("a data folder that cannot be written (a file stands in its place)", async () => {
    const dir = tmp("danvan-import-ro-");
    fs.writeFileSync(path.join(dir, "data"), "not a folder");
    const r = await runCli("import", "tests/import/fixtures/libreoffice/143-BC-BDVTU-2021.docx", "2021", "--data", path.join(dir, "data"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("DV610");
    expect(fs.readFileSync(path.join(dir, "data"), "utf8")).toBe("not a folder");
  });

  it("a missing file", async () => {
    const r = await runCli("import", path.join(tmp("danvan-import-none-"), "none.docx"), "2021", "--data", tmp("danvan-import-data-"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("DV600");
  });
});

describe("the package reader's bounds", () => {
  const limits = { fileBytes: 1 << 20, entries: 3, partBytes: 1000, totalBytes: 1500 };

  it("counts entries", () => {
    const bytes = docx({ a: "1", b: "2", c: "3", d: "4", "word/document.xml": "<x/>" });
    expect(() => unpack("f.docx", bytes, limits)).toThrow(/hơn 3 mục/);
  });

  it("believes no declared size: inflated bytes are counted", () => {
    const bytes = docx({ "word/document.xml": "a".repeat(900) });
    // Forge the declared uncompressed size (local header offset 22, central directory +24) down to 10 bytes.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    view.setUint32(22, 10, true);
    let cd = bytes.length - 22;
    cd = view.getUint32(cd + 16, true);
    view.setUint32(cd + 24, 10, true);
    expect(() => unpack("f.docx", bytes, limits)).toThrow(/nhiều hơn kích thước khai báo/);
  });

  it("bounds the total of all parts read", () => {
    const bytes = docx({ "word/document.xml": "a".repeat(900), "word/styles.xml": "b".repeat(900) });
    expect(() => unpack("f.docx", bytes, limits)).toThrow(/tổng dung lượng/);
  });
});
