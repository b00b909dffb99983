/**
 * Property: generated prose (Vietnamese words, punctuation, Markdown-special characters, whitespace and
 * control characters, addresses, helpers), as paragraphs, subheadings, bullets and footnotes, is either refused by `check` with an error on its own line, or
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

/** Where a case goes: a paragraph, a subheading (a bold `* …` line), a one-item bullet list, a footnote's text. */
type Kind = "paragraph" | "subheading" | "bullet" | "footnote";
interface Case {
  text: string;
  kind: Kind;
}

const YAML_ITEM: Record<Exclude<Kind, "footnote">, (q: string) => string> = {
  paragraph: (q) => `  - ${q}`,
  subheading: (q) => `  - subheading: ${q}`,
  bullet: (q) => `  - bullets: [${q}]`,
};

/** How each kind reads back, as one string: a bullet is `- text` (a list item, or the DOCX's dash), a subheading `* text`. */
const SHAPE: Record<Kind, (text: string) => string> = {
  paragraph: (t) => t,
  subheading: (t) => `* ${t}`,
  bullet: (t) => `- ${t}`,
  footnote: (t) => `${FOOTNOTED}[^${t}]`,
};

/** The year's files with the cases in one section; which line of that file holds which case. */
function writeYear(root: string, cases: readonly Case[]): { caseAt: Map<number, number>; file: string } {
  fs.rmSync(root, { recursive: true, force: true });
  fs.cpSync("tests/fixtures/years/mini", root, { recursive: true });
  const file = path.join(root, "2021", "sections", "09-tinh-chat.yaml");
  const lines = ["level: 1", "heading: Tính chất", "body:", `  - ${START}`];
  const caseAt = new Map<number, number>();
  const footnotes: number[] = [];
  cases.forEach((c, i) => {
    if (c.kind === "footnote") {
      lines.push(`  - ${FOOTNOTED}{{fn "g${i}"}}`);
      footnotes.push(i);
    } else {
      lines.push(YAML_ITEM[c.kind as Exclude<Kind, "footnote">](yamlQuoted(c.text)));
      caseAt.set(lines.length, i);
    }
  });
  lines.push(`  - ${END}`);
  if (footnotes.length) lines.push("footnotes:");
  for (const i of footnotes) {
    lines.push(`  g${i}: ${yamlQuoted(cases[i].text)}`);
    caseAt.set(lines.length, i);
  }
  fs.writeFileSync(file, [...lines, ""].join("\n"));
  return { caseAt, file };
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

describe("prose property", () => {
  it(`${RUNS} generated prose items: refused with a position, or identical in Markdown and DOCX (seed ${SEED})`, { timeout: 3_600_000 }, async () => {
    const rnd = prng(SEED);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-prose-"));
    const root = path.join(tmp, "data");
    const out = path.join(tmp, "out");
    // What each helper prints, read back through pandoc like everything else.
    const calibration = HELPERS.map((h): Case => ({ text: `x${h}x`, kind: "paragraph" }));
    const kinds: Kind[] = ["paragraph", "paragraph", "subheading", "bullet", "footnote"];
    let built = 0;
    let refused = 0;
    let helperText: Map<string, string> | undefined;
    const failures: string[] = [];
    for (let done = -1; done < RUNS; ) {
      let cases = done < 0 ? calibration : Array.from({ length: Math.min(BATCH, RUNS - done) }, (): Case => ({ text: prose(rnd), kind: kinds[Math.floor(rnd() * kinds.length)] }));
      const generated = cases.length;
      // Cases check refuses are dropped: each error must sit on its own case's line.
      for (let round = 0; ; round++) {
        const { caseAt, file } = writeYear(root, cases);
        const checked = checkYear(root, "2021");
        if (!hasErrors(checked.diagnostics)) break;
        const bad = new Set<number>();
        for (const d of checked.diagnostics.filter((x) => x.severity === "error")) {
          const i = caseAt.get(d.line);
          if (!d.file.endsWith(path.basename(file)) || i === undefined) throw new Error(`an error not on a case's line: ${JSON.stringify(d)}`);
          bad.add(i);
        }
        // A file-level error (YAML, schema) hides the rules' findings until it is gone: a few rounds at most.
        expect(round, `still refused after ${round} rounds: ${JSON.stringify(checked.diagnostics.filter((x) => x.severity === "error").map((d) => [d.code, cases[caseAt.get(d.line) ?? -1]?.text]))}`).toBeLessThan(4);
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
      const md = region(pandocBlocks(file("md"), "gfm"), gainedMd);
      const docx = region(pandocBlocks(file("docx"), "docx"), gainedDocx);
      if (done < 0) {
        expect(md.length).toBe(HELPERS.length);
        helperText = new Map(HELPERS.map((h, i) => [h, md[i].slice(1, -1)]));
        done = 0;
        continue;
      }
      expect(md.length, "Markdown: one block per case").toBe(cases.length);
      expect(docx.length, "DOCX: one block per case").toBe(cases.length);
      cases.forEach((c, i) => {
        let expected = c.text;
        for (const [h, text] of helperText!) expected = expected.split(h).join(`\u0000${text}\u0000`);
        expected = SHAPE[c.kind](collapse(expected.replace(/\u0000/g, "")));
        if (c.kind === "subheading") {
          md[i] = md[i].replace(WHOLE, "");
          docx[i] = docx[i].replace(WHOLE, "");
        }
        if (md[i] !== docx[i] || md[i] !== expected) failures.push(`${c.kind} ${JSON.stringify(c.text)}\n  expected ${JSON.stringify(expected)}\n  md       ${JSON.stringify(md[i])}\n  docx     ${JSON.stringify(docx[i])}`);
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
