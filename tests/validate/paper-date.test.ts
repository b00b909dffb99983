/** A date typed as on paper gets the ready value in the message (DV118); anything else is the pattern's own message. */
import { describe, expect, it } from "vitest";
import { datePaperWay } from "../../src/validate/index.js";

describe("datePaperWay", () => {
  it.each([
    ["25/11/2022", "2022-11-25"],
    ["25-11-2022", "2022-11-25"],
    ["25.11.2022", "2022-11-25"],
    ["5/3/2022", "2022-03-05"],
    ["05/03/22", "2022-03-05"],
    [" 1 / 12 / 2021 ", "2021-12-01"],
  ])("%j → %j", (typed, ready) => {
    expect(datePaperWay(typed)).toContain(`: "${ready}"`);
  });

  it.each(["2022-11-25x", "25/11", "32/11/2022", "25/13/2022", "25/11-2022", "ngày 25", 25112022])("%j is not a paper date", (typed) => {
    expect(datePaperWay(typed)).toBeUndefined();
  });
});
