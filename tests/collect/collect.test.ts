/**
 * `danvan collect`, end to end on a fictional province: templates made, filled by openpyxl and one saved by
 * LibreOffice Calc, with the mistakes units make; imported; checked; built. A year built from the units'
 * figures gives the same report, byte for byte, as the same year with the sums typed by hand.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { strFromU8, strToU8, unzipSync } from "fflate";
import { runCli } from "../helpers/run-cli.js";
import { execFileSync } from "node:child_process";
import { fill, fillAll, FILL, FILLS, FIXTURE, province, tmp } from "./helpers.js";

const ExcelJS = createRequire(import.meta.url)("exceljs") as typeof import("exceljs");

const unitFile = (data: string, code: string) => parse(fs.readFileSync(path.join(data, "2022/units", `${code}.yaml`), "utf8"));

describe("collect template", () => {
  it("writes one workbook per unit expected in 2022, the same bytes each time", async () => {
    const p = await province();
    const names = fs.readdirSync(p.mau).sort();
    // xa-cu-bai was merged away in 2021; xa-tan-phong was created in 2022.
    expect(names).toEqual(["phuong-an-lac", "so-noi-vu", "so-tai-chinh", "thanh-tra-tinh", "xa-hoa-binh", "xa-lam-son", "xa-phu-hai", "xa-tan-phong"].map((c) => `${c}.xlsx`).sort());
    const again = path.join(p.dir, "again");
    expect((await runCli("collect", "template", "2022", "--data", p.data, "--out", again)).code).toBe(0);
    for (const n of names) expect(fs.readFileSync(path.join(again, n)).equals(fs.readFileSync(path.join(p.mau, n)))).toBe(true);
  });

  it("locks everything but the inputs, validates them, hides the paths, names the unit and period", async () => {
    const p = await province();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(p.mau, "xa-phu-hai.xlsx"));
    const ws = wb.worksheets[0];
    expect(ws.name).toBe("Số liệu");
    expect(ws.getColumn(1).hidden).toBe(true);
    expect(ws.getColumn(2).hidden).toBe(true);
    expect(ws.sheetProtection?.sheet).toBe(true);
    expect(String(ws.getCell("C2").value)).toContain("Đảng ủy xã Phú Hải");
    expect(String(ws.getCell("C4").value)).toContain("Năm 2022");
    const rows: Record<string, number> = {};
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === "figure") rows[String(row.getCell(2).value)] = n;
    });
    // The communes report all seven figures; the departments only those collected from their group.
    expect(Object.keys(rows)).toEqual(["don-thu.khieu-nai", "don-thu.to-cao", "gq-khieu-nai.part", "hoi-nghi", "mo-hinh.2022-h1", "mo-hinh.2022-h2", "dong-gop"]);
    const input = ws.getCell(rows["don-thu.khieu-nai"], 7);
    expect(input.protection?.locked).toBe(false);
    expect(input.dataValidation).toMatchObject({ type: "whole", operator: "greaterThanOrEqual", showErrorMessage: true });
    expect(ws.getCell(rows["dong-gop"], 7).dataValidation).toMatchObject({ type: "decimal" });
    expect(ws.getCell(rows["don-thu.khieu-nai"], 4).protection?.locked).not.toBe(false);
    expect(String(ws.getCell(rows["don-thu.to-cao"], 4).value)).toBe("Đơn khiếu nại, tố cáo tiếp nhận — Đơn tố cáo");
    const dept = new ExcelJS.Workbook();
    await dept.xlsx.readFile(path.join(p.mau, "so-noi-vu.xlsx"));
    const paths: string[] = [];
    dept.worksheets[0].eachRow((row) => {
      if (row.getCell(1).value === "figure") paths.push(String(row.getCell(2).value));
    });
    expect(paths).toEqual(["don-thu.khieu-nai", "don-thu.to-cao", "gq-khieu-nai.part"]);
  });

  it("shows last period's value beside each input, from the unit's 2021 file", async () => {
    const p = await province();
    fs.mkdirSync(path.join(p.data, "2021/units"), { recursive: true });
    fs.writeFileSync(path.join(p.data, "2021/units/xa-phu-hai.yaml"), 'unit: xa-phu-hai\nperiod: "2021"\nsource:\n  file: xa-phu-hai.xlsx\n  sheet: Số liệu\nfigures:\n  hoi-nghi:\n    value: 9\n    cell: G15\n');
    const out = path.join(p.dir, "with-previous");
    expect((await runCli("collect", "template", "2022", "--data", p.data, "--out", out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, "xa-phu-hai.xlsx"));
    const ws = wb.worksheets[0];
    ws.eachRow((row) => {
      if (row.getCell(2).value === "hoi-nghi") expect(row.getCell(6).value).toBe(9);
    });
  });
});

describe("collect import", () => {
  it("reads every unit's workbook, however filled, and the year builds from the sums as if typed by hand", async () => {
    const p = await province();
    const files = fillAll(p);
    const r = await runCli("collect", "import", "2022", ...files, "--data", p.data);
    expect(r.stderr).not.toContain("lỗi");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Đã nhập 8/8 tệp");
    // Text numbers are read the Vietnamese way and said; the renamed sheet is read and said.
    expect(r.stderr).toContain('xa-phu-hai.xlsx!G13: số gõ dạng chữ "1.611", đọc là 1611');
    expect(r.stderr).toContain('xa-phu-hai.xlsx!G18: số gõ dạng chữ "1,5", đọc là 1,5');
    expect(r.stderr).toContain('DV775: trang tính đã đổi tên thành "Phường An Lạc"');
    // Provenance: the file and sheet once, each figure's cell; the text or formula as the unit wrote it.
    expect(unitFile(p.data, "xa-phu-hai").source).toEqual({ file: "xa-phu-hai.xlsx", sheet: "Số liệu" });
    const phuHai = unitFile(p.data, "xa-phu-hai").figures;
    expect(phuHai["don-thu.to-cao"]).toEqual({ value: 1611, cell: "G13", text: "1.611" });
    expect(phuHai["gq-khieu-nai.part"]).toEqual({ value: 10, cell: "G14", formula: "=5+5" });
    expect(unitFile(p.data, "phuong-an-lac").source.sheet).toBe("Phường An Lạc");
    // Sorted rows: each value still comes from its own path's row.
    const lamSon = unitFile(p.data, "xa-lam-son").figures;
    expect(lamSon["hoi-nghi"].value).toBe(4);
    expect(lamSon["dong-gop"].value).toBe(2.5);
    // The Calc-saved workbook: the formula's result as Calc saved it.
    expect(unitFile(p.data, "xa-hoa-binh").figures["don-thu.khieu-nai"]).toMatchObject({ value: 15, formula: "=10+5" });

    const checked = await runCli("check", "2022", "--data", p.data);
    expect(checked.stdout).toContain("0 lỗi, 0 cảnh báo");
    const out = path.join(p.dir, "out");
    expect((await runCli("build-report", "2022", "--data", p.data, "--out", out)).code).toBe(0);
    const md = fs.readFileSync(path.join(out, "21-BC-BTGDVTU-2022.md"), "utf8");
    expect(md).toContain("tiếp nhận 1.771 đơn (khiếu nại: 137 đơn, tố cáo: 1.634 đơn)");
    // The rate is recomputed from the summed part and whole: 125/137, never an average of the units' rates.
    expect(md).toContain("đã giải quyết 125/137 đơn khiếu nại, đạt 91,2%");
    expect(md).toContain("đóng góp 9,0 tỷ đồng");
    const typedOut = path.join(p.dir, "typed-out");
    expect((await runCli("build-report", "2022", "--data", path.join(FIXTURE, "typed"), "--out", typedOut)).code).toBe(0);
    const read = (dir: string, ext: string) => fs.readFileSync(path.join(dir, `21-BC-BTGDVTU-2022.${ext}`));
    expect(read(out, "md").equals(read(typedOut, "md"))).toBe(true);
    // The same report, part for part; only the digest of the data it was built from (units/ files, or
    // figures typed in) differs, in the source marks' properties (docs/architecture.md, "Source marks").
    const parts = (dir: string) => {
      const files = unzipSync(read(dir, "docx"));
      files["docProps/custom.xml"] = strToU8(strFromU8(files["docProps/custom.xml"]).replace(/(name="danvan.digest"><vt:lpwstr>)[0-9a-f]+/, "$1…"));
      return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
    };
    expect(parts(out)).toEqual(parts(typedOut));
  });

  it("re-importing a corrected workbook replaces that unit's figures only", async () => {
    const p = await province();
    const a = fill(p, "so-noi-vu", FILLS["so-noi-vu"]);
    const b = fill(p, "so-tai-chinh", FILLS["so-tai-chinh"]);
    expect((await runCli("collect", "import", "2022", a, b, "--data", p.data)).code).toBe(0);
    const other = fs.readFileSync(path.join(p.data, "2022/units/so-tai-chinh.yaml"));
    const fixed = fill(p, "so-noi-vu", { values: { "don-thu.khieu-nai": 70, "don-thu.to-cao": 1, "gq-khieu-nai.part": 7 } }, "so-noi-vu (sua lai).xlsx");
    expect((await runCli("collect", "import", "2022", fixed, "--data", p.data)).code).toBe(0);
    expect(unitFile(p.data, "so-noi-vu").source).toEqual({ file: "so-noi-vu (sua lai).xlsx", sheet: "Số liệu" });
    expect(unitFile(p.data, "so-noi-vu").figures["don-thu.khieu-nai"]).toEqual({ value: 70, cell: "G12" });
    expect(fs.readFileSync(path.join(p.data, "2022/units/so-tai-chinh.yaml")).equals(other)).toBe(true);
  });

  it("refuses a workbook with a formula that has no saved result, naming the cell, and writes nothing for it", async () => {
    const p = await province();
    const f = fill(p, "so-noi-vu", { values: { "don-thu.khieu-nai": { formula: "=3+4" }, "don-thu.to-cao": 1, "gq-khieu-nai.part": 7 } });
    const r = await runCli("collect", "import", "2022", f, "--data", p.data);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/DV769: so-noi-vu\.xlsx!G12: công thức =3\+4 không có kết quả đã lưu/);
    expect(fs.existsSync(path.join(p.data, "2022/units/so-noi-vu.yaml"))).toBe(false);
  });

  it.each([
    ["khoảng 20", "DV767", "không phải là một số"],
    ["1,611", "DV767", "nếu là 1611, hãy gõ 1611"],
    ["12.5", "DV767", "không rõ là số nào"],
    [-3, "DV770", "là số âm"],
    [2.5, "DV770", "có phần thập phân"],
  ])("refuses %j in a whole-number input (%s)", async (value, code, words) => {
    const p = await province();
    const f = fill(p, "so-noi-vu", { values: { "don-thu.khieu-nai": value, "don-thu.to-cao": 1, "gq-khieu-nai.part": 7 } });
    const r = await runCli("collect", "import", "2022", f, "--data", p.data);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${code}: so-noi-vu.xlsx!G12: `);
    expect(r.stderr).toContain(words);
  });

  it("refuses another unit's workbook under this unit's name, another period's, another layout's (exit 2)", async () => {
    const p = await province();
    const wrongUnit = fill(p, "xa-phu-hai", FILLS["xa-phu-hai"], "xa-lam-son.xlsx");
    const wrongPeriod = fill(p, "so-noi-vu", { ...FILLS["so-noi-vu"], header: { period: "2021" }, unprotect: true });
    const wrongVersion = fill(p, "so-tai-chinh", { ...FILLS["so-tai-chinh"], header: { template: "0" }, unprotect: true });
    const r = await runCli("collect", "import", "2022", wrongUnit, wrongPeriod, wrongVersion, "--data", p.data);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DV777: "xa-lam-son.xlsx" mang tên của Đảng ủy xã Lâm Sơn (xa-lam-son) nhưng là mẫu của Đảng ủy xã Phú Hải (xa-phu-hai)');
    expect(r.stderr).toContain('DV778: "so-noi-vu.xlsx" là mẫu kỳ 2021 của Sở Nội vụ, không phải kỳ 2022');
    expect(r.stderr).toContain('DV779: "so-tai-chinh.xlsx" là mẫu phiên bản 0');
    expect(fs.existsSync(path.join(p.data, "2022/units"))).toBe(false);
  });

  it("takes neither of two workbooks for one unit", async () => {
    const p = await province();
    const a = fill(p, "so-noi-vu", FILLS["so-noi-vu"]);
    const b = fill(p, "so-noi-vu", FILLS["so-noi-vu"], "Bao cao So Noi vu.xlsx");
    const r = await runCli("collect", "import", "2022", a, b, "--data", p.data);
    expect(r.stderr).toContain("DV776: 2 tệp cùng là số liệu của Sở Nội vụ (so-noi-vu)");
    expect(fs.existsSync(path.join(p.data, "2022/units/so-noi-vu.yaml"))).toBe(false);
  });

  it("warns of an edited locked cell and of a deleted row is an error", async () => {
    const p = await province();
    const edited = fill(p, "so-noi-vu", { ...FILLS["so-noi-vu"], unprotect: true, edit: { E12: "nghìn đơn" } });
    const r = await runCli("collect", "import", "2022", edited, "--data", p.data);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('DV774: so-noi-vu.xlsx!E12: ô khóa "đơn vị tính" đã bị sửa (mẫu: "đơn", nay: "nghìn đơn")');
    const removed = fill(p, "so-tai-chinh", { ...FILLS["so-tai-chinh"], unprotect: true, edit: { A13: null as unknown as string, B13: null as unknown as string } });
    const r2 = await runCli("collect", "import", "2022", removed, "--data", p.data);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('DV773: so-tai-chinh.xlsx: thiếu dòng "Đơn khiếu nại, tố cáo tiếp nhận — Đơn tố cáo" (don-thu.to-cao)');
  });
});

describe("collect import refuses files that are not a unit's workbook (exit 2, Vietnamese reason)", () => {
  const cases: Array<[string, string, (p: Awaited<ReturnType<typeof province>>) => string]> = [
    ["a workbook with macros (.xlsm)", "DV763", (p) => copyAs(p, "so-noi-vu", "so-noi-vu.xlsm")],
    ["an encrypted workbook (OLE)", "DV762", (p) => write(p, "so-noi-vu.xlsx", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]))],
    ["a file that is no zip", "DV761", (p) => write(p, "so-noi-vu.xlsx", Buffer.from("STT;Nội dung;Số liệu\n1;Đơn;12\n"))],
    ["a truncated workbook", "DV764", (p) => write(p, "so-noi-vu.xlsx", fs.readFileSync(path.join(p.mau, "so-noi-vu.xlsx")).subarray(0, 3000))],
    ["a workbook that is not danvan's template", "DV766", (p) => write(p, "so-noi-vu.xlsx", fs.readFileSync(path.join(FIXTURE, "foreign.xlsx")))],
  ];
  it.each(cases)("%s", async (_what, code, make) => {
    const p = await province();
    const file = make(p);
    const r = await runCli("collect", "import", "2022", file, "--data", p.data);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${code}: `);
    expect(fs.existsSync(path.join(p.data, "2022/units"))).toBe(false);
  });

  it("a zip bomb", async () => {
    const { zipSync } = await import("fflate");
    const p = await province();
    const bomb = zipSync({ "[Content_Types].xml": new Uint8Array(70 * 1024 * 1024) }, { level: 9 });
    const r = await runCli("collect", "import", "2022", write(p, "so-noi-vu.xlsx", bomb), "--data", p.data);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DV765: "so-noi-vu.xlsx" bị từ chối vì');
  });
});

function write(p: { inbox: string }, name: string, bytes: Uint8Array): string {
  const f = path.join(p.inbox, name);
  fs.writeFileSync(f, bytes);
  return f;
}

function copyAs(p: { mau: string; inbox: string }, code: string, name: string): string {
  const f = path.join(p.inbox, name);
  fs.copyFileSync(path.join(p.mau, `${code}.xlsx`), f);
  return f;
}


describe("collect in another period's folder", () => {
  it("makes, reads and sums a half-year's workbooks in its series, showing the same half a year before", async () => {
    const dir = tmp("danvan-collect-h1-");
    const data = path.join(dir, "data");
    fs.mkdirSync(path.join(data, "bao-cao-6-thang"), { recursive: true });
    fs.copyFileSync(path.join(FIXTURE, "data/units.yaml"), path.join(data, "units.yaml"));
    fs.cpSync(path.join(FIXTURE, "data/2022"), path.join(data, "bao-cao-6-thang/2022-h1"), { recursive: true });
    // What Sở Nội vụ sent for the first half of 2021, beside it in the series.
    fs.mkdirSync(path.join(data, "bao-cao-6-thang/2021-h1/units"), { recursive: true });
    fs.writeFileSync(path.join(data, "bao-cao-6-thang/2021-h1/units/so-noi-vu.yaml"), 'unit: so-noi-vu\nperiod: "2021-h1"\nsource:\n  file: so-noi-vu.xlsx\n  sheet: Số liệu\nfigures:\n  don-thu.khieu-nai:\n    value: 5\n    cell: G12\n');
    const mau = path.join(dir, "mau");
    expect((await runCli("collect", "template", "2022-h1", "--data", data, "--out", mau)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(mau, "so-noi-vu.xlsx"));
    const ws = wb.worksheets[0];
    expect(String(ws.getCell("C4").value)).toContain("6 tháng đầu năm 2022");
    expect(String(ws.getCell("F11").value)).toBe("6 tháng đầu năm 2021 (tham khảo)");
    expect(ws.getCell("F12").value).toBe(5);
    const inbox = path.join(dir, "nhan-ve");
    fs.mkdirSync(inbox);
    const filled = path.join(inbox, "so-noi-vu.xlsx");
    execFileSync("/usr/bin/python3", [FILL, path.join(mau, "so-noi-vu.xlsx"), filled, JSON.stringify(FILLS["so-noi-vu"])]);
    const r = await runCli("collect", "import", "2022-h1", filled, "--data", data);
    expect(r.code).toBe(0);
    const written = parse(fs.readFileSync(path.join(data, "bao-cao-6-thang/2022-h1/units/so-noi-vu.yaml"), "utf8"));
    expect(written.period).toBe("2022-h1");
    expect(written.figures["don-thu.khieu-nai"]).toEqual({ value: 7, cell: "G12" });
    const checked = await runCli("check", "2022-h1", "--data", data);
    // The other units have not sent theirs: said for the half-year, not for a year.
    expect(checked.stdout).toContain("Thanh tra tỉnh (thanh-tra-tinh) chưa gửi số liệu 6 tháng đầu năm 2022");
  });
});
