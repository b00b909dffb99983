/**
 * Every diagnostic code in docs/codes.md is produced by at least one fixture: a real bad input in
 * tests/fixtures/check/<case>/ or tests/fixtures/commands/<case>/ whose expected.txt shows the code.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Codes no fixture produces yet, each with why. A code here that a fixture does produce fails the test
 * too, so the list only shrinks.
 */
const NOT_YET: Record<string, string> = {
  DV700: "needs a data file edited by another program during review --apply",
  DV390: "needs a machine without Times New Roman or a metric-compatible font (build-report --format pdf)",
  DV520: "needs an installation that ships no sample year (init)",
};

/** `DV100–DV111`, `DV351, DV352`, `DV600–DV606, DV609, DV610` → each code. */
function expand(cell: string): string[] {
  return cell.split(",").flatMap((part) => {
    const [from, to] = part.trim().split(/[–-]/).map((c) => Number(c.trim().replace(/^DV/, "")));
    return Array.from({ length: (to ?? from) - from + 1 }, (_v, i) => `DV${String(from + i).padStart(3, "0")}`);
  });
}

function documented(): string[] {
  const rows = fs.readFileSync("docs/codes.md", "utf8").split("\n").filter((l) => /^\| DV\d{3}/.test(l));
  return [...new Set(rows.flatMap((r) => expand(r.split("|")[1])))].sort();
}

function produced(): Set<string> {
  const codes = new Set<string>();
  for (const base of ["tests/fixtures/check", "tests/fixtures/commands"]) {
    for (const name of fs.readdirSync(base)) {
      const file = path.join(base, name, "expected.txt");
      if (fs.existsSync(file)) for (const m of fs.readFileSync(file, "utf8").matchAll(/\bDV\d{3}\b/g)) codes.add(m[0]);
    }
  }
  return codes;
}

describe("diagnostic codes", () => {
  it("reads the table of docs/codes.md", () => {
    expect(documented()).toEqual(expect.arrayContaining(["DV030", "DV100", "DV111", "DV352", "DV610"]));
  });

  it("are each produced by a fixture", () => {
    const seen = produced();
    expect(documented().filter((c) => !seen.has(c) && !(c in NOT_YET))).toEqual([]);
  });

  it("lists as not yet produced only codes that no fixture produces", () => {
    const seen = produced();
    expect(Object.keys(NOT_YET).filter((c) => seen.has(c))).toEqual([]);
  });
});
