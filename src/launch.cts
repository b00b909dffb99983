/**
 * How bin/danvan.cjs starts the CLI: from the bundles `npm run build` writes to dist/bundle/, compiled with
 * V8's code cache, or — when there are none — from tsc's modules in dist/. A cold danvan spent most of a
 * 2021 build compiling and first-running code (docx.js above all); the cache, made by a training run at
 * build time (src/build/train.ts), keeps that work between runs. It is checked against the bundle it was
 * made from (a SHA-256 of the bundle's bytes) and against damage (a digest of its own data), and V8 rejects
 * it after a Node upgrade; a rejected or missing cache is made again after the run, when the folder is
 * writable. CommonJS, like the bundles: an ES module entry costs
 * Node 20 a few milliseconds more to start.
 */
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";

/** What bin/danvan.cjs and the build's training run use of src/cli.ts. */
export interface Cli {
  main(argv: string[], io?: { out: (line: string) => void; err: (line: string) => void }): Promise<number>;
  installSignalHandlers(): void;
}

export const BUNDLE_DIR = path.join(__dirname, "bundle");
const MAIN = "main.cjs";
/** The bundles main.cjs requires by name (src/build/bundle.ts, APART). */
const APART = new Set(["./docx.cjs", "./remark.cjs"]);

interface LoadedBundle {
  script: vm.Script;
  cacheFile: string;
  stamp: string;
  fresh: boolean;
}

const loaded = new Map<string, LoadedBundle>();
const exportsOf = new Map<string, unknown>();

/** The CLI module: bundled when built, else tsc's output. */
export async function loadCli(): Promise<Cli> {
  if (!fs.existsSync(path.join(BUNDLE_DIR, MAIN))) return (await import("./cli.js")) as Cli;
  return requireBundle(MAIN) as Cli;
}

function requireBundle(name: string): unknown {
  const done = exportsOf.get(name);
  if (done) return done;
  const file = path.join(BUNDLE_DIR, name);
  const cacheFile = `${file}.cache`;
  const bytes = fs.readFileSync(file);
  // By content, not size and time: V8 itself compares only the source's length, and would run the compiled
  // code of another bundle of that length (one copied with its times kept, or rebuilt in the same second).
  const stamp = digest(bytes);
  const cachedData = useCodeCache() ? readCache(cacheFile, stamp) : undefined;
  const source = bytes.toString("utf8");
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  loaded.set(name, { script, cacheFile, stamp, fresh: cachedData !== undefined && !script.cachedDataRejected });
  const module = { exports: {} as unknown };
  const nodeRequire = createRequire(file);
  const bundleRequire = Object.assign((id: string) => (APART.has(id) ? requireBundle(id) : nodeRequire(id)), nodeRequire);
  exportsOf.set(name, module.exports);
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, bundleRequire, module, file, BUNDLE_DIR);
  exportsOf.set(name, module.exports);
  return module.exports;
}

/** DANVAN_CODE_CACHE=0 runs the bundles without their code cache, to measure what it buys. */
function useCodeCache(): boolean {
  return process.env.DANVAN_CODE_CACHE !== "0";
}

/**
 * A cache file: a header line — the SHA-256 of the bundle, and the SHA-256 of the data — then V8's data.
 * The digest matters: V8 does not verify code cache data in release builds, and a damaged cache would
 * crash the process (tried: a few flipped bytes end in a segmentation fault).
 */
export function cacheFileData(stamp: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${stamp}:${digest(data)}\n`), data]);
}

/** The cache's data, if the file was made from this very bundle and arrived whole. */
export function readCache(cacheFile: string, stamp: string): Buffer | undefined {
  try {
    const file = fs.readFileSync(cacheFile);
    const newline = file.indexOf(10);
    const header = file.subarray(0, newline).toString();
    const data = file.subarray(newline + 1);
    return newline > 0 && header === `${stamp}:${digest(data)}` ? data : undefined;
  } catch {
    return undefined;
  }
}

function digest(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * Writes the code cache of each bundle this run loaded whose cache was missing or rejected (all of them
 * when `force`), with what V8 compiled during the run. A folder that cannot be written is left as it is.
 */
export function saveCodeCaches(force = false): void {
  if (!useCodeCache()) return;
  for (const bundle of loaded.values()) {
    if (bundle.fresh && !force) continue;
    const temp = `${bundle.cacheFile}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temp, cacheFileData(bundle.stamp, bundle.script.createCachedData()));
      fs.renameSync(temp, bundle.cacheFile);
      bundle.fresh = true;
    } catch {
      fs.rmSync(temp, { force: true });
    }
  }
}

/** Each bundle this run loaded, and whether V8 took its code cache. */
export function cacheStatus(): Array<{ bundle: string; cached: boolean }> {
  return [...loaded].map(([bundle, b]) => ({ bundle, cached: b.fresh }));
}

/** The whole run, as bin/danvan.cjs makes it. */
export async function run(argv: string[]): Promise<number> {
  const cli = await loadCli();
  cli.installSignalHandlers();
  const code = await cli.main(argv);
  saveCodeCaches();
  return code;
}
