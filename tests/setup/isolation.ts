/**
 * Once per test run, before any test file: a copy of the repository's data/2021 as the tests' data root
 * (never the live data/ folder, where a clerk's own years go: after `danvan new 2022` a draft year lives
 * there), and the folder where Node 22+ keeps the CLI's compile cache (bin/danvan.cjs), so a test run
 * writes nothing into the user's temp or cache folders. Test workers inherit the environment set here.
 * Removed when the run ends.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-tests-"));
  const data = path.join(root, "data");
  fs.cpSync(path.join("data", "2021"), path.join(data, "2021"), { recursive: true });
  process.env.DANVAN_TEST_DATA = data;
  process.env.NODE_COMPILE_CACHE = path.join(root, "compile-cache");
  return () => fs.rmSync(root, { recursive: true, force: true });
}
