/** Two builds of the same year into the same folder at the same time both end cleanly, outputs whole. */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { unzipSync } from "fflate";

function build(out: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/danvan.cjs", "build-report", "2021", "--out", out], { stdio: "ignore" });
    child.on("exit", (code) => resolve(code ?? -1));
  });
}

describe("concurrent builds", () => {
  it("leave complete files and no temporary ones", { timeout: 120_000 }, async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-concurrent-"));
    const codes = await Promise.all([build(out), build(out), build(out)]);
    expect(codes).toEqual([0, 0, 0]);
    expect(fs.readdirSync(out).sort()).toEqual(["143-BC-BDVTU-2021.docx", "143-BC-BDVTU-2021.md"]);
    expect(fs.readFileSync(path.join(out, "143-BC-BDVTU-2021.md"), "utf8")).toBe(fs.readFileSync("tests/golden/2021/143-BC-BDVTU-2021.md", "utf8"));
    expect(Object.keys(unzipSync(new Uint8Array(fs.readFileSync(path.join(out, "143-BC-BDVTU-2021.docx")))))).toContain("word/document.xml");
  });
});
