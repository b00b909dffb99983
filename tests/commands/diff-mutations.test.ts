/**
 * The diff is honest: a copy of a year with one field changed at random either is refused by `check`, or
 * renders to the same Markdown and is called identical, or renders differently and the diff names the
 * change in one of its fields — never only in the catch-all of differing printed lines, never "identical".
 * DANVAN_DIFF_MUTATIONS sets how many (default a few hundred), DANVAN_DIFF_SEED the sequence.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMap, isScalar, isSeq, parseDocument, type Node } from "yaml";
import { compareYears } from "../../src/commands/diff.js";
import { printedYear, type PrintedYear } from "../../src/commands/diff/printed.js";

const RUNS = Number(process.env.DANVAN_DIFF_MUTATIONS ?? 240);
const SEED = Number(process.env.DANVAN_DIFF_SEED ?? 20261126);
const SOURCE = "tests/fixtures/years/changes/2021";

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Leaf = { parent: Node; key: unknown; node: Node };

function leaves(node: Node | null | undefined, parent?: Node, key?: unknown, out: Leaf[] = []): Leaf[] {
  if (!node) return out;
  if (isScalar(node)) out.push({ parent: parent!, key, node });
  else if (isMap(node)) for (const p of node.items) leaves(p.value as Node, node, (p.key as { value?: unknown })?.value ?? p.key, out);
  else if (isSeq(node)) node.items.forEach((n, i) => leaves(n as Node, node, i, out));
  return out;
}

const WORDS = ["mới", "Huyện", "đã", "2.5", "(báo cáo)", "kỳ"];

/** One field of one file changed: a number nudged, a word added, replaced or dropped, a flag flipped, a key removed. */
function mutate(text: string, rnd: () => number): string | undefined {
  const doc = parseDocument(text);
  const all = leaves(doc.contents as Node);
  if (!all.length) return undefined;
  const leaf = all[Math.floor(rnd() * all.length)];
  const scalar = leaf.node as { value: unknown };
  const v = scalar.value;
  const pick = rnd();
  if (typeof v === "number") scalar.value = pick < 0.5 ? v + 1 : pick < 0.8 ? Math.max(0, v - 1) : v * 2;
  else if (typeof v === "boolean") scalar.value = !v;
  else if (typeof v === "string") {
    const words = v.split(" ");
    const at = Math.floor(rnd() * words.length);
    const word = WORDS[Math.floor(rnd() * WORDS.length)];
    if (pick < 0.4) words.splice(at + 1, 0, word);
    else if (pick < 0.7) words[at] = word;
    else if (words.length > 1) words.splice(at, 1);
    else words[0] = `${words[0]} ${word}`;
    scalar.value = words.join(" ");
  } else return undefined;
  if (pick > 0.95 && isMap(leaf.parent)) leaf.parent.delete(leaf.key);
  return doc.toString();
}

describe("diff under random single-field mutations", () => {
  let root = "";
  let base: PrintedYear;
  let cacheSetting: string | undefined;
  beforeAll(async () => {
    cacheSetting = process.env.DANVAN_CACHE;
    process.env.DANVAN_CACHE = "0";
    root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-diff-mut-"));
    fs.cpSync(SOURCE, path.join(root, "2021"), { recursive: true });
    fs.cpSync(SOURCE, path.join(root, "2022"), { recursive: true });
    const p = await printedYear(root, "2021");
    if (!p.ok) throw new Error("the source year must build");
    base = p.year;
  });
  afterAll(() => {
    if (cacheSetting === undefined) delete process.env.DANVAN_CACHE;
    else process.env.DANVAN_CACHE = cacheSetting;
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
