/**
 * Duplicate keys found in one pass (src/load/parse-yaml.ts) are exactly the yaml library's own
 * (`uniqueKeys: true`): the same errors at the same places, on random maps — block and flow, nested, keys
 * that look alike but are not (1 and "1", true and "true", null and ~).
 */
import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { parseYamlDocument } from "../../src/load/parse-yaml.js";
import { prng } from "../helpers/prng.js";

const KEYS = ["a", "b", "'a'", '"a"', "1", '"1"', "01", "1.0", "true", '"true"', "null", "~", "''", "x y", "? z"];

function randomYaml(rnd: () => number, depth = 0): string {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const lines: string[] = [];
  const indent = "  ".repeat(depth);
  for (let i = 1 + Math.floor(rnd() * 5); i > 0; i--) {
    const key = pick(KEYS);
    const r = rnd();
    if (r < 0.2 && depth < 3) lines.push(`${indent}${key.startsWith("?") ? "k" : key}:`, randomYaml(rnd, depth + 1));
    else if (r < 0.35) lines.push(`${indent}${key.startsWith("?") ? "k" : key}: {${pick(KEYS.slice(0, 6))}: 1, ${pick(KEYS.slice(0, 6))}: 2}`);
    else lines.push(`${indent}${key.startsWith("?") ? "k" : key}: ${pick(["1", "x", '"y"', "[1, 2]", "null"])}`);
  }
  return lines.join("\n");
}

describe("duplicate keys in one pass", () => {
  it("finds exactly the yaml library's duplicate keys, at the same places, on 1000 random documents", () => {
    const rnd = prng(20260101);
    let withDuplicates = 0;
    for (let i = 0; i < 1000; i++) {
      const text = randomYaml(rnd);
      const ours = parseYamlDocument(text).errors.map((e) => [e.code, e.pos[0]]);
      const theirs = parseDocument(text, { uniqueKeys: true, prettyErrors: false }).errors.map((e) => [e.code, e.pos[0]]);
      expect(ours, text).toEqual(theirs);
      if (theirs.some(([code]) => code === "DUPLICATE_KEY")) withDuplicates++;
    }
    expect(withDuplicates).toBeGreaterThan(100);
  });
});
