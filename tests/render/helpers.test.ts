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
