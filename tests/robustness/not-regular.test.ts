/** Class: files that are not regular files. Reported, never opened; no hang, no exit 70. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { miniRoot, section, tmp } from "./helpers.js";

describe("files that are not regular files", () => {
  it.each([
    ["a named pipe", (f: string) => execFileSync("mkfifo", [f]), "DV112"],
    ["a character device", (f: string) => execFileSync("mknod", [f, "c", "1", "5"]), "DV112"],
    ["a folder", (f: string) => fs.mkdirSync(f), "DV112"],
    ["a dangling link", (f: string) => fs.symlinkSync("nowhere.yaml", f), "DV114"],
    ["a looping link", (f: string) => fs.symlinkSync(path.basename(f), f), "DV114"],
  ])("%s named like a section file: reported at the file, exit 1", async (_what, make, code) => {
    const root = miniRoot();
    make(section(root, "05-x.yaml"));
    const r = await runCli("check", "--data", root);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`05-x.yaml:1:1: lỗi ${code}`);
  });

  it.each([
    ["a named pipe", (f: string) => execFileSync("mkfifo", [f]), "DV112"],
    ["a folder", (f: string) => fs.mkdirSync(f), "DV112"],
    ["a link out of the data root", (f: string) => fs.symlinkSync("/dev/zero", f), "DV113"],
    ["a dangling link", (f: string) => fs.symlinkSync("nowhere.yaml", f), "DV114"],
  ])("%s named like a section file: fmt and fmt --check report it as check does, exit 1", async (_what, make, code) => {
    const root = miniRoot();
    make(section(root, "05-x.yaml"));
    for (const args of [["fmt", "--check"], ["fmt"]]) {
      const r = await runCli(...args, "--data", root);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`05-x.yaml:1:1: lỗi ${code}`);
    }
  });

  it("a data root with no year: check and fmt are a usage error (DV018, exit 2), not a pass on nothing", async () => {
    const root = tmp();
    for (const args of [["check"], ["fmt", "--check"], ["fmt"]]) {
      const r = await runCli(...args, "--data", root);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("DV018");
    }
  });

  it("report.yaml as a folder: reported, build refused with exit 1", async () => {
    const root = miniRoot();
    fs.rmSync(path.join(root, "2021/report.yaml"));
    fs.mkdirSync(path.join(root, "2021/report.yaml"));
    const r = await runCli("build-report", "2021", "--data", root, "--out", tmp());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("report.yaml:1:1: lỗi DV112");
  });

  it("a link to /dev/zero is refused unread", async () => {
    const root = miniRoot();
    fs.symlinkSync("/dev/zero", section(root, "05-x.yaml"));
    const r = await runCli("check", "--data", root);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("05-x.yaml:1:1: lỗi DV113");
  });

  it("a dangling link named like a year stops no other year", async () => {
    const root = miniRoot();
    fs.symlinkSync("/nonexistent/place", path.join(root, "2099"));
    expect((await runCli("check", "--data", root)).code).toBe(0);
    expect((await runCli("build-report", "2021", "--data", root, "--out", tmp())).code).toBe(0);
  });

  it("a named pipe as the custom template: exit 2, never opened", async () => {
    const dir = tmp();
    execFileSync("mkfifo", [path.join(dir, "report.md.hbs")]);
    const r = await runCli("build-report", "2021", "--data", miniRoot(), "--templates", dir, "--out", tmp());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/DV009: .*report\.md\.hbs.*pipe/);
  });
});
