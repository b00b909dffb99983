/**
 * The import corpus (tests/import/fixtures/corpus/<case>/): reports written the way clerks and other tools
 * write them — python-docx with a clerk's habits, docx.js as generators write, Word's own objects, and
 * LibreOffice re-saves — each made by the script beside it. For every case: the identity, the sections
 * (levels and headings), the footnotes (count, and each reference after the same words as in the source),
 * the register rows (issuer, type, number, date), the share of the source's wording the rebuilt report
 * carries, and that the imported year passes check and builds.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { sectionOrder } from "../../src/load/index.js";
import { checkYear } from "../../src/pipeline.js";
import { buildInTemp } from "../helpers/build.js";
import { anchors, coverage, docxText } from "../helpers/coverage.js";
import { runCli } from "../helpers/run-cli.js";

const ROOT = "tests/import/fixtures/corpus";
const cases = fs.readdirSync(ROOT).filter((n) => fs.existsSync(path.join(ROOT, n, "expected.json"))).sort();

interface Expected {
  year: string;
  report: Record<string, unknown>;
  sections: Array<[number, string | null]>;
  footnotes: number;
  documents: number;
  register?: Array<[string, string, string, string | null]>;
  /** Warnings the import must give (substrings), beyond which only DV607/DV608 and check's warnings may appear. */
  warnings?: string[];
  /** Coverage below 0.97, with the reason the source's layout gives (expected.json says why). */
  coverage?: number;
}

describe.each(cases)("import corpus: %s", (name) => {
  const dir = path.join(ROOT, name);
  const expected = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as Expected;
  const source = path.join(dir, "report.docx");

  it("imports with the identity, sections, footnotes and register rows of the source; the year checks and builds", async () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), `danvan-corpus-${name}-`));
    const r = await runCli("import", source, expected.year, "--data", data);
    expect(r.code, r.stderr).toBe(0);
    // Nothing but warnings: what import could not place (DV607), repairs (DV608), check's own warnings.
    for (const line of r.stderr.split("\n").filter((l) => /: (lỗi|cảnh báo) DV/.test(l))) expect(line).toMatch(/cảnh báo DV(60[78]|3\d\d)/);
    for (const w of expected.warnings ?? []) expect(r.stderr).toContain(w);
    const year = path.join(data, expected.year);

    const report = parse(fs.readFileSync(path.join(year, "report.yaml"), "utf8"));
    expect(report).toMatchObject(expected.report);
    if (!("superior" in expected.report)) expect(report.superior).toBeUndefined();
    if (!("appendix" in expected.report)) expect(report.appendix).toBeUndefined();

    const files = fs.readdirSync(path.join(year, "sections")).sort(sectionOrder);
    const sections = files.map((f) => parse(fs.readFileSync(path.join(year, "sections", f), "utf8")));
    expect(sections.map((s) => [s.level, s.heading ?? null])).toEqual(expected.sections);
    expect(sections.reduce((n, s) => n + Object.keys(s.footnotes ?? {}).length, 0)).toBe(expected.footnotes);

    const docsFile = path.join(year, "documents.yaml");
    if (expected.documents === 0) expect(fs.existsSync(docsFile)).toBe(false);
    else {
      const groups = parse(fs.readFileSync(docsFile, "utf8")).groups as Array<{ issuer: string; types: Array<{ type: string; documents: Array<{ number: string; date?: string }> }> }>;
      const rows = groups.flatMap((g) => g.types.flatMap((t) => t.documents.map((d) => [g.issuer, t.type, d.number, d.date ?? null])));
      expect(rows).toHaveLength(expected.documents);
      if (expected.register) expect(rows).toEqual(expected.register);
    }

    expect(checkYear(data, expected.year).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const built = await buildInTemp(data, expected.year, ["docx", "md"]);
    expect(built.result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const rebuilt = built.file("docx")!;
    expect(anchors(rebuilt)).toEqual(anchors(source));
    expect(anchors(rebuilt)).toHaveLength(expected.footnotes);
    expect(coverage(docxText(source), docxText(rebuilt))).toBeGreaterThanOrEqual(expected.coverage ?? 0.97);

    // The rebuilt report imports back to the same register, printed in the same columns.
    const again = fs.mkdtempSync(path.join(os.tmpdir(), `danvan-corpus-again-${name}-`));
    expect((await runCli("import", rebuilt, expected.year, "--data", again)).code).toBe(0);
    const back = parse(fs.readFileSync(path.join(again, expected.year, "report.yaml"), "utf8"));
    expect(back.appendix).toEqual(report.appendix);
    const docs = (root: string) => (fs.existsSync(path.join(root, expected.year, "documents.yaml")) ? parse(fs.readFileSync(path.join(root, expected.year, "documents.yaml"), "utf8")) : undefined);
    expect(docs(again)).toEqual(docs(data));
  });

  it("writes the same bytes from the same document", async () => {
    const roots = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), `danvan-corpus-same-${name}-`)));
    for (const root of roots) expect((await runCli("import", source, expected.year, "--data", root)).code).toBe(0);
    const read = (root: string) =>
      fs
        .readdirSync(path.join(root, expected.year), { recursive: true })
        .map(String)
        .sort()
        .map((f) => {
          const full = path.join(root, expected.year, f);
          return [f, fs.statSync(full).isFile() ? fs.readFileSync(full, "utf8").replace(/\$schema=\S+/, "") : ""];
        });
    expect(read(roots[1])).toEqual(read(roots[0]));
  });
});

describe("the corpus", () => {
  it("has documents of every kind the issue names", () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
    // Made by python-docx, by docx.js, and re-saved by LibreOffice.
    expect(cases.some((c) => fs.existsSync(path.join(ROOT, c, "make.py")))).toBe(true);
    expect(cases.some((c) => fs.existsSync(path.join(ROOT, c, "make.mjs")))).toBe(true);
    expect(cases.some((c) => fs.existsSync(path.join(ROOT, c, "make.sh")))).toBe(true);
  });
});
