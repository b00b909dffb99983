import { main } from "../../src/cli.js";
import { DATA_ROOT } from "./data.js";

/** The commands that read a data root (`--data`, default ./data). */
const DATA_COMMANDS = new Set(["build-report", "check", "new", "diff", "fmt"]);

/**
 * Runs the CLI in-process, as a user would from the repository root; returns what it printed and its exit
 * code. A data command not given `--data` reads the tests' copy of the data (helpers/data.ts), not ./data.
 */
export async function runCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const argv = DATA_COMMANDS.has(args[0]) && !args.includes("--data") ? [...args, "--data", DATA_ROOT] : args;
  const code = await main(["node", "danvan", ...argv], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}
