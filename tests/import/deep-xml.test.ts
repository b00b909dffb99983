/**
 * A part nested far deeper than MAX_DEPTH is refused as soon as the limit is passed. The parser used to read
 * on to the end after noting the failure, and saxes resolves namespaces through every open tag, so 60,000
 * nested table cells took close to a minute (`danvan import deep.docx`) before DV603.
 */
import { describe, expect, it } from "vitest";
import { MAX_DEPTH, parseXml, XmlError } from "../../src/import/xml.js";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

describe("parseXml: nesting far past MAX_DEPTH", () => {
  it("is refused in bounded time", () => {
    const depth = 30_000;
    const xml = `<w:document ${W}><w:body>${"<w:tbl><w:tr><w:tc>".repeat(depth / 3)}<w:p/>${"</w:tc></w:tr></w:tbl>".repeat(depth / 3)}</w:body></w:document>`;
    const started = performance.now();
    expect(() => parseXml(xml)).toThrow(XmlError);
    expect(() => parseXml(xml)).toThrow(`${MAX_DEPTH}`);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("a document just inside the limit still parses", () => {
    const n = MAX_DEPTH - 2;
    const xml = `<w:document ${W}>${"<w:x>".repeat(n)}${"</w:x>".repeat(n)}</w:document>`;
    expect(parseXml(xml).name).toBe("w:document");
  });
});
