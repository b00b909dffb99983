/** `danvan init`: a data folder for a fresh install, with the sample year and schema links that resolve. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { initData } from "../../src/commands/init.js";
import { runCli } from "../helpers/run-cli.js";

const SAMPLE = "tests/fixtures/years/mini";

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "danvan-init-"));
}

describe("danvan init", () => {
  it("copies the sample year with schema links that resolve from the new folder, and the year checks clean", async () => {
    const dir = path.join(tempDir(), "du-lieu");
    const result = initData(dir, SAMPLE);
    expect(result.years).toEqual(["2021"]);
    for (const file of result.written) {
      const link = /^# yaml-language-server: \$schema=(\S+)$/m.exec(fs.readFileSync(file, "utf8"))![1];
      const kind = file.endsWith("report.yaml") ? "report" : file.endsWith("documents.yaml") ? "documents" : "section";
      expect(fs.realpathSync(path.resolve(path.dirname(file), link))).toBe(fs.realpathSync(`schemas/${kind}.schema.json`));
    }
    const r = await runCli("check", "--data", dir);
    expect(r.code).toBe(0);
  });

  it("refuses to overwrite a year already there (exit 2), and leaves it as it was", async () => {
    const dir = tempDir();
    initData(dir, SAMPLE);
    const before = fs.readFileSync(path.join(dir, "2021/report.yaml"), "utf8");
    expect(() => initData(dir, SAMPLE)).toThrow(/không ghi đè/);
    expect(fs.readFileSync(path.join(dir, "2021/report.yaml"), "utf8")).toBe(before);
  });

  it("from the CLI, an empty data folder says to run init", async () => {
    const dir = tempDir();
    const r = await runCli("new", "2022", "--data", dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("danvan init");
  });
});
