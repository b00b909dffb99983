/**
 * The body between the title and the closing, as sections: `I-`/`I.` headings open level 1, `1-`/`1.`
 * headings (a heading style or bold throughout) level 2; in a section, `- ` lines become bullets, runs of
 * `1- `, `2- ` … paragraphs numbered items, bold `* ` lines subheadings, the rest paragraphs. Footnote
 * references become `{{fn "id"}}` with ids made from the note's words.
 */
import type { Block as DataBlock, SectionData, Statistic } from "../model/index.js";
import { letter } from "../text/letters.js";
import { typeFigures } from "./figures.js";
import { allBold, type Block, type Inline, type Para } from "./document.js";
import { isEmpty, shownText } from "./lines.js";
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

const ROMAN_HEADING = /^([IVXLCDM]+)\s*([-.–)])\s*(\S.*)$/u;
const DECIMAL_HEADING = /^(\d{1,2})\s*([-.–)])\s*(\S.*)$/u;
/** "1- ", "2. ", or "a) ", "b. ": an item's number, its mark, its text. */
const NUMBERED = /^(\d{1,3}|[a-zđ]{1,2})\s*([-.)])\s+(\S.*)$/u;

/** How the document numbers headings and items, as `format.numbering` writes it (`{roman}-`, `{alpha})`). */
export interface NumberingSeen {
  level1?: string;
  level2?: string;
  items?: string;
}
/** "+ " lines stay as typed: danvan's bullets print "- ", and a sub-list's "+" would be lost. */
const BULLET = /^[-•–]\s+(\S.*)$/u;

interface Working {
  level: 0 | 1 | 2;
  heading?: string;
  body: DataBlock[];
  footnotes: Record<string, string>;
  statistics: Record<string, Statistic>;
}

export function readBody(blocks: readonly Block[], ctx: BodyContext, unplaced: readonly Para[] = []): ImportedSection[] {
  const sections: Working[] = [{ level: 0, body: [], footnotes: {}, statistics: {} }];
  let romanSeen = 0;
  const current = () => sections[sections.length - 1];
  const paras: Para[] = [];
  for (const b of blocks) {
    if (isEmpty(b)) continue;
    if (b.kind === "table") {
      ctx.warnings.push({ paragraph: b.index, message: "bảng trong thân văn bản: giữ lại dưới dạng đoạn văn, mỗi hàng một đoạn (các ô cách nhau bởi \" | \")" });
      for (const row of b.rows) {
        const cells = row.map((c) => squash(c.paras.map((p) => shownText(p)).join(" "))).filter(Boolean);
        if (cells.length) paras.push({ kind: "para", index: row[0]?.paras[0]?.index ?? b.index, inlines: [{ text: cells.join(" | "), bold: false }], heading: false });
      }
      continue;
    }
    paras.push(b);
  }
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    const text = shownText(p);
    const headingish = p.heading || allBold(p.inlines);
    const roman = ROMAN_HEADING.exec(text);
    const romanN = roman ? romanValue(roman[1]) : undefined;
    if (roman && romanN !== undefined && (headingish || romanN === romanSeen + 1) && agrees(ctx.numbering, "level1", `{roman}${mark(roman[2])}`)) {
      romanSeen = romanN;
      sections.push({ level: 1, heading: prose(p, ctx, current(), roman[3]), body: [], footnotes: {}, statistics: {} });
      continue;
    }
    const decimal = DECIMAL_HEADING.exec(text);
    const level = romanSeen > 0 ? 2 : 1;
    if (decimal && headingish && !/^\d/.test(decimal[3]) && agrees(ctx.numbering, level === 2 ? "level2" : "level1", `{n}${mark(decimal[2])}`)) {
      sections.push({ level, heading: "", body: [], footnotes: {}, statistics: {} });
      current().heading = prose(p, ctx, current(), decimal[3]);
      continue;
    }
    const section = current();
    const bullet = p.label?.bullet ? text.replace(/^-\s*/, "") : BULLET.exec(text)?.[1];
    if (bullet !== undefined) {
      const item = prose(p, ctx, section, bullet);
      const last = section.body[section.body.length - 1];
      if (last && typeof last === "object" && "bullets" in last) last.bullets.push(item);
      else section.body.push({ bullets: [item] });
      continue;
    }
    const run = numberedRun(paras, i, ctx.numbering, section.level);
    if (run > 0) {
      const items: string[] = [];
      for (let k = 0; k < run; k++) items.push(prose(paras[i + k], ctx, section, NUMBERED.exec(shownText(paras[i + k]))![3]));
      section.body.push({ numbered: items });
      i += run - 1;
      continue;
    }
    if (allBold(p.inlines) && /^\*\s+\S/u.test(text)) {
      section.body.push({ subheading: prose(p, ctx, section, text.replace(/^\*\s+/u, "")) });
      continue;
    }
    section.body.push(prose(p, ctx, section, text));
  }
  for (const p of unplaced) {
    ctx.warnings.push({ paragraph: p.index, message: `không xếp được đoạn "${excerpt(shownText(p))}" vào phần nào của văn bản: đưa vào mục cuối dưới dạng đoạn văn` });
    current().body.push(prose(p, ctx, current(), shownText(p)));
  }
  return name(sections.filter((s, i) => i > 0 || s.body.length > 0));
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

/**
 * The paragraph's prose: its text from where `shown` starts (the number or marker removed), with
 * `{{fn "id"}}` where its footnote references stand, citations rewritten, Vietnamese repaired.
 */
function prose(p: Para, ctx: BodyContext, section: Working, shown: string): string {
  const full = shownText(p);
  let skip = full.length - shown.length;
  let out = "";
  const label = p.label?.text ? `${p.label.text} ` : "";
  skip -= label.length;
  let text = "";
  const flush = () => {
    out += ctx.cite(text);
    text = "";
  };
  for (const inline of p.inlines) {
    if ("footnote" in inline) {
      flush();
      out += `{{fn "${footnoteId(inline.footnote, ctx, section, p.index)}"}}`;
    } else text += "text" in inline ? inline.text : " ";
  }
  flush();
  // Whitespace as a reader sees it, then the leading number or marker removed at the same length.
  out = out.replace(/[\t\u00a0\u2007\u202f\n ]+/g, " ").replace(/^ /, "").replace(/ $/, "");
  out = out.replace(/ (\{\{fn "[^"]+"\}\})/g, "$1");
  if (skip > 0) out = out.slice(skip).replace(/^ /, "");
  out = repairVietnamese(out, p.index, ctx.repairs);
  return ctx.figures ? typeFigures(out, { statistics: section.statistics, taken: ctx.takenIds }) : out;
}

function footnoteId(noteRef: string, ctx: BodyContext, section: Working, paragraph: number): string {
  const known = ctx.noteIds.get(noteRef);
  if (known) return known;
  const inlines = ctx.notes.get(noteRef) ?? [];
  const text = squash(inlines.map((i) => ("text" in i ? i.text : " ")).join(""));
  const id = uniqueId(slug(text, 4, 32) || "chu-thich", ctx.takenIds);
  ctx.noteIds.set(noteRef, id);
  if (!ctx.notes.has(noteRef)) ctx.warnings.push({ paragraph, message: `chú thích số ${noteRef} không có nội dung trong tệp; để trống` });
  const note = repairVietnamese(ctx.cite(text), paragraph, ctx.repairs) || "…";
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
    const data: SectionData = { level: s.level, ...(s.level > 0 ? { heading: s.heading ?? "" } : {}), body: s.body };
    if (Object.keys(s.footnotes).length) data.footnotes = s.footnotes;
    if (Object.keys(s.statistics).length) data.statistics = s.statistics;
    return { file, data };
  });
}

/** The heading's words without the helpers and the opening "Về". */
function headingWords(heading: string): string {
  return heading.replace(/\{\{[^}]*\}\}/g, "").replace(/^(Về|Việc)\s+/u, "");
}
