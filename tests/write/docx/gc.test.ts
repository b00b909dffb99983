/** collectGarbage() collects, and leaves V8's flags as they were: a code cache made after it still loads. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { collectGarbage } from "../../../src/write/docx/gc.js";

describe("collectGarbage", () => {
  it("runs a full collection without --expose-gc", () => {
    expect(() => collectGarbage()).not.toThrow();
    expect(() => collectGarbage()).not.toThrow();
  });

  it("leaves the flags V8's code cache is keyed by as they were", () => {
    const cache = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "danvan-gc-")), "x.cache");
    const source = JSON.stringify("(function () { return 40 + 2; })");
    const make = `
      import("${path.resolve("dist/write/docx/gc.js")}").then(({ collectGarbage }) => {
        collectGarbage();
        const vm = require("node:vm");
        const script = new vm.Script(${source});
        script.runInThisContext()();
        require("node:fs").writeFileSync(${JSON.stringify(cache)}, script.createCachedData());
      });`;
    const use = `
      const vm = require("node:vm");
      const script = new vm.Script(${source}, { cachedData: require("node:fs").readFileSync(${JSON.stringify(cache)}) });
      process.stdout.write(String(script.cachedDataRejected));`;
    expect(spawnSync(process.execPath, ["-e", make]).status).toBe(0);
    expect(spawnSync(process.execPath, ["-e", use], { encoding: "utf8" }).stdout).toBe("false");
  });
});
