/** `new` and `import` create a year: one a report's period can name, or a usage error before anything is written. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DATA_ROOT } from "../helpers/data.js";
import { runCli } from "../helpers/run-cli.js";

function dataCopy(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-range-"));
  fs.cpSync(path.join(DATA_ROOT, "2021"), path.join(root, "2021"), { recursive: true });
  return root;
}

describe("years a command creates", () => {
  it.each(["0001", "1944", "2201", "9999"])("new %s: DV003, exit 2, nothing written", async (year) => {
    const root = dataCopy();
    const r = await runCli("new", year, "--data", root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("DV003");
    expect(fs.readdirSync(root)).toEqual(["2021"]);
  });

  it("import into 0000: DV003, exit 2, before the file is even read", async () => {
    const root = dataCopy();
    const r = await runCli("import", path.join(root, "no-such.docx"), "0000", "--data", root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("DV003");
    expect(fs.readdirSync(root)).toEqual(["2021"]);
  });

  it("new 2022 still works", async () => {
    const root = dataCopy();
    expect((await runCli("new", "2022", "--data", root)).code).toBe(0);
  });
});
