/**
 * The fast YAML reader agrees with the `yaml` library wherever it answers — same values, same node
 * positions — and answers for every data file `danvan fmt` writes. Mutated copies of real files probe the
 * edges: whatever the reader accepts, the library must read without error to the same result.
 */
import fs from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { LineCounter, parseDocument } from "yaml";
import { positionIndex } from "../../src/load/index.js";
import { readYamlSubset } from "../../src/load/yaml-subset.js";
import { DATA_ROOT } from "../helpers/data.js";

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".yaml")).map((f) => path.join(dir, f)).sort();
}

/** What the library reads, or why it cannot be compared. */
function library(text: string): { value: unknown; positions: unknown } | string {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) return `library error: ${doc.errors[0].message.split("\n")[0]}`;
  return { value: doc.toJS({ maxAliasCount: 100 }), positions: positionIndex(doc, lines) };
}

function disagreement(text: string): string | undefined {
  const fast = readYamlSubset(text);
  if (!fast) return undefined;
  const lib = library(text);
  if (typeof lib === "string") return lib;
  if (!isDeepStrictEqual(fast.value, lib.value)) return "values differ";
  if (!isDeepStrictEqual(fast.positions, lib.positions)) return "positions differ";
  return undefined;
}

const dataFiles = yamlFiles(DATA_ROOT);
const fixtureFiles = yamlFiles("tests/fixtures");

describe("YAML subset reader", () => {
  it("reads every data file, as the library does", () => {
    expect(dataFiles.length).toBeGreaterThan(10);
    for (const file of dataFiles) {
      const text = fs.readFileSync(file, "utf8");
      expect(readYamlSubset(text), file).toBeDefined();
      expect(disagreement(text), file).toBeUndefined();
    }
  });

  it("agrees with the library on every fixture it accepts, and accepts most of them", () => {
    let accepted = 0;
    for (const file of fixtureFiles) {
      const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
      if (readYamlSubset(text)) accepted++;
      expect(disagreement(text), file).toBeUndefined();
    }
    expect(accepted).toBeGreaterThan(fixtureFiles.length / 2);
  });

  it("agrees with the library on thousands of mutated data files", () => {
    const sources = dataFiles.map((f) => fs.readFileSync(f, "utf8"));
    const pieces = [":", " ", "  ", "#", "- ", "-", "'", '"', ">", "|", "[]", "{}", "\n", "\n  ", "&a ", "*a", "!x ", "?", ",", "\\", "0", "1.5", "true", "~", "null", '"2018": ', "x: ", "  - ", ">-\n", "|+", "\n\n", " #c", "key:", "\\u00e9", "''", "0x1F", "1e3", "-1", "__proto__: "];
    let seed = 20211125;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const runs = Number(process.env.DANVAN_FUZZ_RUNS ?? 3000);
    let accepted = 0;
    for (let i = 0; i < runs; i++) {
      let text = sources[random(sources.length)];
      for (let edits = 1 + random(3); edits > 0; edits--) {
        const at = random(text.length);
        const kind = random(10);
        if (kind < 4) text = text.slice(0, at) + pieces[random(pieces.length)] + text.slice(at);
        else if (kind < 7) text = text.slice(0, at) + text.slice(at + 1 + random(3));
        else {
          const lines = text.split("\n");
          const j = random(lines.length);
          if (kind === 7) lines[j] = ` ${lines[j]}`;
          else if (kind === 8) lines[j] = lines[j].replace(/^ /, "");
          else lines.splice(j, 0, lines[random(lines.length)]);
          text = lines.join("\n");
        }
      }
      if (readYamlSubset(text)) accepted++;
      const problem = disagreement(text);
      if (problem) expect.fail(`${problem} on:\n${text}`);
    }
    expect(accepted).toBeGreaterThan(runs / 10);
  });

  it.each([
    ["an anchor and alias", "a: &x 1\nb: *x\n"],
    ["a tag", "a: !!str 1\n"],
    ["a multi-line plain scalar", "a: one\n  two\n"],
    ["a duplicate key", "a: 1\na: 2\n"],
    ["a reserved key", "__proto__: 1\n"],
    ["a blank line inside a folded scalar", "a: >-\n  one\n\n  two\n"],
    ["a more-indented folded line", "a: >-\n  one\n    two\n"],
    ["a tab", "a:\tb\n"],
    ["an empty value", "a:\nb: 1\n"],
    ["a flow sequence", "a: [1, 2]\n"],
    ["a document marker", "---\na: 1\n"],
    ["a float the core schema reads specially", "a: .inf\n"],
    ["a key that is not a string", "1.5: x\n"],
    ["an empty key", '"": x\n'],
    ["an empty file", ""],
  ])("leaves %s to the library", (_name, text) => {
    expect(readYamlSubset(text)).toBeUndefined();
  });
});
