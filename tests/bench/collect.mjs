/**
 * The scale `collect` is for: 130 units reporting 60 figures each. Makes a data root with the units, a year
 * whose 60 figures are collected from them and cited in prose (two of them also in a table by unit and by
 * group), the templates (by danvan) and 130 filled
 * workbooks (the templates' input cells set with exceljs, as a unit's clerk would type them).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

export const UNITS = 130;
export const FIGURES = 60;

export async function collectScale(work, cli, sampleYear) {
  const data = path.join(work, "collect-data");
  fs.mkdirSync(path.join(data, "2022/sections"), { recursive: true });
  for (const f of ["report.yaml", "documents.yaml"]) fs.copyFileSync(path.join(sampleYear, f), path.join(data, "2022", f));
  fs.copyFileSync(path.join(sampleYear, "sections/00-mo-dau.yaml"), path.join(data, "2022/sections/00-mo-dau.yaml"));
  const groups = ["xa", "so-nganh"];
  const units = Array.from({ length: UNITS }, (_x, i) => `  - code: dv-${String(i + 1).padStart(3, "0")}\n    name: Đơn vị hư cấu số ${i + 1}\n    group: ${i < 100 ? "xa" : "so-nganh"}\n`);
  fs.writeFileSync(path.join(data, "units.yaml"), `groups:\n  xa: Đảng ủy các xã, phường\n  so-nganh: Sở, ban, ngành\nunits:\n${units.join("")}`);
  // 30 breakdowns of two parts: 60 figures, each cited in a sentence.
  const stats = [];
  const sentences = [];
  for (let s = 0; s < FIGURES / 2; s++) {
    stats.push(`  so-lieu-${s}:\n    kind: breakdown\n    label: Số liệu thu thập thứ ${s + 1}\n    unit: việc\n    from: units\n    groups: [${groups.join(", ")}]\n    parts:\n      mot:\n      hai:\n`);
    sentences.push(`    Kết quả thứ ${s + 1}: {{n "so-lieu-${s}"}} việc (loại một: {{n "so-lieu-${s}.mot"}}, loại hai: {{n "so-lieu-${s}.hai"}}).`);
  }
  // As a report prints them: the first figure unit by unit (130 rows under two subtotals), the second by group.
  const tables = "  - table:\n      statistic: so-lieu-0\n      by: unit\n  - table:\n      statistic: so-lieu-1\n      by: group\n";
  fs.writeFileSync(path.join(data, "2022/sections/01-ket-qua.yaml"), `level: 1\nheading: Kết quả\nbody:\n  - >-\n${sentences.join("\n")}\n${tables}statistics:\n${stats.join("")}`);
  const mau = path.join(work, "collect-mau");
  const r = spawnSync(process.execPath, [cli, "collect", "template", "2022", "--data", data, "--out", mau], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`collect template: ${r.stderr}`);
  const inbox = path.join(work, "collect-inbox");
  fs.mkdirSync(inbox, { recursive: true });
  const ExcelJS = createRequire(import.meta.url)("exceljs");
  let n = 0;
  for (const name of fs.readdirSync(mau)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(mau, name));
    wb.worksheets[0].eachRow((row) => {
      if (row.getCell(1).value === "figure") row.getCell(7).value = (n++ % 97) + 1;
    });
    await wb.xlsx.writeFile(path.join(inbox, name));
  }
  return { data, inbox, files: fs.readdirSync(inbox).map((f) => path.join(inbox, f)) };
}
