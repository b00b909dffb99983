/**
 * A figure table by unit or by group (a section's `table:` block), end to end on the fictional province:
 * its cells in the Markdown one by one, the same cells read back from the DOCX by python-docx with their
 * styles, alignment and spans; a draft's missing unit; and check's refusals at the block's position.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { fillAll, FIXTURE, province, type Province } from "./helpers.js";

const TABLES = path.join(FIXTURE, "tables/02-bang.yaml");
const READ_TABLES = path.join(path.dirname(new URL(import.meta.url).pathname), "docx-tables.py");
const BASE = "21-BC-BTGDVTU-2022";

interface DocxCell {
  text: string;
  style: string | null;
  align: string | null;
  span: number;
}
interface DocxTable {
  rows: DocxCell[][];
  header: boolean[];
  widths: number[];
}

/** The province with every unit's workbook imported and the tables' section added. */
async function withTables(): Promise<Province> {
  const p = await province();
  const r = await runCli("collect", "import", "2022", ...fillAll(p), "--data", p.data);
  expect(r.code).toBe(0);
  fs.copyFileSync(TABLES, path.join(p.data, "2022/sections/02-bang.yaml"));
  return p;
}

/** The pipe tables of a Markdown file, each as rows of cells (the delimiter row left out). */
function markdownTables(md: string): string[][][] {
  const tables: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of md.split("\n")) {
    if (!line.startsWith("|")) {
      current = undefined;
      continue;
    }
    if (!current) tables.push((current = []));
    // No cell of these tables holds a pipe: the row's cells are what lies between them.
    const cells = line.split("|").slice(1, -1).map((c) => c.trim());
    if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
    current.push(cells);
  }
  return tables;
}

const BY_UNIT = [
  ["STT", "Đơn vị", "Đơn khiếu nại", "Đơn tố cáo", "Tổng số"],
  ["**I**", "**Đảng ủy các xã, phường**", "**86**", "**1.621**", "**1.707**"],
  ["1", "Đảng ủy xã Phú Hải", "12", "1.611", "1.623"],
  ["2", "Đảng ủy xã Lâm Sơn", "20", "5", "25"],
  ["3", "Đảng ủy phường An Lạc", "31", "2", "33"],
  ["4", "Đảng ủy xã Tân Phong", "8", "0", "8"],
  ["5", "Đảng ủy xã Hòa Bình", "15", "3", "18"],
  ["**II**", "**Sở, ban, ngành**", "**51**", "**13**", "**64**"],
  ["1", "Sở Nội vụ", "7", "1", "8"],
  ["2", "Sở Tài chính", "4", "0", "4"],
  ["3", "Thanh tra tỉnh", "40", "12", "52"],
  ["", "**Tổng cộng**", "**137**", "**1.634**", "**1.771**"],
];
// 80/86 = 93,0 %, 45/51 = 88,2 %, and the total's 125/137 = 91,2 % from its own sums, not the rates' average (90,6).
const BY_GROUP = [
  ["STT", "Nhóm đơn vị", "Đơn khiếu nại đã giải quyết", "Đơn khiếu nại", "Tỷ lệ (%)"],
  ["1", "Đảng ủy các xã, phường", "80", "86", "93,0"],
  ["2", "Sở, ban, ngành", "45", "51", "88,2"],
  ["", "**Tổng cộng**", "**125**", "**137**", "**91,2**"],
];
const SERIES = [
  ["STT", "Đơn vị", "6 tháng đầu năm 2022", "6 tháng cuối năm 2022", "Tổng số"],
  ["1", "Đảng ủy xã Phú Hải", "1", "0", "1"],
  ["2", "Đảng ủy xã Lâm Sơn", "2", "3", "5"],
  ["3", "Đảng ủy phường An Lạc", "1", "1", "2"],
  ["4", "Đảng ủy xã Tân Phong", "0", "2", "2"],
  ["5", "Đảng ủy xã Hòa Bình", "2", "2", "4"],
  ["", "**Tổng cộng**", "**6**", "**8**", "**14**"],
];
const DECIMALS = [
  ["STT", "Đơn vị", "Nhân dân đóng góp xây dựng nông thôn mới"],
  ["1", "Đảng ủy xã Phú Hải", "1,5"],
  ["2", "Đảng ủy xã Lâm Sơn", "2,5"],
  ["3", "Đảng ủy phường An Lạc", "0,5"],
  ["4", "Đảng ủy xã Tân Phong", "1,0"],
  ["5", "Đảng ủy xã Hòa Bình", "3,5"],
  ["", "**Tổng cộng**", "**9,0**"],
];
const EXPECTED = [BY_UNIT, BY_GROUP, SERIES, DECIMALS];
const plain = (t: string[][]) => t.map((r) => r.map((c) => c.replace(/\*\*/g, "")));

describe("figure tables by unit and by group", () => {
  let p: Province;
  let md: string;
  let docx: string;
  beforeAll(async () => {
    p = await withTables();
    const checked = await runCli("check", "2022", "--data", p.data);
    expect(checked.stdout).toContain("0 lỗi, 0 cảnh báo");
    const out = path.join(p.dir, "out");
    expect((await runCli("build-report", "2022", "--data", p.data, "--out", out)).code).toBe(0);
    md = fs.readFileSync(path.join(out, `${BASE}.md`), "utf8");
    docx = path.join(out, `${BASE}.docx`);
  }, 120_000);

  it("prints each table in the Markdown, cell by cell, after its title and unit line", () => {
    const tables = markdownTables(md);
    // The appendix register is the last table.
    expect(tables.slice(0, 4)).toEqual(EXPECTED);
    expect(md).toContain("**Đơn khiếu nại, tố cáo tiếp nhận theo đơn vị**\n\n*Đơn vị tính: đơn*\n\n| STT | Đơn vị |");
    expect(md).toContain("| :-: | :- | -: | -: | -: |");
    // The table's total is the figure the prose cites: one sum.
    expect(md).toContain("tiếp nhận 1.771 đơn (khiếu nại: 137 đơn, tố cáo: 1.634 đơn)");
  });

  it("lays out the same cells in the DOCX: heading repeated, figures right, totals in the total style, the total's label over two columns", () => {
    const tables = JSON.parse(execFileSync(READ_TABLES, [docx], { encoding: "utf8" })) as DocxTable[];
    const figureTables = tables.slice(0, 4);
    expect(figureTables.map((t) => t.rows.map((r) => r.map((c) => c.text)))).toEqual(EXPECTED.map((t) => plain(t).map((r, i) => (i === t.length - 1 ? r.slice(1) : r))));
    const [byUnit] = figureTables;
    expect(byUnit.header).toEqual([true, ...Array(11).fill(false)]);
    expect(byUnit.rows[0].every((c) => c.style === "TableHeading")).toBe(true);
    expect(byUnit.rows[2].map((c) => [c.style, c.align])).toEqual([["TableText", "center"], ["TableText", "left"], ["TableText", "right"], ["TableText", "right"], ["TableText", "right"]]);
    expect(byUnit.rows[1].map((c) => c.style)).toEqual(Array(5).fill("TableTotal"));
    expect(byUnit.rows[11].map((c) => [c.span, c.align])).toEqual([[2, "center"], [1, "right"], [1, "right"], [1, "right"]]);
    // Number, name, then equal figure columns filling the text width (party profile: 9355 twips).
    expect(byUnit.widths.reduce((a, b) => a + b, 0)).toBe(9355);
    expect(new Set(byUnit.widths.slice(2)).size).toBe(1);
    const xml = execFileSync("/usr/bin/python3", ["-c", "import sys,zipfile;print(zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode())", docx], { encoding: "utf8" });
    expect(xml).toContain('<w:pStyle w:val="TableTitle"/>');
    expect(xml).toContain('<w:pStyle w:val="TableUnit"/>');
  });

  it("prints a not-yet-reported unit's row and every sum it enters as a blank in a draft", async () => {
    const q = await withTables();
    fs.rmSync(path.join(q.data, "2022/units/so-tai-chinh.yaml"));
    const out = path.join(q.dir, "out");
    const r = await runCli("build-report", "2022", "--draft", "--data", q.data, "--out", out, "--format", "md");
    expect(r.code).toBe(0);
    const [byUnit, byGroup] = markdownTables(fs.readFileSync(path.join(out, `${BASE}-du-thao.md`), "utf8"));
    expect(byUnit[9]).toEqual(["2", "Sở Tài chính", "`[…]`", "`[…]`", "`[…]`"]);
    expect(byUnit[7]).toEqual(["**II**", "**Sở, ban, ngành**", "**`[…]`**", "**`[…]`**", "**`[…]`**"]);
    expect(byUnit[2]).toEqual(["1", "Đảng ủy xã Phú Hải", "12", "1.611", "1.623"]);
    expect(byUnit[11]).toEqual(["", "**Tổng cộng**", "**`[…]`**", "**`[…]`**", "**`[…]`**"]);
    expect(byGroup[1]).toEqual(["1", "Đảng ủy các xã, phường", "80", "86", "93,0"]);
    expect(byGroup[2]).toEqual(["2", "Sở, ban, ngành", "`[…]`", "`[…]`", "`[…]`"]);
  });

  it("prints - for the rate of a row whose whole is 0", async () => {
    const q = await withTables();
    const file = path.join(q.data, "2022/units/so-tai-chinh.yaml");
    const text = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, text.replace(/(don-thu\.khieu-nai:\n    value:) 4/, "$1 0").replace(/(gq-khieu-nai\.part:\n    value:) 3/, "$1 0"));
    fs.writeFileSync(path.join(q.data, "2022/sections/02-bang.yaml"), "level: 1\nheading: Bảng\nbody:\n  - table:\n      statistic: gq-khieu-nai\n      by: unit\n      groups: [so-nganh]\n");
    const out = path.join(q.dir, "out");
    expect((await runCli("build-report", "2022", "--data", q.data, "--out", out, "--format", "md")).code).toBe(0);
    const [table] = markdownTables(fs.readFileSync(path.join(out, `${BASE}.md`), "utf8"));
    expect(table.slice(1)).toEqual([
      ["1", "Sở Nội vụ", "7", "7", "100,0"],
      ["2", "Sở Tài chính", "0", "0", "-"],
      ["3", "Thanh tra tỉnh", "35", "40", "87,5"],
      ["", "**Tổng cộng**", "**42**", "**47**", "**89,4**"],
    ]);
  });
});

describe("check on figure tables", () => {
  it("refuses, each at its key, an unknown statistic, one not collected, an unknown group, one the statistic is not collected from, and a rate whose whole no unit reports", async () => {
    const p = await withTables();
    const section = path.join(p.data, "2022/sections/02-bang.yaml");
    fs.writeFileSync(
      section,
      [
        "level: 1",
        "heading: Bảng",
        "body:",
        "  - table:",
        "      statistic: don-thuu",
        "      by: unit",
        "  - table:",
        "      statistic: tong-so",
        "      by: unit",
        "  - table:",
        "      statistic: hoi-nghi",
        "      by: group",
        "      groups: [xa, phuong]",
        "  - table:",
        "      statistic: hoi-nghi",
        "      by: unit",
        "      groups: [so-nganh]",
        "  - table:",
        "      statistic: ty-le",
        "      by: unit",
        "statistics:",
        "  tong-so:",
        "    kind: count",
        "    value: 500",
        "  ty-le:",
        "    kind: ratio",
        "    from: units",
        "    groups: [xa]",
        "    part: hoi-nghi",
        "    whole: tong-so",
        "",
      ].join("\n"),
    );
    const r = await runCli("check", "2022", "--data", p.data);
    expect(r.code).toBe(1);
    const at = (line: number, col: number, code: string) => new RegExp(`02-bang\\.yaml:${line}:${col}: lỗi ${code}: `);
    expect(r.stdout).toMatch(at(5, 18, "DV754"));
    expect(r.stdout).toContain('không có số liệu "don-thuu" (có phải ý bạn là "don-thu"?)');
    expect(r.stdout).toMatch(at(8, 18, "DV755"));
    expect(r.stdout).toContain('số liệu "tong-so" không thu từ các đơn vị');
    expect(r.stdout).toMatch(at(13, 20, "DV756"));
    expect(r.stdout).toContain('không có nhóm đơn vị "phuong" trong units.yaml');
    expect(r.stdout).toMatch(at(17, 16, "DV756"));
    expect(r.stdout).toContain('số liệu "hoi-nghi" không thu từ nhóm "so-nganh" (thu từ: xa)');
    expect(r.stdout).toMatch(at(19, 18, "DV757"));
    expect(r.stdout).toContain('cần số liệu "tong-so" của từng đơn vị, nhưng "tong-so" không thu từ các đơn vị');
    // build-report refuses the same findings, at the same places.
    const built = await runCli("build-report", "2022", "--data", p.data, "--out", path.join(p.dir, "out"));
    expect(built.code).toBe(1);
    for (const code of ["DV754", "DV755", "DV756", "DV757"]) expect(built.stdout + built.stderr).toContain(code);
  });

  it("counts a statistic printed only in a table as cited", async () => {
    const p = await withTables();
    const file = path.join(p.data, "2022/sections/01-ket-qua.yaml");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace('Các đơn vị tổ chức {{n "hoi-nghi"}} hội nghị đối thoại;', "Các đơn vị tổ chức hội nghị đối thoại;"));
    fs.appendFileSync(path.join(p.data, "2022/sections/02-bang.yaml"), "  - table:\n      statistic: hoi-nghi\n      by: unit\n");
    const r = await runCli("check", "2022", "--data", p.data);
    expect(r.stdout).not.toContain('"hoi-nghi" không được trích dẫn');
  });
});
