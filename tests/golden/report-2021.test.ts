/**
 * The whole 2021 Markdown as a golden file. Regenerate with `npm run golden` (UPDATE=1) and review the diff.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/pipeline.js";
import { DATA_ROOT } from "../helpers/data.js";

const golden = "tests/golden/2021/143-BC-BDVTU-2021.md";

describe("2021 report golden", () => {
  it("renders the Markdown exactly as the golden file", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-golden-"));
    const result = await buildReport({ dataRoot: DATA_ROOT, year: "2021", outDir: out, formats: new Set(["md"]) });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const md = fs.readFileSync(path.join(out, "143-BC-BDVTU-2021.md"), "utf8");
    if (process.env.UPDATE) {
      fs.mkdirSync(path.dirname(golden), { recursive: true });
      fs.writeFileSync(golden, md);
    }
    expect(md).toBe(fs.readFileSync(golden, "utf8"));
  });
});

describe("2021 Markdown read by pandoc as GitHub-flavoured Markdown", () => {
  it("has its 66-row table and 19 footnotes", async () => {
    const { execFileSync } = await import("node:child_process");
    const html = execFileSync("pandoc", ["-f", "gfm", "-t", "html", golden], { encoding: "utf8" });
    expect(html.match(/<tr/g)).toHaveLength(66);
    expect(html.match(/<li id="fn\d+"/g)).toHaveLength(19);
    expect(html).not.toMatch(/:::|\[\^/);
  });
});
