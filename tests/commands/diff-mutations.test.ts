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
import { compareYears, type YearDiff } from "../../src/commands/diff.js";
import { printedYear, type PrintedYear } from "../../src/commands/diff/printed.js";
import { move, mutate, prng } from "../helpers/mutate-field.js";

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

/** What a diff names, one key per thing: a field, a section, a figure, a footnote, a register entry. */
function targets(d: YearDiff): Set<string> {
  const out = new Set<string>();
  for (const f of d.identity) out.add(`id:${f.field}`);
  for (const x of [...d.sections.added, ...d.sections.removed, ...d.sections.moved, ...d.sections.changed]) out.add(`sec:${x.section}`);
  for (const f of d.figures) out.add(`fig:${f.path}`);
  for (const f of d.footnotes) out.add(`fn:${f.id}`);
  for (const r of d.register) out.add(`reg:${r.number}`);
  return out;
}

describe("diff of a move with another change elsewhere", () => {
  const MOVES = Number(process.env.DANVAN_DIFF_MOVES ?? 40);

  it(`${MOVES} moves, each with a field changed in another file: both are reported, as each is alone (seed ${SEED})`, { timeout: 300_000 }, async () => {
    const rnd = prng(SEED + 3);
    let judged = 0;
    for (let attempt = 0; judged < MOVES && attempt < MOVES * 10; attempt++) {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-diff-move-"));
      for (const y of ["2021", "2022", "2023", "2024"]) fs.cpSync(SOURCE, path.join(root, y), { recursive: true });
      // 2022: the move alone; 2023: the field alone; 2024: both.
      const moved = move(path.join(root, "2022"), rnd);
      if (!moved) continue;
      const files = fs.readdirSync(path.join(root, "2023"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".yaml") && !f.startsWith(moved));
      const file = files[Math.floor(rnd() * files.length)];
      const mutated = mutate(fs.readFileSync(path.join(root, "2023", file), "utf8"), rnd);
      if (mutated === undefined) continue;
      fs.writeFileSync(path.join(root, "2023", file), mutated);
      fs.rmSync(path.join(root, "2024"), { recursive: true });
      fs.cpSync(path.join(root, "2022"), path.join(root, "2024"), { recursive: true });
      fs.writeFileSync(path.join(root, "2024", file), mutated);
      const years = await Promise.all(["2021", "2022", "2023", "2024"].map((y) => printedYear(root, y)));
      if (!years.every((p) => p.ok)) continue; // refused by check
      const [base, alone, other, both] = years.map((p) => (p as { year: PrintedYear }).year);
      const [dMove, dField, dBoth] = [compareYears(base, alone), compareYears(base, other), compareYears(base, both)];
      const what = `moved ${moved}, changed ${file}`;
      if (alone.markdown === base.markdown) continue; // a move of two equal items prints nothing new
      expect(dMove.identical, what).toBe(false);
      expect(dMove.other, what).toEqual([]);
      expect(dBoth.other, what).toEqual([]);
      const named = targets(dBoth);
      // A figure shown inside a sentence that also changed is named by its section.
      const figureSection = new Map(dBoth.sections.changed.map((c) => [c.heading || c.section, `sec:${c.section}`]));
      const covered = (t: string, d: YearDiff) => named.has(t) || (t.startsWith("fig:") && d.figures.some((f) => `fig:${f.path}` === t && named.has(figureSection.get(f.where) ?? "")));
      for (const t of targets(dMove)) expect(covered(t, dMove), `${what}: ${t} (move) missing from ${[...named].join(", ")}`).toBe(true);
      for (const t of targets(dField)) expect(covered(t, dField), `${what}: ${t} (field) missing from ${[...named].join(", ")}`).toBe(true);
      judged++;
    }
    expect(judged).toBeGreaterThan(MOVES / 2);
  });
});
