/**
 * Random mutations of data/2021 never crash the tool: every run ends with exit 0 or 1 and diagnostics.
 * A bounded number run in `npm test`; DANVAN_FUZZ_RUNS=5000 runs thousands (DANVAN_FUZZ_SEED picks the sequence).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";
import { DATA_ROOT } from "./helpers/data.js";
import { prng } from "./helpers/prng.js";

const RUNS = Number(process.env.DANVAN_FUZZ_RUNS ?? 25);
const SEED = Number(process.env.DANVAN_FUZZ_SEED ?? 20211125);


const ODD_TEXT = ["\u0000", "\u0323", "\u202e", "\ud83d\ude00", "{{", "}}", "{{n \"x\"}}", "&a", "*a", "!!binary", "~", "- ", ": ", "\t", "\"", "'", "[", "{", "#", "|", ">", "\\u0302", "\uFEFF", "é"];

type Mutation = (text: string, rnd: () => number) => string;

const mutations: Record<string, Mutation> = {
  deleteLine: (t, r) => {
    const lines = t.split("\n");
    lines.splice(Math.floor(r() * lines.length), 1);
    return lines.join("\n");
  },
  truncate: (t, r) => t.slice(0, Math.floor(r() * t.length)),
  insertText: (t, r) => {
    const at = Math.floor(r() * t.length);
    return t.slice(0, at) + ODD_TEXT[Math.floor(r() * ODD_TEXT.length)] + t.slice(at);
  },
  swapType: (t, r) => {
    const lines = t.split("\n");
    const i = Math.floor(r() * lines.length);
    const replacement = ["123", "[]", "{}", "null", "true", "\"text\"", "-5", "1e309", "2021-02-30"][Math.floor(r() * 9)];
    lines[i] = lines[i].replace(/:\s.*$/, `: ${replacement}`);
    return lines.join("\n");
  },
  duplicateLine: (t, r) => {
    const lines = t.split("\n");
    const i = Math.floor(r() * lines.length);
    lines.splice(i, 0, lines[i]);
    return lines.join("\n");
  },
  randomUnicode: (t, r) => {
    const at = Math.floor(r() * t.length);
    const cp = Math.floor(r() * 0x2ffff);
    const ch = cp >= 0xd800 && cp <= 0xdfff ? "?" : String.fromCodePoint(cp);
    return t.slice(0, at) + ch + t.slice(at);
  },
};

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(".yaml")).sort();
}

describe("fuzz", () => {
  it(`${RUNS} mutated years of data/2021 end with exit 0 or 1 (seed ${SEED})`, { timeout: 600_000 }, async () => {
    const rnd = prng(SEED);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-fuzz-"));
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-fuzz-out-"));
    fs.cpSync(DATA_ROOT, root, { recursive: true });
    const files = yamlFiles(root);
    const names = Object.keys(mutations);
    for (let run = 0; run < RUNS; run++) {
      const file = path.join(root, files[Math.floor(rnd() * files.length)]);
      const original = fs.readFileSync(file, "utf8");
      let text = original;
      const applied: string[] = [];
      for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) {
        const name = names[Math.floor(rnd() * names.length)];
        applied.push(name);
        text = mutations[name](text, rnd);
      }
      fs.writeFileSync(file, text);
      const what = `run ${run}: ${path.relative(root, file)} ${applied.join("+")}`;
      const check = await runCli("check", "--data", root, "--format", "json");
      expect([0, 1], `${what}\n${check.stderr}`).toContain(check.code);
      const parsed = JSON.parse(check.stdout);
      if (check.code === 1) expect(parsed.diagnostics.length, what).toBeGreaterThan(0);
      const build = await runCli("build-report", "2021", "--data", root, "--out", out, "--format", run % 5 === 0 ? "all" : "md");
      expect([0, 1], `${what}\n${build.stderr}`).toContain(build.code);
      fs.writeFileSync(file, original);
    }
  });
});
