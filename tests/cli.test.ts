/** Exit codes and messages of the CLI, as a clerk or CI sees them. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "danvan-cli-"));

describe("danvan build-report", () => {
  it("writes both files and a summary", async () => {
    const out = tmp();
    const r = await runCli("build-report", "2021", "--out", out);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(["143-BC-BDVTU-2021.docx", "143-BC-BDVTU-2021.md"]);
    expect(r.stdout).toContain("14 mục, 19 chú thích, 48 văn bản trong phụ lục");
  });
  it("writes only what --format asks for", async () => {
    const out = tmp();
    expect((await runCli("build-report", "2021", "--out", out, "--format", "md")).code).toBe(0);
    expect(fs.readdirSync(out)).toEqual(["143-BC-BDVTU-2021.md"]);
  });
  it("rejects an unknown format with exit 2", async () => {
    const r = await runCli("build-report", "2021", "--out", tmp(), "--format", "odt");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('định dạng "odt"');
  });
  it("rejects a year that is not four digits, and lists the years there are", async () => {
    expect((await runCli("build-report", "../../etc")).code).toBe(2);
    const r = await runCli("build-report", "1999");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("các năm hiện có: 2021");
  });
  it("refuses to build on data errors, exit 1, and writes nothing", async () => {
    const out = tmp();
    const r = await runCli("build-report", "2021", "--data", "tests/fixtures/check/unknown-key", "--out", out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/report\.yaml:8:1: lỗi DV202/);
    expect(fs.readdirSync(out)).toEqual([]);
  });
  it("says what to install when PDF is asked for without LibreOffice", async () => {
    const saved = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      const out = tmp();
      const r = await runCli("build-report", "2021", "--out", out, "--format", "docx,pdf");
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("libreoffice-writer-nogui");
      expect(fs.readdirSync(out)).toEqual([]);
    } finally {
      process.env.PATH = saved;
    }
  });
  it("answers a missing data folder with exit 2", async () => {
    const r = await runCli("build-report", "2021", "--data", "no/such/dir");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no/such/dir");
  });
});

describe("danvan check", () => {
  it("checks every year by default and reports the signed report's known inconsistencies as warnings", async () => {
    const r = await runCli("check");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("DV342");
    expect(r.stdout).toContain("0 lỗi, 2 cảnh báo");
  });
  it("fails on warnings with --strict", async () => {
    expect((await runCli("check", "2021", "--strict")).code).toBe(1);
  });
});

describe("argument errors", () => {
  it.each([
    [["nosuch"], 'không có lệnh "nosuch"'],
    [["build-report"], "thiếu đối số bắt buộc <kỳ>"],
    [["check", "--format", "xml"], 'giá trị "xml" không hợp lệ'],
    [["check", "--nope"], 'không có tùy chọn "--nope"'],
  ])("%j is answered in Vietnamese with exit 2", async (args, message) => {
    const r = await runCli(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`danvan: DV001: ${message}`);
  });
});

describe("a mistyped command or option", () => {
  it.each([
    [["buid-report", "2021"], 'không có lệnh "buid-report"; có phải ý bạn là "build-report"? (xem danvan build-report --help)'],
    [["chek"], 'không có lệnh "chek"; có phải ý bạn là "check"? (xem danvan check --help)'],
    [["collect", "imprt"], 'không có lệnh "imprt"; có phải ý bạn là "import"? (xem danvan collect import --help)'],
    [["build-report", "2021", "--fromat", "docx"], 'không có tùy chọn "--fromat"; có phải ý bạn là "--format"? (xem danvan build-report --help)'],
    [["check", "--stric"], 'không có tùy chọn "--stric"; có phải ý bạn là "--strict"? (xem danvan check --help)'],
    [["diff", "2021"], "thiếu đối số bắt buộc <kỳ-mới> (xem danvan diff --help)"],
  ])("%j: did you mean, and that command's help", async (args, message) => {
    const r = await runCli(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`danvan: DV001: ${message}`);
  });
});

describe("help and version, in Vietnamese", () => {
  it("--help has no commander English: headings, defaults and choices are Vietnamese", async () => {
    for (const args of [["--help"], ["check", "--help"], ["build-report", "--help"], ["new", "--help"], ["diff", "--help"]]) {
      const r = await runCli(...args);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("Cách dùng:");
      expect(r.stdout).not.toMatch(/Usage:|Options:|Arguments:|Commands:|\(default:|choices:|\[options\]/);
    }
    expect((await runCli("check", "--help")).stdout.replace(/\s+/g, " ")).toContain("chọn một trong: text, json, github, sarif; mặc định: text");
  });
  it("every command's help names its arguments and option values in Vietnamese (import said <file> <year> <dir>)", async () => {
    for (const command of ["build-report", "check", "init", "new", "import", "diff", "fmt"]) {
      const r = await runCli(command, "--help");
      expect(r.code).toBe(0);
      expect(r.stdout, command).not.toMatch(/<(file|year|dir|years?|format)>|\[(file|year|dir)\]/);
    }
    expect((await runCli("import")).stderr).toContain("<tệp>");
  });

  it("--version prints the package's version", async () => {
    const r = await runCli("--version");
    const pkg = JSON.parse(fs.readFileSync("package.json", "utf8")) as { version: string };
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});
