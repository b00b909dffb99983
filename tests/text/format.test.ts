import { describe, expect, it } from "vitest";
import { formatCount, formatDate, formatLongDate, formatNumber, formatPercent, lowerFirst, parseIsoDate, upper } from "../../src/text/format.js";

describe("Vietnamese numbers", () => {
  it("groups thousands with dots", () => {
    expect(formatNumber(1611)).toBe("1.611");
    expect(formatNumber(5648145)).toBe("5.648.145");
    expect(formatNumber(417)).toBe("417");
  });
  it("writes percentages with a decimal comma and no space", () => {
    expect(formatPercent(92.3, 1)).toBe("92,3%");
    expect(formatPercent(86.7, 2)).toBe("86,70%");
    expect(formatPercent(100)).toBe("100%");
  });
  it("rounds half up even where binary floating point would not", () => {
    expect(formatPercent(91.375, 2)).toBe("91,38%");
    expect(formatPercent((3316 / 3629) * 100, 2)).toBe("91,38%");
  });
  it("zero-pads counts 1-9 only when asked", () => {
    expect(formatCount(6, true)).toBe("06");
    expect(formatCount(6, false)).toBe("6");
    expect(formatCount(10, true)).toBe("10");
    expect(formatCount(0, true)).toBe("0");
    expect(formatCount(2014, true)).toBe("2.014");
  });
});

describe("Vietnamese dates", () => {
  it("pads the day and only months 1-2", () => {
    expect(formatDate("2018-03-14")).toBe("14/3/2018");
    expect(formatDate("2019-01-30")).toBe("30/01/2019");
    expect(formatDate("2019-07-05")).toBe("05/7/2019");
    expect(formatDate("2020-02-28")).toBe("28/02/2020");
  });
  it("writes the long form of the header", () => {
    expect(formatLongDate("2021-11-25")).toBe("ngày 25 tháng 11 năm 2021");
    expect(formatLongDate("2021-02-05")).toBe("ngày 05 tháng 02 năm 2021");
  });
  it("rejects dates that are not on the calendar", () => {
    expect(parseIsoDate("2021-02-30")).toBeUndefined();
    expect(parseIsoDate("20218-03-14")).toBeUndefined();
    expect(parseIsoDate("2020-02-29")).toEqual({ year: 2020, month: 2, day: 29 });
  });
});

describe("case", () => {
  it("upper-cases Vietnamese", () => expect(upper("Báo cáo")).toBe("BÁO CÁO"));
  it("lower-cases only the first letter", () => expect(lowerFirst("Đánh giá Năm 2020")).toBe("đánh giá Năm 2020"));
  it("lower-cases a first word in sentence case, one letter too", () => {
    for (const [from, to] of [["Thực hiện", "thực hiện"], ["Ở các xã", "ở các xã"], ["Ủy ban", "ủy ban"], ["Về việc", "về việc"], ["Tăng cường, đổi mới", "tăng cường, đổi mới"]]) expect(lowerFirst(from)).toBe(to);
  });
  it("never lower-cases an abbreviation or a word in capitals", () => {
    for (const text of ["UBND tỉnh ban hành", "HĐND tỉnh", "ĐẢNG BỘ tỉnh", "COVID-19", "TP. Phan Thiết", "TP.HCM", "BCĐ 35", "A. Nội dung", "MTTQ các cấp", "iPhone", "", "1. Kế hoạch", "(Kèm theo)"]) {
      expect(lowerFirst(text)).toBe(text);
    }
  });
});
