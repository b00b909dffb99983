/**
 * The report as the data builds it now, paragraph by paragraph, each with where it came from: the place its
 * source mark names, the data path of its string, and the pieces of that string (literal text, helper calls)
 * with what each printed. Read from the same view build-report renders (render/view.ts with source marks).
 */
import type { Locate, OtherPeriods, Report } from "../model/index.js";
import { parseProse, type HelperCall } from "../model/prose-syntax.js";
import { hasMarks, liftMarks, parseMarkName, placeKey, type SourcePlace } from "../model/source-marks.js";
import { buildView, numberLabel, proseRenderer } from "../render/view.js";
import { numberingOf } from "../profile.js";

/** A footnote reference in a paragraph's text, as the review reads both sides. */
export const NOTE = "\uE020";

export interface Piece {
  /** What it printed, as a reader sees it (escapes undone, a footnote reference as NOTE). */
  text: string;
  /** Its place in the source string. */
  from: number;
  to: number;
  call?: HelperCall;
}

export interface BuiltPara {
  key: string;
  place: SourcePlace;
  hash: string;
  kind: "heading" | "paragraph" | "item" | "subheading" | "footnote" | "register";
  file: string;
  /** Where the string is in its file. */
  path: Array<string | number>;
  /** The string in the data. */
  source: string;
  /** Printed before the string and not from it: a heading's number, "- ", "1. ", "* ". */
  prefix: string;
  pieces: Piece[];
  /** prefix + pieces, whitespace as one space: what the DOCX shows. */
  text: string;
}

/** A paragraph of the body printed from no string of the data (a figure table's title): it only holds its place. */
export interface FixedPara {
  key: "";
  text: string;
}

export interface Built {
  /** Headings, blocks and items in reading order, with the fixed paragraphs among them. */
  body: Array<BuiltPara | FixedPara>;
  footnotes: BuiltPara[];
  register: BuiltPara[];
  byKey: Map<string, BuiltPara>;
}

export const isSourced = (p: BuiltPara | FixedPara): p is BuiltPara => p.key !== "";

export const squashSpaces = (text: string) => text.replace(/\s+/g, " ").trim();

export function builtReport(report: Report, locate: Locate, others: OtherPeriods): Built {
  const { view, diagnostics } = buildView(report, locate, undefined, others, true);
  if (!view) throw new Error(`review: the report does not render (${diagnostics[0]?.message ?? "?"})`);
  const render = proseRenderer(report, others);
  // Footnotes are numbered by first reference in reading order; a later citation prints its number.
  const numbers = new Map<string, number>();
  const plain = (markdown: string) =>
    markdown.replace(/\\([!-/:-@[-`{-~])|\[\^([^\]\s]+)\]/g, (_m, escaped: string | undefined, id: string | undefined) => {
      if (escaped !== undefined) return escaped;
      const key = id!.toLowerCase();
      if (numbers.has(key)) return String(numbers.get(key));
      numbers.set(key, numbers.size + 1);
      return NOTE;
    });

  const body: Array<BuiltPara | FixedPara> = [];
  const byKey = new Map<string, BuiltPara>();
  const para = (marked: string, kind: BuiltPara["kind"], file: string, path: Array<string | number>, source: string, prefix: string, prose: boolean): BuiltPara => {
    const { text: rendered, names } = liftMarks(marked);
    const mark = parseMarkName(names[0] ?? "");
    if (!mark) throw new Error(`review: no source mark on ${file} ${path.join(".")}`);
    // Footnote references are numbered here, in reading order: each string's pieces are read once.
    const pieces = prose ? proseOf(source, render, plain) : [{ text: plain(rendered), from: 0, to: source.length }];
    const p: BuiltPara = { key: placeKey(mark.place), place: mark.place, hash: mark.hash, kind, file, path, source, prefix, pieces, text: squashSpaces(`${prefix}${pieces.map((x) => x.text).join("")}`) };
    byKey.set(p.key, p);
    return p;
  };

  const numbering = numberingOf(report.identity.profile, report.identity.format?.numbering);
  report.sections.forEach((s, si) => {
    const v = view.sections[si];
    const label = s.level === 2 ? numbering.items : numbering.level2;
    if (v.hasHeading) body.push(para(v.heading, "heading", s.file, ["heading"], s.heading!, `${plain(v.label)} `, false));
    s.body.forEach((b, bi) => {
      const bv = v.blocks[bi];
      if (typeof b === "string") body.push(para(bv.text, "paragraph", s.file, ["body", bi], b, "", true));
      else if ("subheading" in b) body.push(para(bv.text, "subheading", s.file, ["body", bi, "subheading"], b.subheading, "* ", true));
      else if ("bullets" in b) b.bullets.forEach((item, k) => body.push(para(bv.items[k], "item", s.file, ["body", bi, "bullets", k], item, "- ", true)));
      else if ("numbered" in b) b.numbered.forEach((item, k) => body.push(para(bv.items[k], "item", s.file, ["body", bi, "numbered", k], item, `${numberLabel(label, k + 1)} `, true)));
      else if ("table" in b) for (const t of [bv.table.title, bv.table.unitLine]) if (t) body.push({ key: "", text: squashSpaces(plain(t)) });
    });
  });

  const footnotes: BuiltPara[] = [];
  let fi = 0;
  report.sections.forEach((s) => {
    for (const [id, text] of Object.entries(s.footnotes ?? {})) footnotes.push(para(view.footnotes[fi++].text, "footnote", s.file, ["footnotes", id], text, "", true));
  });
  const register: BuiltPara[] = [];
  const rows = view.appendix.rows.filter((r) => r.role === "document");
  let ri = 0;
  report.register.groups.forEach((g, gi) =>
    g.types.forEach((t, ti) =>
      t.documents.forEach((d, di) => register.push(para(markedCell(rows[ri++]), "register", report.registerFile, ["groups", gi, "types", ti, "documents", di, "summary"], d.summary, "", false))),
    ),
  );
  return { body, footnotes, register, byKey };
}

/** The register row's cell that carries its source mark: the summary, in whichever column the layout puts it. */
function markedCell(row: { cells: string[][]; summary: string }): string {
  return row.cells.flat().find(hasMarks) ?? row.summary;
}

/** A prose string's pieces: its literal text as written, each helper call with what it printed. */
function proseOf(source: string, render: (s: string) => string, plain: (markdown: string) => string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const seg of parseProse(source)) {
    if ("text" in seg) {
      pieces.push({ text: seg.text, from: at, to: at + seg.text.length });
      at += seg.text.length;
    } else {
      const to = source.indexOf("}}", seg.call.offset) + 2;
      pieces.push({ text: plain(render(source.slice(seg.call.offset, to))), from: seg.call.offset, to, call: seg.call });
      at = to;
    }
  }
  return pieces;
}
