/** `danvan diff`: what the two years' reports print, field by field; refused when a year does not build. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareYears, wordDiff } from "../../src/commands/diff.js";
import { printedYear } from "../../src/commands/diff/printed.js";
import { runCli } from "../helpers/run-cli.js";

/** One change of each kind between 2020 and 2021 (see the YAML for what changed). */
const data = "tests/fixtures/years/changes";

const json = async (root = data) => JSON.parse((await runCli("diff", "2020", "2021", "--data", root, "--format", "json")).stdout);

function copy(root: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-diff-"));
  fs.cpSync(root, dir, { recursive: true });
  return dir;
}

describe("danvan diff", () => {
  it("says so when two years are identical", async () => {
    const r = await runCli("diff", "2021", "2021", "--data", data);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("Năm 2021 và năm 2021 giống nhau.");
    expect(JSON.parse((await runCli("diff", "2021", "2021", "--data", data, "--format", "json")).stdout).identical).toBe(true);
  });

  it("calls two year folders with the same data identical: the year itself is not a change", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-diff-"));
    fs.cpSync(`${data}/2021`, path.join(root, "2021"), { recursive: true });
    fs.cpSync(`${data}/2021`, path.join(root, "2030"), { recursive: true });
    const r = await runCli("diff", "2021", "2030", "--data", root);
    expect(r).toEqual({ code: 0, stdout: "Năm 2021 và năm 2030 giống nhau.", stderr: "" });
  });

  it("never calls two different printed reports identical: a difference no field explains is listed as printed lines", async () => {
    const p = await printedYear(data, "2021");
    if (!p.ok) throw new Error("the fixture year must build");
    const altered = { ...p.year, markdown: p.year.markdown.replace("Ban Dân vận Tỉnh ủy báo cáo", "Ban Dân vận Tỉnh ủy xin báo cáo") };
    const d = compareYears(p.year, altered);
    expect(d.identical).toBe(false);
    expect(d.other).toEqual([{ old: "Ban Dân vận Tỉnh ủy báo cáo như sau:", new: "Ban Dân vận Tỉnh ủy xin báo cáo như sau:" }]);
  });

  it("shows changed sentences word by word", () => {
    expect(wordDiff("Toàn tỉnh tiếp nhận đơn", "Toàn tỉnh đã tiếp nhận đơn")).toEqual([
      { op: "=", text: "Toàn tỉnh" },
      { op: "+", text: "đã" },
      { op: "=", text: "tiếp nhận đơn" },
    ]);
  });

  for (const [format, ext] of [["text", "txt"], ["json", "json"], ["md", "md"]]) {
    it(`${format} output matches its golden file`, async () => {
      const r = await runCli("diff", "2020", "2021", "--data", data, "--format", format);
      expect(r.code).toBe(0);
      const golden = `tests/golden/diff/changes.${ext}`;
      if (process.env.UPDATE) {
        fs.mkdirSync("tests/golden/diff", { recursive: true });
        fs.writeFileSync(golden, `${r.stdout}\n`);
      }
      expect(`${r.stdout}\n`).toBe(fs.readFileSync(golden, "utf8"));
    });
  }

  it("compares the identity: number, date, place, title, period, signer, recipients, appendix heading", async () => {
    const d = await json();
    const fields = d.identity.map((f: { field: string }) => f.field);
    for (const f of ["number", "place", "date", "title.1", "period", "signer.name", "recipients.3", "appendix.heading", "appendix.title.1"]) expect(fields).toContain(f);
    expect(d.identity.find((f: { field: string }) => f.field === "date")).toMatchObject({ old: "ngày 28 tháng 12 năm 2020", new: "ngày 05 tháng 02 năm 2021" });
  });

  it("shows a figure as printed — computed when its stated total is dropped — with its label and sentence, once", async () => {
    const d = await json();
    const total = d.figures.find((f: { path: string }) => f.path === "don");
    // 2021 has no stated total: the report prints the parts' sum, 1.707, not "(trống)".
    expect(total).toMatchObject({ label: "Số đơn tiếp nhận", old: "1.618", new: "1.707", delta: 89 });
    expect(total.context).toContain("tiếp nhận 1.707 đơn");
    expect(d.figures.filter((f: { path: string }) => f.path === "don")).toHaveLength(1);
    // A figure inside a sentence that changed otherwise is shown in that sentence, as printed (92,3%).
    const changed = d.sections.changed.flatMap((s: { sentences: Array<{ old?: string; new?: string }> }) => s.sentences);
    expect(changed.some((s: { old?: string; new?: string }) => s.old?.includes("92,3%") && s.new?.includes("94,1%"))).toBe(true);
    expect(JSON.stringify(d)).not.toContain("{{");
  });

  it("matches footnotes by id, a renamed id with the same text being a rename", async () => {
    const d = await json();
    expect(d.footnotes).toContainEqual({ kind: "renamed", id: "nguon-so-lieu", from: "nguon", number: 1 });
    expect(d.footnotes.map((f: { kind: string; id: string }) => `${f.kind}:${f.id}`).sort()).toEqual(["added:bao", "changed:kiem-tra", "removed:cu", "renamed:nguon-so-lieu"]);
  });

  it("matches register entries by number and symbol: a changed summary, a move between groups, additions, removals", async () => {
    const d = await json();
    const byNumber = Object.fromEntries(d.register.map((r: { number: string; kind: string }) => [`${r.kind} ${r.number}`, r]));
    expect(byNumber["changed Kế hoạch số 12-KH/TU"].fields.map((f: { field: string }) => f.field)).toEqual(["summary"]);
    expect(byNumber["changed Kế hoạch số 31-KH/TU"].fields.map((f: { field: string }) => f.field)).toEqual(["group"]);
    expect(Object.keys(byNumber)).toContain("added Kế hoạch số 44-KH/TU");
    expect(Object.keys(byNumber)).toContain("removed Kế hoạch số 20-KH/TU");
  });

  it("lists sections: added, changed headings and blocks of every kind", async () => {
    const d = await json();
    expect(d.sections.added).toEqual([{ section: "to-chuc", heading: "III- Tổ chức thực hiện" }]);
    const blocks = d.sections.changed[0].sentences.map((s: { block: string; kind: string }) => `${s.kind} ${s.block}`);
    expect(blocks).toEqual(["changed heading", "changed paragraph", "added bullet", "changed subheading", "changed numbered"]);
  });

  it("lists the same changes in the same order in text, json and md", async () => {
    const d = await json();
    const text = (await runCli("diff", "2020", "2021", "--data", data)).stdout;
    const md = (await runCli("diff", "2020", "2021", "--data", data, "--format", "md")).stdout;
    const order = ["Thông tin văn bản", "Mục", "Số liệu", "Chú thích", "Danh mục văn bản"];
    const at = (s: string) => order.map((h) => s.indexOf(h));
    expect(at(text)).toEqual([...at(text)].sort((a, b) => a - b));
    expect(at(md)).toEqual([...at(md)].sort((a, b) => a - b));
    expect(Object.keys(d).slice(5, 10)).toEqual(["identity", "sections", "figures", "footnotes", "register"]);
    for (const f of d.figures) {
      expect(text).toContain(`${f.label}: ${f.old} → ${f.new}`);
      expect(md.replace(/\\/g, "")).toContain(`${f.label}: ${f.old} → ${f.new}`);
    }
  });

  it("refuses a year that cannot be read, with its diagnostics (exit 1)", async () => {
    const root = copy(data);
    fs.writeFileSync(path.join(root, "2021/sections/01-ket-qua.yaml"), "level: 1\nheading: [không đóng\n");
    const r = await runCli("diff", "2020", "2021", "--data", root);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/01-ket-qua\.yaml:\d+:\d+: lỗi DV\d{3}/);
    expect(r.stderr).toContain("Không so sánh được năm 2020 với năm 2021");
  });

  it("a year with errors compared with itself lists each finding once", async () => {
    const root = copy(data);
    fs.writeFileSync(path.join(root, "2021/sections/01-ket-qua.yaml"), "level: 1\nheading: [không đóng\n");
    const r = await runCli("diff", "2021", "2021", "--data", root);
    expect(r.code).toBe(1);
    const findings = r.stderr.split("\n").filter((l) => /01-ket-qua\.yaml:\d+:\d+: lỗi DV\d{3}/.test(l));
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings).size).toBe(findings.length);
  });

  it("compares a draft as `build-report --draft` prints it, blanks as […], and says which year is a draft", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-diff-"));
    fs.cpSync(`${data}/2021`, path.join(root, "2021"), { recursive: true });
    expect((await runCli("new", "2022", "--data", root)).code).toBe(0);
    const r = await runCli("diff", "2021", "2022", "--data", root);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("So sánh năm 2021 → năm 2022 (năm 2022 là bản nháp: chỗ còn trống in là […])");
    const d = JSON.parse((await runCli("diff", "2021", "2022", "--data", root, "--format", "json")).stdout);
    expect(d.drafts).toEqual(["2022"]);
    expect(d.figures).toContainEqual(expect.objectContaining({ label: "Số hội nghị đối thoại", old: "15", new: "[…]" }));
  });

  it("takes --out only with --format docx", async () => {
    const r = await runCli("diff", "2020", "2021", "--data", data, "--out", "x");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("DV030");
  });
});
