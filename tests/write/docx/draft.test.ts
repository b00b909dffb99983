/** A draft cannot pass for final: DỰ THẢO atop every page, every blank marked, in both profiles; a final report has neither. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DATA_ROOT } from "../../helpers/data.js";
import { runCli } from "../../helpers/run-cli.js";

/** What python-docx reads: each section's first-page and other-page header text, and the runs in the DraftBlank style. */
function read(file: string): { headers: string[][]; blanks: string[]; inXml: number; styles: string[] } {
  const script = `
import docx, json, sys
d = docx.Document(sys.argv[1])
heads = [[s.first_page_header.paragraphs[0].text if s.different_first_page_header_footer else s.header.paragraphs[0].text, s.header.paragraphs[0].text] for s in d.sections]
runs = [r for p in d.paragraphs for r in p.runs] + [r for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
# Runs inside a tracked insertion (a redline) are no paragraph's runs to python-docx: those are counted in the XML.
import zipfile, re
xml = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode()
print(json.dumps({"headers": heads, "blanks": [r.text for r in runs if r.style is not None and r.style.name == "Draft Blank"], "inXml": len(re.findall(r'w:rStyle w:val="DraftBlank"', xml)), "styles": [s.name for s in d.styles]}))
`;
  return JSON.parse(execFileSync("/usr/bin/python3", ["-c", script, file], { encoding: "utf8" }));
}

async function draftOf(profile: "party" | "state"): Promise<{ out: string; root: string }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-draft-docx-"));
  fs.cpSync(path.join(DATA_ROOT, "2021"), path.join(root, "2021"), { recursive: true });
  expect((await runCli("new", "2022", "--data", root)).code).toBe(0);
  const report = path.join(root, "2022/report.yaml");
  fs.writeFileSync(report, fs.readFileSync(report, "utf8").replace(/^profile: party$/m, `profile: ${profile}`));
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-draft-docx-out-"));
  expect((await runCli("build-report", "2022", "--draft", "--data", root, "--out", out)).code).toBe(0);
  return { out, root };
}

describe("build-report --draft", () => {
  for (const profile of ["party", "state"] as const) {
    it(`marks a ${profile} draft DỰ THẢO atop every page, first and appendix pages too, and every blank in its own style`, async () => {
      const { out } = await draftOf(profile);
      const docx = read(path.join(out, "du-thao-2022.docx"));
      expect(docx.headers.length).toBeGreaterThan(0);
      for (const [first, other] of docx.headers) {
        expect(first).toContain("DỰ THẢO");
        expect(other).toContain("DỰ THẢO");
      }
      const md = fs.readFileSync(path.join(out, "du-thao-2022.md"), "utf8");
      expect(md.split("\n")[0]).toBe("**DỰ THẢO**");
      // Every blank the Markdown marks is a marked run in the DOCX (the footnotes' too, which python-docx does not list).
      const marked = md.split("`[…]`").length - 1;
      expect(docx.blanks.length).toBeGreaterThan(50);
      expect(docx.blanks.every((t) => t === "[…]")).toBe(true);
      expect(marked).toBeGreaterThanOrEqual(docx.blanks.length);
      // No blank is a bare "…": the only ones left are the prose's own, as many as the 2021 text has.
      const final = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-final-md-"));
      await runCli("build-report", "2021", "--format", "md", "--out", final);
      const own = fs.readFileSync(path.join(final, "143-BC-BDVTU-2021.md"), "utf8").split("…").length;
      expect(md.replace(/`\[…\]`/g, "").split("…").length).toBe(own);
      expect(md).not.toContain("\u0001");
    });
  }

  it("a final report carries no draft mark and no blank style", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-final-out-"));
    expect((await runCli("build-report", "2021", "--out", out)).code).toBe(0);
    const docx = read(path.join(out, "143-BC-BDVTU-2021.docx"));
    expect(docx.headers.flat().join(" ")).not.toContain("DỰ THẢO");
    expect(docx.styles).not.toContain("Draft Blank");
    expect(fs.readFileSync(path.join(out, "143-BC-BDVTU-2021.md"), "utf8")).not.toContain("DỰ THẢO");
  });

  it("a draft's redline is a draft too: the mark on every page, its blanks marked", async () => {
    const { root } = await draftOf("party");
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-draft-redline-"));
    const r = await runCli("diff", "2021", "2022", "--format", "docx", "--data", root, "--out", out);
    expect(r.code).toBe(0);
    const file = fs.readdirSync(out).find((f) => f.endsWith(".docx"))!;
    const docx = read(path.join(out, file));
    for (const [first, other] of docx.headers) expect(`${first} ${other}`).toMatch(/DỰ THẢO.*DỰ THẢO/);
    expect(docx.inXml).toBeGreaterThan(50);
  });
});
