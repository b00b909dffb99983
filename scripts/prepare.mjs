/**
 * `prepare`: build unless dist/ was built from exactly these sources. `npx danvan …` in a fresh clone
 * installs the project into npx's own folder as a `file:` dependency, which runs `prepare` again right after
 * `npm install` ran it; without this check every first `npx danvan` pays for a second full build (~10 s).
 * `npm test` and `npm run build` always build in full.
 */
import { createHash } from "node:crypto";
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const INPUTS = ["src", "schemas", "templates", "data/2021", "package.json", "package-lock.json", "tsconfig.json"];
const STAMP = path.join("dist", ".source-digest");

function files(p) {
  if (!fs.existsSync(p)) return [];
  if (!fs.statSync(p).isDirectory()) return [p];
  return fs.readdirSync(p).sort().flatMap((n) => files(path.join(p, n)));
}

function sourceDigest() {
  const hash = createHash("sha256");
  for (const f of INPUTS.flatMap(files)) hash.update(`${f}\0`).update(fs.readFileSync(f)).update("\0");
  return hash.digest("hex");
}

const digest = sourceDigest();
const built = fs.existsSync(STAMP) ? fs.readFileSync(STAMP, "utf8").trim() : "";
if (built === digest && fs.existsSync(path.join("dist", "cli.js"))) {
  process.exit(0);
}
fs.rmSync(STAMP, { force: true });
execSync("npm run build", { stdio: "inherit" });
fs.writeFileSync(STAMP, `${digest}\n`);
