/**
 * Class: the cache. An entry that does not verify — damaged, of the wrong shape, or edited — is ignored and
 * rewritten: the run is slower, never different, never exit 70.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { miniRoot, tmp } from "./helpers.js";

let dir: string;
beforeEach(() => {
  dir = tmp();
  process.env.DANVAN_CACHE_DIR = dir;
});
afterEach(() => {
  delete process.env.DANVAN_CACHE_DIR;
});

const entries = () => fs.readdirSync(dir).filter((n) => n.endsWith(".json"));

/** Rewrites each entry's JSON payload, keeping its first line (the HMAC) as it was. */
function editEntries(edit: (payload: string) => string): void {
  for (const name of entries()) {
    const file = path.join(dir, name);
    const text = fs.readFileSync(file, "utf8");
    const nl = text.indexOf("\n");
    fs.writeFileSync(file, text.slice(0, nl + 1) + edit(text.slice(nl + 1)));
  }
}

async function buildMd(root: string): Promise<{ code: number; md: string; check: string }> {
  const out = tmp();
  const r = await runCli("build-report", "2021", "--data", root, "--out", out, "--format", "md");
  const md = r.code === 0 ? fs.readFileSync(path.join(out, "01-BC-BDVTU-2021.md"), "utf8") : "";
  const check = (await runCli("check", "--data", root, "--format", "json")).stdout;
  return { code: r.code, md, check };
}

describe("cache", () => {
  it("an entry edited by someone who can write the cache does not change the report or check", async () => {
    const root = miniRoot();
    const cold = await buildMd(root);
    expect(entries().length).toBeGreaterThan(0);
    // The signer and every figure, as a forger would change them: valid JSON, the right shape.
    editEntries((p) => p.replaceAll("1611", "9999").replaceAll("Kết quả", "Giả mạo"));
    const warm = await buildMd(root);
    expect(warm).toEqual(cold);
    // Rewritten: entries verify again, and the next run reads them (a hit rewrites nothing).
    const stamps = () => entries().map((n) => `${n}:${fs.statSync(path.join(dir, n)).mtimeMs}`).sort();
    const before = stamps();
    const again = await buildMd(root);
    expect(again).toEqual(cold);
    expect(stamps()).toEqual(before);
  });

  it.each([
    ["not JSON", () => "{"],
    ["the wrong shape", () => JSON.stringify({ value: 1, positions: 2, text: "x" })],
    ["empty", () => ""],
  ])("an entry that is %s is a miss, rewritten", async (_what, payload) => {
    const root = miniRoot();
    const cold = await buildMd(root);
    editEntries(payload);
    expect(await buildMd(root)).toEqual(cold);
  });

  it("a key file others can read, or not the user's, is not trusted", async () => {
    const root = miniRoot();
    const cold = await buildMd(root);
    fs.chmodSync(path.join(dir, "key"), 0o644);
    editEntries((p) => p.replaceAll("1611", "9999"));
    expect(await buildMd(root)).toEqual(cold);
  });
});
