/**
 * The collect findings not met on the way in collect.test.ts and check.test.ts, each by its code and words:
 * a unit's file missing a figure, outside its years, with a decimal its statistic has none of; units.yaml's
 * own mistakes; a path that is no file; a row no longer collected, one copied; a unit not in units.yaml or
 * past its last year; a number past 2^53 − 1 in a cell; a sheet copied; no units.yaml, nothing collected;
 * and a workbook with a clerk's comments on its cells, read as if they were not there.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { fill, fillAll, FILLS, province, type Province } from "./helpers.js";

async function imported(): Promise<Province> {
  const p = await province();
  expect((await runCli("collect", "import", "2022", ...fillAll(p), "--data", p.data)).code).toBe(0);
  return p;
}

const unitFile = (p: Province, code: string) => path.join(p.data, "2022/units", `${code}.yaml`);

describe("check on the units' files and units.yaml", () => {
  it("says a figure is missing from a unit's file (DV746), a unit reports outside its years (DV748), a decimal where none is allowed (DV752)", async () => {
    const p = await imported();
    const noiVu = unitFile(p, "so-noi-vu");
    fs.writeFileSync(noiVu, fs.readFileSync(noiVu, "utf8").replace(/  don-thu\.to-cao:\n    value: 1\n    cell: G13\n/, ""));
    const taiChinh = unitFile(p, "so-tai-chinh");
    fs.writeFileSync(taiChinh, fs.readFileSync(taiChinh, "utf8").replace(/(don-thu\.khieu-nai:\n    value:) 4/, "$1 4.5"));
    fs.writeFileSync(unitFile(p, "xa-cu-bai"), 'unit: xa-cu-bai\nperiod: "2022"\nsource:\n  file: xa-cu-bai.xlsx\n  sheet: Số liệu\nfigures:\n  hoi-nghi:\n    value: 2\n    cell: G15\n');
    const r = await runCli("check", "2022", "--data", p.data);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/units\/so-noi-vu\.yaml:\d+:1: lỗi DV746: Sở Nội vụ: thiếu số liệu "Đơn khiếu nại, tố cáo tiếp nhận — Đơn tố cáo" \(don-thu\.to-cao\)/);
    expect(r.stdout).toMatch(/units\/so-tai-chinh\.yaml:\d+:\d+: lỗi DV752: so-tai-chinh\.xlsx!G12: 4,5 có phần thập phân, nhưng "Đơn khiếu nại, tố cáo tiếp nhận — Đơn khiếu nại" cần một số nguyên/);
    expect(r.stdout).toMatch(/units\/xa-cu-bai\.yaml:1:7: lỗi DV748: Đảng ủy xã Cù Bãi \(xa-cu-bai\) không báo cáo năm 2022 theo units\.yaml \(… – 2021\)/);
    // The sums these enter are not printed: build refuses.
    expect((await runCli("build-report", "2022", "--data", p.data, "--out", path.join(p.dir, "out"))).code).toBe(1);
  });

  it("says units.yaml's own mistakes at their keys: a code used twice, a group it has not, to before from (DV753)", async () => {
    const p = await imported();
    const file = path.join(p.data, "units.yaml");
    fs.appendFileSync(file, "  - code: so-noi-vu\n    name: Sở Nội vụ (bản chép)\n    group: so-nganh\n  - code: xa-moi\n    name: Đảng ủy xã Mới\n    group: phuong\n    from: 2023\n    to: 2022\n");
    const r = await runCli("check", "2022", "--data", p.data);
    expect(r.stdout).toMatch(/units\.yaml:\d+:11: lỗi DV753: mã đơn vị "so-noi-vu" đã dùng cho Sở Nội vụ/);
    expect(r.stdout).toMatch(/units\.yaml:\d+:12: lỗi DV753: không có nhóm "phuong" trong groups \(các nhóm: xa, so-nganh\)/);
    expect(r.stdout).toMatch(/units\.yaml:\d+:9: lỗi DV753: năm kết thúc 2022 trước năm bắt đầu 2023/);
  });
});

describe("collect import and template, the rest of their findings", () => {
  it("refuses a path that is no file, and one that does not exist (DV760, exit 2)", async () => {
    const p = await province();
    const r = await runCli("collect", "import", "2022", p.inbox, path.join(p.inbox, "khong-co.xlsx"), "--data", p.data);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`DV760: "${p.inbox}" không phải là một tệp`);
    expect(r.stderr).toMatch(/DV760: không đọc được tệp ".*khong-co\.xlsx": /);
  });

  it("warns of a row the year no longer collects and reads the rest (DV771)", async () => {
    const p = await province();
    const f = fill(p, "xa-phu-hai", FILLS["xa-phu-hai"]);
    // The year stops collecting dong-gop after the templates went out.
    const section = path.join(p.data, "2022/sections/01-ket-qua.yaml");
    const text = fs.readFileSync(section, "utf8");
    fs.writeFileSync(section, text.replace(/;\n    vận động nhân dân đóng góp \{\{n "dong-gop"\}\} tỷ đồng xây dựng nông thôn mới\./, ".").replace(/  dong-gop:[\s\S]*$/, ""));
    const r = await runCli("collect", "import", "2022", f, "--data", p.data);
    expect(r.stderr).toContain('DV771: xa-phu-hai.xlsx!B18: dòng "dong-gop" không có trong các số liệu năm 2022 thu từ Đảng ủy xã Phú Hải');
    expect(r.code).toBe(0);
    expect(fs.readFileSync(unitFile(p, "xa-phu-hai"), "utf8")).not.toContain("dong-gop");
  });

  it("refuses a copied row (DV772) and a number past 2^53 − 1 (DV782), writing nothing for the workbook", async () => {
    const p = await province();
    const copied = fill(p, "so-noi-vu", { ...FILLS["so-noi-vu"], unprotect: true, edit: { B13: "don-thu.khieu-nai" } });
    const big = fill(p, "so-tai-chinh", { values: { "don-thu.khieu-nai": 1e16, "don-thu.to-cao": 0, "gq-khieu-nai.part": 3 } });
    const r = await runCli("collect", "import", "2022", copied, big, "--data", p.data);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('DV772: so-noi-vu.xlsx: dòng "Đơn khiếu nại, tố cáo tiếp nhận — Đơn khiếu nại" (don-thu.khieu-nai) có 2 lần (dòng 12, 13)');
    expect(r.stderr).toContain("DV782: so-tai-chinh.xlsx!G12: 10000000000000000 vượt quá giới hạn số nguyên chính xác (2^53 − 1)");
    expect(fs.existsSync(path.join(p.data, "2022/units"))).toBe(false);
  });

  it("refuses a workbook of a unit units.yaml does not have, or of one past its last year (DV780), and a sheet copied (DV783)", async () => {
    const p = await province();
    const stranger = fill(p, "so-noi-vu", { ...FILLS["so-noi-vu"], unprotect: true, header: { unit: "so-khong-co" } }, "so-khong-co.xlsx");
    const merged = fill(p, "xa-lam-son", { ...FILLS["xa-lam-son"], unprotect: true, header: { unit: "xa-cu-bai" } }, "xa-cu-bai.xlsx");
    const twice = fill(p, "so-tai-chinh", { ...FILLS["so-tai-chinh"], copy_sheet: true });
    const r = await runCli("collect", "import", "2022", stranger, merged, twice, "--data", p.data);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DV780: "so-khong-co.xlsx" là mẫu của đơn vị "so-khong-co", không có trong units.yaml');
    expect(r.stderr).toContain("DV780: Đảng ủy xã Cù Bãi (xa-cu-bai) không báo cáo kỳ 2022 theo units.yaml (from/to)");
    expect(r.stderr).toMatch(/DV783: "so-tai-chinh\.xlsx" có 2 trang tính của mẫu \(Số liệu, .+\)/);
  });

  it("reads a workbook whose cells carry a clerk's comments as if they had none", async () => {
    const p = await province();
    const f = fill(p, "so-noi-vu", { ...FILLS["so-noi-vu"], comments: { D12: "Số liệu đến 14/12", G13: "Đã rà soát" } });
    const r = await runCli("collect", "import", "2022", f, "--data", p.data);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(fs.readFileSync(unitFile(p, "so-noi-vu"), "utf8")).toContain("don-thu.to-cao:\n    value: 1\n    cell: G13\n");
  });

  it("says there is nothing to collect with no figure from: units, or neither that nor units.yaml (DV781, exit 2); collected figures without units.yaml are a data error (DV740)", async () => {
    const p = await province();
    fs.rmSync(path.join(p.data, "units.yaml"));
    const r = await runCli("collect", "template", "2022", "--data", p.data, "--out", path.join(p.dir, "mau2"));
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain("DV740: số liệu cộng từ các đơn vị (from: units), nhưng thư mục dữ liệu chưa có units.yaml");
    const section = path.join(p.data, "2022/sections/01-ket-qua.yaml");
    fs.writeFileSync(section, "level: 1\nheading: Kết quả\nbody:\n  - Không có số liệu.\n");
    const r2 = await runCli("collect", "template", "2022", "--data", p.data, "--out", path.join(p.dir, "mau2"));
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain("DV781: chưa có");
    const q = await province();
    fs.writeFileSync(path.join(q.data, "2022/sections/01-ket-qua.yaml"), "level: 1\nheading: Kết quả\nbody:\n  - Không có số liệu.\n");
    const r3 = await runCli("collect", "import", "2022", path.join(q.mau, "so-noi-vu.xlsx"), "--data", q.data);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toContain("DV781: năm 2022 không có số liệu nào thu từ đơn vị");
  });
});
