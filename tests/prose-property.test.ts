/**
 * Property: generated prose (Vietnamese words, punctuation, Markdown-special characters, whitespace and
 * control characters, addresses, helpers), as paragraphs, subheadings, bullets, numbered items and footnotes,
 * and generated literal text as section headings and register summaries (the appendix's table cells), is
 * either refused by `check` with an error on its own line, or
 * builds — and then pandoc reads from the Markdown exactly the text it reads from the DOCX, that text is the
 * prose as written (helpers replaced, whitespace collapsed), and neither output gains a heading, list, code
 * block, link or emphasis. `npm test` runs DANVAN_PROSE_RUNS=300 cases; docs/testing.md gives the command for 10,000.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildReport, checkYear, hasErrors } from "../src/pipeline.js";
import { prng } from "./helpers/prng.js";

const RUNS = Number(process.env.DANVAN_PROSE_RUNS ?? 300);
const SEED = Number(process.env.DANVAN_PROSE_SEED ?? 20211125);
const BATCH = 250;


const WORDS = ["công", "tác", "dân", "vận", "Tỉnh", "ủy", "năm", "2021", "đạt", "tỷ", "lệ", "Nghị", "quyết", "số", "khiếu", "nại", "đơn", "Mặt", "trận", "Tổ", "quốc", "hưởng", "ứng", "ĐẢNG", "Ủy", "ban", "x", "A", "b1"];
const PUNCT = [",", ".", ";", ":", "(", ")", '"', "'", "-", "–", "—", "…", "!", "?", "/", "%", "„", "«", "»"];
const MARKDOWN = ["*", "**", "_", "__", "[", "]", "<", ">", "#", "##", "|", "~", "~~", "`", "```", "\\", "&", "&amp;", "&#35;", ":::", ":x", "::y[z]", "=", "+", "-", "1.", "2)", "10.", "---", "***", "[^1]", "![a](b)", "<b>", "{", "}", "$", "^", "[x](y)", "<http://a.vn>", "\\*", "  \\"];
const SPACE = [" ", "  ", "    ", "\t", "\r", "\n", "\r\n", "\u2028", "\u2029", "\u000b", "\u000c", "\u0085", "\u00a0", "\u0000", "\u0007", "\u001b", "\u007f", "\u200b", "\u3000"];
const ADDRESSES = ["a@b.vn", "dan.van@binhthuan.gov.vn", "http://x.vn/a_b", "https://dan-van.vn/?q=1&r=2", "www.binhthuan.gov.vn", "WWW.A.VN", "mailto:x@y.vn", "ftp://a.b", "xmpp:a@b.vn"];
const HELPERS = ['{{n "don"}}', '{{n "don.khieu-nai"}}', '{{n "giam-sat.2020.cap-tinh"}}', '{{pct "giai-quyet"}}', '{{ratio "giai-quyet"}}', '{{fn "ket-qua"}}', '{{doc "12-kh-tu"}}', '{{doc "12-kh-tu" date=false}}', '{{docsummary "12-kh-tu"}}'];
/** Cited first in the fixture's own section: every case citing it again is a second citation. */
const REPEATED_NOTE = '{{fn "ket-qua"}}';
const BROKEN = ['{{n "nope"}}', "{{", "}}", '{{fn "ket-qua"', "{{nope}}"];
const KINDS: Array<[string[], number]> = [[WORDS, 8], [PUNCT, 3], [MARKDOWN, 3], [SPACE, 2], [ADDRESSES, 1], [HELPERS, 2], [BROKEN, 0.2]];

function prose(rnd: () => number): string {
  const total = KINDS.reduce((s, [, w]) => s + w, 0);
  const pick = () => {
    let r = rnd() * total;
    for (const [list, w] of KINDS) if ((r -= w) < 0) return list[Math.floor(rnd() * list.length)];
    return WORDS[0];
  };
  const n = 1 + Math.floor(rnd() * 12);
  let out = "";
  for (let i = 0; i < n; i++) out += (i > 0 && rnd() < 0.6 ? " " : "") + pick();
  // Markdown's syntax at the very end too, where a heading's closing `#` or a hard break would sit.
  if (rnd() < 0.2) out += ` ${MARKDOWN[Math.floor(rnd() * MARKDOWN.length)]}`;
  return out;
}

/** A YAML double-quoted scalar holding exactly `text` (every character outside printable ASCII escaped). */
function yamlQuoted(text: string): string {
  const escape = (c: string) => {
    const cp = c.codePointAt(0)!;
    return cp > 0xffff ? `\\U${cp.toString(16).padStart(8, "0")}` : `\\u${cp.toString(16).padStart(4, "0")}`;
  };
  return `"${[...text].map((c) => (c === '"' ? '\\"' : c === "\\" ? "\\\\" : /[ -~]/.test(c) ? c : escape(c))).join("")}"`;
}

const START = "MOCDAU";
const END = "MOCCUOI";
/** Marks a paragraph set wholly in bold or italics. */
const WHOLE = "\u0001";
/** The paragraph that cites a footnote case. */
const FOOTNOTED = "MOCCHUTHICH";

/**
 * Where a case goes: a paragraph, a subheading (a bold `* …` line), a one-item bullet list, a numbered item,
 * a footnote's text; a section's heading, a register entry's summary (both printed literally: no helpers).
 */
type Kind = "paragraph" | "subheading" | "bullet" | "numbered" | "footnote" | "heading" | "summary";
/** The paragraph under each heading case, so its heading is found among the others. */
const UNDER_HEADING = "MOCTIEUDE";
interface Case {
  text: string;
  kind: Kind;
}

const YAML_ITEM: Record<"paragraph" | "subheading" | "bullet" | "numbered", (q: string) => string> = {
  paragraph: (q) => `  - ${q}`,
  subheading: (q) => `  - subheading: ${q}`,
  bullet: (q) => `  - bullets: [${q}]`,
  numbered: (q) => `  - numbered: [${q}]`,
};

/** How each kind reads back, as one string: a bullet is `- text` (a list item, or the DOCX's dash), a subheading `* text`. */
const SHAPE: Record<Kind, (text: string) => string> = {
  paragraph: (t) => t,
  subheading: (t) => `* ${t}`,
  bullet: (t) => `- ${t}`,
  numbered: (t) => `1- ${t}`,
  footnote: (t) => `${FOOTNOTED}[^${t}]`,
  heading: (t) => t,
  summary: (t) => t,
};

/** Literal text: helpers there are DV375, so these kinds get text without them. */
const LITERAL: ReadonlySet<Kind> = new Set(["heading", "summary"]);

/** The year's files with the cases in one section (headings: a section each); which line of which file holds which case. */
function writeYear(root: string, cases: readonly Case[]): { caseAt: Map<string, number> } {
  fs.rmSync(root, { recursive: true, force: true });
  fs.cpSync("tests/fixtures/years/mini", root, { recursive: true });
  const sections = path.join(root, "2021", "sections");
  const file = path.join(sections, "09-tinh-chat.yaml");
  const lines = ["level: 1", "heading: Tính chất", "body:", `  - ${START}`];
  const caseAt = new Map<string, number>();
  const at = (f: string, line: number, i: number) => caseAt.set(`${path.basename(f)}:${line}`, i);
  const footnotes: number[] = [];
  const documents: string[] = [];
  cases.forEach((c, i) => {
    if (c.kind === "footnote") {
      lines.push(`  - ${FOOTNOTED}{{fn "g${i}"}}`);
      footnotes.push(i);
    } else if (c.kind === "heading") {
      const headingFile = path.join(sections, `10-${i + 1}-tieu-de.yaml`);
      fs.writeFileSync(headingFile, ["level: 2", `heading: ${yamlQuoted(c.text)}`, "body:", `  - ${UNDER_HEADING}`, ""].join("\n"));
      at(headingFile, 2, i);
    } else if (c.kind === "summary") {
      documents.push(`          - id: g-${i}`, `            number: ${100 + i}-KH/TU`, `            date: 2020-02-01`, `            summary: ${yamlQuoted(c.text)}`);
      at("documents.yaml", 10 + documents.length, i);
    } else {
      lines.push(YAML_ITEM[c.kind](yamlQuoted(c.text)));
      at(file, lines.length, i);
    }
  });
  lines.push(`  - ${END}`);
  if (footnotes.length) lines.push("footnotes:");
  for (const i of footnotes) {
    lines.push(`  g${i}: ${yamlQuoted(cases[i].text)}`);
    at(file, lines.length, i);
  }
  fs.writeFileSync(file, [...lines, ""].join("\n"));
  const register = path.join(root, "2021", "documents.yaml");
  fs.writeFileSync(register, `${fs.readFileSync(register, "utf8").trimEnd()}\n${documents.map((l) => `${l}\n`).join("")}`);
  return { caseAt };
}

type PandocNode = { t: string; c?: unknown };

function pandocBlocks(file: string, from: string): PandocNode[] {
  return (JSON.parse(execFileSync("pandoc", ["-f", from, "-t", "json", file], { encoding: "utf8", maxBuffer: 1 << 28 })) as { blocks: PandocNode[] }).blocks;
}

const collapse = (s: string) => s.replace(/\s+/gu, " ").trim();

/** A paragraph's text; anything but words, spaces and footnotes is structure the data did not ask for. */
function inlineText(nodes: PandocNode[], gained: string[]): string {
  return nodes
    .map((n) => {
      switch (n.t) {
        case "Str":
          return n.c as string;
        case "Space":
        case "SoftBreak":
          return " ";
        case "Note":
          return `[^${(n.c as PandocNode[]).map((b) => blockText(b, gained)).join(" ")}]`;
        default:
          gained.push(n.t);
          return `<${n.t}>`;
      }
    })
    .join("");
}

function blockText(b: PandocNode, gained: string[]): string {
  if (b.t === "Para" || b.t === "Plain") return collapse(inlineText(b.c as PandocNode[], gained));
  gained.push(b.t);
  return `<${b.t}>`;
}

/**
 * The top-level blocks between the two sentinel paragraphs, as text; structure noted in `gained`. A list
 * item reads `- text` (consecutive one-item lists merge into one list in Markdown: each item counts); a
 * paragraph set wholly in bold or italics is marked WHOLE: a subheading's look is the writers' choice (a
 * paragraph style in the DOCX), but no other kind of case may come out that way.
 */
function region(blocks: PandocNode[], gained: string[]): string[] {
  const texts = blocks.map((b) => (b.t === "Para" ? collapse(inlineText(b.c as PandocNode[], [])) : ""));
  const from = texts.indexOf(START);
  const to = texts.indexOf(END);
  if (from < 0 || to < from) return [`<sentinels missing: ${from}, ${to}>`];
  return blocks.slice(from + 1, to).flatMap((b) => {
    if (b.t === "BulletList") return (b.c as PandocNode[][]).map((item) => `- ${item.length === 1 ? blockText(item[0], gained) : (gained.push("item"), "<item>")}`);
    const inlines = b.t === "Para" ? (b.c as PandocNode[]) : [];
    const wrapper = (n: PandocNode) => n.t === "Strong" || n.t === "Emph";
    const whole = inlines.some(wrapper) && inlines.every((n) => wrapper(n) || n.t === "Note" || n.t === "Space");
    const unwrap = (nodes: PandocNode[]): PandocNode[] => nodes.flatMap((n) => (wrapper(n) ? unwrap(n.c as PandocNode[]) : [n]));
    if (whole) return [`${WHOLE}${collapse(inlineText(unwrap(inlines), gained))}`];
    return [blockText(b, gained)];
  });
}

/** The text of each heading followed by UNDER_HEADING, its "1- " label taken off; `gained` notes structure inside. */
function headings(blocks: PandocNode[], gained: string[]): string[] {
  const out: string[] = [];
  blocks.forEach((b, i) => {
    const next = blocks[i + 1];
    if (b.t !== "Header" || next?.t !== "Para" || collapse(inlineText(next.c as PandocNode[], [])) !== UNDER_HEADING) return;
    out.push(collapse(inlineText((b.c as [number, unknown, PandocNode[]])[2], gained)).replace(/^\d+- /, ""));
  });
  return out;
}

type Cell = [unknown, unknown, number, number, PandocNode[]];
type Row = [unknown, Cell[]];

/** The summary cell of every appendix row cited "Kế hoạch số NNN-KH/TU" (the cases' documents), in order. */
function summaries(blocks: PandocNode[], gained: string[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.t !== "Table") continue;
    const [, , , head, bodies] = b.c as [unknown, unknown, unknown, [unknown, Row[]], Array<[unknown, unknown, Row[], Row[]]>];
    const rows = [...head[1], ...bodies.flatMap((body) => [...body[2], ...body[3]])];
    for (const [, cells] of rows) {
      const text = (cell: Cell | undefined) => collapse((cell?.[4] ?? []).map((x) => (x.t === "Plain" || x.t === "Para" ? inlineText((x.c as PandocNode[]).map((n) => (n.t === "LineBreak" ? { t: "Space" } : n)), []) : "")).join(" "));
      if (cells.length !== 4 || !/^Kế hoạch số \d{3}-KH\/TU$/.test(text(cells[1]))) continue;
      out.push(collapse(cells[3][4].map((x) => blockText(x, gained)).join(" ")));
    }
  }
  return out;
}

describe("prose property", () => {
  it(`${RUNS} generated prose items: refused with a position, or identical in Markdown and DOCX (seed ${SEED})`, { timeout: 3_600_000 }, async () => {
    const rnd = prng(SEED);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-prose-"));
    const root = path.join(tmp, "data");
    const out = path.join(tmp, "out");
    // What each helper prints, read back through pandoc like everything else.
    const calibration = HELPERS.map((h): Case => ({ text: `x${h}x`, kind: "paragraph" }));
    const kinds: Kind[] = ["paragraph", "paragraph", "subheading", "bullet", "numbered", "footnote", "heading", "summary"];
    let built = 0;
    let refused = 0;
    let helperText: { md: Map<string, string>; docx: Map<string, string> } | undefined;
    const failures: string[] = [];
    for (let done = -1; done < RUNS; ) {
      let cases =
        done < 0
          ? calibration
          : Array.from({ length: Math.min(BATCH, RUNS - done) }, (): Case => {
              const kind = kinds[Math.floor(rnd() * kinds.length)];
              let text = prose(rnd);
              // Literal fields take no helpers (DV375): generated without them, so they exercise the text.
              if (LITERAL.has(kind)) while (text.includes("{{") || text.includes("}}")) text = prose(rnd);
              return { text, kind };
            });
      const generated = cases.length;
      // Cases check refuses are dropped: each error must sit on its own case's line.
      for (let round = 0; ; round++) {
        const { caseAt } = writeYear(root, cases);
        const checked = checkYear(root, "2021");
        if (!hasErrors(checked.diagnostics)) break;
        const bad = new Set<number>();
        for (const d of checked.diagnostics.filter((x) => x.severity === "error")) {
          const i = caseAt.get(`${path.basename(d.file)}:${d.line}`);
          if (i === undefined) throw new Error(`an error not on a case's line: ${JSON.stringify(d)}`);
          bad.add(i);
        }
        // A file-level error (YAML, schema) hides the rules' findings until it is gone: a few rounds at most.
        expect(round, `still refused after ${round} rounds: ${JSON.stringify(checked.diagnostics.filter((x) => x.severity === "error").map((d) => [d.code, cases[caseAt.get(`${path.basename(d.file)}:${d.line}`) ?? -1]?.text]))}`).toBeLessThan(4);
        cases = cases.filter((_c, i) => !bad.has(i));
      }
      if (done >= 0) refused += generated - cases.length;
      fs.rmSync(out, { recursive: true, force: true });
      const result = await buildReport({ dataRoot: root, year: "2021", outDir: out, formats: new Set(["md", "docx"]) }).catch((e: unknown) => {
        throw new Error(`build failed after check passed: ${String(e)}\ncases: ${JSON.stringify(cases.map((c) => c.text))}`);
      });
      // check passed, so the build must too: the two never disagree.
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const file = (f: string) => result.written.find((w) => w.format === f)!.file;
      const gainedMd: string[] = [];
      const gainedDocx: string[] = [];
      const mdBlocks = pandocBlocks(file("md"), "gfm");
      const docxBlocks = pandocBlocks(file("docx"), "docx");
      const md = region(mdBlocks, gainedMd);
      const docx = region(docxBlocks, gainedDocx);
      const mdHeadings = headings(mdBlocks, gainedMd);
      const docxHeadings = headings(docxBlocks, gainedDocx);
      const mdSummaries = summaries(mdBlocks, gainedMd);
      const docxSummaries = summaries(docxBlocks, gainedDocx);
      if (done < 0) {
        expect(md.length).toBe(HELPERS.length);
        helperText = { md: new Map(HELPERS.map((h, i) => [h, md[i].slice(1, -1)])), docx: new Map(HELPERS.map((h, i) => [h, docx[i].slice(1, -1)])) };
        // Every helper reads alike from both outputs but a second citation of a note ("ket-qua" is cited first
        // in the fixture's own section): the DOCX makes it a cross-reference printing the note's number (1),
        // pandoc's Markdown reader a second copy of the note, where GFM prints the same number.
        for (const h of HELPERS) {
          if (h === REPEATED_NOTE) {
            expect(helperText.docx.get(h)).toBe("1");
            expect(helperText.md.get(h)).toBe("[^Năm 2020: 458 cuộc (cấp tỉnh 08).]");
          } else expect(helperText.docx.get(h), h).toBe(helperText.md.get(h));
        }
        done = 0;
        continue;
      }
      const inRegion = cases.filter((c) => !LITERAL.has(c.kind));
      const of = (kind: Kind) => cases.filter((c) => c.kind === kind);
      expect(md.length, "Markdown: one block per case").toBe(inRegion.length);
      expect(docx.length, "DOCX: one block per case").toBe(inRegion.length);
      expect([mdHeadings.length, docxHeadings.length], "one heading per case").toEqual([of("heading").length, of("heading").length]);
      expect([mdSummaries.length, docxSummaries.length], "one appendix row per case").toEqual([of("summary").length, of("summary").length]);
      const literal = (c: Case, mdText: string, docxText: string) => {
        const expected = collapse(c.text);
        if (mdText !== docxText || mdText !== expected) failures.push(`${c.kind} ${JSON.stringify(c.text)}\n  expected ${JSON.stringify(expected)}\n  md       ${JSON.stringify(mdText)}\n  docx     ${JSON.stringify(docxText)}`);
      };
      of("heading").forEach((c, i) => literal(c, mdHeadings[i], docxHeadings[i]));
      of("summary").forEach((c, i) => literal(c, mdSummaries[i], docxSummaries[i]));
      inRegion.forEach((c, i) => {
        const expectedOf = (texts: Map<string, string>) => {
          let expected = c.text;
          for (const [h, text] of texts) expected = expected.split(h).join(`\u0000${text}\u0000`);
          return SHAPE[c.kind](collapse(expected.replace(/\u0000/g, "")));
        };
        const [expectedMd, expectedDocx] = [expectedOf(helperText!.md), expectedOf(helperText!.docx)];
        if (c.kind === "subheading") {
          md[i] = md[i].replace(WHOLE, "");
          docx[i] = docx[i].replace(WHOLE, "");
        }
        if (md[i] !== expectedMd || docx[i] !== expectedDocx || (expectedMd === expectedDocx && md[i] !== docx[i])) {
          failures.push(`${c.kind} ${JSON.stringify(c.text)}\n  expected ${JSON.stringify(expectedMd)}\n  md       ${JSON.stringify(md[i])}\n  docx     ${JSON.stringify(docx[i])}`);
        }
      });
      expect(failures.length, failures.slice(0, 8).join("\n")).toBe(0);
      expect(gainedMd, "structure in the Markdown the data did not ask for").toEqual([]);
      expect(gainedDocx, "structure in the DOCX the data did not ask for").toEqual([]);
      built += cases.length;
      done += generated;
    }
    expect(failures.length, failures.slice(0, 8).join("\n")).toBe(0);
    // The generator must exercise both sides of the property.
    expect(built).toBeGreaterThan(RUNS / 4);
    expect(refused).toBeGreaterThan(0);
    console.log(`prose property: ${built} built identically, ${refused} refused by check (seed ${SEED})`);
  });
});
