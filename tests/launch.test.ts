/**
 * What a user runs is dist/bundle/, loaded by src/launch.cts with V8's code cache: it must do exactly what
 * the sources do, keep docx.js out of `check`, and use the cache made at build time (by `npm ci`'s prepare).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { buildInTemp } from "./helpers/build.js";
import { DATA_ROOT } from "./helpers/data.js";
import { runCli } from "./helpers/run-cli.js";

// The launcher as shipped (vitest does not compile .cts sources).
const { cacheFileData, readCache } = createRequire(import.meta.url)("../dist/launch.cjs") as typeof import("../src/launch.cjs");

const env = { ...process.env, DANVAN_CACHE: "0", NO_COLOR: "1" };

function danvan(...args: string[]) {
  return spawnSync(process.execPath, ["bin/danvan.cjs", ...args], { env, encoding: "utf8" });
}

describe("the shipped bundle", () => {
  it.each([
    ["data/2021", "the 2021 report", DATA_ROOT],
    ["tests/fixtures/years/inject", "text only remark can read and write (remark's own bundle)", "tests/fixtures/years/inject"],
  ])("builds the same bytes as the sources from %s (%s)", async (_name, _what, dataRoot) => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-bundle-"));
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

  it("keeps docx.js and remark in bundles of their own, out of what check loads", () => {
    const main = fs.readFileSync("dist/bundle/main.cjs", "utf8");
    expect(fs.readFileSync("dist/bundle/docx.cjs", "utf8")).toContain("var Packer = class");
    expect(fs.readFileSync("dist/bundle/remark.cjs", "utf8")).toContain("function remarkParse(");
    expect(main).not.toContain("var Packer = class");
    expect(main).not.toContain("function remarkParse(");
    expect(main).toContain('require("./docx.cjs")');
    expect(main).toContain('require("./remark.cjs")');
  });

  it("runs from the code cache made at build time", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-bundle-"));
    const script = `
      const launch = require("./dist/launch.cjs");
      launch.loadCli().then(async (cli) => {
        await cli.main(["node", "danvan", "build-report", "2021", "--out", ${JSON.stringify(out)}], { out() {}, err() {} });
        process.stdout.write(JSON.stringify(launch.cacheStatus()));
      });`;
    const run = spawnSync(process.execPath, ["-e", script], { env, encoding: "utf8" });
    expect(JSON.parse(run.stdout)).toEqual([
      { bundle: "main.cjs", cached: true },
      { bundle: "./docx.cjs", cached: true },
    ]);
  });

  it("matches a cache to its bundle by content: a bundle changed at the same size and time is run without it", () => {
    // A copy of the install, so the bundle can be changed; the lazy packages come from this node_modules.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-install-"));
    for (const dir of ["bin", "dist", "schemas", "templates"]) fs.cpSync(dir, path.join(root, dir), { recursive: true });
    fs.copyFileSync("package.json", path.join(root, "package.json"));
    fs.symlinkSync(path.resolve("node_modules"), path.join(root, "node_modules"));
    const main = path.join(root, "dist/bundle/main.cjs");
    const script = `
      const launch = require(${JSON.stringify(path.join(root, "dist/launch.cjs"))});
      launch.loadCli().then(async (cli) => {
        await cli.main(["node", "danvan", "check", "2021", "--data", "tests/fixtures/years/mini"], { out() {}, err() {} });
        const status = launch.cacheStatus();
        launch.saveCodeCaches();
        process.stdout.write(JSON.stringify(status));
      });`;
    const cached = () => {
      const run = spawnSync(process.execPath, ["-e", script], { env, encoding: "utf8" });
      expect(run.status, run.stderr).toBe(0);
      return (JSON.parse(run.stdout) as Array<{ bundle: string; cached: boolean }>).find((b) => b.bundle === "main.cjs")?.cached;
    };
    // A whole second, which every file system keeps exactly; the cache is made (again, if need be) for it.
    const time = new Date("2021-11-25T00:00:00Z");
    try {
      fs.utimesSync(main, time, time);
      cached();
      expect(cached()).toBe(true);
      const before = fs.statSync(main);
      const source = fs.readFileSync(main, "utf8");
      // V8 itself checks only the source's length: the same length with other code would run the old bytecode.
      const changed = source.replace("xem danvan --help", "xem DANVAN --help");
      expect(changed).not.toBe(source);
      fs.writeFileSync(main, changed);
      fs.utimesSync(main, time, time);
      const after = fs.statSync(main);
      expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
      expect(cached()).toBe(false);
      // The cache is made again, from this bundle, after that run.
      expect(cached()).toBe(true);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("ignores a cache made from another bundle, or damaged (V8 would crash on it)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-cache-"));
    const file = path.join(dir, "x.cache");
    const data = Buffer.from([1, 2, 3, 4, 5]);
    fs.writeFileSync(file, cacheFileData("100:5", data));
    expect(readCache(file, "100:5")).toEqual(data);
    expect(readCache(file, "101:5")).toBeUndefined();
    const damaged = fs.readFileSync(file);
    damaged[damaged.length - 2] ^= 0xff;
    fs.writeFileSync(file, damaged);
    expect(readCache(file, "100:5")).toBeUndefined();
    expect(readCache(path.join(dir, "missing.cache"), "100:5")).toBeUndefined();
  });
});
