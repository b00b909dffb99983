/**
 * docx.js stamps the package with the time of packing: in the core properties and in every zip entry.
 * The core properties are supplied whole (as an override, dated by the report); the zip entries' DOS
 * timestamps are rewritten in place (only when packing falls back to Packer: zip.ts dates its own entries).
 * Nothing is recompressed, and the same data gives the same bytes.
 */
import type { Identity } from "../../model/index.js";

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

/** Sets every entry's modification time in a zip archive to midnight of `isoDate`. */
export function pinZipTimes(zip: Uint8Array, isoDate: string): Uint8Array {
  const [year, month, day] = isoDate.split("-").map(Number);
  const dosDate = ((year - 1980) << 9) | (month << 5) | day;
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip archive: no end of central directory");
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error("corrupt zip central directory");
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, dosDate, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error("corrupt zip local header");
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, dosDate, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}
