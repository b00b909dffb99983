/** The schema fits reports other than 2021's: series periods, optional superior and appendix title. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkYear } from "../../src/pipeline.js";
import { PERIOD_KEY_PATTERN } from "../../src/validate/index.js";

const section = JSON.parse(fs.readFileSync("schemas/section.schema.json", "utf8"));

function district(edit: (dir: string) => void): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-validate-"));
  fs.cpSync("tests/fixtures/years/district/2024", path.join(root, "2024"), { recursive: true });
  edit(path.join(root, "2024"));
  return root;
}

function replaceIn(file: string, from: string, to: string): void {
  const text = fs.readFileSync(file, "utf8");
  expect(text).toContain(from);
  fs.writeFileSync(file, text.replace(from, to));
}

describe("series periods", () => {
  it("keeps the schema's pattern and the validator's in step", () => {
    expect(JSON.stringify(section)).toContain(JSON.stringify(PERIOD_KEY_PATTERN).slice(1, -1));
  });

  it("accepts years, quarters, months and half-years", () => {
    const re = new RegExp(PERIOD_KEY_PATTERN);
    for (const key of ["2019", "2019-q1", "2019-q4", "2019-01", "2019-12", "2019-h1", "2019-h2"]) expect(re.test(key), key).toBe(true);
    for (const key of ["2019-q5", "2019-13", "2019-00", "2019-h3", "19", "2019q1", "2019-Q1"]) expect(re.test(key), key).toBe(false);
  });

  it("reports each bad period at its own key, saying what a period looks like", () => {
    const root = district((dir) => {
      const file = path.join(dir, "sections/02-tiep-dan.yaml");
      replaceIn(file, "2024-q2: 38", "2024-q5: 38");
      replaceIn(file, "2024-q4: 29", "2024-Q4: 29");
    });
    const errors = checkYear(root, "2024").diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.code, d.line, d.col])).toEqual([
      ["DV202", 30, 7],
      ["DV202", 32, 7],
    ]);
    for (const d of errors) expect(d.message).toMatch(/quý \(2019-q1/);
    expect(errors[0].message).toContain('"2024-q5"');
  });
});

describe("periods and the report's period", () => {
  it("warns about a quarter outside the period by its year (DV344)", () => {
    const root = district((dir) => replaceIn(path.join(dir, "report.yaml"), "  from: 2024\n", "  from: 2025\n"));
    fs.writeFileSync(path.join(root, "2024/report.yaml"), fs.readFileSync(path.join(root, "2024/report.yaml"), "utf8").replace("  to: 2024\n", "  to: 2025\n"));
    const warnings = checkYear(root, "2024").diagnostics.filter((d) => d.code === "DV344");
    expect(warnings.map((d) => d.message)).toEqual(["2024-q1", "2024-q2", "2024-q3", "2024-q4"].map((k) => `kỳ ${k} nằm ngoài giai đoạn báo cáo 2025 - 2025`));
  });
});

describe("identity", () => {
  it("lets a unit without a superior body and an appendix without a title pass", () => {
    const root = district((dir) => {
      replaceIn(path.join(dir, "report.yaml"), "  title:\n    - danh mục văn bản chỉ đạo công tác dân vận chính quyền năm 2024\n", "");
    });
    const checked = checkYear(root, "2024");
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(checked.report!.identity.superior).toBeUndefined();
    expect(checked.report!.identity.appendix.title).toBeUndefined();
  });
});
