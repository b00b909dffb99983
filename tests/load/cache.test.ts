/** The parse cache: a hit returns what was stored, any change of text misses, and it never grows without end. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cachedValue, storeValue } from "../../src/load/cache.js";
import { runCli } from "../helpers/run-cli.js";

/** The run's own cache folder (setup/isolation.ts), put back after each test: never the user's. */
const runCache = process.env.DANVAN_CACHE_DIR;
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-cache-"));
  process.env.DANVAN_CACHE_DIR = dir;
});
afterEach(() => {
  process.env.DANVAN_CACHE_DIR = runCache;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("cache", () => {
  it("is, under the tests, a temporary folder of the run's own, not the user's ~/.cache/danvan", () => {
    expect(runCache).toBeDefined();
    expect(path.relative(os.tmpdir(), runCache!).startsWith("danvan-tests-")).toBe(true);
  });

  it("returns what was stored for the same text and kind only", () => {
    storeValue("section", "a: 1\n", { value: { a: 1 } });
    expect(cachedValue("section", "a: 1\n")).toEqual({ value: { a: 1 } });
    expect(cachedValue("section", "a: 2\n")).toBeUndefined();
    expect(cachedValue("report", "a: 1\n")).toBeUndefined();
  });

  it("is off with DANVAN_CACHE=0", () => {
    process.env.DANVAN_CACHE = "0";
    try {
      storeValue("section", "b: 1\n", { value: 1 });
      expect(cachedValue("section", "b: 1\n")).toBeUndefined();
    } finally {
      delete process.env.DANVAN_CACHE;
    }
  });

  it("prunes its oldest entries past its limit", () => {
    for (let i = 0; i < 2005; i++) storeValue("section", `k: ${i}\n`, { value: i });
    expect(fs.readdirSync(dir).length).toBeLessThanOrEqual(2000);
  });

  it("gives the same diagnostics, positions included, from a cold and a warm run", async () => {
    const cold = await runCli("check", "--data", "tests/fixtures/check/damaged-text", "--format", "json");
    const warm = await runCli("check", "--data", "tests/fixtures/check/damaged-text", "--format", "json");
    expect(warm.stdout).toBe(cold.stdout);
    expect(fs.readdirSync(dir).length).toBeGreaterThan(0);
  });
});
