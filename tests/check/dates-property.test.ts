/**
 * Random date strings in every field that holds a date — the report's `date`, each register entry's `date`,
 * and a DOCX's "ngày … tháng … năm …" line and appendix dates for import — through check, build-report, diff
 * (text and redline), new and import: every run ends in 0, 1 or 2, never 70 (an internal error).
 * DANVAN_DATE_RUNS raises the count; DANVAN_DATE_SEED picks the sequence.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { parseDocument, Scalar, visit } from "yaml";
import { describe, expect, it } from "vitest";
import { buildInTemp } from "../helpers/build.js";
import { prng } from "../helpers/prng.js";
import { runCli } from "../helpers/run-cli.js";

const RUNS = Number(process.env.DANVAN_DATE_RUNS ?? 12);
const SEED = Number(process.env.DANVAN_DATE_SEED ?? 20210229);
const PAIR = "tests/fixtures/years/pair";

const pick = <T,>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const two = (rnd: () => number, max: number) => String(Math.floor(rnd() * (max + 1))).padStart(rnd() < 0.8 ? 2 : 1, "0");

/** A date as a clerk might type it, right or wrong: on the calendar, off it, in another order, or not a date. */
function randomDate(rnd: () => number): { value: unknown; quoted: boolean } {
  const year = pick(rnd, ["0000", "1899", "1945", "2020", "2021", "2024", "2100", "9999", String(1900 + Math.floor(rnd() * 200))]);
  const shapes: Array<() => unknown> = [
    () => `${year}-${two(rnd, 13)}-${two(rnd, 32)}`,
    () => `${year}-02-${pick(rnd, ["28", "29", "30", "31"])}`,
    () => `${year}-${pick(rnd, ["04", "06", "09", "11"])}-31`,
    () => `${two(rnd, 32)}/${two(rnd, 13)}/${year}`,
    () => `${year}-${two(rnd, 12)}-${two(rnd, 28)}T00:00:00`,
    () => pick(rnd, ["", " ", "ngày 30 tháng 02 năm 2021", "2021-02-29 ", "２０２１-０２-２８", "2021–02–28", "2021-02-28\u00a0"]),
    () => Number(`${year}${two(rnd, 12)}${two(rnd, 28)}`),
    () => pick(rnd, [null, true, 0, -1, 2021.5]),
  ];
  return { value: pick(rnd, shapes)(), quoted: rnd() < 0.5 };
}

/** The file with the date at `nth` (the report's, or one register entry's) replaced, written plain or quoted. */
function withDate(text: string, nth: number, date: { value: unknown; quoted: boolean }): string {
  const doc = parseDocument(text);
  let seen = 0;
  visit(doc, {
    Pair(_k, pair) {
      if ((pair.key as Scalar | null)?.value !== "date") return;
      if (seen++ !== nth) return;
      const node = new Scalar(date.value);
      if (typeof date.value === "string") node.type = date.quoted ? Scalar.QUOTE_DOUBLE : Scalar.PLAIN;
      pair.value = node;
    },
  });
  return doc.toString();
}

function countDates(text: string): number {
  let n = 0;
  visit(parseDocument(text), { Pair: (_k, pair) => void ((pair.key as Scalar | null)?.value === "date" && n++) });
  return n;
}

const ended = (code: number) => [0, 1, 2].includes(code);

describe("random dates in every date field", () => {
  it(`${RUNS} years with random dates: check, build-report, diff, new end in 0, 1 or 2 (seed ${SEED})`, { timeout: 600_000 }, async () => {
    const rnd = prng(SEED);
    for (let run = 0; run < RUNS; run++) {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-dates-"));
      fs.cpSync(PAIR, root, { recursive: true });
      const changed: string[] = [];
      for (const year of ["2020", "2021"]) {
        for (const name of ["report.yaml", "documents.yaml"]) {
          if (rnd() < 0.4) continue;
          const file = path.join(root, year, name);
          const text = fs.readFileSync(file, "utf8");
          const nth = Math.floor(rnd() * countDates(text));
          const date = randomDate(rnd);
          fs.writeFileSync(file, withDate(text, nth, date));
          changed.push(`${year}/${name}#${nth}=${JSON.stringify(date.value)}${date.quoted ? " (quoted)" : ""}`);
        }
      }
      const what = `run ${run}: ${changed.join(", ")}`;
      const out = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-dates-out-"));
      const runs = [
        await runCli("check", "--data", root),
        await runCli("check", "--data", root, "--format", "sarif"),
        await runCli("build-report", "2021", "--data", root, "--out", out),
        await runCli("diff", "2020", "2021", "--data", root),
        await runCli("diff", "2020", "2021", "--data", root, "--format", "docx", "--out", out),
        await runCli("new", "2022", "--data", root),
      ];
      for (const r of runs) expect(ended(r.code), `${what}\n${r.stderr.slice(0, 400)}`).toBe(true);
      // A date off the calendar is refused by check, at its place, and nothing is built from it.
      if (runs[0].code === 0) expect(runs[2].code, what).toBe(0);
      else expect(runs[0].stdout + runs[0].stderr, what).toMatch(/DV\d{3}/);
    }
  });

  it(`${RUNS} DOCX files with random dates in the date line and the appendix: import ends in 0, 1 or 2`, { timeout: 600_000 }, async () => {
    const docx = (await buildInTemp(PAIR, "2021", ["docx"])).file("docx")!;
    const parts = unzipSync(new Uint8Array(fs.readFileSync(docx)));
    const xml = strFromU8(parts["word/document.xml"]);
    expect(xml).toMatch(/ngày \d{2} tháng \d{1,2} năm \d{4}/);
    const rnd = prng(SEED + 1);
    for (let run = 0; run < RUNS; run++) {
      const day = two(rnd, 39);
      const month = two(rnd, 14);
      const year = pick(rnd, ["0000", "1899", "2021", "2100", "9999", "2021"]);
      const mutated = xml
        .replace(/ngày \d{2} tháng \d{1,2} năm \d{4}/, `ngày ${day} tháng ${month} năm ${year}`)
        .replace(/(<w:t[^>]*>)\d{2}\/\d{1,2}\/\d{4}(<\/w:t>)/g, (_m, open: string, close: string) => `${open}${two(rnd, 35)}/${two(rnd, 14)}/${pick(rnd, ["2020", "2021", "0000", "9999"])}${close}`);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-dates-import-"));
      const file = path.join(dir, "in.docx");
      fs.writeFileSync(file, zipSync({ ...parts, "word/document.xml": strToU8(mutated) }));
      const r = await runCli("import", file, "2021", "--data", path.join(dir, "data"));
      expect(ended(r.code), `run ${run}: ngày ${day} tháng ${month} năm ${year}\n${r.stderr.slice(0, 400)}`).toBe(true);
    }
  });
});
