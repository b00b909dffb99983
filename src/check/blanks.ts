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
import type { Blank, BlankKind } from "../validate/blanks.js";
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

/** One error per blank, with the sentence that cites it when the sections could be read. */
export function blankDiagnostics(
  blanks: readonly Blank[],
  report: Report | undefined,
  locate: (file: string, dataPath: ReadonlyArray<string | number>, offset?: number) => Position,
): Diagnostic[] {
  const index = citations(report);
  return blanks.map((b) => {
    const pos = locate(b.file, b.path);
    let where = "";
    const cited = b.cites.map((k) => index.get(k)).filter((c) => c !== undefined);
    if (cited.length) {
      const { first } = cited[0];
      const count = cited.reduce((n, c) => n + c.count, 0);
      const at = locate(first.file, first.dataPath, first.offset);
      where = `; dẫn ở ${path.basename(first.file)}:${at.line}: "${sentenceAround(first.text, first.offset)}"${count > 1 ? ` (và ${count - 1} chỗ khác)` : ""}`;
    } else if (b.kind === "figure" && report) where = "; chưa câu nào dẫn";
    else if (b.kind === "document" && report) where = "; chỉ in ở phụ lục, chưa câu nào dẫn";
    return { code: BLANK_CODES[b.kind], severity: "error", file: b.file, line: pos.line, col: pos.col, message: `${b.what}${where}` } satisfies Diagnostic;
  });
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

/** "còn 134 số liệu, 48 văn bản và 2 mục của report.yaml cần điền" — or nothing when the year has no blanks. */
export function blankCount(diagnostics: readonly Diagnostic[]): string | undefined {
  const n = (code: string) => diagnostics.filter((d) => d.code === code).length;
  const parts = [
    [n(BLANK_CODES.figure), "số liệu"],
    [n(BLANK_CODES.document), "văn bản"],
    [n(BLANK_CODES.identity), "mục của report.yaml"],
  ]
    .filter(([k]) => Number(k) > 0)
    .map(([k, w]) => `${k} ${w}`);
  if (parts.length === 0) return undefined;
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} và ${parts[parts.length - 1]}` : parts[0];
  return `Còn ${list} cần điền.`;
}
