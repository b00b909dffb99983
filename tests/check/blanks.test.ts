/** A fresh draft's checklist: one line per blank, each naming what to fill and where it is cited. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sentenceAround } from "../../src/check/blanks.js";
import { runCli } from "../helpers/run-cli.js";

function draft(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-blanks-"));
  fs.cpSync("tests/fixtures/years/pair", dir, { recursive: true });
  return dir;
}

describe("a draft year's checklist", () => {
  it("prints one line per blank, no code frames, and a closing count that matches", async () => {
    const dir = draft();
    expect((await runCli("new", "2022", "--data", dir)).code).toBe(0);
    const json = JSON.parse((await runCli("check", "2022", "--data", dir, "--format", "json")).stdout) as { diagnostics: Array<{ code: string; message: string }> };
    const blanks = json.diagnostics.filter((d) => /^DV50[012]$/.test(d.code));
    expect(blanks.length).toBeGreaterThan(0);
    // Nothing else is reported about a fresh draft's blanks: no schema errors, no missing citations.
    expect(json.diagnostics.filter((d) => d.code.startsWith("DV2") || d.code === "DV314" || d.code === "DV315")).toEqual([]);
    const text = await runCli("check", "2022", "--data", dir);
    const lines = text.stdout.split("\n");
    expect(lines.filter((l) => /DV50[012]/.test(l)).length).toBe(blanks.length);
    // One line per blank and per stale period; any other finding keeps its code frame (at most 4 lines and a gap either side).
    const compact = json.diagnostics.filter((d) => /^DV50[0-3]$/.test(d.code)).length;
    // The three headings and their gaps (errors, warnings, checklist), the two closing lines.
    expect(lines.length).toBeLessThanOrEqual(compact + 6 * (json.diagnostics.length - compact) + 3 + 6);
    const count = (code: string) => blanks.filter((d) => d.code === code).length;
    expect(text.stdout).toContain(`còn ${count("DV500")} số liệu`);
    if (count("DV501")) expect(text.stdout).toContain(`${count("DV501")} văn bản`);
    // Every blank figure says its label or id; every register blank its type.
    for (const d of blanks.filter((b) => b.code === "DV500")) expect(d.message).toMatch(/^thiếu số liệu /);
    for (const d of blanks.filter((b) => b.code === "DV501")) expect(d.message).toMatch(/^thiếu (văn bản|số ký hiệu|ngày|trích yếu)/);
  });

  it("the sentence around a citation is the one clause that holds it", () => {
    const text = "Câu một. Trong năm, đã tiếp nhận {{n \"don\"}} đơn; câu khác.";
    expect(sentenceAround(text, text.indexOf("{{"))).toBe('Trong năm, đã tiếp nhận {{n "don"}} đơn;');
  });
});

describe("old period text", () => {
  it("warns where a draft still names last year's period, and --fix moves it", async () => {
    const dir = draft();
    // A five-year period, as the 2021 report has.
    const base = path.join(dir, "2021/report.yaml");
    fs.writeFileSync(base, fs.readFileSync(base, "utf8").replace(/from: \d+/, "from: 2017").replace(/to: \d+/, "to: 2021"));
    await runCli("new", "2022", "--data", dir);
    const file = path.join(dir, "2022/sections/01-ket-qua.yaml");
    const [from, to] = [2017, 2021];
    const source = fs.readFileSync(file, "utf8").replace("heading: ", `heading: Giai đoạn ${from} - ${to}, `);
    fs.writeFileSync(file, source);
    const before = JSON.parse((await runCli("check", "2022", "--data", dir, "--format", "json")).stdout) as { diagnostics: Array<{ code: string; line: number; col: number; message: string }> };
    const warned = before.diagnostics.filter((d) => d.code === "DV503");
    expect(warned).toHaveLength(1);
    expect(warned[0].message).toContain(`"${from + 1} - ${to + 1}"`);
    const line = source.split("\n")[warned[0].line - 1];
    expect(line.slice(warned[0].col - 1)).toMatch(new RegExp(`^${from} - ${to}`));
    const fixed = await runCli("check", "2022", "--data", dir, "--fix");
    expect(fixed.stdout).toContain(`Giai đoạn ${from + 1} - ${to + 1}`);
    expect(fs.readFileSync(file, "utf8")).toContain(`heading: Giai đoạn ${from + 1} - ${to + 1}, `);
    expect(fixed.stdout).not.toContain("DV503");
  });
});

describe("build-report --draft", () => {
  it("builds a draft marked DỰ THẢO with its blanks printed as [...], never a stand-in, the same bytes each time; without --draft it refuses and says how", async () => {
    const dir = draft();
    await runCli("new", "2022", "--data", dir);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-draft-out-"));
    const refused = await runCli("build-report", "2022", "--data", dir, "--out", out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("--draft");
    expect(fs.readdirSync(out)).toEqual([]);
    const built = await runCli("build-report", "2022", "--data", dir, "--out", out, "--draft");
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(/Bản nháp: còn \d+ số liệu/);
    expect(built.stderr).not.toMatch(/DV50[012]/);
    const md = fs.readFileSync(path.join(out, "du-thao-2022.md"), "utf8");
    expect(md.startsWith("**DỰ THẢO**\n")).toBe(true);
    expect(md).toContain("Số `[…]`");
    expect(md).toContain("ngày `[…]` tháng `[…]` năm `[…]`");
    expect(md).not.toMatch(/chưa điền|1900|9999|NaN/);
    const first = fs.readFileSync(path.join(out, "du-thao-2022.docx"));
    await runCli("build-report", "2022", "--data", dir, "--out", out, "--draft");
    expect(fs.readFileSync(path.join(out, "du-thao-2022.docx")).equals(first)).toBe(true);
  });

  it("still refuses a draft with any other error", async () => {
    const dir = draft();
    await runCli("new", "2022", "--data", dir);
    const file = path.join(dir, "2022/sections/01-ket-qua.yaml");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("heading: ", 'heading: {{fn "khong-co"}} '));
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-draft-out-"));
    const r = await runCli("build-report", "2022", "--data", dir, "--out", out, "--draft");
    expect(r.code).toBe(1);
    expect(fs.readdirSync(out)).toEqual([]);
  });
});

describe("rules about stand-ins", () => {
  it("say nothing about a figure computed from a blank one, and speak again once it is filled", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-taint-"));
    fs.cpSync("tests/fixtures/check/draft-year", dir, { recursive: true });
    const file = path.join(dir, "2022/sections/01-ket-qua.yaml");
    const source = fs.readFileSync(file, "utf8").replace("    part: null", "    part: 5000");
    // The ratio's whole (don.khieu-nai) is empty: no "part larger than whole" against its stand-in.
    fs.writeFileSync(file, source.replace("khieu-nai: 1700", "khieu-nai: null"));
    const blank = await runCli("check", "2022", "--data", dir);
    expect(blank.stdout).not.toContain("DV343");
    fs.writeFileSync(file, source);
    const filled = await runCli("check", "2022", "--data", dir);
    expect(filled.stdout).toContain("DV343: phần (5.000) lớn hơn tổng (1.700)");
  });
});

describe("old year text, in a yearly report", () => {
  it("new moves last year's year in a one-year report's text and says where; check warns at the word of any typed back, and --fix moves it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-yearly-"));
    fs.cpSync("tests/fixtures/years/mini/2021", path.join(dir, "2020"), { recursive: true });
    const report = path.join(dir, "2020/report.yaml");
    const year = Number(/from: (\d+)/.exec(fs.readFileSync(report, "utf8"))![1]);
    expect(fs.readFileSync(report, "utf8")).toContain(`năm ${year}`);
    const made = await runCli("new", String(year + 1), "--data", dir);
    const draftReport = path.join(dir, String(year + 1), "report.yaml");
    expect(made.stdout).toContain(`đã dời kỳ trong ${draftReport}: "năm ${year}" → "năm ${year + 1}"`);
    const moved = fs.readFileSync(draftReport, "utf8");
    expect(moved.split("\n").filter((l) => !l.startsWith("#")).join("\n")).not.toContain(`năm ${year}`);
    // A line pasted from last year's report afterwards still names its year.
    const at = moved.split("\n").findIndex((l) => !l.startsWith("#") && l.includes(`năm ${year + 1}`));
    fs.writeFileSync(draftReport, moved.split("\n").map((l, i) => (i === at ? l.replace(`năm ${year + 1}`, `năm ${year}`) : l)).join("\n"));
    const lines = fs.readFileSync(draftReport, "utf8").split("\n");
    const json = JSON.parse((await runCli("check", String(year + 1), "--data", dir, "--format", "json")).stdout) as { diagnostics: Array<{ code: string; file: string; line: number; col: number }> };
    const inReport = json.diagnostics.filter((d) => d.code === "DV503" && d.file === draftReport);
    expect(inReport).toHaveLength(1);
    for (const d of inReport) expect(lines[d.line - 1].slice(d.col - 1)).toMatch(new RegExp(`^năm ${year}`, "i"));
    await runCli("check", String(year + 1), "--data", dir, "--fix");
    const data = fs.readFileSync(draftReport, "utf8").split("\n").filter((l) => !l.startsWith("#"));
    expect(data.join("\n")).not.toContain(`năm ${year}`);
  });
});
