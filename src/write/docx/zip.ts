/**
 * The DOCX package as a zip archive, deflated by Node's own zlib. docx.js zips with fflate, in JavaScript:
 * on a cold start that was the slowest step of a build (about 40 ms for 2021, seconds at 100× its size).
 * Every entry is dated midnight of the report's date, so the same data gives the same bytes.
 */
import zlib from "node:zlib";

/** zlib.crc32 arrived in Node 20.15; older Node 20 releases get the same sums from a table. */
const crc32: (data: Uint8Array) => number = (zlib as { crc32?: (data: Uint8Array) => number }).crc32 ?? tableCrc32;

export function zipPackage(files: ReadonlyMap<string, string | Uint8Array>, isoDate: string): Uint8Array {
  const dosDate = dosDateOf(isoDate);
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of files) {
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const packed = zlib.deflateRawSync(data);
    const nameBytes = Buffer.from(name, "utf8");
    const sum = crc32(data);
    const local = Buffer.alloc(30 + nameBytes.length);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, dosDate, sum, packed.length, data.length, nameBytes.length);
    nameBytes.copy(local, 30);
    const entry = Buffer.alloc(46 + nameBytes.length);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: version 2.0
    writeEntryFields(entry, 6, dosDate, sum, packed.length, data.length, nameBytes.length);
    entry.writeUInt32LE(offset, 42);
    nameBytes.copy(entry, 46);
    locals.push(local, packed);
    central.push(entry);
    offset += local.length + packed.length;
  }
  const directorySize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

/** A zip entry's date holds 1980-01-01 to 2107-12-31; a report dated outside them is stamped with the nearest. */
export function dosDateOf(isoDate: string): number {
  const [year, month, day] = isoDate.split("-").map(Number);
  if (!(year >= 1980)) return (0 << 9) | (1 << 5) | 1;
  if (year > 2107) return (127 << 9) | (12 << 5) | 31;
  return ((year - 1980) << 9) | (month << 5) | day;
}

/** The fields local and central headers share, from "version needed" to the name's length. */
function writeEntryFields(b: Buffer, at: number, dosDate: number, sum: number, packed: number, size: number, nameLength: number): void {
  b.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
  b.writeUInt16LE(0x0800, at + 2); // flags: names are UTF-8
  b.writeUInt16LE(8, at + 4); // method: deflate
  b.writeUInt16LE(0, at + 6); // time: midnight
  b.writeUInt16LE(dosDate, at + 8);
  b.writeUInt32LE(sum >>> 0, at + 10);
  b.writeUInt32LE(packed, at + 14);
  b.writeUInt32LE(size, at + 18);
  b.writeUInt16LE(nameLength, at + 22);
}

let table: Uint32Array | undefined;
export function tableCrc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
