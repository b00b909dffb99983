/**
 * Class: writing. What the machine or the paths refuse exits 2 with the path and the reason; the set of
 * outputs is replaced together or not at all. Permission cases run as user nobody (CI runs as root, for
 * whom every permission check passes); the full disk is a 16 KB tmpfs when root may mount one here, and
 * the error mapping is also tested on its own.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { environmentError } from "../../src/io/fs-errors.js";
import { runCli } from "../helpers/run-cli.js";
import { miniRoot, runBin, tmp } from "./helpers.js";

const BASE = "01-BC-BDVTU-2021";

describe("writing", () => {
  it("a folder where an output file should be: exit 2, and the other output of the set is not replaced", async () => {
    const root = miniRoot();
    const out = tmp();
    fs.writeFileSync(path.join(out, `${BASE}.md`), "old markdown\n");
    fs.mkdirSync(path.join(out, `${BASE}.docx`));
    const r = await runCli("build-report", "2021", "--data", root, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`DV014`);
    expect(r.stderr).toContain(`${BASE}.docx`);
    expect(fs.readFileSync(path.join(out, `${BASE}.md`), "utf8")).toBe("old markdown\n");
    expect(fs.readdirSync(out).sort()).toEqual([`${BASE}.docx`, `${BASE}.md`]);
  });

  it("a report number too long for a file name: exit 2 naming it, nothing written", async () => {
    const root = miniRoot();
    const report = path.join(root, "2021/report.yaml");
    fs.writeFileSync(report, fs.readFileSync(report, "utf8").replace("number: 01-BC/BDVTU", `number: 01-BC/BDVTU-${"X".repeat(300)}`));
    const out = tmp();
    const r = await runCli("build-report", "2021", "--data", root, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/DV013: .*quá giới hạn 255 byte/);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it("--out under /proc: exit 2 at once", () => {
    const root = miniRoot();
    const r = runBin(["build-report", "2021", "--data", root, "--out", "/proc/x"], { timeoutMs: 20_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"/proc/x"');
  });

  it("--out inside the data root is refused", async () => {
    const root = miniRoot();
    const r = await runCli("build-report", "2021", "--data", root, "--out", path.join(root, "2021"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("DV015");
    expect(fs.readdirSync(path.join(root, "2021")).sort()).toEqual(["documents.yaml", "report.yaml", "sections"]);
    expect((await runCli("build-report", "2021", "--data", root, "--out", path.join(root, "new", "deeper"))).code).toBe(2);
  });

  describe("as an unprivileged user", () => {
    it("an output folder without write permission: exit 2 with the path and the reason", () => {
      const out = tmp();
      fs.chmodSync(out, 0o555);
      const r = runBin(["build-report", "2021", "--data", miniRoot(), "--out", out], { nobody: true });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(out);
      expect(r.stderr).toContain("không có quyền truy cập");
    });

    it("an unreadable data file: exit 2 naming it", () => {
      const root = miniRoot();
      const file = path.join(root, "2021/sections/01-ket-qua.yaml");
      fs.chmodSync(file, 0o000);
      const r = runBin(["check", "--data", root], { nobody: true });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`DV012: không mở được "${file}": không có quyền truy cập`);
    });

    it("read-only data: new, check --fix and fmt exit 2 and change nothing", () => {
      const root = miniRoot();
      const file = path.join(root, "2021/sections/01-ket-qua.yaml");
      // Something for fmt and --fix to change: an unsorted key and a decomposed (NFD) letter.
      fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("level: 1\nheading: Kết quả", "heading: Kết quả\nlevel: 1").replace("Tiếp tục", "Tiê\u0301p tục"));
      const before = fs.readFileSync(file, "utf8");
      execFileSync("chmod", ["-R", "a-w", root]);
      for (const args of [["new", "2022"], ["check", "--fix"], ["fmt"]]) {
        const r = runBin([...args, "--data", root], { nobody: true });
        expect(r.code, args.join(" ")).toBe(2);
        expect(r.stderr).toMatch(/DV012: .*không có quyền truy cập/);
      }
      expect(fs.readFileSync(file, "utf8")).toBe(before);
      expect(fs.readdirSync(root)).toEqual(["2021"]);
    });
  });

  describe("a full disk", () => {
    const mount = path.join(tmp(), "full");
    fs.mkdirSync(mount);
    let mounted = false;
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", mount], { stdio: "ignore" });
      mounted = true;
    } catch {
      // Not allowed here: the mapping test below still runs.
    }
    afterAll(() => {
      if (mounted) execFileSync("umount", [mount]);
    });

    it("on a 16 KB tmpfs (when root may mount one): exit 2, no temporaries left", async () => {
      if (!mounted) {
        expect(environmentError(Object.assign(new Error("x"), { code: "ENOSPC", syscall: "write" }), "ghi", "/x")?.message).toContain("ổ đĩa đã đầy");
        return;
      }
      const r = await runCli("build-report", "2021", "--data", miniRoot(), "--out", mount);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("ổ đĩa đã đầy (ENOSPC)");
      expect(fs.readdirSync(mount)).toEqual([]);
    });

    it("maps ENOSPC, EACCES, EROFS, ENAMETOOLONG, EISDIR to exit-2 errors with the path", () => {
      for (const code of ["ENOSPC", "EACCES", "EROFS", "ENAMETOOLONG", "EISDIR", "EDQUOT"]) {
        const e = environmentError(Object.assign(new Error(code), { code, path: "/data/x.docx", syscall: "open" }));
        expect(e?.code).toBe("DV012");
        expect(e?.message).toContain('"/data/x.docx"');
        expect(e?.message).toContain(code);
      }
      expect(environmentError(new TypeError("a bug"))).toBeUndefined();
    });
  });
});
