/**
 * Damaged DOCX files end with exit 0 or 2 and a message, never an internal error (70, which is also what an
 * imported year that check refuses is: a bug of import), and never a
 * half-written year: the 2021 DOCX with its document.xml cut, its elements dropped or nested past reason;
 * and the corpus edited as clerks edit (paragraphs dropped, doubled, emptied, page and section breaks put
 * between them): refused with a documented code, or a year check finds no error in.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildInTemp } from "../helpers/build.js";
import { DATA_ROOT } from "../helpers/data.js";
import { runCli } from "../helpers/run-cli.js";
import { checkYear } from "../../src/pipeline.js";

/** A small deterministic generator, so a failing case can be replayed from its seed. */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  return (n: number) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
}

const RUNS = Number(process.env.DANVAN_FUZZ_RUNS ?? 8);

describe("import of damaged DOCX files", () => {
  it(`ends every one of ${RUNS} runs with exit 0 or 2 (never a year check refuses: exit 70), writing a whole year or nothing`, async () => {
    const src = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-import-fuzz-src-"));
    fs.cpSync(path.join(DATA_ROOT, "2021"), path.join(src, "2021"), { recursive: true });
    const docx = (await buildInTemp(src, "2021", ["docx"])).file("docx")!;
    const parts = unzipSync(new Uint8Array(fs.readFileSync(docx)));
    const xml = strFromU8(parts["word/document.xml"]);
    const mutations: Array<(xml: string, rnd: (n: number) => number) => string> = [
      (x, rnd) => x.slice(0, rnd(x.length)),
      // Drop a run of whole elements: the document stays well-formed only sometimes.
      (x, rnd) => {
        const tags = [...x.matchAll(/<w:(p|tbl|tr|tc|r)[ >]/g)];
        const at = tags[rnd(tags.length)].index;
        const end = x.indexOf(`</w:${x.slice(at + 3).split(/[ >]/)[0]}>`, at);
        return end < 0 ? x : x.slice(0, at) + x.slice(end + 8);
      },
      (x) => x.replace("<w:body>", `<w:body>${"<w:sdt><w:sdtContent>".repeat(2000)}`).replace("</w:body>", `${"</w:sdtContent></w:sdt>".repeat(2000)}</w:body>`),
      (x, rnd) => {
        const at = rnd(x.length);
        return x.slice(0, at) + "<" + x.slice(at + 1);
      },
    ];
    for (let i = 0; i < RUNS; i++) {
      const rnd = random(i + 1);
      const mutated = mutations[i % mutations.length](xml, rnd);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-import-fuzz-"));
      const file = path.join(dir, "in.docx");
      fs.writeFileSync(file, zipSync({ ...parts, "word/document.xml": strToU8(mutated) }));
      const data = path.join(dir, "data");
      const r = await runCli("import", file, "2021", "--data", data);
      expect([0, 2], `run ${i}: ${r.stderr.slice(0, 300)}`).toContain(r.code);
      const left = fs.existsSync(data) ? fs.readdirSync(data) : [];
      expect(left, `run ${i}`).toEqual(r.code === 0 ? ["2021"] : []);
    }
  });
});

describe("import of damaged documents of the corpus", () => {
  /** Text a clerk's document may hold where a recogniser looks for structure. */
  const NASTY = ["", " ", "{{x", "}}", "Số", "Nơi nhận:", "PHỤ LỤC", "I.", "1-", "(báo", "TRƯỞNG BAN", "- Lưu", "14/3/20218", "a)", "Kế hoạch số", "BÁO CÁO", "*", "-----", "\u200e", "ngày 32 tháng 13 năm 2022"];
  const corpus = "tests/import/fixtures/corpus";
  const cases = fs.readdirSync(corpus).filter((c) => fs.existsSync(path.join(corpus, c, "report.docx"))).sort();

  const perDocument = Math.max(1, Math.floor(RUNS / 2));
  it(`ends every one of ${perDocument} runs per document with exit 0 or 2: an imported year check refuses would be exit 70`, async () => {
    for (const [n, name] of cases.entries()) {
      const parts = unzipSync(new Uint8Array(fs.readFileSync(path.join(corpus, name, "report.docx"))));
      const xml = strFromU8(parts["word/document.xml"]);
      for (let i = 0; i < perDocument; i++) {
        const rnd = random(1000 * n + i + 1);
        let x = xml;
        // Drop whole elements here and there, or put a nasty text in a run.
        for (let k = 0; k <= rnd(3); k++) {
          if (rnd(2)) {
            const tags = [...x.matchAll(/<w:(p|r|tc|tr|tbl|t)[ >]/g)];
            const at = tags[rnd(tags.length)].index;
            const tag = x.slice(at + 3).split(/[ >]/)[0];
            const end = x.indexOf(`</w:${tag}>`, at);
            if (end > 0) x = x.slice(0, at) + x.slice(end + tag.length + 5);
          } else {
            const runs = [...x.matchAll(/<w:t( [^>]*)?>[^<]*<\/w:t>/g)];
            const m = runs[rnd(runs.length)];
            x = x.slice(0, m.index) + `<w:t xml:space="preserve">${NASTY[rnd(NASTY.length)]}</w:t>` + x.slice(m.index + m[0].length);
          }
        }
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-import-fuzz-corpus-"));
        const file = path.join(dir, "in.docx");
        fs.writeFileSync(file, zipSync({ ...parts, "word/document.xml": strToU8(x) }));
        const r = await runCli("import", file, "2022", "--data", path.join(dir, "data"));
        expect([0, 2], `${name} run ${i}: ${r.stderr.slice(-600)}`).toContain(r.code);
      }
    }
  });
});

describe("import of corpus documents with paragraphs dropped, doubled, emptied and broken by pages", () => {
  const corpus = "tests/import/fixtures/corpus";
  const cases = fs.readdirSync(corpus).filter((c) => fs.existsSync(path.join(corpus, c, "expected.json"))).sort();
  // docs/codes.md's first column: codes and ranges ("DV600–DV606, DV609").
  const documented = new Set(
    fs
      .readFileSync("docs/codes.md", "utf8")
      .split("\n")
      .filter((l) => /^\| DV\d{3}/.test(l))
      .flatMap((l) => [...l.split("|")[1].matchAll(/DV(\d{3})(?:\s*[–-]\s*DV(\d{3}))?/g)])
      .flatMap((m) => Array.from({ length: Number(m[2] ?? m[1]) - Number(m[1]) + 1 }, (_v, i) => `DV${String(Number(m[1]) + i).padStart(3, "0")}`)),
  );
  /** What a clerk's editing leaves between paragraphs: breaks of every kind, and paragraphs with nothing. */
  const INSERTS = [
    '<w:p><w:r><w:br w:type="page"/></w:r></w:p>',
    '<w:p><w:r><w:br w:type="column"/></w:r></w:p>',
    "<w:p/>",
    '<w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>',
    '<w:p><w:pPr><w:sectPr><w:type w:val="nextPage"/></w:sectPr></w:pPr></w:p>',
    '<w:p><w:r><w:t xml:space="preserve">a</w:t><w:br w:type="page"/><w:t xml:space="preserve">b</w:t></w:r></w:p>',
  ];
  /** A top-level or cell paragraph: from its start tag to its end tag, no paragraph inside (text boxes hold some). */
  const paragraphs = (x: string) => [...x.matchAll(/<w:p(?: [^>]*)?>(?:(?!<w:p[ >])[\s\S])*?<\/w:p>/g)];
  const perDocument = Math.max(1, Math.floor(RUNS / 2));

  it(`either refuses with a documented code (exit 2) or writes a year check finds no error in, ${perDocument} runs per document`, async () => {
    for (const [n, name] of cases.entries()) {
      const year = (JSON.parse(fs.readFileSync(path.join(corpus, name, "expected.json"), "utf8")) as { year: string }).year;
      const parts = unzipSync(new Uint8Array(fs.readFileSync(path.join(corpus, name, "report.docx"))));
      const xml = strFromU8(parts["word/document.xml"]);
      for (let i = 0; i < perDocument; i++) {
        const rnd = random(7919 * (n + 1) + i);
        let x = xml;
        for (let k = 0; k <= rnd(4); k++) {
          const ps = paragraphs(x);
          const p = ps[rnd(ps.length)];
          const what = rnd(3);
          if (what === 0) x = x.slice(0, p.index) + x.slice(p.index + p[0].length);
          else if (what === 1) x = x.slice(0, p.index) + p[0] + x.slice(p.index);
          else x = x.slice(0, p.index) + INSERTS[rnd(INSERTS.length)] + x.slice(p.index);
        }
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-import-fuzz-paragraphs-"));
        const file = path.join(dir, "in.docx");
        fs.writeFileSync(file, zipSync({ ...parts, "word/document.xml": strToU8(x) }));
        const data = path.join(dir, "data");
        const r = await runCli("import", file, year, "--data", data);
        const why = `${name} run ${i}: ${r.stderr.slice(-600)}`;
        expect([0, 2], why).toContain(r.code);
        if (r.code === 2) {
          const codes = r.stderr.match(/DV\d{3}/g) ?? [];
          expect(codes.length, why).toBeGreaterThan(0);
          for (const c of codes) expect(documented.has(c), `${why}: ${c} is not in docs/codes.md`).toBe(true);
        } else expect(checkYear(data, year).diagnostics.filter((d) => d.severity === "error"), why).toEqual([]);
      }
    }
  });
});
