import { describe, expect, it } from "vitest";
import type { Report, Statistic } from "../../src/model/index.js";
import { FigureError, Statistics } from "../../src/model/statistics.js";

function reportWith(statistics: Record<string, Statistic>): Report {
  return {
    year: "2021",
    identityFile: "report.yaml",
    registerFile: "documents.yaml",
    identity: {} as Report["identity"],
    register: { groups: [] },
    sections: [{ file: "s.yaml", level: 1, body: [], statistics }],
  };
}

const stats = new Statistics(
  reportWith({
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
