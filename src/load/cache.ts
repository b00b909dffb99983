/**
 * A content-addressed cache of parsed data files, like ESLint's or Prettier's: a file whose bytes the tool
 * has already read cleanly is not parsed again. Keys hash the tool's version with the file's text, so an
 * edit or an upgrade misses. It lives in the user's cache folder (never under the data root), is written
 * atomically, and any failure to read or write it just means parsing as usual. DANVAN_CACHE=0 turns it off.
 *
 * What an entry can and cannot be trusted for (README, "Bộ nhớ đệm"): each entry carries an HMAC of its
 * content under a key kept in the cache folder, readable by its owner only (`key`, mode 0600, refused if
 * it is a link, belongs to another user or others can read it), and callers shape-check what they read.
 * A damaged, truncated, foreign or differently shaped entry is ignored and rewritten. Another user who can
 * write the cache folder cannot forge an entry (they cannot read the key, nor plant one we would accept).
 * Anyone who runs as the same user can — but they can also edit the tool itself; the cache adds no hole.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { makeFolder } from "../write/atomic.js";

/** Written by `npm run build` (src/build/digest.ts): the tool's digest, so no run hashes dist/ itself. */
export const DIGEST_FILE = "code-digest.txt";

/**
 * The code that produced an entry is part of its key: a digest of every module of the tool (dist/ when
 * installed, computed once at build time; src/ under the tests, hashed on first use), so a changed rule or
 * reader never serves an old result.
 */
let codeVersion: string | undefined;
function version(): string {
  if (!codeVersion) {
    const root = fileURLToPath(new URL("..", import.meta.url));
    try {
      codeVersion = fs.readFileSync(path.join(root, DIGEST_FILE), "utf8").trim();
    } catch {
      codeVersion = codeDigest(root);
    }
  }
  return codeVersion;
}

/** A digest of every script under `root`, by path and content. */
export function codeDigest(root: string): string {
  const hash = createHash("sha256");
  const files = fs.readdirSync(root, { recursive: true }).map(String).filter((f) => /\.(js|ts|cjs)$/.test(f)).sort();
  for (const f of files) hash.update(f).update(fs.readFileSync(path.join(root, f)));
  return hash.digest("hex").slice(0, 16);
}

/** Entries kept; past this the oldest half goes, so a clerk's cache stays a few tens of megabytes. */
const MAX_ENTRIES = 2000;
const KEY_FILE = "key";

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

const secrets = new Map<string, Buffer | null>();

/** The cache folder's secret, made on first use; null when the folder's key cannot be trusted or made. */
function secret(dir: string, create: boolean): Buffer | null {
  const known = secrets.get(dir);
  if (known !== undefined && (known || !create)) return known;
  const file = path.join(dir, KEY_FILE);
  let key: Buffer | null = readKey(file);
  if (!key && create) {
    try {
      makeFolder(dir);
      const fresh = randomBytes(32);
      fs.writeFileSync(file, fresh.toString("hex"), { mode: 0o600, flag: "wx" });
      key = readKey(file);
    } catch {
      key = null;
    }
  }
  secrets.set(dir, key);
  return key;
}

function readKey(file: string): Buffer | null {
  try {
    const st = fs.lstatSync(file);
    const mine = typeof process.getuid !== "function" || st.uid === process.getuid();
    if (!st.isFile() || !mine || (st.mode & 0o077) !== 0) return null;
    const hex = fs.readFileSync(file, "utf8");
    return /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, "hex") : null;
  } catch {
    return null;
  }
}

function mac(key: Buffer, entryKey: string, payload: string): Buffer {
  return createHmac("sha256", key).update(entryKey).update("\0").update(payload).digest();
}

/**
 * The value stored for this text, if its entry verifies and `accept` (the caller's shape check) takes it;
 * anything else is a miss, and the caller's store replaces the entry.
 */
export function cachedValue(kind: string, text: string, accept: (value: unknown) => boolean = () => true): unknown {
  const dir = cacheDir();
  if (!dir) return undefined;
  try {
    const key = secret(dir, false);
    if (!key) return undefined;
    const entryKey = keyFor(kind, text);
    const file = fs.readFileSync(path.join(dir, `${entryKey}.json`), "utf8");
    const newline = file.indexOf("\n");
    const payload = file.slice(newline + 1);
    const stored = Buffer.from(file.slice(0, newline), "hex");
    const expected = mac(key, entryKey, payload);
    if (newline < 0 || stored.length !== expected.length || !timingSafeEqual(stored, expected)) return undefined;
    const value = JSON.parse(payload) as unknown;
    return accept(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function storeValue(kind: string, text: string, value: unknown): void {
  const dir = cacheDir();
  if (!dir) return;
  try {
    const key = secret(dir, true);
    if (!key) return;
    const entryKey = keyFor(kind, text);
    const target = path.join(dir, `${entryKey}.json`);
    const payload = JSON.stringify(value);
    const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
    fs.writeFileSync(temp, `${mac(key, entryKey, payload).toString("hex")}\n${payload}`, { mode: 0o600 });
    // Replaces whatever was there: an entry that did not verify is rewritten, not kept.
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

/** Shape checks the readers use: a cached value is data from disk, never trusted to be what was stored. */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
