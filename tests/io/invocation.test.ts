/**
 * Hints name the command as the clerk ran danvan: each way of starting it, with the environment, the script
 * path and the file system injected; then for real, a copy laid out as npm installs it locally and globally.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { invokedAs, type Invocation } from "../../src/io/invocation.js";

/** A file system of the given links: each path → its real path. */
function fsOf(real: Record<string, string>): (p: string) => string | undefined {
  return (p) => real[p];
}

const local = "/home/chi/bao-cao/node_modules/danvan";
const global = "/usr/local/lib/node_modules/danvan";

function inv(over: Partial<Invocation>): Invocation {
  return { env: {}, script: undefined, packageRoot: local, platform: "linux", realpath: fsOf({ [local]: local, [global]: global }), ...over };
}

describe("invokedAs", () => {
  it("names a checkout of danvan itself danvan", () => {
    expect(invokedAs(inv({ packageRoot: "/work/danvan", realpath: fsOf({ "/work/danvan": "/work/danvan" }), env: { npm_command: "exec" } }))).toBe("danvan");
  });

  it("names a run through npx or npm exec npx danvan", () => {
    expect(invokedAs(inv({ env: { npm_command: "exec", npm_lifecycle_event: "npx" }, script: `${local}/bin/danvan.cjs` }))).toBe("npx danvan");
    expect(invokedAs(inv({ env: { npm_lifecycle_event: "npx" } }))).toBe("npx danvan");
    // npx of a package not installed: npm's cache holds it under node_modules too.
    const cached = "/home/chi/.npm/_npx/8f3a/node_modules/danvan";
    expect(invokedAs(inv({ packageRoot: cached, realpath: fsOf({ [cached]: cached }), env: { npm_command: "exec" } }))).toBe("npx danvan");
  });

  it("names a run from node_modules/.bin (by hand, or by an npm script) npx danvan", () => {
    expect(invokedAs(inv({ script: "/home/chi/bao-cao/node_modules/.bin/danvan" }))).toBe("npx danvan");
    expect(invokedAs(inv({ script: "C:\\bao-cao\\node_modules\\.bin\\danvan", platform: "win32" }))).toBe("npx danvan");
    expect(invokedAs(inv({ env: { npm_command: "run-script", npm_lifecycle_event: "bao-cao" }, script: "/home/chi/bao-cao/node_modules/.bin/danvan" }))).toBe("npx danvan");
  });

  it("names a local copy started by its path, not on the shell's PATH, npx danvan", () => {
    expect(invokedAs(inv({ script: `${local}/bin/danvan.cjs`, env: { PATH: "/usr/bin:/home/chi/bao-cao/node_modules/.bin" } }))).toBe("npx danvan");
  });

  it("names a global install on Unix danvan (npm's link on PATH is this copy)", () => {
    const realpath = fsOf({ [global]: global, "/usr/local/bin/danvan": `${global}/bin/danvan.cjs` });
    expect(invokedAs(inv({ packageRoot: global, realpath, script: "/usr/local/bin/danvan", env: { PATH: "/usr/bin:/usr/local/bin" } }))).toBe("danvan");
    // Another danvan on PATH is not this copy.
    const other = fsOf({ [global]: global, "/usr/local/bin/danvan": "/opt/other/danvan/bin/danvan.cjs" });
    expect(invokedAs(inv({ packageRoot: global, realpath: other, script: `${global}/bin/danvan.cjs`, env: { PATH: "/usr/local/bin" } }))).toBe("npx danvan");
  });

  it("names a global install on Windows danvan (npm's .cmd shim beside node_modules/danvan)", () => {
    const npm = "C:\\Users\\chi\\AppData\\Roaming\\npm";
    const root = `${npm}\\node_modules\\danvan`;
    const realpath = fsOf({ [root]: root, [`${npm}\\danvan.cmd`]: `${npm}\\danvan.cmd` });
    expect(invokedAs({ env: { Path: `C:\\Windows;${npm}` }, script: `${root}\\bin\\danvan.cjs`, packageRoot: root, platform: "win32", realpath })).toBe("danvan");
    expect(invokedAs({ env: { Path: "C:\\Windows" }, script: `${root}\\bin\\danvan.cjs`, packageRoot: root, platform: "win32", realpath })).toBe("npx danvan");
  });
});

describe("the CLI run as npx danvan", () => {
  it("names npx danvan in its help and its hints", async () => {
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const npx = inv({ env: { npm_command: "exec" } });
    expect(await main(["node", "danvan", "--help"], io, npx)).toBe(0);
    expect(lines.join("\n")).toContain("Cách dùng: npx danvan [tùy chọn] [lệnh]");
    lines.length = 0;
    expect(await main(["node", "danvan", "check", "--data", "/khong/co/thu-muc"], io, npx)).toBe(2);
    expect(lines.join("\n")).toContain("(tạo mới: npx danvan init /khong/co/thu-muc)");
  });
});

describe("hints as printed by an installed copy", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-invocation-"));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /** danvan's bin, dist and package.json under `prefix`, as npm lays a package out (its dependencies linked). */
  function install(pkgDir: string): void {
    fs.mkdirSync(pkgDir, { recursive: true });
    for (const part of ["bin", "dist", "package.json"]) fs.cpSync(part, path.join(pkgDir, part), { recursive: true });
    fs.symlinkSync(path.resolve("node_modules"), path.join(pkgDir, "node_modules"));
  }

  const run = (file: string, env: Record<string, string>) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("npm_")));
    const r = spawnSync(process.execPath, [file, "check", "--data", path.join(tmp, "khong-co")], { env: { ...clean, ...env }, encoding: "utf8" });
    return r.stderr;
  };

  it.skipIf(process.platform === "win32")("says npx danvan from a project's node_modules/.bin, danvan from a global install", () => {
    const project = path.join(tmp, "du-an");
    install(path.join(project, "node_modules", "danvan"));
    fs.mkdirSync(path.join(project, "node_modules", ".bin"));
    fs.symlinkSync("../danvan/bin/danvan.cjs", path.join(project, "node_modules", ".bin", "danvan"));
    expect(run(path.join(project, "node_modules", ".bin", "danvan"), { PATH: process.env.PATH ?? "" })).toContain(`(tạo mới: npx danvan init ${path.join(tmp, "khong-co")})`);

    const prefix = path.join(tmp, "global");
    install(path.join(prefix, "lib", "node_modules", "danvan"));
    fs.mkdirSync(path.join(prefix, "bin"));
    fs.symlinkSync("../lib/node_modules/danvan/bin/danvan.cjs", path.join(prefix, "bin", "danvan"));
    const stderr = run(path.join(prefix, "bin", "danvan"), { PATH: `${path.join(prefix, "bin")}${path.delimiter}${process.env.PATH ?? ""}` });
    expect(stderr).toContain(`(tạo mới: danvan init ${path.join(tmp, "khong-co")})`);
    expect(stderr).not.toContain("npx");
  });
});
