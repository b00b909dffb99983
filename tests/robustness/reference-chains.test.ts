/** Class: reference chains. Bounded time whatever the shape: memoised values, a depth limit. */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { miniRoot, section } from "./helpers.js";

function withChain(levels: number, step: (i: number) => string, cite: string): string {
  const root = miniRoot();
  const file = section(root, "01-ket-qua.yaml");
  let text = fs.readFileSync(file, "utf8").replace("Tiếp tục phối hợp.", `Tiếp tục phối hợp {{n "${cite}"}}.`);
  text += "  c0:\n    kind: count\n    value: 1\n";
  for (let i = 1; i <= levels; i++) text += step(i);
  fs.writeFileSync(file, text);
  return root;
}

describe("reference chains", () => {
  // 50 levels: 2^50 naive evaluations without the memo, and a total (2^50) still within 2^53 - 1 (past it is DV371).
  it("parts that name the previous figure twice, 50 levels: built at once, the right total", async () => {
    const root = withChain(50, (i) => `  c${i}:\n    kind: breakdown\n    parts:\n      a: c${i - 1}\n      b: c${i - 1}\n`, "c50");
    const start = Date.now();
    const check = await runCli("check", "--data", root);
    expect(check.code).toBe(0);
    expect(Date.now() - start).toBeLessThan(10_000);
  });

  it("a chain longer than the depth limit is an error at the citation, not a stack overflow", async () => {
    const root = withChain(5000, (i) => `  c${i}:\n    kind: count\n    value: c${i - 1}\n`, "c5000");
    const r = await runCli("check", "--data", root);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/01-ket-qua\.yaml:\d+:\d+: lỗi DV\d+: .*quá dài/);
  });
});
