/** A golden file per output format of `danvan check` (UPDATE=1 rewrites them). */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const cases: Array<[string, string]> = [
  ["text", "txt"],
  ["json", "json"],
  ["github", "txt"],
  ["sarif", "sarif"],
];

describe("check output formats", () => {
  for (const [format, ext] of cases) {
    it(format, async () => {
      const r = await runCli("check", "--data", "tests/fixtures/check/unknown-key", "--format", format);
      expect(r.code).toBe(1);
      const golden = `tests/golden/check/unknown-key.${format}.${ext}`;
      if (process.env.UPDATE) {
        fs.mkdirSync("tests/golden/check", { recursive: true });
        fs.writeFileSync(golden, `${r.stdout}\n`);
      }
      expect(`${r.stdout}\n`).toBe(fs.readFileSync(golden, "utf8"));
    });
  }

  it("json and sarif parse, with the documented shape", async () => {
    const json = JSON.parse((await runCli("check", "--data", "tests/fixtures/check/stated-rate", "--format", "json")).stdout);
    expect(json.version).toBe(2);
    expect(json.summary).toEqual({ years: ["2021"], errors: 0, warnings: 1, blanks: 0 });
    expect(Object.keys(json.diagnostics[0]).sort()).toEqual(["code", "col", "file", "line", "message", "severity"]);
    const sarif = JSON.parse((await runCli("check", "--data", "tests/fixtures/check/stated-rate", "--format", "sarif")).stdout);
    expect(sarif.version).toBe("2.1.0");
    const pkg = JSON.parse(fs.readFileSync("package.json", "utf8")) as { version: string; homepage?: string };
    expect(sarif.runs[0].tool.driver.version).toBe(pkg.version);
    // An information URI only when the package names its own address; never a placeholder.
    expect(sarif.runs[0].tool.driver.informationUri).toBe(pkg.homepage);
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: "DV342", level: "warning" });
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.region).toEqual({ startLine: 30, startColumn: 13 });
  });

  it("github ends with a notice carrying the total", async () => {
    const r = await runCli("check", "--data", "tests/fixtures/check/damaged-text", "--format", "github");
    const lines = r.stdout.split("\n");
    expect(lines.filter((l) => l.startsWith("::warning file="))).toHaveLength(7);
    expect(lines[lines.length - 1]).toBe("::notice title=danvan check::Đã kiểm tra 1 năm (2021)%3A 0 lỗi, 7 cảnh báo.".replace("%3A", ":"));
  });
});
