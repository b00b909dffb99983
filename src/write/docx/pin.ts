/**
 * docx.js stamps the archive with the time of packing (core properties and zip entry times).
 * We rewrite both from the report's own date and re-zip in a fixed order, so a build is byte-identical
 * on every run and machine. fflate is already what docx.js zips with.
 */
import { unzipSync, zipSync, strToU8, strFromU8, type Zippable } from "fflate";

export function pinVolatileParts(archive: Uint8Array, isoDate: string): Uint8Array {
  const files = unzipSync(archive);
  const stamp = `${isoDate}T00:00:00Z`;
  const core = files["docProps/core.xml"];
  if (core) {
    files["docProps/core.xml"] = strToU8(
      strFromU8(core).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`),
    );
  }
  const mtime = new Date(`${isoDate}T00:00:00`);
  const ordered: Zippable = {};
  // [Content_Types].xml first, as Word writes it; the rest by name.
  const names = Object.keys(files).sort((a, b) => (a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : a.localeCompare(b)));
  for (const name of names) ordered[name] = [files[name], { mtime, level: 6 }];
  return zipSync(ordered);
}
