/**
 * A draft year's checklist. `danvan new` leaves every figure, every register entry and the report's number
 * and date empty; each empty place is one blank (found and stood in for by validate/blanks.ts), reported
 * once, with what it is (the figure's label, the document's type and group) and the sentence that cites it.
 * The rules' findings about the stand-ins are dropped, so a clerk sees every problem at once and nothing
 * about the stand-ins.
 */
import path from "node:path";
import type { Diagnostic, Position } from "../diagnostics.js";
import { isUnder } from "../model/data-path.js";
import type { Report } from "../model/index.js";
import { IDENTITY_NAMES, type Blank, type BlankKind } from "../validate/blanks.js";
import { COLLECT_DRAFT_CODES } from "../collect/sum.js";
import { helperCalls, proseSites } from "./prose.js";

export const BLANK_CODES: Record<BlankKind, string> = { figure: "DV500", document: "DV501", identity: "DV502" };

interface Citation {
  file: string;
  dataPath: Array<string | number>;
  offset: number;
  text: string;
}

/** The first sentence citing each figure path and document id, and how many cite it. */
function citations(report: Report | undefined): Map<string, { first: Citation; count: number }> {
  const index = new Map<string, { first: Citation; count: number }>();
  if (!report) return index;
  for (const site of proseSites(report)) {
    for (const call of helperCalls(site.text)) {
      if (!call.id) continue;
      const keys = call.name === "doc" || call.name === "docsummary" ? [`doc:${call.id}`] : ["n", "ratio", "pct"].includes(call.name) ? [`fig:${call.id}`] : [];
      for (const key of keys) {
        const hit = index.get(key);
        if (hit) hit.count++;
        else index.set(key, { first: { file: site.section.file, dataPath: site.dataPath, offset: call.offset, text: site.text }, count: 1 });
      }
    }
  }
  return index;
}

/** The sentence (or `;` clause) around a character of a paragraph, shortened to a line's worth. */
export function sentenceAround(text: string, offset: number, max = 110): string {
  const flat = text.replace(/\s+/g, " ");
  const before = Math.max(flat.lastIndexOf(". ", offset - 1), flat.lastIndexOf("; ", offset - 1));
  const start = before < 0 ? 0 : before + 2;
  const stops = [flat.indexOf(". ", offset), flat.indexOf("; ", offset)].filter((i) => i >= 0);
  const end = stops.length ? Math.min(...stops) + 1 : flat.length;
  let s = flat.slice(start, end);
  let at = offset - start;
  if (s.length > max) {
    let from = Math.max(0, Math.min(at - Math.floor(max / 3), s.length - max));
    // Cut at word boundaries, so the excerpt starts and ends on whole words.
    if (from > 0) from = Math.min(at, s.indexOf(" ", from) + 1 || from);
    let to = Math.min(s.length, from + max);
    if (to < s.length) to = Math.max(at + 1, s.lastIndexOf(" ", to));
    s = `${from > 0 ? "…" : ""}${s.slice(from, to).trim()}${to < s.length ? "…" : ""}`;
    at -= from;
  }
  return s.trim();
}

/** A checklist line's whole width as printed: `file:line:col: lỗi DV500: ` and the message. */
export const CHECKLIST_WIDTH = 160;

/** Where the citing sentence is cut, and how a blank reads in it, as the draft prints it. */
const CUT = "…";
const BLANK_IN_TEXT = "[…]";

/**
 * One error per blank, each one line of at most CHECKLIST_WIDTH characters: what is missing in plain words,
 * then where it is cited and the citing sentence cut around the blank (`…` marking each cut).
 */
export function blankDiagnostics(
  blanks: readonly Blank[],
  report: Report | undefined,
  locate: (file: string, dataPath: ReadonlyArray<string | number>, offset?: number) => Position,
): Diagnostic[] {
  const index = citations(report);
  const blankKeys = new Set(blanks.flatMap((b) => b.cites));
  return blanks.filter((b) => !b.collected).map((b) => {
    const pos = locate(b.file, b.path);
    const code = BLANK_CODES[b.kind];
    // The longest label a line can carry ("cần điền", check --draft) sets the room left for the message.
    const room = CHECKLIST_WIDTH - `${b.file}:${pos.line}:${pos.col}: cần điền ${code}: `.length;
    const cited = b.cites.map((k) => index.get(k)).filter((c) => c !== undefined);
    let message: string;
    if (cited.length) {
      const { first } = cited[0];
      const count = cited.reduce((n, c) => n + c.count, 0);
      const at = locate(first.file, first.dataPath, first.offset);
      const place = first.file === b.file ? `dòng ${at.line}` : `${path.basename(first.file)}:${at.line}`;
      const more = count > 1 ? ` (+${count - 1} chỗ)` : "";
      // The label gives way to the sentence, which says best which figure it is.
      const what = missing(b, Math.min(45, room - place.length - more.length - 50));
      const text = printedSentence(first.text, first.offset, blankKeys);
      const width = room - what.length - place.length - more.length - ` — : ""`.length;
      message = `${what} — ${place}: "${sentenceAround(text.text, text.offset, Math.max(16, width - 2))}"${more}`;
    } else {
      const alone = b.kind === "document" ? " — chỉ in ở phụ lục, chưa câu nào dẫn" : b.kind === "figure" && report ? " — chưa câu nào dẫn" : "";
      message = `${missing(b, room - alone.length)}${alone}`;
    }
    return { code, severity: "error", file: b.file, line: pos.line, col: pos.col, message, dataPath: b.path } satisfies Diagnostic;
  });
}

/** "thiếu số liệu "Cuộc giám sát…" (2022.cap-tinh)" within `max` characters: the label is what is cut. */
function missing(b: Blank, max: number): string {
  const part = b.part ? ` (${b.part.split(".").map((k) => SLOT_WORDS[k] ?? k).join(".")})` : "";
  const head = `thiếu ${b.name}`;
  if (head.length + part.length <= max) return `${head}${part}`;
  const quoted = /^(.*?) "(.*)"$/.exec(head);
  // A register entry's type and id, and a field of the report, are never cut: they say which one it is.
  if (!quoted) return `${head}${part}`;
  const room = max - part.length - quoted[1].length - 3;
  // A label cut to a word or two says nothing: the figure is then named by its sentence alone.
  return room < 16 ? `${quoted[1]}${part}` : `${quoted[1]} "${cutWords(quoted[2], room)}"${part}`;
}

/** A ratio's two numbers in plain words, not the data's keys. */
const SLOT_WORDS: Record<string, string> = { part: "số đạt", whole: "tổng số" };

/** Text cut at a word boundary to at most `max` characters, `…` marking the cut. */
function cutWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}${CUT}`;
}

/**
 * A paragraph as a draft prints it, near enough for a checklist: each helper citing a blank is `[…]`, a
 * footnote citation is left out (it prints as a small number), any other helper is its id in braces. The
 * offset of the cited helper is carried into the new text.
 */
function printedSentence(text: string, offset: number, blankKeys: ReadonlySet<string>): { text: string; offset: number } {
  let out = "";
  let at = 0;
  let moved = 0;
  for (const call of helperCalls(text)) {
    const end = text.indexOf("}}", call.offset);
    if (end < 0) continue;
    const key = call.name === "doc" || call.name === "docsummary" ? `doc:${call.id}` : `fig:${call.id}`;
    const printed = call.offset === offset || blankKeys.has(key) ? BLANK_IN_TEXT : call.name === "fn" ? "" : `{${call.id ?? call.name}}`;
    out += text.slice(at, call.offset);
    if (call.offset === offset) moved = out.length;
    out += printed;
    at = end + 2;
  }
  out += text.slice(at);
  return { text: out, offset: moved };
}

/**
 * Findings about ids, citations and series years, which no stand-in value changes: said in a draft too,
 * so none of them waits for the blanks to be filled.
 */
const VALUE_FREE: ReadonlySet<string> = new Set(["DV321", "DV322", "DV331", "DV332", "DV344"]);

/**
 * Drops what rules found about the stand-ins: anything under a blank's figure, entry or field, and under
 * every figure computed from a blank one (a ratio whose whole is `don.khieu-nai`, still empty).
 */
export function withoutStandIns(diagnostics: readonly Diagnostic[], blanks: readonly Blank[], report?: Report): Diagnostic[] {
  if (blanks.length === 0) return [...diagnostics];
  const owners = [...blanks.map((b) => ({ file: b.file, owner: b.owner })), ...dependentFigures(blanks, report)];
  return diagnostics.filter((d) => !d.dataPath || VALUE_FREE.has(d.code) || !owners.some((b) => b.file === d.file && isUnder(d.dataPath!, b.owner)));
}

/** Figures whose values pass through a blank figure, by the paths one figure gives to another. */
function dependentFigures(blanks: readonly Blank[], report: Report | undefined): Array<{ file: string; owner: Array<string | number> }> {
  if (!report) return [];
  // Paths that are, contain or lie inside a blank: `don` (its total) and `don.to-cao` when `don.to-cao` is empty.
  const tainted = blanks.flatMap((b) => (b.figure ? [b.figure] : []));
  const touches = (p: string) => tainted.some((t) => p === t || p.startsWith(`${t}.`) || t.startsWith(`${p}.`));
  const refs = new Map<string, { file: string; uses: Set<string> }>();
  for (const section of report.sections) {
    for (const [id, stat] of Object.entries(section.statistics ?? {})) {
      const uses = new Set<string>();
      JSON.stringify(stat, (k, v) => {
        if (typeof v === "string" && k !== "kind" && k !== "label" && k !== "unit") uses.add(v);
        return v;
      });
      refs.set(id, { file: section.file, uses });
    }
  }
  const found: Array<{ file: string; owner: Array<string | number> }> = [];
  for (let grew = true; grew; ) {
    grew = false;
    for (const [id, { file, uses }] of refs) {
      if (tainted.includes(id) || ![...uses].some(touches)) continue;
      tainted.push(id);
      found.push({ file, owner: ["statistics", id] });
      grew = true;
    }
  }
  return found;
}

/**
 * What a draft still has to fill, in plain words: "còn 132 số liệu, 48 văn bản, số ký hiệu và ngày ký của báo
 * cáo cần điền" — or nothing when the year has no blanks.
 */
export function blankCount(diagnostics: readonly Diagnostic[]): string | undefined {
  const n = (code: string) => diagnostics.filter((d) => d.code === code).length;
  const fields = diagnostics.filter((d) => d.code === BLANK_CODES.identity).map((d) => IDENTITY_NAMES[String(d.dataPath?.[0])] ?? "một mục");
  const units = diagnostics.filter((d) => COLLECT_DRAFT_CODES.has(d.code)).length;
  const parts = [
    n(BLANK_CODES.figure) ? `${n(BLANK_CODES.figure)} số liệu` : "",
    n(BLANK_CODES.document) ? `${n(BLANK_CODES.document)} văn bản` : "",
    fields.length ? `${fields.length > 1 ? `${fields.slice(0, -1).join(", ")} và ${fields[fields.length - 1]}` : fields[0]} của báo cáo` : "",
    units ? `${units} chỗ số liệu của các đơn vị` : "",
  ].filter(Boolean);
  if (parts.length === 0) return undefined;
  return `còn ${parts.join(", ")} cần điền`;
}

/** Every code a draft may still hold: what `check --draft` does not count as an error. */
export const TO_FILL_CODES: ReadonlySet<string> = new Set([...Object.values(BLANK_CODES), ...COLLECT_DRAFT_CODES]);
