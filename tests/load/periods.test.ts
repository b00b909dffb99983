/** A data root's series and periods, read from folder names (and a free id's report.yaml). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dataRootLayout, findPeriod, parseRef, twoFolders } from "../../src/load/periods.js";

function root(folders: string[], reports: string[] = []): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-layout-"));
  for (const f of folders) fs.mkdirSync(path.join(dir, f), { recursive: true });
  for (const r of reports) fs.writeFileSync(path.join(dir, r, "report.yaml"), "profile: party\n");
  return dir;
}

const dirs = (dir: string) => dataRootLayout(dir).periods.map((p) => [p.series, p.period.id, p.dir]);

describe("the layout of a data root", () => {
  it("today's year folders are one unnamed series; other folders, dot-folders and files are not periods", () => {
    const dir = root(["2020", "2021", ".git", "notes", "old/misc"]);
    fs.writeFileSync(path.join(dir, "units.yaml"), "x: 1\n");
    expect(dirs(dir)).toEqual([
      ["", "2020", "2020"],
      ["", "2021", "2021"],
    ]);
    expect(dataRootLayout(dir).problems).toEqual([]);
  });

  it("a folder of periods is a series; a free id with a report.yaml is a thematic period; periods sort by when they end", () => {
    const dir = root(["bao-cao-6-thang/2023-h1", "bao-cao-6-thang/2022-h1", "bao-cao-quy/2022-q4", "bao-cao-quy/2023-q1", "chuyen-de/dan-van-kheo", "chuyen-de/ghi-chu", "2021"], ["chuyen-de/dan-van-kheo"]);
    expect(dirs(dir)).toEqual([
      ["", "2021", "2021"],
      ["bao-cao-6-thang", "2022-h1", "bao-cao-6-thang/2022-h1"],
      ["bao-cao-6-thang", "2023-h1", "bao-cao-6-thang/2023-h1"],
      ["bao-cao-quy", "2022-q4", "bao-cao-quy/2022-q4"],
      ["bao-cao-quy", "2023-q1", "bao-cao-quy/2023-q1"],
      ["chuyen-de", "dan-van-kheo", "chuyen-de/dan-van-kheo"],
    ]);
    expect(dataRootLayout(dir).periods.find((p) => p.dir === "chuyen-de/dan-van-kheo")?.period.kind).toBe("thematic");
  });

  it("names folders written almost like a period, and two folders for one period", () => {
    const dir = root(["2022-h1", "2022-H1", "2022-6", "2022-q5", "Bao Cao/2022"]);
    const layout = dataRootLayout(dir);
    expect(layout.problems.map((p) => [p.code, p.dir])).toEqual([
      ["DV003", "2022-6"],
      ["DV003", "2022-H1"],
      ["DV003", "2022-q5"],
      ["DV003", "Bao Cao"],
    ]);
    expect(twoFolders(layout).map((p) => [p.code, p.dir])).toEqual([["DV801", "2022-H1"]]);
  });

  it("finds a period by its id, or by series and id where the id is in two series", () => {
    const dir = root(["2023", "bao-cao-nam/2023", "bao-cao-6-thang/2023-h1"]);
    expect(findPeriod(dir, "2023-h1").dir).toBe("bao-cao-6-thang/2023-h1");
    expect(findPeriod(dir, "bao-cao-nam/2023/").dir).toBe("bao-cao-nam/2023");
    expect(() => findPeriod(dir, "2023")).toThrow(/DV801|có ở 2 thư mục/);
    expect(() => findPeriod(dir, "2024")).toThrow(/không có dữ liệu năm 2024/);
  });

  it("reads a period typed on the command line once, refusing what names no kind", () => {
    expect(parseRef("bao-cao-6-thang/2023-h1")).toMatchObject({ series: "bao-cao-6-thang", period: { id: "2023-h1", kind: "half" } });
    expect(() => parseRef("2023-q5")).toThrow(/quý là q1 đến q4/);
    expect(() => parseRef("2023/2023-h1")).toThrow(/không phải tên một chuỗi/);
    expect(() => parseRef("../../etc")).toThrow(/không phải là một kỳ/);
  });
});
