/**
 * One folder per case under tests/fixtures/commands/<case>/: a command line (`args`), the bad input it is
 * given, and expected.txt with what the command prints and its exit code (see the folder's README).
 * UPDATE=1 rewrites expected.txt.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const root = "tests/fixtures/commands";
const cases = fs.readdirSync(root).filter((n) => fs.statSync(path.join(root, n)).isDirectory()).sort();

describe("command fixtures", () => {
  for (const name of cases) {
    it(name, async () => {
      const dir = path.join(root, name);
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-command-"));
      try {
        const args = fs.readFileSync(path.join(dir, "args"), "utf8").split("\n").filter(Boolean).map((a) => a.replaceAll("{dir}", dir).replaceAll("{tmp}", tmp));
        const { code, stdout, stderr } = await runCli(...args);
        const actual = `${stderr}\n${stdout}\nexit ${code}\n`.replaceAll(tmp, "{tmp}").replaceAll(process.cwd(), "{cwd}");
        const expectedFile = path.join(dir, "expected.txt");
        if (process.env.UPDATE) fs.writeFileSync(expectedFile, actual);
        expect(actual).toBe(fs.readFileSync(expectedFile, "utf8"));
        expect(code).not.toBe(70);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });
  }
});
