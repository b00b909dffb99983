/** `danvan new`: a draft year whose every missing figure `danvan check` points at. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { runCli } from "../helpers/run-cli.js";
import { DATA_ROOT } from "../helpers/data.js";

function dataCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-new-"));
  fs.cpSync("tests/fixtures/years/pair", dir, { recursive: true });
  return dir;
}

describe("danvan new", () => {
  it("creates the year from the latest one, figures emptied, prose and the register's entries inside the new window kept", async () => {
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
    // The 2022 report covers 2021 (period 2021 - 2021): the entry of January 2021 is one of its facts too.
    expect(docs.groups[0].types[0].documents).toEqual([{ id: "15-kh-tu", number: "15-KH/TU", date: "2021-01-20", summary: 'Thực hiện "Năm Dân vận khéo" 2020.' }]);
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
    // Dated before the new period's window (2021), so the cited entry is a blank for the new period's document.
    docs.groups[0].types[0].documents[0].date = "2020-11-20";
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

type Docs = { groups: Array<{ types: Array<{ documents: Array<{ id: string; number: string | null; date: string | null; summary: string | null }> }> }> };
const entries = (file: string) => (parse(fs.readFileSync(file, "utf8")) as Docs).groups.flatMap((g) => g.types.flatMap((t) => t.documents));
const statsOf = (file: string) => (parse(fs.readFileSync(file, "utf8")) as { statistics: Record<string, { values: Record<string, unknown> }> }).statistics;

describe("danvan new keeps the facts that do not change", () => {
  it("a five-year programme moved on a year keeps its documents and series years inside the new window; only what is new is blank", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-new-keep-"));
    fs.cpSync(path.join(DATA_ROOT, "2021"), path.join(root, "2021"), { recursive: true });
    expect((await runCli("new", "2022", "--data", root)).code).toBe(0);
    const before = entries(path.join(root, "2021/documents.yaml"));
    const after = new Map(entries(path.join(root, "2022/documents.yaml")).map((d) => [d.id, d]));
    const cited = new Set([...fs.readdirSync(path.join(root, "2021/sections")).flatMap((f) => [...fs.readFileSync(path.join(root, "2021/sections", f), "utf8").matchAll(/\{\{doc(?:summary)? "([^"]+)"/g)].map((m) => m[1]))]);
    // The window of 2018 - 2022: an entry dated 2018-2021 stays whole; one of 2017 goes, or stays as a blank where the text cites it.
    for (const d of before) {
      if (d.date! >= "2018-01-01") expect(after.get(d.id)).toEqual(d);
      else if (cited.has(d.id)) expect(after.get(d.id)).toEqual({ id: d.id, number: null, date: null, summary: null });
      else expect(after.has(d.id)).toBe(false);
    }
    expect(before.some((d) => d.date! < "2018" && cited.has(d.id)) && before.some((d) => d.date! < "2018" && !cited.has(d.id))).toBe(true);
    // The series of 2017 - 2021 keeps 2018 - 2021 as they were, drops 2017, and has 2022 to fill, of the same shape.
    const [was, now] = ["2021", "2022"].map((y) => statsOf(path.join(root, y, "sections/02-7-mat-tran.yaml"))["ii7-giam-sat"].values);
    expect(Object.keys(now)).toEqual(["2018", "2019", "2020", "2021", "2022"]);
    for (const y of ["2018", "2019", "2020", "2021"]) expect(now[y]).toEqual(was[y]);
    expect(now["2022"]).toEqual({ parts: { "cap-tinh": null, "cap-huyen": null, "cap-xa": null } });
    // The checklist asks only for what is new: each cited document of 2017, no kept one, nothing that is not a blank.
    const checked = await runCli("check", "2022", "--data", root, "--format", "json");
    const diags = JSON.parse(checked.stdout).diagnostics as Array<{ code: string; severity: string; message: string }>;
    expect(diags.filter((d) => d.code === "DV501")).toHaveLength(before.filter((d) => d.date! < "2018" && cited.has(d.id)).length);
    expect(diags.filter((d) => d.severity === "error" && !/^DV50[012]$/.test(d.code))).toEqual([]);
    expect((await runCli("check", "2022", "--draft", "--data", root)).code).toBe(0);
  });

  it("a half-year report drops last year's months and register, and blanks this year's months; cited entries stay as blanks", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-new-half-"));
    fs.cpSync("tests/fixtures/periods", root, { recursive: true });
    expect((await runCli("new", "2024-h1", "--data", root)).code).toBe(0);
    const now = statsOf(path.join(root, "bao-cao-6-thang/2024-h1/sections/01-ket-qua.yaml"));
    const series = Object.values(now).find((s) => "values" in s && Object.keys(s.values).some((k) => k.startsWith("2024-")))!;
    expect(series.values).toEqual(Object.fromEntries(["01", "02", "03", "04", "05", "06"].map((m) => [`2024-${m}`, null])));
    // Every 2023 entry lies outside the 2024 half-year: the cited ones stay as blanks, the others go.
    const text = fs.readdirSync(path.join(root, "bao-cao-6-thang/2023-h1/sections")).map((f) => fs.readFileSync(path.join(root, "bao-cao-6-thang/2023-h1/sections", f), "utf8")).join("\n");
    const file = path.join(root, "bao-cao-6-thang/2024-h1/documents.yaml");
    const left = fs.existsSync(file) ? entries(file) : [];
    for (const d of entries(path.join(root, "bao-cao-6-thang/2023-h1/documents.yaml"))) {
      const kept = left.find((e) => e.id === d.id);
      if (text.includes(`"${d.id}"`)) expect(kept).toEqual({ id: d.id, number: null, date: null, summary: null });
      else expect(kept).toBeUndefined();
    }
  });

  it("a yearly report with a quarterly series: the four quarters of the new year to fill, the text citing them moved", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-new-quarters-"));
    fs.cpSync("tests/fixtures/years/district", root, { recursive: true });
    const r = await runCli("new", "2025", "--data", root);
    expect(r.code).toBe(0);
    const now = statsOf(path.join(root, "2025/sections/02-tiep-dan.yaml"))["tiep-dan"].values;
    expect(now).toEqual({ "2025-q1": null, "2025-q2": null, "2025-q3": null, "2025-q4": null });
    expect(fs.readFileSync(path.join(root, "2025/sections/02-tiep-dan.yaml"), "utf8")).toContain('quý II: {{n "tiep-dan.2025-q2"}}');
    expect(r.stdout).toContain('"tiep-dan.2024-q2" → "tiep-dan.2025-q2"');
    const checked = JSON.parse((await runCli("check", "2025", "--data", root, "--format", "json")).stdout) as { diagnostics: Array<{ code: string; severity: string }> };
    expect(checked.diagnostics.filter((d) => d.severity === "error" && !/^DV50[012]$/.test(d.code))).toEqual([]);
  });
});
