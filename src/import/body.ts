/**
 * The body between the title and the closing, as sections. A paragraph opens a section when it begins with
 * the heading numbering of its level — `I-`/`I.` Roman for level 1; `1-`/`1.` decimal for level 2 under a
 * Roman section (level 1 where there is none) — and reads as a heading. The signals, any of which counts:
 *   - strong: a heading style or outline level, or bold throughout;
 *   - weak: no final full stop (nor a colon or semicolon: those introduce a list);
 *   - position: the number continues the headings already found at that level (`4-` after the heading `3-`).
 * A Roman number in sequence is a heading by position alone. A decimal paragraph followed directly by the
 * next number, with nothing between, is a numbered item, not a heading, unless a strong signal says so.
 * A heading run in with its text ("1- Công tác tuyên truyền: …", the lead bold) is the heading, then the
 * section's first paragraph (headings.ts `splitRunIn`).
 * In a section, `- ` lines become bullets, runs of `1- `, `2- ` … numbered items, bold `* ` lines
 * subheadings, the rest paragraphs. Footnote references become `{{fn "id"}}` with ids made from the note's
 * words. A label is never dropped: what does not fit the profile's numbering stays literal text.
 */
import type { Block as DataBlock, SectionData, Statistic } from "../model/index.js";
import { letter } from "../text/letters.js";
import { typeFigures } from "./figures.js";
import { allBold, plainText, type Block, type Inline, type Para, type Table } from "./document.js";
import { DECIMAL_HEADING, PART_HEADING, ROMAN_HEADING, splitRunIn } from "./headings.js";
import { isEmpty, isRuleText, shownText } from "./lines.js";
import { literalText, safeText } from "./safe-text.js";
import { repairVietnamese, romanValue, slug, squash, uniqueId, type Repair } from "./text.js";

export interface ImportedSection {
  file: string;
  data: SectionData;
}

export interface Warning {
  paragraph: number;
  message: string;
}

export interface BodyContext {
  notes: ReadonlyMap<string, Inline[]>;
  cite: (text: string) => string;
  repairs: Repair[];
  warnings: Warning[];
  /** Package note id → footnote id in the data, for notes already defined. */
  noteIds: Map<string, string>;
  takenIds: Set<string>;
  /** Filled in as headings and items are read: the first style of each wins, later ones stay literal. */
  numbering: NumberingSeen;
  /** `--figures`: recognised numbers become typed statistics. */
  figures: boolean;
}

/** "1- ", "2. ", or "a) ", "b. ": an item's number, its mark, its text. */
const NUMBERED = /^(\d{1,3}|[a-zđ]{1,2})\s*([-.)]|\/(?=\s))\s+(\S.*)$/u;

/** How the document numbers headings and items, as `format.numbering` writes it (`{roman}-`, `{alpha})`). */
export interface NumberingSeen {
  level1?: string;
  level2?: string;
  items?: string;
}
/** "+ " lines stay as typed: danvan's bullets print "- ", and a sub-list's "+" would be lost. */
const BULLET = /^[-•–−]\s+(\S.*)$/u;

interface Working {
  level: 0 | 1 | 2;
  heading?: string;
  /** Footnotes referenced from the heading, which prints literally: cited at the start of the section's first block. */
  pending: string[];
  body: DataBlock[];
  footnotes: Record<string, string>;
  statistics: Record<string, Statistic>;
}

/** The paragraphs of the body as prose reads them: tables as rows, layout (empty lines, typed rules) left out. */
function bodyParas(blocks: readonly Block[], ctx: BodyContext): Para[] {
  const paras: Para[] = [];
  for (const b of blocks) {
    if (isEmpty(b)) continue;
    if (b.kind === "table") {
      ctx.warnings.push({ paragraph: b.index, message: "bảng trong thân văn bản: giữ lại dưới dạng đoạn văn, mỗi hàng một đoạn (các ô cách nhau bởi \" | \")" });
      paras.push(...tableRows(b));
      continue;
    }
    if (isRuleText(shownText(b)) && !b.inlines.some((i) => "footnote" in i)) continue;
    paras.push(b);
  }
  return paras;
}

/** A table as paragraphs, one a row: each cell's runs (footnote references included), the cells joined by " | ". */
export function tableRows(table: Table): Para[] {
  const out: Para[] = [];
  for (const row of table.rows) {
    const inlines: Inline[] = [];
    for (const c of row) {
      if (c.mergedAbove || c.paras.every((p) => shownText(p) === "" && !p.inlines.some((i) => "footnote" in i))) continue;
      if (inlines.length) inlines.push({ text: " | ", bold: false });
      c.paras.forEach((p, k) => {
        if (k) inlines.push({ text: " ", bold: false });
        if (p.label?.text) inlines.push({ text: `${p.label.text} `, bold: false });
        inlines.push(...p.inlines.map((i) => ("break" in i ? { text: " ", bold: false } : i)));
      });
    }
    if (inlines.length) out.push({ kind: "para", index: row[0]?.paras[0]?.index ?? table.index, inlines, heading: false });
  }
  return out;
}

export function readBody(blocks: readonly Block[], ctx: BodyContext, unplaced: readonly Para[] = []): ImportedSection[] {
  const sections: Working[] = [{ level: 0, pending: [], body: [], footnotes: {}, statistics: {} }];
  const paras = bodyParas(blocks, ctx);
  let romanSeen = 0;
  /** The number of the last decimal heading in the current Roman section. */
  let decimalSeen = 0;
  const current = () => sections[sections.length - 1];
  for (let i = 0; i < paras.length; i++) {
    const runIn = splitRunIn(paras[i]);
    if (runIn) paras.splice(i, 1, ...runIn);
    const p = paras[i];
    const text = shownText(p);
    const strong = p.heading || allBold(p.inlines);
    const weak = !/[.:;]$/u.test(text.replace(/\.\/\.$/, "."));
    const part = PART_HEADING.exec(text);
    const partN = part ? romanValue(part[2]) : undefined;
    if (part && partN !== undefined && agrees(ctx.numbering, "level1", `${part[1]}{roman}${part[3]}`)) {
      romanSeen = partN;
      decimalSeen = 0;
      sections.push({ level: 1, pending: [], body: [], footnotes: {}, statistics: {} });
      current().heading = headingText(p, ctx, current(), PART_HEADING);
      continue;
    }
    const roman = ROMAN_HEADING.exec(text);
    const romanN = roman ? romanValue(roman[1]) : undefined;
    if (roman && romanN !== undefined && (strong || romanN === romanSeen + 1) && agrees(ctx.numbering, "level1", `{roman}${mark(roman[2])}`)) {
      romanSeen = romanN;
      decimalSeen = 0;
      sections.push({ level: 1, pending: [], body: [], footnotes: {}, statistics: {} });
      current().heading = headingText(p, ctx, current(), ROMAN_HEADING);
      continue;
    }
    const decimal = DECIMAL_HEADING.exec(text);
    const level = romanSeen > 0 ? 2 : 1;
    if (decimal && !/^\d/.test(decimal[3])) {
      const n = Number(decimal[1]);
      const inRun = !strong && nextIsNumber(paras, i, n + 1);
      const signalled = strong || (n === decimalSeen + 1 && (weak || n >= 2));
      if (!inRun && signalled && agrees(ctx.numbering, level === 2 ? "level2" : "level1", `{n}${mark(decimal[2])}`)) {
        decimalSeen = n;
        sections.push({ level, heading: "", pending: [], body: [], footnotes: {}, statistics: {} });
        current().heading = headingText(p, ctx, current(), DECIMAL_HEADING);
        continue;
      }
    }
    const section = current();
    const bullet = p.label?.bullet ? text.replace(/^-\s*/, "") : BULLET.exec(text)?.[1];
    if (bullet !== undefined) {
      const item = prose(p, ctx, section, p.label?.bullet ? /^(-)()\s*(.*)$/su : /^([-•–])()\s+(.*)$/su) || "…";
      const last = section.body[section.body.length - 1];
      if (last && typeof last === "object" && "bullets" in last) last.bullets.push(item);
      else section.body.push({ bullets: [item] });
      continue;
    }
    const run = numberedRun(paras, i, ctx.numbering, section.level);
    if (run > 0) {
      const items: string[] = [];
      for (let k = 0; k < run; k++) items.push(prose(paras[i + k], ctx, section, NUMBERED));
      section.body.push({ numbered: items });
      i += run - 1;
      continue;
    }
    if (allBold(p.inlines) && /^\*\s+\S/u.test(text)) {
      section.body.push({ subheading: prose(p, ctx, section, /^(\*)()\s+(.*)$/su) });
      continue;
    }
    const paragraph = prose(p, ctx, section);
    if (paragraph) section.body.push(paragraph);
  }
  for (const p of unplaced) {
    ctx.warnings.push({ paragraph: p.index, message: `không xếp được đoạn "${excerpt(shownText(p))}" vào phần nào của văn bản: đưa vào mục cuối dưới dạng đoạn văn` });
    const paragraph = prose(p, ctx, current());
    if (paragraph) current().body.push(paragraph);
  }
  // A section whose heading has a footnote and nothing under it: the reference stands alone.
  for (const s of sections) if (s.pending.length) s.body.push(s.pending.splice(0).map((id) => `{{fn "${id}"}}`).join(""));
  return name(sections.filter((s, i) => i > 0 || s.body.length > 0));
}

/** The heading as printed (literal: no helpers), its footnote references kept for the section's first block. */
function headingText(p: Para, ctx: BodyContext, section: Working, marker: RegExp): string {
  const text = prose(p, ctx, section, marker, true);
  const refs = [...text.matchAll(/\{\{fn "([^"]+)"\}\}/g)].map((m) => m[1]);
  if (refs.length) {
    ctx.warnings.push({ paragraph: p.index, message: "đề mục có chú thích, mà đề mục in nguyên văn: chú thích được đặt ở đầu đoạn đầu tiên của mục" });
    section.pending.push(...refs);
  }
  return text.replace(/\{\{fn "[^"]+"\}\}/g, "").trim();
}


/** The next paragraph is numbered `n` in the same way: the two are items of one list. */
function nextIsNumber(paras: readonly Para[], i: number, n: number): boolean {
  const next = paras[i + 1];
  const m = next && NUMBERED.exec(shownText(next));
  return Boolean(m && m[1] === String(n));
}

/**
 * 1-, 2-, … or a), b), … in order from the first, not headings, all in one style, and in the style items
 * have already been given (danvan numbers every numbered block alike): the length of the run at i, or 0.
 */
function numberedRun(paras: readonly Para[], i: number, seen: NumberingSeen, level: 0 | 1 | 2): number {
  let n = 0;
  let style: string | undefined;
  while (i + n < paras.length) {
    const p = paras[i + n];
    const m = NUMBERED.exec(shownText(p));
    if (!m || p.heading || p.label?.bullet) break;
    const alphabetic = /^[a-zđ]/.test(m[1]);
    const expected = alphabetic ? letter(n + 1) : String(n + 1);
    const thisStyle = `{${alphabetic ? "alpha" : "n"}}${mark(m[2])}`;
    if (m[1] !== expected || (style && thisStyle !== style)) break;
    style = thisStyle;
    n++;
  }
  // Items under a Roman section are numbered as its 1., 2. (render/view.ts): they say what level2 is.
  if (n === 0 || !style || !agrees(seen, level === 2 ? "items" : "level2", style)) return 0;
  return n;
}

/** Records the style the first time; afterwards only the same style is read as structure. */
function agrees(seen: NumberingSeen, key: keyof NumberingSeen, style: string): boolean {
  seen[key] ??= style;
  return seen[key] === style;
}

function mark(m: string): string {
  return m === "–" ? "-" : m;
}

function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Footnote references stand in the text as one private-use character each, so that stripping a number keeps them in place. */
const NOTE_BASE = 0xe000;

/**
 * The paragraph's prose: its automatic number and text as shown, less what `marker` takes off the front
 * (its third group is what remains), with `{{fn "id"}}` where its footnote references stand, citations
 * rewritten, Vietnamese repaired.
 */
function prose(p: Para, ctx: BodyContext, section: Working, marker?: RegExp, literal = false): string {
  const notes: string[] = [];
  const pieces = p.inlines.map((inline: Inline) => {
    if ("footnote" in inline) {
      notes.push(inline.footnote);
      return String.fromCharCode(NOTE_BASE + notes.length - 1);
    }
    return "text" in inline ? inline.text : " ";
  });
  const typed = squash(pieces.join("").replace(/\n/g, " "));
  const full = p.label?.text ? squash(`${p.label.text} ${typed}`) : typed;
  const m = marker?.exec(full);
  // The marker's last group is what stands after the number.
  const rest = m ? m[m.length - 1] : full;
  // Every reference is given its id in reading order, even one the marker took (it has nowhere else to go).
  const ids = notes.map((ref) => footnoteId(ref, ctx, section, p.index));
  let out = "";
  let text = "";
  const flush = () => {
    out += literal ? literalText(text, p.index, ctx.warnings) : ctx.cite(safeText(text, p.index, ctx.warnings));
    text = "";
  };
  for (const ch of rest) {
    const code = ch.charCodeAt(0);
    if (code >= NOTE_BASE && code < NOTE_BASE + notes.length) {
      flush();
      out = out.replace(/ $/, "");
      out += `{{fn "${ids[code - NOTE_BASE]}"}}`;
    } else text += ch;
  }
  flush();
  const lost = ids.filter((_id, k) => !rest.includes(String.fromCharCode(NOTE_BASE + k)));
  for (const id of lost) out += `{{fn "${id}"}}`;
  out = out.trim();
  out = repairVietnamese(out, p.index, ctx.repairs);
  if (literal) return out;
  // The first block of a section carries the references its heading could not.
  if (section.pending.length) out = section.pending.splice(0).map((id) => `{{fn "${id}"}}`).join("") + out;
  return ctx.figures ? typeFigures(out, { statistics: section.statistics, taken: ctx.takenIds }) : out;
}

function footnoteId(noteRef: string, ctx: BodyContext, section: Working, paragraph: number): string {
  const known = ctx.noteIds.get(noteRef);
  if (known) return known;
  const inlines = ctx.notes.get(noteRef) ?? [];
  const text = squash(plainText(inlines).replace(/\n/g, " "));
  const id = uniqueId(slug(text, 4, 32) || "chu-thich", ctx.takenIds);
  ctx.noteIds.set(noteRef, id);
  if (!ctx.notes.has(noteRef) || !text) ctx.warnings.push({ paragraph, message: `chú thích số ${noteRef} không có nội dung trong tệp; ghi "…"` });
  const note = repairVietnamese(ctx.cite(safeText(text, paragraph, ctx.warnings)), paragraph, ctx.repairs) || "…";
  section.footnotes[id] = ctx.figures ? typeFigures(note, { statistics: section.statistics, taken: ctx.takenIds }) : note;
  return id;
}

/** File names as the data layout has them: 00-mo-dau, 01-…, 02-…, 02-1-…, with slugs from the headings. */
function name(sections: Working[]): ImportedSection[] {
  let top = 0;
  let sub = 0;
  const taken = new Set<string>();
  return sections.map((s) => {
    let base: string;
    if (s.level === 0) base = "00-mo-dau";
    else if (s.level === 1) {
      top++;
      sub = 0;
      base = `${String(top).padStart(2, "0")}-${slug(headingWords(s.heading ?? ""), 3, 30) || "muc"}`;
    } else {
      sub++;
      base = `${String(Math.max(top, 1)).padStart(2, "0")}-${sub}-${slug(headingWords(s.heading ?? ""), 3, 30) || "muc"}`;
    }
    const file = `${uniqueId(base, taken)}.yaml`;
    const data: SectionData = { level: s.level, ...(s.level > 0 ? { heading: s.heading || "…" } : {}), body: s.body };
    if (Object.keys(s.footnotes).length) data.footnotes = s.footnotes;
    if (Object.keys(s.statistics).length) data.statistics = s.statistics;
    return { file, data };
  });
}

/** The heading's words without the helpers and the opening "Về". */
function headingWords(heading: string): string {
  return heading.replace(/\{\{[^}]*\}\}/g, "").replace(/^(Về|Việc)\s+/u, "");
}
