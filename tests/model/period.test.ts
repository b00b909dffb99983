/** The one reading of a period id, and the windows, names and neighbours of each kind. */
import { describe, expect, it } from "vitest";
import { addMonths, calendarSpan, comparePeriods, defaultWindow, parsePeriod, periodKeyYear, periodName, samePeriodLastYear, type Period } from "../../src/model/period.js";

const period = (id: string): Period => {
  const p = parsePeriod(id);
  if (!p.ok) throw new Error(p.message);
  return p.period;
};

describe("parsePeriod", () => {
  it.each([
    ["2022", "year", undefined, "2021-12-15", "2022-12-14"],
    ["2022-h1", "half", 1, "2021-12-15", "2022-06-14"],
    ["2022-h2", "half", 2, "2022-06-15", "2022-12-14"],
    ["2022-9m", "nine-months", undefined, "2021-12-15", "2022-09-14"],
    ["2022-q1", "quarter", 1, "2021-12-15", "2022-03-14"],
    ["2022-q3", "quarter", 3, "2022-06-15", "2022-09-14"],
    ["2022-q4", "quarter", 4, "2022-09-15", "2022-12-14"],
    ["2022-01", "month", 1, "2021-12-15", "2022-01-14"],
    ["2022-06", "month", 6, "2022-05-15", "2022-06-14"],
  ])("%s is a %s (index %s), window %s – %s", (id, kind, index, from, to) => {
    const p = period(id);
    expect(p).toMatchObject({ id, kind, year: 2022, window: { from, to } });
    expect(p.index).toBe(index);
  });

  it("a free id is a thematic report with no window of its own", () => {
    expect(period("dan-van-kheo-2022")).toEqual({ id: "dan-van-kheo-2022", kind: "thematic" });
  });

  it.each([
    ["2022-H1", "2022-h1"],
    ["2022-6", "2022-06"],
    ["2022-m09", "2022-09"],
    ["2022-t9", "2022-09"],
    ["2022-9t", "2022-9m"],
    ["Dan-Van", "dan-van"],
  ])("%s is refused with the spelling to use, %s", (id, suggestion) => {
    const p = parsePeriod(id);
    expect(p.ok).toBe(false);
    if (!p.ok) {
      expect(p.suggestion).toBe(suggestion);
      expect(p.message).toContain(`"${suggestion}"`);
    }
  });

  it.each(["2022-q5", "2022-h3", "2022-13", "2022-6m", "2022-x", "21", "２０２１", "a b", "-x", ""])("%s names no kind: refused", (id) => {
    const p = parsePeriod(id);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.message).toMatch(/kỳ|năm/);
  });

  it("a cut-off day moves every window; past a month's end is its last day", () => {
    expect(defaultWindow(period("2022-h1"), 31)).toEqual({ from: "2022-01-01", to: "2022-06-30" });
    expect(defaultWindow(period("2024-02"), 30)).toEqual({ from: "2024-01-31", to: "2024-02-29" });
    expect(defaultWindow(period("2022-q3"), 20)).toEqual({ from: "2022-06-21", to: "2022-09-20" });
  });

  it("a yearly report over a giai đoạn is counted from the first year's window", () => {
    expect(defaultWindow(period("2021"), 14, { from: 2017, to: 2021 })).toEqual({ from: "2016-12-15", to: "2021-12-14" });
  });
});

describe("neighbours and names", () => {
  it("the same period a year earlier keeps kind and index", () => {
    expect(samePeriodLastYear(period("2022-h1"))?.id).toBe("2021-h1");
    expect(samePeriodLastYear(period("2022-q3"))?.id).toBe("2021-q3");
    expect(samePeriodLastYear(period("2022-06"))?.window).toEqual({ from: "2021-05-15", to: "2021-06-14" });
    expect(samePeriodLastYear(period("dan-van"))).toBeUndefined();
    expect(samePeriodLastYear(period("1945"))).toBeUndefined();
  });

  it("periods sort by year, then by how far into the year they reach", () => {
    const ids = ["2022", "2021-q4", "2022-h1", "2022-9m", "2022-q1", "chuyen-de", "2022-06"];
    expect(ids.map(period).sort(comparePeriods).map((p) => p.id)).toEqual(["2021-q4", "2022-q1", "2022-h1", "2022-06", "2022-9m", "2022", "chuyen-de"]);
  });

  it.each([
    ["2022", "năm 2022"],
    ["2022-h1", "6 tháng đầu năm 2022"],
    ["2022-h2", "6 tháng cuối năm 2022"],
    ["2022-9m", "9 tháng đầu năm 2022"],
    ["2022-q3", "quý III năm 2022"],
    ["2022-06", "tháng 6 năm 2022"],
  ])("%s is %s", (id, name) => expect(periodName(period(id))).toBe(name));

  it("series keys are period ids", () => {
    expect(periodKeyYear("2019-q1")).toBe(2019);
    expect(periodKeyYear("2019-9m")).toBe(2019);
    expect(periodKeyYear("2019-x")).toBeUndefined();
    expect(calendarSpan(period("2019-q2"))).toEqual({ from: "2019-04-01", to: "2019-06-30" });
  });

  it("months move a date with its day clamped", () => {
    expect(addMonths("2022-05-31", 1)).toBe("2022-06-30");
    expect(addMonths("2021-12-15", 12)).toBe("2022-12-15");
    expect(addMonths("2022-01-15", -2)).toBe("2021-11-15");
  });
});
