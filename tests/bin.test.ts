/**
 * What a user runs is bin/danvan.cjs, which starts tsc's dist/cli.js: it must do exactly what the sources
 * do (the tests run src/ in-process). What `check` loads is held by tests/imports.test.ts.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildInTemp } from "./helpers/build.js";
import { DATA_ROOT } from "./helpers/data.js";
import { runCli } from "./helpers/run-cli.js";

const env = { ...process.env, NO_COLOR: "1" };

function danvan(...args: string[]) {
  return spawnSync(process.execPath, ["bin/danvan.cjs", ...args], { env, encoding: "utf8" });
}

describe("bin/danvan.cjs", () => {
  it.each([
    ["data/2021", "the 2021 report", DATA_ROOT],
    ["tests/fixtures/years/inject", "text only remark can read and write", "tests/fixtures/years/inject"],
  ])("builds the same bytes as the sources from %s (%s)", async (_name, _what, dataRoot) => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-bin-"));
    const run = danvan("build-report", "2021", "--data", dataRoot, "--out", out);
    expect(run.status, run.stderr).toBe(0);
    const { file } = await buildInTemp(dataRoot, "2021");
    for (const ext of ["docx", "md"]) {
      expect(fs.readFileSync(path.join(out, path.basename(file(ext)!))).equals(fs.readFileSync(file(ext)!)), ext).toBe(true);
    }
  });

  it("checks as the sources check: same report, same exit code", async () => {
    const run = danvan("check", "2021", "--data", DATA_ROOT);
    const direct = await runCli("check", "2021");
    expect(run.status).toBe(direct.code);
    expect(run.stdout.trim()).toBe(direct.stdout.trim());
    expect(run.stderr.trim()).toBe(direct.stderr.trim());
  });
});
