/**
 * Build step: the tool's digest, which keys the data cache (src/cache.ts), computed once here instead of
 * hashing all of dist/ (about 2 MB) on every run. Runs after the bundles are written and before the
 * training run, which already fills the cache under this digest.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { codeDigest, DIGEST_FILE } from "../load/cache.js";

const dist = fileURLToPath(new URL("../", import.meta.url));
const file = path.join(dist, DIGEST_FILE);
// An old digest must not describe new code: it goes first, and it is no script, so the hash never sees it.
fs.rmSync(file, { force: true });
fs.writeFileSync(file, `${codeDigest(dist)}\n`);
