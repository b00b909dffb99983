/**
 * Reports of every period on tests/fixtures/periods (a made-up office: a yearly and a six-month series, two
 * periods each, and a thematic report): check, build-report, new and diff on each kind; the indicator table read
 * cell by cell in the Markdown and back from the DOCX, by danvan's reading of the XML and by pandoc's.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { docxParts, decode } from "../helpers/build.js";
import { runCli } from "../helpers/run-cli.js";

const FIXTURE = "tests/fixtures/periods";

function copy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-periods-"));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "danvan-periods-out-"));

/** Vietnamese figures: thousands with dots, decimals with a comma. */
const vn = (x: number, decimals = 0) => x.toFixed(decimals).replace(".", ",");
/** A count compared as this period's share of the previous one, at one decimal. */
const asPercent = (now: number, then: number) => vn(Math.round((now / then) * 1000) / 10, 1);
/** A rate compared in points, from the rates as printed (one decimal). */
const points = (now: number, then: number) => {
  const d = Math.round(now * 10) / 10 - Math.round(then * 10) / 10;
  return `${d > 0 ? "+" : ""}${vn(d, 1)} điểm %`;
};

/** The pipe table under the indicators' heading row, as cells (Markdown escapes undone). */
function markdownTable(md: string): string[][] {
  const lines = md.split("\n");
  const start = lines.findIndex((l) => l.startsWith("| STT |"));
  expect(start).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of lines.slice(start)) {
    if (!line.startsWith("|")) break;
    rows.push(line.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\(.)/g, "$1")));
  }
  return [rows[0], ...rows.slice(2)];
}

/** Every table of the DOCX body whose first row starts with STT: its cells' text, row by row. */
function docxTable(file: string): string[][] {
  const xml = docxParts(file)["word/document.xml"];
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => decode(x[1])).join(""))),
  );
  const found = tables.filter((t) => t[0]?.[0] === "STT");
  expect(found).toHaveLength(1);
  return found[0];
}

/** The same table as pandoc reads the DOCX (another reader than danvan's). */
function pandocTable(file: string): string[][] {
  const html = execFileSync("pandoc", ["-f", "docx", "-t", "html", file], { encoding: "utf8" });
  const table = [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map((m) => m[0]).find((t) => />\s*STT\s*</.test(t));
  expect(table).toBeDefined();
  return [...table!.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((r) =>
    [...r[0].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => decode(c[1].replace(/<[^>]+>/g, "")).replace(/\s+/g, " ").trim()),
  );
}

const HEADING = ["STT", "Chỉ tiêu", "ĐVT", "Kỳ này", "Cùng kỳ năm trước", "So sánh (%)"];

async function build(root: string, period: string, formats = "docx,md") {
  const out = tmp();
  const r = await runCli("build-report", period, "--data", root, "--out", out, "--format", formats);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const file = (ext: string) => path.join(out, fs.readdirSync(out).find((f) => f.endsWith(ext)) ?? `missing${ext}`);
  return { r, out, md: formats.includes("md") ? fs.readFileSync(file(".md"), "utf8") : "", docx: file(".docx") };
}

describe("a data root of three series", () => {
  it("check reads every period of every series, and a series by its name", async () => {
    const all = await runCli("check", "--data", FIXTURE);
    expect(all.code).toBe(0);
    expect(all.stdout).toBe("Đã kiểm tra 5 kỳ (bao-cao-6-thang/2022-h1, bao-cao-6-thang/2023-h1, bao-cao-nam/2022, bao-cao-nam/2023, chuyen-de/dan-van-kheo-2023): 0 lỗi, 0 cảnh báo.");
    const one = await runCli("check", "bao-cao-6-thang", "--data", FIXTURE);
    expect(one.stdout).toBe("Đã kiểm tra 2 kỳ (bao-cao-6-thang/2022-h1, bao-cao-6-thang/2023-h1): 0 lỗi, 0 cảnh báo.");
    const json = JSON.parse((await runCli("check", "2023-h1", "bao-cao-nam/2023", "--data", FIXTURE, "--format", "json")).stdout);
    expect(json.summary).toEqual({ years: ["bao-cao-6-thang/2023-h1", "bao-cao-nam/2023"], errors: 0, warnings: 0, blanks: 0 });
  });

  it("builds a six-month report named by its period, its window printed, a figure of last year's period cited", async () => {
    const out = tmp();
    const r = await runCli("build-report", "2023-h1", "--data", FIXTURE, "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Báo cáo 6 tháng đầu năm 2023: 3 mục");
    expect(fs.readdirSync(out).sort()).toEqual(["21-BC-BDVHU-2023-h1.docx", "21-BC-BDVHU-2023-h1.md"]);
    const md = fs.readFileSync(path.join(out, "21-BC-BDVHU-2023-h1.md"), "utf8");
    expect(md).toContain("(số liệu tính từ ngày 15/12/2022 đến ngày 14/6/2023)");
    expect(md).toContain("so với cùng kỳ năm 2022 (42 mô hình)");
  });

  it("prints the six-month indicator table from the figures of both periods' folders, cell by cell, in both outputs", async () => {
    const { md, docx } = await build(FIXTURE, "bao-cao-6-thang/2023-h1");
    // 2023-h1 and 2022-h1 as their folders hold them.
    const rate = (part: number, whole: number) => (part / whole) * 100;
    const expected = [
      HEADING,
      ["1", 'Mô hình "Dân vận khéo" đăng ký mới', "mô hình", "51", "42", asPercent(51, 42)],
      ["2", "Hội nghị đối thoại với Nhân dân", "hội nghị", "18", "18", asPercent(18, 18)],
      ["3", "Đơn thư tiếp nhận", "đơn", "47", "50", asPercent(14 + 2 + 31, 12 + 3 + 35)],
      ["4", "Tỷ lệ đơn thư đã giải quyết", "%", vn(rate(43, 47), 1), vn(rate(44, 50), 1), points(rate(43, 47), rate(44, 50))],
      ["5", "Lượt công dân được tiếp", "lượt", "53", "51", asPercent(8 + 9 + 12 + 7 + 9 + 8, 9 + 7 + 11 + 8 + 10 + 6)],
    ];
    expect(expected[1][5]).toBe("121,4");
    expect(expected[4][5]).toBe("+3,5 điểm %");
    expect(markdownTable(md)).toEqual(expected);
    expect(docxTable(docx)).toEqual(expected);
    expect(pandocTable(docx)).toEqual(expected);
  });

  it("prints the yearly table against last year's folder, and the first period's from the previous values it states", async () => {
    const year = await build(FIXTURE, "2023");
    const rate = (part: number, whole: number) => (part / whole) * 100;
    expect(markdownTable(year.md)).toEqual([
      HEADING,
      ["1", 'Mô hình "Dân vận khéo" đăng ký mới', "mô hình", "96", "87", asPercent(96, 87)],
      ["2", "Hội nghị đối thoại với Nhân dân", "hội nghị", "40", "36", asPercent(40, 36)],
      ["3", "Đơn thư tiếp nhận", "đơn", "90", "100", asPercent(90, 100)],
      ["4", "Tỷ lệ đơn thư đã giải quyết", "%", vn(rate(86, 90), 1), vn(rate(93, 100), 1), points(rate(86, 90), rate(93, 100))],
    ]);
    expect(docxTable(year.docx)).toEqual(markdownTable(year.md));
    const first = await build(FIXTURE, "2022-h1");
    expect(markdownTable(first.md).slice(1)).toEqual([
      ["1", 'Mô hình "Dân vận khéo" đăng ký mới', "mô hình", "42", "35", asPercent(42, 35)],
      ["2", "Hội nghị đối thoại với Nhân dân", "hội nghị", "18", "15", asPercent(18, 15)],
      ["3", "Đơn thư tiếp nhận", "đơn", "50", "61", asPercent(50, 61)],
      ["4", "Tỷ lệ đơn thư đã giải quyết", "%", vn(rate(44, 50), 1), "85,2", points(rate(44, 50), 85.2)],
    ]);
  });

  it("builds the thematic report by its free id, with the window it states and the previous values it states", async () => {
    const { r, md, docx } = await build(FIXTURE, "dan-van-kheo-2023");
    expect(r.stdout).toContain("Báo cáo kỳ dan-van-kheo-2023:");
    expect(md).toContain("(số liệu tính từ ngày 01/01/2021 đến ngày 31/10/2023)");
    const total = 96 + 71 + 22 + 25;
    const expected = [
      HEADING,
      ["1", 'Mô hình "Dân vận khéo" được công nhận', "mô hình", String(total), "180", asPercent(total, 180)],
      ["2", "Trong đó, lĩnh vực kinh tế", "mô hình", "96", "80", asPercent(96, 80)],
      ["3", "Tỷ lệ mô hình được nhân rộng", "%", "62,5", "55,0", points(62.5, 55)],
    ];
    expect(markdownTable(md)).toEqual(expected);
    expect(docxTable(docx)).toEqual(expected);
  });

  it("a previous count of zero prints — and check warns; the state profile lays the table out too", async () => {
    const root = copy();
    const file = path.join(root, "bao-cao-nam/2022/sections/01-ket-qua.yaml");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("    value: 36\n", "    value: 0\n"));
    const report = path.join(root, "bao-cao-nam/2023/report.yaml");
    fs.writeFileSync(report, fs.readFileSync(report, "utf8").replace("profile: party", "profile: state"));
    const checked = await runCli("check", "2023", "--data", root);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain('cảnh báo DV813: "Hội nghị đối thoại với Nhân dân": cùng kỳ năm trước bằng 0');
    const out = tmp();
    const built = await runCli("build-report", "2023", "--data", root, "--out", out);
    expect(built.code).toBe(0);
    const md = fs.readFileSync(path.join(out, "28-BC-BDVHU-2023.md"), "utf8");
    expect(markdownTable(md)[2]).toEqual(["2", "Hội nghị đối thoại với Nhân dân", "hội nghị", "40", "0", "—"]);
    expect(docxTable(path.join(out, "28-BC-BDVHU-2023.docx"))[2]).toEqual(["2", "Hội nghị đối thoại với Nhân dân", "hội nghị", "40", "0", "—"]);
  });
});

describe("new, by kind", () => {
  it("new 2024-h1 starts from 2023-h1: years, window, title, the text naming the period, and the period cited move on", async () => {
    const root = copy();
    const r = await runCli("new", "2024-h1", "--data", root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Kỳ bao-cao-6-thang/2024-h1 (6 tháng đầu năm 2024) đã tạo từ kỳ bao-cao-6-thang/2023-h1.");
    const dir = path.join(root, "bao-cao-6-thang/2024-h1");
    const report = fs.readFileSync(path.join(dir, "report.yaml"), "utf8");
    expect(report).toContain("- sơ kết công tác dân vận 6 tháng đầu năm 2024,");
    expect(report).toContain("- phương hướng, nhiệm vụ 6 tháng cuối năm 2024");
    expect(report).toMatch(/period:\n {2}kind: half\n {2}from: 2024\n {2}to: 2024\n/);
    const results = fs.readFileSync(path.join(dir, "sections/01-ket-qua.yaml"), "utf8");
    expect(results).toContain('so với cùng kỳ năm 2023 ({{n "mo-hinh" period="2024-h1"}}'.replace("2024-h1", "2023-h1"));
    expect(r.stdout).toContain(`"6 tháng đầu năm 2023" → "6 tháng đầu năm 2024"`);
    expect(r.stdout).toContain(`"period=\\"2022-h1\\"" → "period=\\"2023-h1\\""`.replace(/\\"/g, '"'));
    expect(fs.existsSync(path.join(dir, "series.yaml"))).toBe(false);
    // The monthly series moves with the period, and so does a citation of one of its months.
    expect(results).toMatch(/values:\n {6}2024-01: null\n(?: {6}2024-0[2-6]: null\n){5}/);
    // Only blanks are left: no text still naming 2023's period, and the table reads its previous values from 2023-h1.
    const checked = JSON.parse((await runCli("check", "2024-h1", "--data", root, "--format", "json")).stdout) as { diagnostics: Array<{ code: string; severity: string }> };
    expect(checked.diagnostics.filter((d) => !/^DV50[012]$/.test(d.code))).toEqual([]);
    const out = tmp();
    const draft = await runCli("build-report", "2024-h1", "--data", root, "--out", out, "--draft");
    expect(draft.code).toBe(0);
    const md = fs.readFileSync(path.join(out, "du-thao-2024-h1.md"), "utf8");
    expect(md).toContain("(số liệu tính từ ngày 15/12/2023 đến ngày 14/6/2024)");
    expect(markdownTable(md)[1]).toEqual(["1", 'Mô hình "Dân vận khéo" đăng ký mới', "mô hình", "`[…]`", "51", "`[…]`"]);
  });

  it("drops the previous values a table stated: the new period reads them from the period it was made from", async () => {
    const root = copy();
    fs.rmSync(path.join(root, "bao-cao-6-thang/2023-h1"), { recursive: true });
    expect((await runCli("new", "2023-h1", "--data", root)).code).toBe(0);
    const text = fs.readFileSync(path.join(root, "bao-cao-6-thang/2023-h1/sections/01-ket-qua.yaml"), "utf8");
    expect(text).toContain("  - indicators:\n      - mo-hinh\n      - hoi-nghi\n      - don-thu\n      - giai-quyet\n");
    const out = tmp();
    expect((await runCli("build-report", "2023-h1", "--data", root, "--out", out, "--draft")).code).toBe(0);
    const rows = markdownTable(fs.readFileSync(path.join(out, "du-thao-2023-h1.md"), "utf8"));
    expect(rows.map((r) => [r[4], r[5]])).toEqual([["Cùng kỳ năm trước", "So sánh (%)"], ["42", "`[…]`"], ["18", "`[…]`"], ["50", "`[…]`"], ["88,0", "`[…]`"]]);
  });

  it("a thematic report's next edition: the previous values it must state are blanks of the draft's checklist", async () => {
    const root = copy();
    expect((await runCli("new", "dan-van-kheo-2024", "--data", root)).code).toBe(0);
    const json = JSON.parse((await runCli("check", "dan-van-kheo-2024", "--data", root, "--format", "json")).stdout) as { diagnostics: Array<{ code: string; message: string }> };
    expect(json.diagnostics.filter((d) => !/^DV50[012]$/.test(d.code))).toEqual([]);
    expect(json.diagnostics.filter((d) => d.message.includes("cùng kỳ năm trước")).map((d) => d.code)).toEqual(["DV500", "DV500", "DV500"]);
    const out = tmp();
    expect((await runCli("build-report", "dan-van-kheo-2024", "--data", root, "--out", out, "--draft")).code).toBe(0);
    const rows = markdownTable(fs.readFileSync(path.join(out, "du-thao-dan-van-kheo-2024.md"), "utf8"));
    expect(rows.slice(1).map((r) => r.slice(3))).toEqual([["`[…]`", "`[…]`", "`[…]`"], ["`[…]`", "`[…]`", "`[…]`"], ["`[…]`", "`[…]`", "`[…]`"]]);
  });

  it("a yearly report drafted from the nine-month one: --from across kinds, the period text becomes the year's", async () => {
    const root = copy();
    const nine = await runCli("new", "bao-cao-9-thang/2023-9m", "--from", "2023-h1", "--data", root);
    expect(nine.code).toBe(0);
    const nineReport = fs.readFileSync(path.join(root, "bao-cao-9-thang/2023-9m/report.yaml"), "utf8");
    expect(nineReport).toContain("- sơ kết công tác dân vận 9 tháng đầu năm 2023,");
    expect(nineReport).toMatch(/kind: nine-months/);
    fs.rmSync(path.join(root, "bao-cao-nam/2023"), { recursive: true });
    const year = await runCli("new", "2023", "--from", "bao-cao-9-thang/2023-9m", "--data", root);
    expect(year.code).toBe(0);
    expect(year.stdout).toContain("Kỳ bao-cao-nam/2023 (năm 2023) đã tạo từ kỳ bao-cao-9-thang/2023-9m.");
    const yearReport = fs.readFileSync(path.join(root, "bao-cao-nam/2023/report.yaml"), "utf8");
    expect(yearReport).toContain("- sơ kết công tác dân vận năm 2023,");
    expect(yearReport).toMatch(/kind: year/);
    // The same period last year the six-month text cited (2022-h1) is the nine-month one's (2022-9m), then the year's.
    const nineText = fs.readFileSync(path.join(root, "bao-cao-9-thang/2023-9m/sections/01-ket-qua.yaml"), "utf8");
    expect(nineText).toContain('{{n "mo-hinh" period="2022-9m"}}');
    const yearText = fs.readFileSync(path.join(root, "bao-cao-nam/2023/sections/01-ket-qua.yaml"), "utf8");
    expect(yearText).toContain('{{n "mo-hinh" period="2022"}}');
    // The monthly series' months all lie in the year: those the six-month report gave stay with their
    // figures, those the nine-month draft left to fill stay blank, and the three months the year adds come blank.
    expect(yearText).toMatch(/values:\n {6}2023-01: \d+\n(?: {6}2023-0[2-6]: \d+\n){5}(?: {6}2023-0[7-9]: null\n){3}(?: {6}2023-1[0-2]: null\n){3}/);
    // Last year's yearly report kept no monthly series: the table's row says what to write.
    const checked = JSON.parse((await runCli("check", "bao-cao-nam/2023", "--data", root, "--format", "json")).stdout) as { diagnostics: Array<{ code: string; message: string }> };
    expect(checked.diagnostics.filter((d) => !/^DV50[012]$/.test(d.code)).map((d) => [d.code, d.message])).toEqual([["DV313", 'năm 2022 không có số liệu "tiep-dan": ghi previous (số liệu cùng kỳ) cho dòng này']]);
    // 2022-9m has no folder: the nine-month draft's citation says so, rather than printing a figure from
    // nowhere, and its table's previous values are blanks to fill.
    const nineChecked = JSON.parse((await runCli("check", "bao-cao-9-thang/2023-9m", "--data", root, "--format", "json")).stdout) as { diagnostics: Array<{ code: string; message: string }> };
    expect(nineChecked.diagnostics.filter((d) => !/^DV50[012]$/.test(d.code)).map((d) => d.code)).toEqual(["DV808"]);
    expect(nineChecked.diagnostics.filter((d) => d.message.includes("cùng kỳ năm trước"))).toHaveLength(5);
  });

  it("in today's year folders too: a yearly series' year and the sentences citing it move with the year", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-periods-pair-"));
    fs.cpSync("tests/fixtures/years/pair", root, { recursive: true });
    const r = await runCli("new", "2022", "--data", root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"giam-sat.2020" → "giam-sat.2021"');
    const text = fs.readFileSync(path.join(root, "2022/sections/01-ket-qua.yaml"), "utf8");
    expect(text).toContain('Năm 2021: {{n "giam-sat.2021"}} cuộc (cấp tỉnh {{n "giam-sat.2021.cap-tinh"}}).');
    expect(text).toMatch(/values:\n {6}"2021":\n {8}parts:\n {10}cap-tinh: null\n/);
    const checked = JSON.parse((await runCli("check", "2022", "--data", root, "--format", "json")).stdout) as { diagnostics: Array<{ code: string }> };
    expect(checked.diagnostics.filter((d) => !/^DV50[012]$/.test(d.code))).toEqual([]);
  });

  it("moves a window stated by hand as far as the period moved", async () => {
    const root = copy();
    const file = path.join(root, "bao-cao-6-thang/2023-h1/report.yaml");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("  to: 2023\n", '  to: 2023\n  window:\n    from: "2023-01-01"\n    to: "2023-06-30"\n'));
    expect((await runCli("new", "2024-h1", "--data", root)).code).toBe(0);
    expect(fs.readFileSync(path.join(root, "bao-cao-6-thang/2024-h1/report.yaml"), "utf8")).toContain('  window:\n    from: "2024-01-01"\n    to: "2024-06-30"\n');
  });

  it.each([
    [["new", "2023-q1"], 2, "DV806", "chưa có báo cáo quý nào để làm gốc cho quý I năm 2023; tạo từ một kỳ khác loại bằng --from"],
    [["new", "2023-q5"], 2, "DV003", 'kỳ "2023-q5" không ứng với loại báo cáo nào (quý là q1 đến q4)'],
    [["new", "2024-m06"], 2, "DV003", 'kỳ "2024-m06" viết chưa đúng: viết "2024-06"'],
    [["new", "2023-h1"], 2, "DV010", "kỳ bao-cao-6-thang/2023-h1 đã có"],
  ])("%j is refused (exit %i, %s), nothing written", async (args, code, dv, message) => {
    const root = copy();
    const before = fs.readdirSync(root, { recursive: true }).map(String).sort();
    const r = await runCli(...args, "--data", root);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(dv);
    expect(r.stderr).toContain(message);
    expect(fs.readdirSync(root, { recursive: true }).map(String).sort()).toEqual(before);
  });
});

describe("bad periods on the command line", () => {
  it("a period in two folders is named by its series", async () => {
    const root = copy();
    fs.cpSync(path.join(root, "bao-cao-6-thang/2023-h1"), path.join(root, "2023-h1"), { recursive: true });
    const out = tmp();
    const r = await runCli("build-report", "2023-h1", "--data", root, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("DV801: kỳ 2023-h1 có ở 2 thư mục: 2023-h1/, bao-cao-6-thang/2023-h1/; ghi rõ chuỗi báo cáo, ví dụ bao-cao-6-thang/2023-h1");
    expect(fs.readdirSync(out)).toEqual([]);
    expect((await runCli("build-report", "bao-cao-6-thang/2023-h1", "--data", root, "--out", out)).code).toBe(0);
  });

  it.each([
    ["2023-h3", "DV003"],
    ["bao-cao-6-thang/2021-h1", "DV004"],
    ["nosuch/2023-h1", "DV004"],
    ["a/b/c", "DV003"],
  ])("%s: exit 2 (%s)", async (period, code) => {
    const r = await runCli("check", period, "--data", FIXTURE);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(code);
  });
});

describe("import into a series", () => {
  it("reads a six-month report's DOCX into bao-cao-6-thang/2023-h1, which checks", async () => {
    const { docx } = await build(FIXTURE, "2023-h1", "docx");
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-periods-import-"));
    const r = await runCli("import", docx, "bao-cao-6-thang/2023-h1", "--data", root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Kỳ bao-cao-6-thang/2023-h1 (6 tháng đầu năm 2023) đã nhập từ");
    expect(fs.readdirSync(root)).toEqual(["bao-cao-6-thang"]);
    const checked = await runCli("check", "--data", root);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/Đã kiểm tra 1 kỳ \(bao-cao-6-thang\/2023-h1\): 0 lỗi/);
  });
});

describe("diff between periods of a series", () => {
  it("compares two six-month reports as it compares two years", async () => {
    const r = await runCli("diff", "2022-h1", "2023-h1", "--data", FIXTURE);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("So sánh 6 tháng đầu năm 2022 → 6 tháng đầu năm 2023");
    expect(r.stdout).toContain("Mô hình \"Dân vận khéo\" đăng ký mới: 42 → 51");
    const json = JSON.parse((await runCli("diff", "2022-h1", "2023-h1", "--data", FIXTURE, "--format", "json")).stdout);
    expect([json.from, json.to, json.identical]).toEqual(["bao-cao-6-thang/2022-h1", "bao-cao-6-thang/2023-h1", false]);
    expect(json.sections.changed.flatMap((s: { sentences: Array<{ block: string }> }) => s.sentences.map((x) => x.block))).toContain("indicator");
    const same = await runCli("diff", "bao-cao-nam/2023", "2023", "--data", FIXTURE);
    expect(same.stdout).toBe("Năm 2023 và năm 2023 giống nhau.");
  });

  it("writes the redline of two yearly reports in their series' out folder", async () => {
    const out = tmp();
    const r = await runCli("diff", "2022", "2023", "--data", FIXTURE, "--format", "docx", "--out", out);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(out)).toEqual(["28-BC-BDVHU-2023-so-voi-2022.docx"]);
  });
});

describe("a series' own cut-off day", () => {
  it("series.yaml window.endDay moves every window of the series; check counts the register against it", async () => {
    const root = copy();
    fs.appendFileSync(path.join(root, "bao-cao-6-thang/series.yaml"), "window:\n  endDay: 31\n");
    const docs = path.join(root, "bao-cao-6-thang/2023-h1/documents.yaml");
    fs.writeFileSync(docs, fs.readFileSync(docs, "utf8").replace('date: "2023-01-09"', 'date: "2022-12-20"'));
    const checked = await runCli("check", "2023-h1", "--data", root);
    expect(checked.stdout).toContain("cảnh báo DV804: văn bản ngày 20/12/2022 nằm ngoài khung thời gian số liệu của báo cáo (01/01/2023 – 30/6/2023)");
    fs.writeFileSync(docs, fs.readFileSync(docs, "utf8").replace('date: "2022-12-20"', 'date: "2023-01-09"'));
    const { md } = await build(root, "2023-h1");
    expect(md).toContain("(số liệu tính từ ngày 01/01/2023 đến ngày 30/6/2023)");
  });

  it("fmt lays the series' file out once, with its periods", async () => {
    const root = copy();
    expect((await runCli("fmt", "--check", "--data", root)).code).toBe(0);
    const series = path.join(root, "bao-cao-6-thang/series.yaml");
    fs.writeFileSync(series, fs.readFileSync(series, "utf8").replace(/\n$/, "\nwindow: { endDay: 14 }\n"));
    const r = await runCli("fmt", "--data", root);
    expect(r.stdout.split("\n").filter((l) => l.includes("series.yaml"))).toEqual([`đã định dạng ${series}`]);
    expect(fs.readFileSync(series, "utf8")).toContain("window:\n  endDay: 14\n");
    expect((await runCli("check", "bao-cao-6-thang", "--data", root)).code).toBe(0);
  });
});
