/** The PDF's font check and the pinning of what LibreOffice stamps with the build time. */
import { describe, expect, it } from "vitest";
import { FONT_PACKAGE, fontProblem, pinPdf } from "../../src/write/pdf.js";

function fakePdf(time: string, id: string, checksum: string): Buffer {
  return Buffer.from(
    `%PDF-1.7\n1 0 obj<</Producer(x)\n/CreationDate(D:${time}Z')>>\nendobj\nxref\ntrailer\n<</Size 2\n/ID [ <${id}>\n<${id}> ]\n/DocChecksum /${checksum}\n>>\nstartxref\n9\n%%EOF\n`,
    "latin1",
  );
}

describe("pinPdf", () => {
  it("gives the same bytes for two conversions at different times, at the same length", () => {
    const a = fakePdf("20261126144456", "75E528CF3330E89E49A298438488D516", "509770D38263129757FB2B3D550AB870");
    const b = fakePdf("20261126150102", "0123456789ABCDEF0123456789ABCDEF", "FEDCBA9876543210FEDCBA9876543210");
    const pa = pinPdf(a, "2021-11-25");
    expect(pa.equals(pinPdf(b, "2021-11-25"))).toBe(true);
    expect(pa.length).toBe(a.length);
    expect(pa.toString("latin1")).toContain("/CreationDate(D:20211125000000Z')");
  });

  it("leaves a PDF without those fields as it is", () => {
    const plain = Buffer.from("%PDF-1.7\n%%EOF\n", "latin1");
    expect(pinPdf(plain, "2021-11-25").equals(plain)).toBe(true);
  });
});

describe("fontProblem", () => {
  it("names the package when neither the family nor a metric-compatible one has the Vietnamese letters", async () => {
    const problem = await fontProblem("Phông Không Có Thật");
    // Without fontconfig (not Linux) nothing is known and nothing is said.
    if (problem !== undefined) expect(problem).toContain(FONT_PACKAGE);
  });
});
