/** Hostile input and arguments, atomic output, internal errors: the tool answers clearly and loses nothing. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseMarkdown, textOf } from "../src/parse/remark.js";
import { buildInTemp, docxParts, paragraphTexts } from "./helpers/build.js";
import { DATA_ROOT } from "./helpers/data.js";
import { runCli } from "./helpers/run-cli.js";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "danvan-robust-"));

function copyMini(): string {
  const dir = tmp();
  fs.cpSync("tests/fixtures/years/mini", dir, { recursive: true });
  return dir;
}

afterEach(() => vi.restoreAllMocks());

describe("hostile files", () => {
  it("refuses a file over the size limit", async () => {
    const dir = copyMini();
    fs.appendFileSync(path.join(dir, "2021/sections/00-mo-dau.yaml"), `# ${"x".repeat(100)}\n`.repeat(45_000));
    const r = await runCli("check", "--data", dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/00-mo-dau\.yaml:1:1: lỗi DV105: tệp quá lớn/);
  });

  it("refuses a very long line, naming it", async () => {
    const dir = copyMini();
    fs.appendFileSync(path.join(dir, "2021/sections/00-mo-dau.yaml"), `# ${"x".repeat(30_000)}\n`);
    const r = await runCli("check", "--data", dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/00-mo-dau\.yaml:6:1: lỗi DV111: dòng quá dài/);
  });
});

describe("hostile arguments", () => {
  it("--out that is a file: exit 2", async () => {
    const file = path.join(tmp(), "a-file");
    fs.writeFileSync(file, "x");
    const r = await runCli("build-report", "2021", "--out", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("DV005");
  });
  it("--out that cannot be created: exit 2", async () => {
    const file = path.join(tmp(), "a-file");
    fs.writeFileSync(file, "x");
    const r = await runCli("build-report", "2021", "--out", path.join(file, "sub"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("DV006");
  });
  it.each(["../../etc", "2021/..", "21", "２０２１"])("year %s: exit 2", async (year) => {
    const r = await runCli("build-report", year);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("DV003");
  });
});

describe("templates", () => {
  function template(edit: (s: string) => string): string {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "report.md.hbs"), edit(fs.readFileSync("templates/report.md.hbs", "utf8")));
    return dir;
  }
  it("a syntax error names the template file and line", async () => {
    const dir = template((s) => s.replace("{{#each sections}}", "{{#each sections}"));
    const r = await runCli("build-report", "2021", "--templates", dir, "--out", tmp());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/report\.md\.hbs:\d+:1: lỗi DV401: lỗi mẫu \(template\): cú pháp không hợp lệ/);
  });
  it("an unknown helper or name is an error, never an empty string", async () => {
    const helper = await runCli("build-report", "2021", "--templates", template((s) => s.replace("{{header.superior}}", "{{upcase header.superior}}")), "--out", tmp());
    expect(helper.code).toBe(1);
    expect(helper.stderr).toContain('hàm "upcase" không tồn tại');
    const name = await runCli("build-report", "2021", "--templates", template((s) => s.replace("{{header.superior}}", "{{header.superiour}}")), "--out", tmp());
    expect(name.code).toBe(1);
    expect(name.stderr).toMatch(/report\.md\.hbs:11:\d+: lỗi DV401.*"superiour"/);
  });
  it("cannot reach prototypes", async () => {
    const dir = template((s) => s.replace("{{header.superior}}", "{{header.constructor}}"));
    const r = await runCli("build-report", "2021", "--templates", dir, "--out", tmp());
    expect(r.code).toBe(1);
  });
  it("a missing templates folder is a usage error", async () => {
    expect((await runCli("build-report", "2021", "--templates", "no/such/dir")).code).toBe(2);
  });
});

describe("data text cannot inject structure", () => {
  it("prints Markdown and table syntax literally in both outputs", async () => {
    const { file } = await buildInTemp("tests/fixtures/years/inject", "2021");
    const md = fs.readFileSync(file("md")!, "utf8");
    const tree = parseMarkdown(md);
    const texts = tree.children.map(textOf);
    const hostile = "- không phải danh sách *nhấn* _nghiêng_ [liên kết](http://x) a | b <b>html</b> `mã`:::header &amp; \\ cuối";
    expect(texts).toContain(hostile);
    expect(texts).toContain("1. không phải danh sách đánh số");
    expect(texts).toContain("# không phải tiêu đề");
    expect(tree.children.filter((n) => n.type === "heading").map(textOf)).toEqual(["I- # Kết quả *một* | hai"]);
    const table = tree.children.find((n) => n.type === "table")!;
    expect(textOf(table)).toContain("Thực hiện | cột giả *không đậm* <i>x</i>");
    expect((table as { children: Array<{ children: unknown[] }> }).children.every((row) => row.children.length === 4)).toBe(true);
    const docText = paragraphTexts(docxParts(file("docx")!)["word/document.xml"]);
    expect(docText).toContain(hostile);
    expect(docText).toContain("Thực hiện | cột giả *không đậm* <i>x</i>");
  });
});

describe("atomic output", () => {
  it("a failed build leaves the previous report untouched and no stray files", async () => {
    const out = tmp();
    expect((await runCli("build-report", "2021", "--data", "tests/fixtures/years/mini", "--out", out)).code).toBe(0);
    const before = Object.fromEntries(fs.readdirSync(out).map((f) => [f, fs.readFileSync(path.join(out, f))]));
    const broken = copyMini();
    fs.writeFileSync(path.join(broken, "2021/documents.yaml"), "groups: [\n");
    expect((await runCli("build-report", "2021", "--data", broken, "--out", out)).code).toBe(1);
    expect(fs.readdirSync(out).sort()).toEqual(Object.keys(before).sort());
    for (const [f, bytes] of Object.entries(before)) expect(fs.readFileSync(path.join(out, f)).equals(bytes)).toBe(true);
  });
  it("never writes under the data root", async () => {
    const data = copyMini();
    const list = () => fs.readdirSync(data, { recursive: true }).map(String).sort();
    const files = list();
    await runCli("check", "--data", data);
    await runCli("build-report", "2021", "--data", data, "--out", tmp());
    expect(list()).toEqual(files);
  });
});

describe("internal errors", () => {
  it("print one line asking for a report, exit 70; --debug adds the stack", async () => {
    vi.spyOn(fs, "readdirSync").mockImplementation(() => {
      throw new Error("boom");
    });
    const plain = await runCli("check", "--data", DATA_ROOT);
    expect(plain.code).toBe(70);
    expect(plain.stderr.split("\n")).toHaveLength(1);
    expect(plain.stderr).toContain("lỗi nội bộ");
    expect(plain.stderr).not.toContain("boom");
    const debug = await runCli("check", "--data", DATA_ROOT, "--debug");
    expect(debug.code).toBe(70);
    expect(debug.stderr).toContain("Error: boom");
  });
});
