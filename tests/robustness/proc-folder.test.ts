/**
 * A folder to make where the kernel refuses every new name (/proc): Node 20's recursive mkdirSync never
 * returns there (mkdir says ENOENT, the parent exists, it tries again). `init` and `import` made their data
 * folder that way and hung; they must end at once with exit 2 and the path, as build-report's --out does.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { buildInTemp } from "../helpers/build.js";
import { DATA_ROOT } from "../helpers/data.js";

const danvan = (...args: string[]) =>
  spawnSync(process.execPath, ["bin/danvan.cjs", ...args], { env: { ...process.env, NO_COLOR: "1" }, encoding: "utf8", timeout: 15_000 });

describe.runIf(process.platform === "linux")("a data folder under /proc", () => {
  it("init /proc/…: exit 2 naming the folder, in bounded time", () => {
    const run = danvan("init", "/proc/danvan-qa-init");
    expect(run.error, "danvan init hung").toBeUndefined();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("/proc/danvan-qa-init");
  });

  it("import … --data /proc/…: exit 2 (DV610), in bounded time", async () => {
    const { file } = await buildInTemp(DATA_ROOT, "2021", ["docx"]);
    const run = danvan("import", file("docx")!, "2023", "--data", "/proc/danvan-qa-import");
    expect(run.error, "danvan import hung").toBeUndefined();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("DV610");
  });
});
