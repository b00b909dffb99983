/**
 * Build step: run danvan once on the repository's own 2021 data (check, then a build into a temporary
 * folder, output discarded), so the code cache src/launch.cts loads holds what a real run compiles. Each cache is
 * saved with a SHA-256 of the bundle it was made from, which is all that ties the two together.
 * Without data/2021 (danvan installed elsewhere) there is nothing to train on: the first real run makes
 * the cache instead.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadCli, saveCodeCaches } from "../launch.cjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const data = path.join(root, "data");
if (fs.existsSync(path.join(data, "2021"))) {
  process.env.DANVAN_CACHE = "0"; // train on the work itself, not on the data cache
  const cli = await loadCli();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-train-"));
  const silent = { out: () => {}, err: () => {} };
  try {
    await cli.main(["node", "danvan", "check", "2021", "--data", data], silent);
    await cli.main(["node", "danvan", "build-report", "2021", "--data", data, "--out", out], silent);
    saveCodeCaches(true);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
