/**
 * A content-addressed cache of parsed data files, like ESLint's or Prettier's: a file whose bytes the tool
 * has already read cleanly is not parsed again. Keys hash the tool's version with the file's text, so an
 * edit or an upgrade misses. It lives in the user's cache folder (never under the data root), is written
 * atomically, and any failure to read or write it just means parsing as usual. DANVAN_CACHE=0 turns it off.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The code that produced an entry is part of its key: a hash of every module beside this one (dist/ when
 * installed, src/ under the tests), so a changed rule or reader never serves an old result.
 */
let codeVersion: string | undefined;
function version(): string {
  if (!codeVersion) {
    const root = fileURLToPath(new URL("..", import.meta.url));
    const hash = createHash("sha256");
    const files = fs.readdirSync(root, { recursive: true }).map(String).filter((f) => /\.(js|ts|cjs)$/.test(f)).sort();
    for (const f of files) hash.update(f).update(fs.readFileSync(path.join(root, f)));
    codeVersion = hash.digest("hex").slice(0, 16);
  }
  return codeVersion;
}
/** Entries kept; past this the oldest half goes, so a clerk's cache stays a few tens of megabytes. */
const MAX_ENTRIES = 2000;

function cacheDir(): string | undefined {
  if (process.env.DANVAN_CACHE === "0") return undefined;
  if (process.env.DANVAN_CACHE_DIR) return process.env.DANVAN_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(base, "danvan");
}

export function cacheEnabled(): boolean {
  return cacheDir() !== undefined;
}

function keyFor(kind: string, text: string): string {
  return createHash("sha256").update(version()).update("\0").update(kind).update("\0").update(text).digest("hex");
}

export function cachedValue(kind: string, text: string): unknown {
  const dir = cacheDir();
  if (!dir) return undefined;
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, `${keyFor(kind, text)}.json`), "utf8"));
  } catch {
    return undefined;
  }
}

export function storeValue(kind: string, text: string, value: unknown): void {
  const dir = cacheDir();
  if (!dir) return;
  try {
    fs.mkdirSync(dir, { recursive: true });
    const target = path.join(dir, `${keyFor(kind, text)}.json`);
    if (fs.existsSync(target)) return;
    const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(value));
    fs.renameSync(temp, target);
    prune(dir);
  } catch {
    // A cache that cannot be written is only slower.
  }
}

function prune(dir: string): void {
  const names = fs.readdirSync(dir).filter((n) => n.endsWith(".json"));
  if (names.length <= MAX_ENTRIES) return;
  const byAge = names.map((n) => ({ n, t: fs.statSync(path.join(dir, n)).mtimeMs })).sort((a, b) => a.t - b.t);
  for (const { n } of byAge.slice(0, names.length - MAX_ENTRIES / 2)) fs.rmSync(path.join(dir, n), { force: true });
}
