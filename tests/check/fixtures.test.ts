/**
 * One folder per rule under tests/fixtures/check/<case>/: a year of bad data and, beside it, expected.txt
 * with the diagnostics `danvan check` prints and its exit code. UPDATE=1 rewrites expected.txt.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const root = "tests/fixtures/check";
const cases = fs.readdirSync(root).filter((n) => fs.statSync(path.join(root, n)).isDirectory()).sort();

describe("check fixtures", () => {
  it("has a fixture per rule", () => expect(cases.length).toBeGreaterThanOrEqual(15));
  for (const name of cases) {
    it(name, async () => {
      const dir = path.join(root, name);
      const { code, stdout, stderr } = await runCli("check", "--data", dir);
      const actual = `${stderr}\n${stdout}\nexit ${code}\n`;
      const expectedFile = path.join(dir, "expected.txt");
      if (process.env.UPDATE) fs.writeFileSync(expectedFile, actual);
      expect(actual).toBe(fs.readFileSync(expectedFile, "utf8"));
      expect(code).not.toBe(70);
    });
  }
});

describe("the valid fixture year", () => {
  it("passes check with no diagnostics", async () => {
    const { code, stderr } = await runCli("check", "--data", "tests/fixtures/years/mini");
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});
