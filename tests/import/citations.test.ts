/** A citation becomes `{{doc}}` only where the helper would print back exactly the words on the page. */
import { describe, expect, it } from "vitest";
import { citationIndex, citeDocuments } from "../../src/import/citations.js";
import { typeFigures } from "../../src/import/figures.js";

const known = citationIndex({
  groups: [{ issuer: "UBND tỉnh", types: [{ type: "Kế hoạch", documents: [{ id: "3111-kh-ubnd", number: "3111/KH-UBND", date: "2017-08-11", summary: "…" }] }] }],
});

describe("register citations in prose", () => {
  it.each([
    ["ban hành Kế hoạch số 3111/KH-UBND, ngày 11/8/2017 chỉ đạo", 'ban hành {{doc "3111-kh-ubnd"}} chỉ đạo'],
    ["theo Kế hoạch số 3111/KH-UBND.", 'theo {{doc "3111-kh-ubnd" date=false}}.'],
    ["Kế hoạch: Số 3111/KH-UBND, ngày 11/8/2017 về", 'Kế hoạch: {{doc "3111-kh-ubnd" type=false}} về'],
    // Another date than the register's: the date stays literal text after the citation.
    ["Kế hoạch số 3111/KH-UBND, ngày 12/8/2017", '{{doc "3111-kh-ubnd" date=false}}, ngày 12/8/2017'],
    // Another type, or lower case: left as printed.
    ["Công văn số 3111/KH-UBND", "Công văn số 3111/KH-UBND"],
    ["kế hoạch số 3111/KH-UBND", "kế hoạch số 3111/KH-UBND"],
    // Not in the register.
    ["Kế hoạch số 12/KH-UBND, ngày 11/8/2017", "Kế hoạch số 12/KH-UBND, ngày 11/8/2017"],
    // Never inside a helper already written.
    ['{{fn "ke-hoach-so-3111"}} Kế hoạch số 3111/KH-UBND', '{{fn "ke-hoach-so-3111"}} {{doc "3111-kh-ubnd" date=false}}'],
  ])("%s", (text, expected) => {
    expect(citeDocuments(text, known)).toBe(expected);
  });
});

describe("--figures", () => {
  it("types a ratio and a breakdown printed as danvan prints them", () => {
    const sink = { statistics: {}, taken: new Set<string>() };
    expect(typeFigures("đã giải quyết 1.487/1.611 đơn khiếu nại, đạt tỷ lệ 92,3%", sink)).toBe('đã giải quyết {{ratio "ty-le-don-khieu-nai"}} đơn khiếu nại, đạt tỷ lệ {{pct "ty-le-don-khieu-nai"}}');
    expect(typeFigures("tiếp nhận 2.014 đơn (khiếu nại: 1.611 đơn, tố cáo: 403 đơn)", sink)).toBe(
      'tiếp nhận {{n "don"}} đơn (khiếu nại: {{n "don.khieu-nai"}} đơn, tố cáo: {{n "don.to-cao"}} đơn)',
    );
    expect(sink.statistics).toEqual({
      "ty-le-don-khieu-nai": { kind: "ratio", part: 1487, whole: 1611, decimals: 1, stated: 92.3 },
      don: { kind: "breakdown", unit: "đơn", parts: { "khieu-nai": 1611, "to-cao": 403 }, stated: 2014 },
    });
  });

  it("leaves figures danvan would print otherwise (zero-padded, ungrouped thousands) as text", () => {
    const sink = { statistics: {}, taken: new Set<string>() };
    for (const text of ["1487/1611 đơn, đạt tỷ lệ 92,3%", "tiếp nhận 06 đơn (khiếu nại: 04 đơn, tố cáo: 02 đơn)", "ngày 11/8/2017 đạt tỷ lệ 5%"]) {
      expect(typeFigures(text, sink)).toBe(text);
    }
    expect(sink.statistics).toEqual({});
  });
});
