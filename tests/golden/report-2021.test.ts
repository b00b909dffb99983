/**
 * The whole 2021 report as golden files: the Markdown, and every part of the DOCX, unzipped, one XML tag
 * per line so that a change to how anything looks (a footnote's size, a style) is a reviewable diff.
 * Regenerate with `npm run golden` (UPDATE=1) and review the diff.
 */
import { strFromU8, unzipSync } from "fflate";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport } from "../../src/pipeline.js";
import { DATA_ROOT } from "../helpers/data.js";

const golden = "tests/golden/2021/143-BC-BDVTU-2021.md";
const goldenParts = "tests/golden/2021/docx";

/** An XML part with a line break between tags (text never holds `><`: it is escaped). */
const tagPerLine = (xml: string) => `${xml.replace(/></g, ">\n<")}\n`;

function goldenFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => fs.statSync(path.join(dir, f)).isFile()).map((f) => f.split(path.sep).join("/")).sort();
}

describe("2021 report golden", () => {
  let out = "";
  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-golden-"));
    const result = await buildReport({ dataRoot: DATA_ROOT, year: "2021", outDir: out, formats: new Set(["md", "docx"]) });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it("renders the Markdown exactly as the golden file", () => {
    const md = fs.readFileSync(path.join(out, "143-BC-BDVTU-2021.md"), "utf8");
    if (process.env.UPDATE) {
      fs.mkdirSync(path.dirname(golden), { recursive: true });
      fs.writeFileSync(golden, md);
    }
    expect(md).toBe(fs.readFileSync(golden, "utf8"));
  });

  it("writes every part of the DOCX exactly as its golden file", () => {
    const parts = Object.fromEntries(Object.entries(unzipSync(new Uint8Array(fs.readFileSync(path.join(out, "143-BC-BDVTU-2021.docx"))))).map(([name, bytes]) => [name, tagPerLine(strFromU8(bytes))]));
    if (process.env.UPDATE) {
      fs.rmSync(goldenParts, { recursive: true, force: true });
      for (const [name, text] of Object.entries(parts)) {
        fs.mkdirSync(path.dirname(path.join(goldenParts, name)), { recursive: true });
        fs.writeFileSync(path.join(goldenParts, name), text);
      }
    }
    expect(Object.keys(parts).sort()).toEqual(goldenFiles(goldenParts));
    for (const [name, text] of Object.entries(parts)) expect(text, name).toBe(fs.readFileSync(path.join(goldenParts, name), "utf8"));
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
