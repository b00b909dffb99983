/**
 * A figure typed as literal text in one year (as `import` without `--figures` reads it) and cited as a
 * statistic in the other prints the same: the reports do not differ, so the diff says so. It used to list
 * the sentence as changed with old and new text alike (a diff of nothing, and `identical: false`).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DATA_ROOT } from "../helpers/data.js";
import { runCli } from "../helpers/run-cli.js";

function twoYears(edit: (text: string) => string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-diff-literal-"));
  fs.cpSync(path.join(DATA_ROOT, "2021"), path.join(root, "2021"), { recursive: true });
  fs.cpSync(path.join(DATA_ROOT, "2021"), path.join(root, "2030"), { recursive: true });
  const file = path.join(root, "2030", "sections", "02-3-thong-tin.yaml");
  const before = fs.readFileSync(file, "utf8");
  const after = edit(before);
  expect(after).not.toBe(before);
  fs.writeFileSync(file, after);
  return root;
}

describe("danvan diff: a figure as a statistic in one year and as literal text in the other", () => {
  it("in the body: identical, no sentence listed", async () => {
    const root = twoYears((t) => t.replace('{{n "ii3-don-pakn"}} đơn PAKN;', "10.193 đơn PAKN;"));
    const r = await runCli("diff", "2021", "2030", "--data", root, "--format", "json");
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.sections.changed).toEqual([]);
    expect(d.other).toEqual([]);
    expect(d.identical).toBe(true);
  });

  it("in a footnote: identical, no footnote listed", async () => {
    const root = twoYears((t) => t.replace('đơn PAKN đạt tỷ lệ {{pct "ii3-gq-pakn"}}', "đơn PAKN đạt tỷ lệ 86,70%"));
    const r = await runCli("diff", "2021", "2030", "--data", root, "--format", "json");
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.footnotes).toEqual([]);
    expect(d.identical).toBe(true);
  });

  it("a real change beside it is still shown", async () => {
    const root = twoYears((t) => t.replace('{{n "ii3-don-pakn"}} đơn PAKN;', "10.193 đơn phản ánh, kiến nghị;"));
    const r = await runCli("diff", "2021", "2030", "--data", root, "--format", "json");
    const d = JSON.parse(r.stdout);
    expect(d.identical).toBe(false);
    expect(JSON.stringify(d.sections.changed)).toContain("kiến nghị");
  });
});
