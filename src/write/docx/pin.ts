/**
 * docx.js stamps the package with the time of packing: in the core properties and in every zip entry.
 * The core properties are supplied whole (as an override, dated by the report); every entry of the archive
 * Packer wrote is dated midnight of the report's date, so the same data gives the same bytes. styles.xml is
 * pruned to the styles the other parts use on the way.
 */
import { inflateSync, strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { Identity } from "../../model/index.js";
import { pruneStyles } from "./styles.js";

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function coreProperties(identity: Identity): { path: string; data: string } {
  const stamp = `${identity.date}T00:00:00Z`;
  const data =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xml(`${identity.type} số ${identity.number}`)}</dc:title>` +
    `<dc:creator>${xml(identity.issuer.fullName)}</dc:creator>` +
    `<dc:description>${xml(identity.title.join(" "))}</dc:description>` +
    `<cp:lastModifiedBy>${xml(identity.issuer.fullName)}</cp:lastModifiedBy>` +
    "<cp:revision>1</cp:revision>" +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    "</cp:coreProperties>";
  return { path: "docProps/core.xml", data };
}

/**
 * `packed` (Packer's archive) again, its entries dated `isoDate` and its styles pruned. Only styles.xml
 * changes content, so it alone is deflated again: every other entry keeps the bytes Packer compressed it
 * to (fflate's DEFLATE, as fflate would compress it again) with its two date fields set, and styles.xml is
 * the entry fflate's zipSync writes for it. Compressing the whole package a second time was most of the
 * cost of pinning it. tests/write/docx/pin.test.ts holds the result byte-equal to fflate's own re-zip
 * (unzipSync then zipSync) on every fixture year and profile.
 */
export function pinnedPackage(packed: Uint8Array, isoDate: string): Uint8Array {
  // Packer gives a Node Buffer, whose slice() is a view: read it as a plain Uint8Array, whose slice() copies.
  packed = new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength);
  const entries = zipEntries(packed);
  const styles = entries.find((e) => e.name === STYLES);
  if (!styles) return zipSync(unzipSync(packed), { mtime: entryDate(isoDate) });
  const parts = entries.filter((e) => e !== styles && e.name.endsWith(".xml")).map((e) => strFromU8(inflateSync(e.data)));
  const pruned = strToU8(pruneStyles(strFromU8(inflateSync(styles.data)), parts));
  const [restyled] = zipEntries(zipSync({ [STYLES]: pruned }, { mtime: entryDate(isoDate) }));
  const stamp = restyled.local.subarray(10, 14);
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const { local, central } = e === styles ? restyled : e;
    const l = local.slice();
    const c = central.slice();
    l.set(stamp, 10);
    c.set(stamp, 12);
    new DataView(c.buffer).setUint32(42, offset, true);
    locals.push(l);
    centrals.push(c);
    offset += l.length;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = packed.slice(packed.length - END_SIZE);
  const view = new DataView(end.buffer);
  view.setUint32(12, centralSize, true);
  view.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + END_SIZE);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const STYLES = "word/styles.xml";
/** The end-of-central-directory record fflate writes: no comment. */
const END_SIZE = 22;

interface ZipEntry {
  name: string;
  /** Local header, name and compressed data, as in the archive. */
  local: Uint8Array;
  /** The entry's central directory record. */
  central: Uint8Array;
  /** The compressed data (DEFLATE). */
  data: Uint8Array;
}

/**
 * The entries of an archive fflate's zipSync wrote (as docx.js's Packer does): one disk, no comment, sizes in
 * the local headers, every entry deflated. Anything else is refused, not misread.
 */
function zipEntries(zip: Uint8Array): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - END_SIZE;
  if (eocd < 0 || view.getUint32(eocd, true) !== 0x06054b50) throw new Error("docx.js's package has no end record where fflate writes it");
  const entries: ZipEntry[] = [];
  let at = view.getUint32(eocd + 16, true);
  for (let n = view.getUint16(eocd + 10, true); n > 0; n--) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error("docx.js's package: a damaged central directory");
    const centralEnd = at + 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const start = view.getUint32(at + 42, true);
    const nameLength = view.getUint16(start + 26, true);
    const dataStart = start + 30 + nameLength + view.getUint16(start + 28, true);
    const dataEnd = dataStart + view.getUint32(start + 18, true);
    if (view.getUint32(start, true) !== 0x04034b50 || view.getUint16(start + 8, true) !== 8 || view.getUint16(start + 6, true) & 8) {
      throw new Error("docx.js's package: an entry not written as fflate writes one");
    }
    entries.push({
      name: strFromU8(zip.subarray(start + 30, start + 30 + nameLength)),
      local: zip.subarray(start, dataEnd),
      central: zip.subarray(at, centralEnd),
      data: zip.subarray(dataStart, dataEnd),
    });
    at = centralEnd;
  }
  return entries;
}

/**
 * The date of every entry. A zip entry's date has no time zone: fflate writes the local date and time of
 * this Date; and it holds 1980 to 2099 only, so a report dated outside them (a valid 1975 or 2150) is stamped
 * with the nearest end instead of failing the build.
 */
export function entryDate(isoDate: string): Date {
  const [year, month, day] = isoDate.split("-").map(Number);
  if (!(year >= 1980)) return new Date(1980, 0, 1);
  if (year > 2099) return new Date(2099, 11, 31);
  return new Date(year, month - 1, day);
}
