/**
 * docx.js stamps the package with the time of packing: in the core properties and in every zip entry.
 * The core properties are supplied whole (as an override, dated by the report); the archive Packer wrote is
 * read back and zipped again with every entry dated midnight of the report's date, so the same data gives
 * the same bytes. styles.xml is pruned to the styles the other parts use on the way.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
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

/** `packed` (Packer's archive) again, its entries dated `isoDate` and its styles pruned. */
export function pinnedPackage(packed: Uint8Array, isoDate: string): Uint8Array {
  const files = unzipSync(packed);
  const styles = files["word/styles.xml"];
  if (styles) {
    const parts = Object.entries(files)
      .filter(([name]) => name !== "word/styles.xml" && name.endsWith(".xml"))
      .map(([, data]) => strFromU8(data));
    files["word/styles.xml"] = strToU8(pruneStyles(strFromU8(styles), parts));
  }
  return zipSync(files, { mtime: entryDate(isoDate) });
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
