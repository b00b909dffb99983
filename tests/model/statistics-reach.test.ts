/**
 * Every statistic of data/2021 reaches the output: each is cited from prose (directly or through another
 * figure's path), every citation renders to the number it stands for, and key signed figures read as signed.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { helperCalls, proseSites } from "../../src/check/prose.js";
import { formatCount, formatNumber, formatPercent } from "../../src/text/format.js";
import { checkYear } from "../../src/pipeline.js";
import { Statistics } from "../../src/model/statistics.js";
import { buildInTemp } from "../helpers/build.js";
import { DATA_ROOT } from "../helpers/data.js";

const { report, diagnostics } = checkYear(DATA_ROOT, "2021");
let markdown = "";

beforeAll(async () => {
  const { file } = await buildInTemp(DATA_ROOT, "2021", ["md"]);
  markdown = fs.readFileSync(file("md")!, "utf8");
});

describe("statistics of 2021", () => {
  it("loads without errors and none is left uncited", () => {
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(diagnostics.filter((d) => d.code === "DV322")).toEqual([]);
  });

  it("renders every citation to the figure it names", () => {
    const stats = new Statistics(report!);
    const plain = markdown.replace(/\\/g, "");
    let cited = 0;
    for (const site of proseSites(report!)) {
      for (const call of helperCalls(site.text)) {
        if (!call.id) continue;
        let expected: string | undefined;
        if (call.name === "n") expected = formatCount(stats.value(call.id), call.hash.pad !== false);
        if (call.name === "ratio") {
          const { part, whole } = stats.ratioParts(call.id);
          expected = `${formatNumber(part)}/${formatNumber(whole)}`;
        }
        if (call.name === "pct") {
          const { value, decimals } = stats.rate(call.id);
          expected = formatPercent(value, decimals);
        }
        if (expected === undefined) continue;
        cited++;
        expect(plain, `${path.basename(site.section.file)} ${site.dataPath.join(".")} ${call.name} ${call.id}`).toContain(expected);
      }
    }
    expect(cited).toBeGreaterThan(100);
  });

  it("reads figures as the signed report prints them, even where they disagree with their parts", () => {
    for (const signed of ["2.014 đơn khiếu tố (khiếu nại: 1.611 đơn, tố cáo: 403 đơn)", "267/403 đơn tố cáo, đạt tỷ lệ 90,6%", "8.837/10.193 đơn PAKN đạt tỷ lệ 86,70%",
      "1.847/1.847 TTHC đạt tỷ lệ 100%", "5.648.145 hồ sơ (đạt 98,23%)", "2.162 cuộc giám sát", "06 đơn vị hành chính cấp xã"]) {
      expect(markdown.replace(/\\/g, "")).toContain(signed);
    }
  });

  it("leaves no template syntax in the output", () => {
    expect(markdown).not.toMatch(/\{\{|\}\}/);
  });
});
