/** Numbers typed as text, read the Vietnamese way, or refused with how to type them. */
import { describe, expect, it } from "vitest";
import { readTextNumber } from "../../src/commands/collect/numbers.js";

describe("readTextNumber", () => {
  it.each([
    ["1611", 0, 1611],
    ["1.611", 0, 1611],
    ["1.611.000", 0, 1611000],
    ["1 611", 0, 1611],
    ["1\u00a0611", 0, 1611],
    [" 16 ", 0, 16],
    ["1.611,5", 1, 1611.5],
    ["1 611,25", 2, 1611.25],
    ["12,5", 1, 12.5],
    ["0", 0, 0],
  ])("%j with %i decimals is %d", (text, decimals, value) => {
    expect(readTextNumber(text, decimals)).toEqual({ value });
  });

  it.each([
    ["1,611", 0, "nếu là 1611, hãy gõ 1611"],
    ["12.5", 1, "không rõ là số nào"],
    ["1.61", 0, "không rõ là số nào"],
    ["1.6111", 0, "không rõ là số nào"],
    ["khoảng 20", 0, "không phải là một số"],
    ["20 đơn", 0, "không phải là một số"],
    ["-5", 0, "số âm"],
    ["1,234", 2, "có 3 chữ số thập phân"],
    ["99999999999999999", 0, "quá lớn"],
  ])("%j with %i decimals is refused (%s)", (text, decimals, words) => {
    const r = readTextNumber(text, decimals);
    expect("problem" in r && r.problem).toContain(words);
  });
});
