/** A 2022 draft made by `new 2022` from a copy of 2021: its one real error stands out, and `check --draft` passes on blanks alone. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DATA_ROOT } from "../helpers/data.js";
import { runCli } from "../helpers/run-cli.js";

async function draft(): Promise<string> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-check-draft-"));
  fs.cpSync(path.join(DATA_ROOT, "2021"), path.join(root, "2021"), { recursive: true });
  expect((await runCli("new", "2022", "--data", root)).code).toBe(0);
  return root;
}

/** One footnote the text cites, deleted: the error a clerk makes. */
function deleteFootnote(root: string): void {
  const file = path.join(root, "2022/sections/02-7-mat-tran.yaml");
  const text = fs.readFileSync(file, "utf8");
  const cut = text.replace(/\n  ii7-phan-bien-theo-nam: [^\n]*(\n {4}[^\n]*)*/, "");
  expect(cut).not.toBe(text);
  fs.writeFileSync(file, cut);
}

describe("check on a draft", () => {
  it("prints the error that is not a blank first, under its heading and count, then the checklist in report order, each line within 160 characters", async () => {
    const root = await draft();
    deleteFootnote(root);
    const r = await runCli("check", "2022", "--data", root);
    expect(r.code).toBe(1);
    const out = r.stdout.replace(new RegExp(root.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g"), "data");
    const lines = out.split("\n");
    expect(lines[0]).toBe("Lỗi cần sửa (1):");
    expect(lines[2]).toMatch(/lỗi DV3\d\d: .*ii7-phan-bien-theo-nam/);
    const list = lines.indexOf(lines.find((l) => /^Còn phải điền \(\d+ chỗ\):$/.test(l))!);
    expect(list).toBeGreaterThan(2);
    const blanks = lines.slice(list + 1, lines.indexOf("", list));
    expect(blanks.length).toBeGreaterThan(50);
    for (const l of blanks) expect([...l].length).toBeLessThanOrEqual(160);
    // report.yaml, then the sections in order, then the register.
    const rank = (l: string) => (l.includes("/report.yaml:") ? 0 : l.includes("/sections/") ? 1 : 2);
    const files = blanks.map((l) => l.slice(0, l.indexOf(":")));
    expect(blanks.map(rank)).toEqual([...blanks.map(rank)].sort());
    const sections = files.filter((f) => f.includes("/sections/"));
    expect(sections).toEqual([...sections].sort());
    expect(out).toMatch(/\n1 lỗi cần sửa; còn \d+ số liệu, \d+ văn bản, số ký hiệu và ngày ký của báo cáo cần điền\.\n/);
    expect(out).not.toMatch(/mục của report\.yaml/);
  });

  it("--draft: blanks are not errors (exit 0), every other error still is; GitHub annotations show only that error", async () => {
    const root = await draft();
    const clean = await runCli("check", "2022", "--draft", "--data", root);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/cần điền DV50[012]/);
    expect(clean.stdout).toMatch(/Không có lỗi cần sửa; còn \d+ số liệu/);
    expect((await runCli("check", "2022", "--data", root)).code).toBe(1);
    deleteFootnote(root);
    expect((await runCli("check", "2022", "--draft", "--data", root)).code).toBe(1);
    const github = await runCli("check", "2022", "--draft", "--format", "github", "--data", root);
    const annotations = github.stdout.split("\n").filter((l) => l.startsWith("::error") || l.startsWith("::warning"));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toContain("ii7-phan-bien-theo-nam");
    expect(github.stdout).toMatch(/::notice title=danvan check::.*1 lỗi cần sửa; còn \d+ số liệu/);
    const json = JSON.parse((await runCli("check", "2022", "--draft", "--format", "json", "--data", root)).stdout);
    expect(json.summary.errors).toBe(1);
    expect(json.summary.blanks).toBeGreaterThan(50);
    expect(new Set(json.diagnostics.filter((d: { code: string }) => /^DV50[012]$/.test(d.code)).map((d: { severity: string }) => d.severity))).toEqual(new Set(["note"]));
  });

  it("build-report --draft refused prints only what blocks it", async () => {
    const root = await draft();
    deleteFootnote(root);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-check-draft-out-"));
    const r = await runCli("build-report", "2022", "--draft", "--data", root, "--out", out);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/DV50[012]/);
    expect(r.stderr).toContain("ii7-phan-bien-theo-nam");
    expect(r.stderr).toContain("có 1 lỗi không phải chỗ trống");
    expect(fs.readdirSync(out)).toEqual([]);
  });
});
