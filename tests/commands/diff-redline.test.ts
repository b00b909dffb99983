/**
 * `danvan diff A B --format docx`: year B's report with Word tracked changes against year A. Read back from
 * the XML: accepting every change gives B's own DOCX text, rejecting every change gives A's, paragraph by
 * paragraph, footnotes included.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildReport } from "../../src/pipeline.js";
import { buildInTemp, docxParts } from "../helpers/build.js";
import { shownText } from "../helpers/docx-revisions.js";
import { mutate, prng } from "../helpers/mutate-field.js";
import { runCli } from "../helpers/run-cli.js";

async function redline(data: string, a: string, b: string): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-redline-"));
  const r = await runCli("diff", a, b, "--data", data, "--format", "docx", "--out", out);
  expect(r.code).toBe(0);
  const file = /^đã ghi (.+\.docx)/.exec(r.stdout)![1];
  return file;
}

async function built(data: string, year: string): Promise<string> {
  const { file } = await buildInTemp(data, year, ["docx"]);
  return file("docx")!;
}

for (const data of ["tests/fixtures/years/changes", "tests/fixtures/years/pair"]) {
  describe(`redline of ${path.basename(data)} 2020 → 2021`, () => {
    let file = "";
    let a = "";
    let b = "";
    beforeAll(async () => {
      [file, a, b] = [await redline(data, "2020", "2021"), await built(data, "2020"), await built(data, "2021")];
    });

    it("accept all gives year B's text, paragraph by paragraph, footnotes included", () => {
      expect(shownText(file, "accept")).toEqual(shownText(b, "accept"));
      expect(shownText(b, "accept")).not.toEqual(shownText(a, "accept"));
    });

    it("reject all gives year A's text, paragraph by paragraph, footnotes included", () => {
      expect(shownText(file, "reject")).toEqual(shownText(a, "accept"));
    });

    it("marks every change by danvan on B's report date", () => {
      const xml = Object.values(docxParts(file)).filter((p) => typeof p === "string").join("");
      const marks = [...xml.matchAll(/<w:(ins|del) ([^>]*)>/g)];
      expect(marks.length).toBeGreaterThan(0);
      for (const m of marks) expect(m[2]).toMatch(/w:author="danvan" w:date="2021-02-05T00:00:00Z"/);
      const ids = marks.map((m) => /w:id="(\d+)"/.exec(m[2])![1]);
      expect(new Set(ids).size).toBe(ids.length);
    });
  });
}

describe("redline details", () => {
  it("changes inside a footnote and whole register rows are tracked, rows as row revisions", async () => {
    const file = await redline("tests/fixtures/years/changes", "2020", "2021");
    const parts = docxParts(file);
    expect(parts["word/footnotes.xml"]).toMatch(/<w:ins [^>]*>.*?tập trung ở cấp huyện/);
    expect(parts["word/document.xml"]).toMatch(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:del /);
    expect(parts["word/document.xml"]).toMatch(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:ins /);
  });

  it("two identical years give B's report with no change marked", async () => {
    const file = await redline("tests/fixtures/years/changes", "2021", "2021");
    expect(docxParts(file)["word/document.xml"]).not.toMatch(/<w:(ins|del) /);
    expect(shownText(file, "accept")).toEqual(shownText(await built("tests/fixtures/years/changes", "2021"), "accept"));
  });

  it("writes the same bytes for the same years", async () => {
    const x = fs.readFileSync(await redline("tests/fixtures/years/changes", "2020", "2021"));
    const y = fs.readFileSync(await redline("tests/fixtures/years/changes", "2020", "2021"));
    expect(Buffer.compare(x, y)).toBe(0);
  });
});

describe("redline under random single-field mutations", () => {
  const RUNS = Number(process.env.DANVAN_REDLINE_MUTATIONS ?? 12);
  const SEED = Number(process.env.DANVAN_DIFF_SEED ?? 20261126);
  const source = "tests/fixtures/years/changes/2021";

  it(`accept all gives the mutated year, reject all the original (${RUNS} mutations, seed ${SEED})`, { timeout: 300_000 }, async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-redline-mut-"));
    fs.cpSync(source, path.join(root, "2021"), { recursive: true });
    fs.cpSync(source, path.join(root, "2022"), { recursive: true });
    const original = shownText(await built(root, "2021"), "accept");
    const files = fs.readdirSync(source, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".yaml"));
    const rnd = prng(SEED + 1);
    let judged = 0;
    for (let attempt = 0; judged < RUNS && attempt < RUNS * 10; attempt++) {
      const file = files[Math.floor(rnd() * files.length)];
      const text = fs.readFileSync(path.join(source, file), "utf8");
      const mutated = mutate(text, rnd);
      if (mutated === undefined) continue;
      // How many recipients the note brackets is layout (a table's rows), which Word cannot track as text.
      if (file === "report.yaml" && parse(mutated)?.recipients?.note?.first !== parse(text)?.recipients?.note?.first) continue;
      fs.writeFileSync(path.join(root, "2022", file), mutated);
      try {
        const { file: b } = await buildInTemp(root, "2022", ["docx"]);
        if (!b("docx")) continue; // refused by check
        const red = await redline(root, "2021", "2022");
        expect(shownText(red, "accept"), `${file}\n${mutated}`).toEqual(shownText(b("docx")!, "accept"));
        expect(shownText(red, "reject"), `${file}\n${mutated}`).toEqual(original);
        judged++;
      } finally {
        fs.writeFileSync(path.join(root, "2022", file), text);
      }
    }
    expect(judged).toBe(RUNS);
  });
});

describe("redline of a draft", () => {
  it("is named as a draft, and accepting gives the draft's own text (build-report --draft)", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-redline-draft-"));
    fs.cpSync("tests/fixtures/years/changes/2021", path.join(root, "2021"), { recursive: true });
    expect((await runCli("new", "2022", "--data", root)).code).toBe(0);
    const file = await redline(root, "2021", "2022");
    expect(path.basename(file)).toBe("du-thao-2022-so-voi-2021.docx");
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-draft-"));
    const drafted = await buildReport({ dataRoot: root, year: "2022", outDir: out, formats: new Set(["docx"]), draft: true });
    const draft = drafted.written.find((w) => w.format === "docx")!.file;
    expect(shownText(file, "accept")).toEqual(shownText(draft, "accept"));
    expect(shownText(file, "reject")).toEqual(shownText(await built(root, "2021"), "accept"));
  });
});
