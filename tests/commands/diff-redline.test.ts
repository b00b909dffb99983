/**
 * `danvan diff A B --format docx`: year B's report with Word tracked changes against year A. Read back from
 * the XML: accepting every change gives B's own DOCX text, rejecting every change gives A's, paragraph by
 * paragraph, footnotes included.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReport } from "../../src/pipeline.js";
import { buildInTemp, docxParts } from "../helpers/build.js";
import { shownText } from "../helpers/docx-revisions.js";
import { move, mutate, prng } from "../helpers/mutate-field.js";
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

/**
 * The changes fixture with notes in every section and a note cited twice in another section than its first,
 * so a move changes which citation comes first and what number each note has.
 */
function yearWithNotesEverywhere(dir: string): void {
  fs.cpSync("tests/fixtures/years/changes/2021", dir, { recursive: true });
  const edit = (file: string, from: string, to: string) => {
    const full = path.join(dir, "sections", file);
    const text = fs.readFileSync(full, "utf8");
    if (!text.includes(from)) throw new Error(`${file}: no "${from}"`);
    fs.writeFileSync(full, text.replace(from, to));
  };
  edit("02-phuong-huong.yaml", "  - Nâng cao chất lượng mô hình.", '  - Nâng cao chất lượng mô hình{{fn "mo-hinh"}}, như báo tỉnh đã nêu{{fn "bao"}}.\nfootnotes:\n  mo-hinh: Mô hình "Dân vận khéo" ở 93 xã.');
  edit("03-to-chuc.yaml", '  - Các cơ quan triển khai {{doc "kh-44"}}.', '  - Các cơ quan triển khai {{doc "kh-44"}}{{fn "trien-khai"}}.\n  - Báo cáo kết quả về Ban Dân vận Tỉnh ủy{{fn "mo-hinh"}}.\nfootnotes:\n  trien-khai: Trước ngày 30 tháng 6.');
}

describe("redline under random moves", () => {
  const RUNS = Number(process.env.DANVAN_REDLINE_MOVES ?? 10);
  const SEED = Number(process.env.DANVAN_DIFF_SEED ?? 20261126);

  it(`accept all gives the moved year, reject all the original, footnotes included (${RUNS} moves, seed ${SEED})`, { timeout: 300_000 }, async () => {
    const rnd = prng(SEED + 2);
    let judged = 0;
    for (let attempt = 0; judged < RUNS && attempt < RUNS * 10; attempt++) {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-redline-move-"));
      yearWithNotesEverywhere(path.join(root, "2021"));
      yearWithNotesEverywhere(path.join(root, "2022"));
      const moved = move(path.join(root, "2022"), rnd);
      if (!moved) continue;
      // Half the time a field changes elsewhere too: the move must still come out whole.
      const files = fs.readdirSync(path.join(root, "2022"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".yaml") && !f.startsWith(moved));
      let also = "";
      if (rnd() < 0.5) {
        also = files[Math.floor(rnd() * files.length)];
        const full = path.join(root, "2022", also);
        const mutated = mutate(fs.readFileSync(full, "utf8"), rnd);
        if (mutated === undefined) continue;
        fs.writeFileSync(full, mutated);
      }
      const { file: a } = await buildInTemp(root, "2021", ["docx"]);
      const { file: b } = await buildInTemp(root, "2022", ["docx"]);
      if (!b("docx")) continue; // refused by check (a level-2 section moved before every level-1 one)
      const red = await redline(root, "2021", "2022");
      const what = `moved ${moved}${also ? `, changed ${also}` : ""} (${root})`;
      expect(shownText(red, "accept"), what).toEqual(shownText(b("docx")!, "accept"));
      expect(shownText(red, "reject"), what).toEqual(shownText(a("docx")!, "accept"));
      // Word numbers every reference as a note of its own: no Word footnote is referenced twice.
      const ids = [...docxParts(red)["word/document.xml"].matchAll(/<w:footnoteReference w:id="(\d+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size, what).toBe(ids.length);
      judged++;
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
