/**
 * The refusals import has left (issue 20): what is no DOCX, a folder, an encrypted or old .doc file, a
 * damaged package or XML, a zip bomb, a report without its header or its last page, a year that exists, a
 * data folder that cannot be written. Each is exit 2 with its code and a Vietnamese sentence saying what
 * to do ("hãy …"), the one a clerk reads; the command fixtures (tests/fixtures/commands/import-*) hold them.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = "tests/fixtures/commands";
const REFUSED: Record<string, string> = {
  "import-a-folder": "DV600",
  "import-not-a-docx": "DV601",
  "import-old-doc": "DV602",
  "import-truncated": "DV603",
  "import-zip-bomb": "DV604",
  "import-no-header": "DV605",
  "import-year-exists": "DV606",
  "import-no-signature": "DV609",
  "import-data-under-a-file": "DV610",
};

describe("the refusals of import", () => {
  for (const [name, code] of Object.entries(REFUSED)) {
    it(`${name}: exit 2, ${code}, and what to do`, () => {
      const out = fs.readFileSync(path.join(ROOT, name, "expected.txt"), "utf8");
      expect(out.trimEnd().endsWith("exit 2")).toBe(true);
      const line = out.split("\n").find((l) => l.startsWith(`danvan: ${code}: `));
      expect(line, out).toBeDefined();
      expect(line).toMatch(/[hH]ãy /);
    });
  }

  it("are every import fixture that exits 2", () => {
    const refused = fs
      .readdirSync(ROOT)
      .filter((n) => n.startsWith("import-") && fs.readFileSync(path.join(ROOT, n, "expected.txt"), "utf8").trimEnd().endsWith("exit 2"))
      .sort();
    expect(refused).toEqual(Object.keys(REFUSED).sort());
  });
});
