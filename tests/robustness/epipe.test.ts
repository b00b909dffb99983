/**
 * `danvan … | head`: the reader closes the pipe before danvan has printed everything. That is not an error
 * of danvan's: no stack trace ("Unhandled 'error' event … EPIPE"), and the run ends with its own exit code.
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { DATA_ROOT } from "../helpers/data.js";

function closedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/danvan.cjs", ...args], { env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    // The reader goes away at once, like `| head -1` after its first line.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("stdout closed by the reader (EPIPE)", () => {
  it("--help: no stack trace, exit 0", async () => {
    const run = await closedStdout(["--help"]);
    expect(run.stderr).not.toMatch(/EPIPE|Unhandled|at /);
    expect(run.code).toBe(0);
  });

  it("check --format json of a year: no stack trace, the exit code of the check", async () => {
    const run = await closedStdout(["check", "2021", "--data", DATA_ROOT, "--format", "json"]);
    expect(run.stderr).not.toMatch(/EPIPE|Unhandled|node:events/);
    expect(run.code).toBe(0);
  });
});
