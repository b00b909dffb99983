import { describe, expect, it } from "vitest";
import type { Statistic } from "../../src/model/index.js";
import { parseMarkdown, textOf } from "../../src/parse/remark.js";
import { proseHelpers } from "../../src/render/helpers.js";
import { createProseEnv } from "../../src/render/prose.js";
import { Statistics } from "../../src/model/statistics.js";
import { reportWithStatistics } from "../helpers/report.js";

function helpers(statistics: Record<string, Statistic>) {
  return proseHelpers({ statistics: new Statistics(reportWithStatistics(statistics)), register: new Map(), footnotes: new Set(), zeroPadCounts: true });
}

describe("n", () => {
  const h = helpers({
    von: { kind: "breakdown", decimals: 2, parts: { a: 1.1, b: 2.2 } },
    ho: { kind: "count", value: 6 },
    big: { kind: "count", value: 16000 },
  });
  it("prints a figure with declared decimals at exactly those, summed exactly", () => expect(h.n("von", {})).toBe("3,30"));
  it("pads counts only", () => expect(h.n("ho", {})).toBe("06"));
  // Markdown: a number could open an ordered list at the start of a line, so its dot is escaped.
  it("groups thousands the Vietnamese way", () => expect(h.n("big", {})).toBe("16\\.000"));
});

describe("ratio", () => {
  const h = helpers({
    dien: { kind: "breakdown", decimals: 1, parts: { xong: 12.5, tong: 50.5 } },
    tien: { kind: "count", decimals: 2, value: 7.25 },
    tong: { kind: "count", decimals: 2, value: 10 },
    r: { kind: "ratio", part: "dien.xong", whole: "dien.tong", decimals: 1 },
    s: { kind: "ratio", part: "tien", whole: "tong", decimals: 0 },
    t: { kind: "ratio", part: "r.part", whole: 60, decimals: 1 },
    u: { kind: "ratio", part: 52, whole: 57, decimals: 1 },
  });
  it("prints part and whole at the decimals of the figures they name", () => {
    expect(h.ratio("r", {})).toBe("12,5/50,5");
    expect(h.ratio("s", {})).toBe("7,25/10,00");
    expect(h.ratio("t", {})).toBe("12,5/60");
  });
  it("prints a literal part and whole as counts", () => expect(h.ratio("u", {})).toBe("52/57"));
  it("prints the same part as {{n}} does", () => {
    for (const id of ["r", "s", "t"]) expect(h.ratio(id, {}).split("/")[0]).toBe(h.n(`${id}.part`, {}));
  });
});

describe("options", () => {
  const env = createProseEnv(helpers({ ho: { kind: "count", value: 8 } }));
  it("an option a helper does not take, or a value it does not take, is refused by render too", () => {
    expect(() => env.render('{{n "ho" padd=false}}')).toThrow(/không có tùy chọn "padd" \(có phải ý bạn là "pad"\?\)/);
    expect(() => env.render('{{n "ho" pad="false"}}')).toThrow(/pad của \{\{n\}\} nhận true hoặc false/);
    expect(env.render('{{n "ho" pad=false}}')).toBe("8");
  });
});

describe("prose around helpers", () => {
  const h = helpers({ ho: { kind: "count", value: 8 } });
  const env = createProseEnv(h);
  for (const source of ['{{n "ho"}}. Mặt trận', '{{n "ho"}}) Mặt trận', 'Tổng:{{n "ho"}} hộ']) {
    it(`reads ${JSON.stringify(source)} as one plain paragraph`, () => {
      const tree = parseMarkdown(env.render(source));
      expect(tree.children.map((c) => c.type)).toEqual(["paragraph"]);
      expect(textOf(tree.children[0])).toBe(source.replace('{{n "ho"}}', "08"));
    });
  }
});
