/** DV503's rule for every kind: a mention of the earlier period becomes the new one, in the clerk's wording. */
import { describe, expect, it } from "vitest";
import { movePeriod, periodMentions, type SpokenPeriod } from "../../src/check/old-period.js";
import { parsePeriod } from "../../src/model/period.js";

function spoken(id: string, years?: [number, number]): SpokenPeriod {
  const p = parsePeriod(id);
  if (!p.ok) throw new Error(p.message);
  const y = p.period.year!;
  return { period: p.period, from: years?.[0] ?? y, to: years?.[1] ?? y };
}

const move = (text: string, from: string, to: string, years?: { from?: [number, number]; to?: [number, number] }) => movePeriod(text, spoken(from, years?.from), spoken(to, years?.to));

describe("moving the period text", () => {
  it.each([
    ["sơ kết 6 tháng đầu năm 2022", "2022-h1", "2023-h1", "sơ kết 6 tháng đầu năm 2023"],
    ["Sáu tháng đầu năm 2022, toàn huyện", "2022-h1", "2023-h1", "Sáu tháng đầu năm 2023, toàn huyện"],
    ["nhiệm vụ 6 tháng cuối năm 2022", "2022-h1", "2023-h1", "nhiệm vụ 6 tháng cuối năm 2023"],
    ["kết quả quý IV/2022 và quý 4 năm 2022", "2022-q4", "2023-q1", "kết quả quý I/2023 và quý 1 năm 2023"],
    ["QUÝ III NĂM 2022", "2022-q3", "2023-q3", "QUÝ III NĂM 2023"],
    ["tháng 5 năm 2023; tháng 05/2023", "2023-05", "2023-06", "tháng 6 năm 2023; tháng 06/2023"],
    ["9 tháng đầu năm 2023", "2023-9m", "2023", "năm 2023"],
    ["Chín tháng năm 2023", "2023-9m", "2023", "Năm 2023"],
    ["6 tháng đầu năm 2023", "2023-h1", "2023-9m", "9 tháng đầu năm 2023"],
    ["tổng kết năm 2022", "2022", "2023-h1", "tổng kết 6 tháng đầu năm 2023"],
    ["so với cùng kỳ năm 2021 (cùng kỳ năm 2022 là kỳ này)", "2022-h1", "2023-h1", "so với cùng kỳ năm 2022 (cùng kỳ năm 2022 là kỳ này)"],
    ["năm 2021; NĂM 2021", "2021", "2022", "năm 2022; NĂM 2022"],
  ])("%j from %s to %s: %j", (text, from, to, expected) => expect(move(text, from, to)).toBe(expected));

  it("a five-year report's giai đoạn, as before", () => {
    expect(move("giai đoạn 2017 - 2021, 2017–2021", "2021", "2022", { from: [2017, 2021], to: [2018, 2022] })).toBe("giai đoạn 2018 - 2022, 2018–2022");
  });

  it("leaves alone what names another period: last year's half, a quarter, a longer number; the year alone moves", () => {
    expect(move("6 tháng cuối năm 2021; quý II/2022; 12022; 16 tháng đầu năm 2022", "2022-h1", "2023-h1")).toBe("6 tháng cuối năm 2021; quý II/2022; 12022; 16 tháng đầu năm 2023");
    expect(move("quý III/2022", "2022-q4", "2023-q1")).toBe("quý III/2022");
  });

  it("lists each mention with what it becomes", () => {
    expect(periodMentions("6 tháng đầu năm 2022 và kế hoạch năm 2022", spoken("2022-h1"), spoken("2023-h1"))).toEqual([
      ["6 tháng đầu năm 2022", "6 tháng đầu năm 2023"],
      ["năm 2022", "năm 2023"],
    ]);
    expect(periodMentions("dan-van-kheo", spoken("2022-h1"), spoken("2022-h1"))).toEqual([]);
  });
});
