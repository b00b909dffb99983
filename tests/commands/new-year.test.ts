/** `danvan new`: a draft year whose every missing figure `danvan check` points at. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { runCli } from "../helpers/run-cli.js";

function dataCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-new-"));
  fs.cpSync("tests/fixtures/years/pair", dir, { recursive: true });
  return dir;
}

describe("danvan new", () => {
  it("creates the year from the latest one, figures and register emptied, prose kept", async () => {
    const dir = dataCopy();
    const r = await runCli("new", "2022", "--data", dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("tạo từ năm 2021");
    const report = parse(fs.readFileSync(path.join(dir, "2022/report.yaml"), "utf8"));
    expect(report.number).toBeNull();
    expect(report.date).toBeNull();
    expect(report.period).toEqual({ from: 2021, to: 2021 });
    const section = parse(fs.readFileSync(path.join(dir, "2022/sections/01-ket-qua.yaml"), "utf8"));
    expect(section.statistics.don).toEqual({ kind: "breakdown", parts: { "khieu-nai": null, "to-cao": null } });
    expect(section.statistics["giai-quyet"]).toMatchObject({ part: null, whole: "don.khieu-nai", decimals: 1 });
    expect(section.body[0]).toContain("Toàn tỉnh đã tiếp nhận");
    const docs = parse(fs.readFileSync(path.join(dir, "2022/documents.yaml"), "utf8"));
    // Each entry keeps its id, so the sentences citing it still resolve; the rest is to fill.
    expect(docs.groups[0].types[0].documents).toEqual([{ id: "15-kh-tu", number: null, date: null, summary: null }]);
    const firstLine = (year: string) => fs.readFileSync(path.join(dir, year, "report.yaml"), "utf8").split("\n")[0];
    // The link is made for where the new year is: it resolves to this package's schema from the temp folder.
    const link = /^# yaml-language-server: \$schema=(.*report\.schema\.json)$/.exec(firstLine("2022"))![1];
    expect(fs.realpathSync(path.resolve(dir, "2022", link))).toBe(fs.realpathSync("schemas/report.schema.json"));
  });

  it("keeps the register's own columns and leaves each entry without last period's note", async () => {
    const dir = dataCopy();
    const reportFile = path.join(dir, "2021/report.yaml");
    const report = parse(fs.readFileSync(reportFile, "utf8"));
    const columns = [
      { role: "tt", label: "STT" },
      { role: "number", label: "Số, ký hiệu" },
      { role: "date", label: "Ngày ban hành" },
      { role: "summary", label: "Trích yếu" },
      { role: "note", label: "Ghi chú" },
    ];
    fs.writeFileSync(reportFile, stringify({ ...report, appendix: { heading: "PHỤ LỤC", ...report.appendix, columns } }));
    const docsFile = path.join(dir, "2021/documents.yaml");
    const docs = parse(fs.readFileSync(docsFile, "utf8"));
    docs.groups[0].types[0].documents[0].note = "Gửi kèm mẫu";
    fs.writeFileSync(docsFile, stringify(docs));
    expect((await runCli("new", "2022", "--data", dir)).code).toBe(0);
    expect(parse(fs.readFileSync(path.join(dir, "2022/report.yaml"), "utf8")).appendix.columns).toEqual(columns);
    expect(parse(fs.readFileSync(path.join(dir, "2022/documents.yaml"), "utf8")).groups[0].types[0].documents).toEqual([{ id: "15-kh-tu", number: null, date: null, summary: null }]);
  });

  it("leaves a year that `check` lists field by field, at file:line", async () => {
    const dir = dataCopy();
    await runCli("new", "2022", "--from", "2020", "--data", dir);
    const r = await runCli("check", "2022", "--data", dir, "--format", "json");
    expect(r.code).toBe(1);
    const diags = JSON.parse(r.stdout).diagnostics as Array<{ file: string; line: number; message: string }>;
    const files = new Set(diags.map((d) => path.basename(d.file)));
    expect(files).toEqual(new Set(["report.yaml", "documents.yaml", "01-ket-qua.yaml"]));
    expect(diags.every((d) => d.line > 1)).toBe(true);
    expect(diags.filter((d) => d.file.endsWith("01-ket-qua.yaml")).length).toBeGreaterThanOrEqual(5);
  });

  it("refuses to overwrite an existing year (exit 2)", async () => {
    const dir = dataCopy();
    const r = await runCli("new", "2021", "--data", dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("DV010");
  });
});
