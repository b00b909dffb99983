/**
 * What `check` says about the units' side of a year, each at the unit file's (or units.yaml's) position
 * and naming the workbook cell: units not reported, figures left empty or missing, a figure far from the
 * previous period's, a sum past 2^53 − 1, a number typed where the units' sum belongs; and what a draft
 * build prints meanwhile.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { fill, fillAll, FILLS, province } from "./helpers.js";

async function imported(skip: string[] = [], change: Record<string, (typeof FILLS)[string]> = {}) {
  const p = await province();
  const files = fillAll(p).filter((f) => !skip.includes(path.basename(f, ".xlsx")));
  for (const [code, spec] of Object.entries(change)) fill(p, code, spec);
  const r = await runCli("collect", "import", "2022", ...files, "--data", p.data);
  if (r.code !== 0) throw new Error(r.stderr);
  return p;
}

describe("check on collected figures", () => {
  it("lists the units that have not reported, by group and name, at their units.yaml entry; build refuses, a draft prints its blanks as [...]", async () => {
    const p = await imported(["xa-lam-son", "thanh-tra-tinh"]);
    const r = await runCli("check", "2022", "--data", p.data);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/units\.yaml:11:11: lỗi DV744: Đảng ủy xã Lâm Sơn \(xa-lam-son\) chưa gửi số liệu năm 2022 \(nhóm "Đảng ủy các xã, phường": 1\/5 đơn vị chưa gửi\)/);
    expect(r.stdout).toMatch(/units\.yaml:34:11: lỗi DV744: Thanh tra tỉnh \(thanh-tra-tinh\) chưa gửi số liệu năm 2022 \(nhóm "Sở, ban, ngành": 1\/3 đơn vị chưa gửi\)/);
    // No DV500 for the sums themselves: the units' findings say why they are not complete.
    expect(r.stdout).not.toContain("DV500");
    const built = await runCli("build-report", "2022", "--data", p.data, "--out", path.join(p.dir, "out"));
    expect(built.code).toBe(1);
    const draft = await runCli("build-report", "2022", "--draft", "--data", p.data, "--out", path.join(p.dir, "out"));
    expect(draft.code).toBe(0);
    const md = fs.readFileSync(path.join(p.dir, "out", "21-BC-BTGDVTU-2022-du-thao.md"), "utf8");
    // hoi-nghi comes from the communes (one missing); don-thu from both groups: both print …
    expect(md).toContain("tiếp nhận `[…]` đơn (khiếu nại: `[…]` đơn, tố cáo: `[…]` đơn)");
    expect(md).toContain("tổ chức `[…]` hội nghị");
  });

  it("lists a unit's empty cell by unit, with the workbook cell", async () => {
    const p = await imported([], { "so-noi-vu": { values: { "don-thu.khieu-nai": 7, "don-thu.to-cao": null, "gq-khieu-nai.part": 7 } } });
    const again = await runCli("collect", "import", "2022", path.join(p.inbox, "so-noi-vu.xlsx"), "--data", p.data);
    expect(again.stdout).toContain("1 ô để trống");
    const r = await runCli("check", "2022", "--data", p.data);
    expect(r.stdout).toMatch(/units\/so-noi-vu\.yaml:\d+:\d+: lỗi DV745: so-noi-vu\.xlsx!G13: Sở Nội vụ chưa điền "Đơn khiếu nại, tố cáo tiếp nhận — Đơn tố cáo" \(don-thu\.to-cao\)/);
  });

  it("warns of a figure five times its previous period's, with the ratio and the cell", async () => {
    const p = await imported();
    fs.mkdirSync(path.join(p.data, "2021/units"), { recursive: true });
    fs.writeFileSync(path.join(p.data, "2021/units/xa-phu-hai.yaml"), 'unit: xa-phu-hai\nperiod: "2021"\nsource:\n  file: xa-phu-hai.xlsx\n  sheet: Số liệu\nfigures:\n  don-thu.to-cao:\n    value: 16\n    cell: G13\n  hoi-nghi:\n    value: 4\n    cell: G15\n');
    // 2021 needs a report to be a year; the warning is about 2022's file.
    const r = await runCli("check", "2022", "--data", p.data);
    expect(r.stdout).toMatch(/units\/xa-phu-hai\.yaml:\d+:\d+: cảnh báo DV750: xa-phu-hai\.xlsx!G13: "don-thu\.to-cao" là 1\.611, gấp 100,7 lần kỳ trước \(16\) năm 2021/);
    // 3 after 4 is no change worth asking about.
    expect(r.stdout).not.toContain('"hoi-nghi" là');
  });

  it("says when a sum passes 2^53 − 1, at the unit whose figure passes it", async () => {
    const big = 9007199254740991;
    const p = await imported([], {
      "so-noi-vu": { values: { "don-thu.khieu-nai": big, "don-thu.to-cao": 1, "gq-khieu-nai.part": 7 } },
    });
    const again = await runCli("collect", "import", "2022", path.join(p.inbox, "so-noi-vu.xlsx"), "--data", p.data);
    expect(again.code).toBe(0);
    const r = await runCli("check", "2022", "--data", p.data);
    expect(r.stdout).toMatch(/lỗi DV751: [a-z-]+\.xlsx!G12: cộng số của .+ vào "don-thu\.khieu-nai", tổng vượt quá giới hạn 9007199254740991/);
  });

  it("refuses a number typed into a collected figure, an unknown group and a missing units.yaml", async () => {
    const p = await imported();
    const file = path.join(p.data, "2022/sections/01-ket-qua.yaml");
    const text = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, text.replace("    value:\n  mo-hinh:", "    value: 20\n  mo-hinh:").replace("      - xa\n    value:\n  mo-hinh", "      - xa\n    value: 20\n  mo-hinh").replace("groups:\n      - xa\n    decimals: 1", "groups:\n      - phuong\n    decimals: 1"));
    const r = await runCli("check", "2022", "--data", p.data);
    expect(r.stdout).toContain('DV742: số liệu "hoi-nghi" cộng từ các đơn vị (from: units): không gõ số ở đây (20)');
    expect(r.stdout).toContain('DV741: không có nhóm đơn vị "phuong" trong units.yaml');
    fs.rmSync(path.join(p.data, "units.yaml"));
    const r2 = await runCli("check", "2022", "--data", p.data);
    expect(r2.stdout).toContain("DV740: số liệu cộng từ các đơn vị (from: units), nhưng thư mục dữ liệu chưa có units.yaml");
  });

  it("refuses a unit file moved into another unit's name, and warns of a figure nobody collects", async () => {
    const p = await imported();
    const dir = path.join(p.data, "2022/units");
    fs.renameSync(path.join(dir, "so-noi-vu.yaml"), path.join(dir, "so-noi-vu-cu.yaml"));
    fs.appendFileSync(path.join(dir, "so-tai-chinh.yaml"), "  bo-sung:\n    value: 3\n    cell: G20\n");
    const r = await runCli("check", "2022", "--data", p.data);
    expect(r.stdout).toContain("DV747: tệp so-noi-vu-cu.yaml ghi số liệu của đơn vị \"so-noi-vu\"");
    expect(r.stdout).toContain('DV749: so-tai-chinh.xlsx!G20: số liệu "bo-sung" không còn được báo cáo thu từ đơn vị');
  });
});
