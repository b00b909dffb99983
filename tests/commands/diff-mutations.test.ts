/**
 * The diff is honest: a copy of a year with one field changed at random either is refused by `check`, or
 * renders to the same Markdown and is called identical, or renders differently and the diff names the
 * change in one of its fields — never only in the catch-all of differing printed lines, never "identical".
 * DANVAN_DIFF_MUTATIONS sets how many (default a few hundred), DANVAN_DIFF_SEED the sequence.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compareYears } from "../../src/commands/diff.js";
import { printedYear, type PrintedYear } from "../../src/commands/diff/printed.js";
import { mutate, prng } from "../helpers/mutate-field.js";

const RUNS = Number(process.env.DANVAN_DIFF_MUTATIONS ?? 240);
const SEED = Number(process.env.DANVAN_DIFF_SEED ?? 20261126);
const SOURCE = "tests/fixtures/years/changes/2021";

describe("diff under random single-field mutations", () => {
  let root = "";
  let base: PrintedYear;
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-diff-mut-"));
    fs.cpSync(SOURCE, path.join(root, "2021"), { recursive: true });
    fs.cpSync(SOURCE, path.join(root, "2022"), { recursive: true });
    const p = await printedYear(root, "2021");
    if (!p.ok) throw new Error("the source year must build");
    base = p.year;
  });

  it(`${RUNS} mutations: every change to the printed report appears in the diff (seed ${SEED})`, { timeout: 300_000 }, async () => {
    const rnd = prng(SEED);
    const files = fs.readdirSync(path.join(root, "2021"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".yaml"));
    let shown = 0;
    for (let run = 0; run < RUNS; run++) {
      const file = files[Math.floor(rnd() * files.length)];
      const original = fs.readFileSync(path.join(root, "2021", file), "utf8");
      const mutated = mutate(original, rnd);
      if (mutated === undefined) continue;
      const target = path.join(root, "2022", file);
      fs.writeFileSync(target, mutated);
      try {
        const p = await printedYear(root, "2022");
        if (!p.ok) continue; // refused by check: no diff to judge
        const d = compareYears(base, p.year);
        const context = `${file}\n${mutated}`;
        if (p.year.markdown !== base.markdown) {
          shown++;
          expect(d.identical, context).toBe(false);
          expect(d.other, context).toEqual([]);
        } else {
          // Only fields the report does not print (the period) may differ while the Markdown does not.
          expect(d.identical || d.identity.every((f) => f.field === "period"), context).toBe(true);
        }
      } finally {
        fs.writeFileSync(target, original);
      }
    }
    // Most mutations must reach the report, or the test would judge nothing.
    expect(shown).toBeGreaterThan(RUNS / 3);
  });
});
