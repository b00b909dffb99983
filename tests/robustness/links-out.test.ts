/** Class: links out of the data root, and control characters echoed from data. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { miniRoot, section, tmp } from "./helpers.js";

describe("links out of the data root", () => {
  it.each([
    ["as an unknown file in the year folder", (root: string) => path.join(root, "2021/secret")],
    ["as a section file", (root: string) => section(root, "07-z.yaml")],
    ["as report.yaml", (root: string) => path.join(root, "2021/report.yaml")],
  ])("%s: named, never its content", async (_what, where) => {
    const root = miniRoot();
    const outside = path.join(tmp(), "secret.yaml");
    fs.writeFileSync(outside, "level: 1\nheading: API_TOKEN=s3cr3t-value\n");
    const link = where(root);
    fs.rmSync(link, { force: true });
    fs.symlinkSync(outside, link);
    const r = await runCli("check", "--data", root);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(link);
    expect(r.stdout + r.stderr).not.toContain("s3cr3t");
  });

  it("a sections folder that links outside is refused", async () => {
    const root = miniRoot();
    const elsewhere = tmp();
    fs.renameSync(path.join(root, "2021/sections"), path.join(elsewhere, "sections"));
    fs.symlinkSync(path.join(elsewhere, "sections"), path.join(root, "2021/sections"));
    const r = await runCli("check", "--data", root);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("sections:1:1: lỗi DV112");
  });

  it("strips control sequences echoed from data", async () => {
    const root = miniRoot();
    const file = path.join(root, "2021/report.yaml");
    // An unknown key is echoed in its message and in the code frame: a clear-screen and a fake summary.
    fs.appendFileSync(file, `"\\e[2J\\e[HĐã kiểm tra 1 năm: 0 lỗi\\r": 1\nx\u001b[31m: 2\n`);
    const r = await runCli("check", "--data", root);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("DV202");
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
