/**
 * A figure too large for a double to hold exactly (above 2^53 − 1) was accepted and printed in the report
 * as "1,0000000000000001e+23". It is an error at the value (DV371 since main's own fix for it), and nothing
 * is built.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DATA_ROOT } from "../helpers/data.js";
import { runCli } from "../helpers/run-cli.js";

function withPart(value: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-huge-"));
  fs.cpSync(path.join(DATA_ROOT, "2021"), path.join(root, "2021"), { recursive: true });
  const file = path.join(root, "2021", "sections", "02-3-thong-tin.yaml");
  const text = fs.readFileSync(file, "utf8");
  expect(text).toContain("khieu-nai: 1611");
  fs.writeFileSync(file, text.replace("khieu-nai: 1611", `khieu-nai: ${value}`));
  return root;
}

describe("a figure beyond exact numbers", () => {
  it.each(["99999999999999999999999", "1e308"])("%s: check says DV371 at the value, exit 1", async (value) => {
    const root = withPart(value);
    const r = await runCli("check", "2021", "--data", root, "--format", "json");
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout).diagnostics.filter((d: { code: string }) => d.code === "DV371");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: expect.stringContaining("02-3-thong-tin.yaml"), line: 44 });
  });

  it("build-report writes nothing", async () => {
    const root = withPart("99999999999999999999999");
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-huge-out-"));
    const r = await runCli("build-report", "2021", "--data", root, "--out", out);
    expect(r.code).toBe(1);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it("a count just under the bound (its sum too) is still a figure", async () => {
    const r = await runCli("check", "2021", "--data", withPart("9007199254740000"), "--format", "json");
    expect(JSON.parse(r.stdout).diagnostics.filter((d: { code: string }) => d.code === "DV206" || d.code === "DV371")).toEqual([]);
  });
});
