/** The workflow and hook definitions docs/ci.md and .pre-commit-hooks.yaml give users are valid YAML calling real commands. */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "./helpers/run-cli.js";

const readme = fs.readFileSync("docs/ci.md", "utf8");
const yamlBlocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);

describe("CI examples", () => {
  it("the GitHub Actions workflow parses and runs check with --format github and uploads SARIF", () => {
    const wf = yamlBlocks.map((b) => parse(b) as { jobs?: Record<string, { steps: Array<{ run?: string; uses?: string }> }> }).find((b) => b?.jobs);
    expect(wf).toBeDefined();
    const steps = Object.values(wf!.jobs!).flatMap((j) => j.steps);
    expect(steps.some((s) => s.run?.includes("danvan check --format github"))).toBe(true);
    expect(steps.some((s) => s.run?.includes("--format sarif"))).toBe(true);
    expect(steps.some((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"))).toBe(true);
  });

  it("the pre-commit hooks parse, and each entry is a danvan command that exists", async () => {
    const hooks = parse(fs.readFileSync(".pre-commit-hooks.yaml", "utf8")) as Array<{ id: string; entry: string }>;
    expect(hooks.map((h) => h.id)).toEqual(["danvan-check", "danvan-fmt"]);
    for (const h of hooks) {
      const [, command, ...flags] = h.entry.split(" ");
      const help = await runCli(command, "--help");
      expect(help.code).toBe(0);
      for (const f of flags) expect(help.stdout).toContain(f);
    }
  });
});
