/** Numbering is a profile value a report can override, written as text by the view. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkYear, locator } from "../../src/pipeline.js";
import { renderMarkdown } from "../../src/render/index.js";
import { numberLabel } from "../../src/render/view.js";

describe("numbering", () => {
  it("formats roman, arabic and letter labels", () => {
    expect(numberLabel("{roman}-", 4)).toBe("IV-");
    expect(numberLabel("{n}.", 12)).toBe("12.");
    expect(numberLabel("{alpha})", 2)).toBe("b)");
  });

  it("letters items in the Vietnamese alphabet: a) b) c) d) đ) e) g) h) i) k) …, then aa)", () => {
    expect(Array.from({ length: 23 }, (_, i) => numberLabel("{alpha})", i + 1)).join(" ")).toBe("a) b) c) d) đ) e) g) h) i) k) l) m) n) o) p) q) r) s) t) u) v) x) y)");
    expect(numberLabel("{alpha})", 24)).toBe("aa)");
    expect(numberLabel("{alpha})", 23 * 24)).toBe("yy)");
  });

  it("numbers items directly under a Roman section 1., 2. and a), b) under a 1. (state profile, NĐ 30/2020)", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-numbering-"));
    fs.cpSync("tests/fixtures/years/district/2024", path.join(root, "2024"), { recursive: true });
    const top = path.join(root, "2024/sections/04-phuong-huong.yaml");
    fs.writeFileSync(top, `${fs.readFileSync(top, "utf8").trimEnd()}\n  - numbered:\n      - Tiếp tục tiếp dân.\n      - Đối thoại định kỳ.\n`);
    const c = checkYear(root, "2024");
    expect(c.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const md = renderMarkdown(c.report!, locator(c.files)).markdown!;
    expect(md).toMatch(/^1\\\. Tiếp tục tiếp dân\.\n\n2\\\. Đối thoại định kỳ\./m);
    expect(md).toMatch(/^a\) Một số vụ việc/m);
    expect(md).toMatch(/^b\) Việc công khai/m);
  });

  it("takes a report's format.numbering over its profile's", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-numbering-"));
    fs.cpSync("tests/fixtures/years/district/2024", path.join(root, "2024"), { recursive: true });
    const report = path.join(root, "2024/report.yaml");
    fs.writeFileSync(report, fs.readFileSync(report, "utf8").replace("  zeroPadCounts: true\n", '  zeroPadCounts: true\n  numbering:\n    level1: "Phần {roman}."\n    items: "{n})"\n'));
    const c = checkYear(root, "2024");
    expect(c.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const md = renderMarkdown(c.report!, locator(c.files)).markdown!;
    expect(md).toContain("## Phần I. Kết quả thực hiện");
    expect(md).toContain("### 1\\. Tiếp công dân");
    expect(md).toMatch(/^1\\\) Một số vụ việc/m);
  });
});
