/**
 * Once per test run, before any test file: a copy of the repository's data/2021 as the tests' data root
 * (never the live data/ folder, where a clerk's own years go: after `danvan new 2022` a draft year lives
 * there). Test workers inherit the environment set here. Removed when the run ends.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-tests-"));
  const data = path.join(root, "data");
  fs.cpSync(path.join("data", "2021"), path.join(data, "2021"), { recursive: true });
  process.env.DANVAN_TEST_DATA = data;
  return () => fs.rmSync(root, { recursive: true, force: true });
}
