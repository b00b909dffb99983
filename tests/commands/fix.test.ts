/** `check --fix` repairs the mechanical text problems in place and touches nothing else. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { DATA_ROOT } from "../helpers/data.js";

describe("danvan check --fix", () => {
  it("repairs tone marks, NFC and spacing, keeps comments and layout, and lists each change", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-fix-"));
    fs.cpSync("tests/fixtures/check/damaged-text", dir, { recursive: true });
    const file = path.join(dir, "2021/sections/01-ket-qua.yaml");
    const before = fs.readFileSync(file, "utf8");
    const r = await runCli("check", "--data", dir, "--fix");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"Kết quả thưc̣ hiêṇ" → "Kết quả thực hiện"');
    expect(r.stdout).toContain("Đã tự sửa 3 dòng.");
    expect(r.stdout).toContain("0 lỗi, 0 cảnh báo");
    const after = fs.readFileSync(file, "utf8");
    const changed = before.split("\n").map((l, i) => [l, after.split("\n")[i]]).filter(([a, b]) => a !== b);
    expect(changed.map(([, b]) => b.trim())).toEqual([
      "heading: Kết quả thực hiện",
      '- subheading: "Nguyên nhân"',
      "Tiếp tục phối hợp, chấn chỉnh đạo đức công vụ trong đội ngũ.",
    ]);
    expect(after.split("\n")[0]).toBe(before.split("\n")[0]);
    // Nothing else in the year was rewritten.
    expect(fs.readFileSync(path.join(dir, "2021/report.yaml"), "utf8")).toBe(fs.readFileSync("tests/fixtures/check/damaged-text/2021/report.yaml", "utf8"));
  });

  it("finds nothing to fix in data/2021", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-fix-"));
    fs.cpSync(DATA_ROOT, dir, { recursive: true });
    const r = await runCli("check", "--data", dir, "--fix");
    expect(r.stdout).toContain("Đã tự sửa 0 dòng.");
  });
});
