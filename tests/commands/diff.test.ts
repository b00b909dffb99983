/** `danvan diff`: sections, sentences word by word, figures with changes, register, footnotes. */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { wordDiff } from "../../src/commands/diff.js";
import { runCli } from "../helpers/run-cli.js";

const data = "tests/fixtures/years/pair";

describe("danvan diff", () => {
  it("says so when two years are identical", async () => {
    const r = await runCli("diff", "2021", "2021", "--data", data);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("Năm 2021 và năm 2021 giống nhau.");
  });

  it("shows changed sentences word by word", () => {
    expect(wordDiff("Toàn tỉnh tiếp nhận đơn", "Toàn tỉnh đã tiếp nhận đơn")).toEqual([
      { op: "=", text: "Toàn tỉnh" },
      { op: "+", text: "đã" },
      { op: "=", text: "tiếp nhận đơn" },
    ]);
  });

  for (const [format, ext] of [["text", "txt"], ["json", "json"], ["md", "md"]]) {
    it(`${format} output matches its golden file`, async () => {
      const r = await runCli("diff", "2020", "2021", "--data", data, "--format", format);
      expect(r.code).toBe(0);
      const golden = `tests/golden/diff/pair.${ext}`;
      if (process.env.UPDATE) {
        fs.mkdirSync("tests/golden/diff", { recursive: true });
        fs.writeFileSync(golden, `${r.stdout}\n`);
      }
      expect(`${r.stdout}\n`).toBe(fs.readFileSync(golden, "utf8"));
    });
  }

  it("reports figures with absolute and relative change, and register and footnote changes", async () => {
    const d = JSON.parse((await runCli("diff", "2020", "2021", "--data", data, "--format", "json")).stdout);
    expect(d.figures).toContainEqual({ path: "don.khieu-nai", old: 1611, new: 1700, delta: 89, relative: (89 / 1611) * 100 });
    expect(d.register).toEqual({ added: ["Kế hoạch số 15-KH/TU"], removed: ["Kế hoạch số 12-KH/TU"] });
    expect(d.footnotes).toEqual({ added: ["kiem-tra"], removed: [] });
    expect(d.sections.changed[0].section).toBe("ket-qua");
  });
});
