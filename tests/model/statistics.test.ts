import { describe, expect, it } from "vitest";
import type { Statistic } from "../../src/model/index.js";
import { FigureError, figureSlots, Statistics } from "../../src/model/statistics.js";
import { reportWithStatistics } from "../helpers/report.js";

const stats = new Statistics(
  reportWithStatistics({
    don: { kind: "breakdown", parts: { "khieu-nai": 1611, "to-cao": 403 } },
    ky: { kind: "breakdown", parts: { a: 1476, b: 350 }, stated: 1847 },
    kn: { kind: "ratio", part: 1487, whole: "don.khieu-nai", decimals: 1 },
    tc: { kind: "ratio", part: 267, whole: "don.to-cao", decimals: 1, stated: 90.6 },
    gs: { kind: "series", values: { "2017": { parts: { tinh: 8, xa: 450 }, stated: 458 }, "2018": 357 } },
    loop: { kind: "count", value: "loop" },
    bq: { kind: "percent", value: 16.3, decimals: 1 },
  }),
);

describe("Statistics", () => {
  it("derives a breakdown's total, prefers the stated one", () => {
    expect(stats.value("don")).toBe(2014);
    expect(stats.value("ky")).toBe(1847);
    expect(stats.derived("ky")).toBe(1826);
  });
  it("follows paths into parts, years and ratio sides", () => {
    expect(stats.value("don.to-cao")).toBe(403);
    expect(stats.value("gs.2017.xa")).toBe(450);
    expect(stats.value("gs.2018")).toBe(357);
    expect(stats.value("gs")).toBe(815);
    expect(stats.value("kn.whole")).toBe(1611);
  });
  it("computes a rate unless one is stated", () => {
    expect(stats.rate("kn").value).toBeCloseTo(92.30, 2);
    expect(stats.rate("tc").value).toBe(90.6);
    expect(stats.computedRate("tc")).toBeCloseTo(66.25, 2);
    expect(stats.rate("bq")).toEqual({ value: 16.3, decimals: 1 });
  });
  it("names what is wrong with a bad path", () => {
    expect(() => stats.value("nope")).toThrow(FigureError);
    expect(() => stats.value("don.nope")).toThrow(/không có thành phần "nope"/);
    expect(() => stats.value("gs.2030")).toThrow(/không có năm 2030/);
    expect(() => stats.value("kn")).toThrow(/ratio/);
    expect(() => stats.value("loop")).toThrow(/vòng tròn/);
  });
});

describe("exact figures", () => {
  const exact = new Statistics(
    reportWithStatistics({
      von: { kind: "breakdown", decimals: 1, parts: { a: 1.1, b: 2.2 } },
      ha: { kind: "series", decimals: 2, values: { "2020": 0.1, "2021": 0.2 } },
      big: { kind: "breakdown", parts: { a: Number.MAX_SAFE_INTEGER, b: 1 } },
      fine: { kind: "breakdown", parts: { a: 1.25, b: 1 } },
      zero: { kind: "ratio", part: 5, whole: 0, stated: 50 },
      lost: { kind: "ratio", part: 5, whole: "von.nope", stated: 50 },
    }),
  );
  it("sums declared decimals as scaled integers, never with binary artefacts", () => {
    expect(exact.value("von")).toBe(3.3);
    expect(exact.value("ha")).toBe(0.3);
    expect(exact.decimals("von.a")).toBe(1);
  });
  it("refuses a total past 2^53, and more decimals than declared", () => {
    expect(() => exact.value("big")).toThrow(expect.objectContaining({ code: "DV371" }));
    expect(() => exact.value("fine")).toThrow(expect.objectContaining({ code: "DV372" }));
  });
  it("resolves a ratio's whole even when its rate is stated", () => {
    expect(() => exact.rate("zero")).toThrow(expect.objectContaining({ code: "DV374" }));
    expect(() => exact.rate("lost")).toThrow(/không có thành phần "nope"/);
  });
});

describe("figureSlots", () => {
  it("lists every number slot of each shape with its data path and citation path", () => {
    const slots = (id: string, stat: unknown) => figureSlots(id, stat).map((s) => `${s.dataPath.join("/")} ${s.figurePath} ${s.role} ${String(s.value)}`);
    expect(slots("r", { kind: "ratio", part: 1, whole: "d.x", decimals: 1, stated: 50 })).toEqual(["part r.part figure 1", "whole r.whole figure d.x", "stated r.rate rate 50"]);
    expect(slots("s", { kind: "series", values: { "2020": { parts: { a: 1 }, stated: 1 }, "2021": 2 }, stated: 3 })).toEqual([
      "values/2020/parts/a s.2020.a figure 1",
      "values/2020/stated s.2020 total 1",
      "values/2021 s.2021 figure 2",
      "stated s total 3",
    ]);
    expect(slots("p", { kind: "percent", value: 16.3, decimals: 1 })).toEqual(["value p percent 16.3"]);
    expect(slots("x", null)).toEqual([]);
  });
});
