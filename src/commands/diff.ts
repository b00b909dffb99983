/**
 * `danvan diff <yearA> <yearB>`: what changed between two years as their reports print it — identity
 * lines, headings, sentences (word by word), every printed figure (in the report's own formatting, with its
 * label and sentence), footnote texts by id (renames detected), register entries by number and symbol.
 * Both years go through check and render as `build-report` does; a year that does not build is refused.
 */
import type { Diagnostic } from "../diagnostics.js";
import { alike, align, grouped, wordDiff, type WordOp } from "./diff/align.js";
import { printedYear, treeOf, type PrintedFigure, type PrintedRow, type PrintedSection, type PrintedSentence, type PrintedYear } from "./diff/printed.js";
import { formatNumber } from "../text/format.js";
import { Statistics } from "../model/statistics.js";
import type { PeriodFolder } from "../load/periods.js";
import { requireYear } from "../pipeline.js";

export { align, wordDiff, type WordOp };

export interface FieldChange {
  field: string;
  label: string;
  old: string | null;
  new: string | null;
  words?: WordOp[];
}

export interface SentenceChange {
  kind: "added" | "removed" | "changed";
  /** Where the sentence stands: a heading, a paragraph, a bullet, a numbered item, a subheading. */
  block: PrintedSentence["block"] | "heading";
  old?: string;
  new?: string;
  words?: WordOp[];
}

export interface FigureChange {
  /** The statistic's label, else its id: what the figure is. */
  label: string;
  path: string;
  old: string;
  new: string;
  delta?: number;
  /** Percent change relative to the old value, when the old value is not zero. */
  relative?: number;
  /** Where the figure stands, and the sentence (as year B prints it) around it. */
  where: string;
  context: string;
}

export interface FootnoteChange {
  kind: "added" | "removed" | "changed" | "renamed";
  id: string;
  /** The old id of a renamed footnote. */
  from?: string;
  number?: number;
  old?: string;
  new?: string;
  words?: WordOp[];
}

export interface RegisterChange {
  /** moved: the same entry, printed at another place among the others (its TT, or before another group). */
  kind: "added" | "removed" | "changed" | "moved";
  number: string;
  old?: string;
  new?: string;
  /** moved: the group and type it is printed under, in both years. */
  where?: string;
  fields?: FieldChange[];
}

export interface YearDiff {
  from: string;
  to: string;
  identical: boolean;
  /** The years compared as drafts: blanks print as "…". */
  drafts: string[];
  identity: FieldChange[];
  sections: {
    added: Array<{ section: string; heading: string }>;
    removed: Array<{ section: string; heading: string }>;
    /** Sections printed in another order among the others (their own text may be unchanged). */
    moved: Array<{ section: string; heading: string }>;
    changed: Array<{ section: string; heading: string; sentences: SentenceChange[] }>;
  };
  figures: FigureChange[];
  footnotes: FootnoteChange[];
  register: RegisterChange[];
  /** Printed lines that differ where none of the above did: the diff never calls two different reports equal. */
  other: Array<{ old?: string; new?: string }>;
}

/** `periods`: the two compared, so a caller can name them (`năm 2021`, `6 tháng đầu năm 2022`). */
export type DiffOutcome = { ok: true; diff: YearDiff; a: PrintedYear; b: PrintedYear; periods: [PeriodFolder, PeriodFolder] } | { ok: false; diagnostics: Diagnostic[]; periods: [PeriodFolder, PeriodFolder] };

/** Two periods of a data root, as `diff` names them: `2021 2022`, `2021-h1 2022-h1`, `bao-cao-nam/2022 2022-9m`. */
export async function diffYears(dataRoot: string, from: string | PeriodFolder, to: string | PeriodFolder): Promise<DiffOutcome> {
  const fa = requireYear(dataRoot, from);
  const fb = requireYear(dataRoot, to);
  const pa = await printedYear(dataRoot, fa);
  // A period compared with itself is read once, so its findings are not listed twice.
  const pb = fb.dir === fa.dir ? pa : await printedYear(dataRoot, fb);
  if (!pa.ok || !pb.ok) {
    const read = pb === pa ? [pa] : [pa, pb];
    return { ok: false, diagnostics: read.flatMap((p) => (p.ok ? [] : p.diagnostics)), periods: [fa, fb] };
  }
  const diff = compareYears(pa.year, pb.year);
  // The fallback compares the rendered Markdown, where the same printed text can be escaped differently (a
  // figure "10\.193" and the same number typed as text "10.193"). The writers print the document tree: when
  // both years parse to the same tree, nothing printed differs.
  if (diff.other.length && sameTree(await treeOf(pa.year), await treeOf(pb.year))) {
    diff.other = [];
    diff.identical = true;
  }
  return { ok: true, diff, a: pa.year, b: pb.year, periods: [fa, fb] };
}

/** Two document trees alike but for where their nodes stood in the Markdown. */
function sameTree(a: unknown, b: unknown): boolean {
  const bare = (t: unknown) => JSON.stringify(t, (key, value) => (key === "position" ? undefined : value));
  return bare(a) === bare(b);
}

export function compareYears(a: PrintedYear, b: PrintedYear): YearDiff {
  const figures = new FigureLog(a, b);
  const identity = compareFields(a.identity, b.identity);
  const sections = compareSections(a, b, figures);
  const footnotes = compareFootnotes(a, b, figures);
  const register = compareRegister(a, b);
  const drafts = [a, b].filter((y) => y.draft).map((y) => y.year);
  const d: YearDiff = { from: a.year, to: b.year, identical: false, drafts, identity, sections, figures: figures.changes, footnotes, register, other: [] };
  const found = identity.length + sections.added.length + sections.removed.length + sections.moved.length + sections.changed.length + figures.changes.length + footnotes.length + register.length;
  if (!found && a.markdown !== b.markdown) d.other = otherLines(a.markdown, b.markdown);
  d.identical = !found && !d.other.length;
  return d;
}

function compareFields(a: readonly { field: string; label: string; value: string }[], b: readonly { field: string; label: string; value: string }[]): FieldChange[] {
  const out: FieldChange[] = [];
  const old = new Map(a.map((f) => [f.field, f]));
  const seen = new Set<string>();
  for (const f of b) {
    seen.add(f.field);
    const o = old.get(f.field);
    const ov = o && o.value !== "" ? o.value : null;
    const nv = f.value !== "" ? f.value : null;
    if (ov === nv) continue;
    out.push({ field: f.field, label: f.label, old: ov, new: nv, ...(ov !== null && nv !== null ? { words: wordDiff(ov, nv) } : {}) });
  }
  for (const o of a) if (!seen.has(o.field) && o.value !== "") out.push({ field: o.field, label: o.label, old: o.value, new: null });
  return out;
}

function compareSections(a: PrintedYear, b: PrintedYear, figures: FigureLog): YearDiff["sections"] {
  const result: YearDiff["sections"] = { added: [], removed: [], moved: [], changed: [] };
  const byKey = new Map(a.sections.map((s) => [s.key, s]));
  const bKeys = new Set(b.sections.map((s) => s.key));
  // A section whose file was renamed is still the same section when its heading is.
  const unmatchedA = a.sections.filter((s) => !bKeys.has(s.key));
  const pairs: Array<[PrintedYear["sections"][number] | undefined, PrintedYear["sections"][number]]> = b.sections.map((s) => {
    const same = byKey.get(s.key);
    if (same) return [same, s];
    const i = unmatchedA.findIndex((u) => u.heading === s.heading && s.heading !== "");
    return [i >= 0 ? unmatchedA.splice(i, 1)[0] : undefined, s];
  });
  for (const [sa, sb] of pairs) {
    if (!sa) {
      result.added.push({ section: sb.key, heading: sb.heading });
      continue;
    }
    const where = sb.heading || sb.key;
    const sentences: SentenceChange[] = [];
    if (sa.heading !== sb.heading) sentences.push(changeOf("heading", sa.heading, sb.heading));
    sentences.push(...compareSentences(sa.sentences, sb.sentences, where, figures));
    if (sentences.length) result.changed.push({ section: sb.key, heading: sb.heading, sentences });
  }
  for (const s of unmatchedA) result.removed.push({ section: s.key, heading: s.heading });
  const kept = pairs.filter((p): p is [PrintedSection, PrintedSection] => p[0] !== undefined);
  for (const [, sb] of movedOf(a.sections, kept)) result.moved.push({ section: sb.key, heading: sb.heading });
  return result;
}

/**
 * The pairs (in B's order) whose A halves are out of A's order: the fewest that, put back, restore it — an
 * entry swapped with its neighbour is one move, whatever else changed.
 */
function movedOf<T, U>(aOrder: readonly T[], pairs: ReadonlyArray<readonly [T, U]>): Array<readonly [T, U]> {
  const rank = new Map(aOrder.map((x, i) => [x, i]));
  const inOrder = new Set(align(pairs.map(([x]) => x).sort((x, y) => rank.get(x)! - rank.get(y)!), pairs.map(([x]) => x), (x) => String(rank.get(x))).filter((st) => st.op === "=").map((st) => st.b));
  return pairs.filter(([x]) => !inOrder.has(x));
}

function changeOf(block: SentenceChange["block"], old: string, now: string): SentenceChange {
  if (!old) return { kind: "added", block, new: now };
  if (!now) return { kind: "removed", block, old };
  return { kind: "changed", block, old, new: now, words: wordDiff(old, now) };
}

/** Sentences aligned with figures masked: a sentence that differs only in its figures is a figure change. */
function compareSentences(a: readonly PrintedSentence[], b: readonly PrintedSentence[], where: string, figures: FigureLog): SentenceChange[] {
  const out: SentenceChange[] = [];
  for (const g of grouped(align(a, b, (s) => `${s.block}\u0000${s.masked}`))) {
    if (g.same) {
      figures.compare(g.same.a!, g.same.b!, where);
      continue;
    }
    // Within a run of edits, a removed and an added sentence of the same kind of block, in order, sharing
    // words, are one sentence rewritten; the rest were removed or added.
    let from = 0;
    for (const n of g.added) {
      // The same printed text is no change, whatever differs underneath (a figure cited in one year and typed
      // as literal text in the other masks differently).
      const same = g.removed.findIndex((r, k) => k >= from && r.block === n.block && r.text === n.text);
      if (same >= 0) {
        for (const r of g.removed.slice(from, same)) out.push({ kind: "removed", block: r.block, old: r.text });
        from = same + 1;
        continue;
      }
      const i = g.removed.findIndex((r, k) => k >= from && r.block === n.block && alike(r.text, n.text));
      if (i < 0) {
        out.push({ kind: "added", block: n.block, new: n.text });
        continue;
      }
      for (const r of g.removed.slice(from, i)) out.push({ kind: "removed", block: r.block, old: r.text });
      out.push(changeOf(n.block, g.removed[i].text, n.text));
      from = i + 1;
    }
    for (const r of g.removed.slice(from)) out.push({ kind: "removed", block: r.block, old: r.text });
  }
  return out;
}

class FigureLog {
  readonly changes: FigureChange[] = [];
  private readonly seen = new Set<string>();
  private readonly statsA: Statistics;
  private readonly statsB: Statistics;

  constructor(a: PrintedYear, b: PrintedYear) {
    this.statsA = new Statistics(a.report);
    this.statsB = new Statistics(b.report);
  }

  compare(sa: PrintedSentence, sb: PrintedSentence, where: string): void {
    sa.figures.forEach((fa, i) => {
      const fb = sb.figures[i];
      // What the reader sees decides: the same printed figure from another statistic is no change.
      if (!fb || fa.printed === fb.printed) return;
      const key = `${fb.helper}\u0000${fb.id}\u0000${fa.printed}\u0000${fb.printed}`;
      if (this.seen.has(key)) return;
      this.seen.add(key);
      const change: FigureChange = { label: this.label(fb), path: fb.id, old: fa.printed, new: fb.printed, where, context: sb.text };
      const o = numeric(this.statsA, fa);
      const n = numeric(this.statsB, fb);
      if (o !== undefined && n !== undefined && Number.isFinite(o) && Number.isFinite(n)) {
        change.delta = round(n - o);
        if (fb.helper === "n" && o !== 0) change.relative = round(((n - o) / Math.abs(o)) * 100);
      }
      this.changes.push(change);
    });
  }

  private label(f: PrintedFigure): string {
    const [root, ...rest] = f.id.split(".");
    const label = this.statsB.byId.get(root)?.stat.label;
    return label ? [label, ...rest].join(" › ") : f.id;
  }
}

/** What a printed figure stands for as a number: a count's value, a rate's percentage; a ratio "a/b" has none. */
function numeric(stats: Statistics, f: PrintedFigure): number | undefined {
  try {
    if (f.helper === "n") return stats.value(f.id);
    if (f.helper === "pct") return stats.rate(f.id).value;
  } catch {
    // A figure the other year cannot compute has no change to state beyond its printed text.
  }
  return undefined;
}

/** Away from floating-point noise (0.1 + 0.2): the report prints at most a few decimals. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;

function compareFootnotes(a: PrintedYear, b: PrintedYear, figures: FigureLog): FootnoteChange[] {
  const out: FootnoteChange[] = [];
  const text = (s: readonly PrintedSentence[]) => s.map((x) => x.text).join(" ");
  const masked = (s: readonly PrintedSentence[]) => s.map((x) => x.masked).join(" ");
  const removed = [...a.footnotes.keys()].filter((id) => !b.footnotes.has(id));
  const renamedFrom = new Map<string, string>();
  for (const [id, fb] of b.footnotes) {
    const fa = a.footnotes.get(id);
    const where = `Chú thích ${fb.number ?? id}`;
    if (fa) {
      // Printed alike is no change, even when one year cites a figure the other types as text.
      if (text(fa.sentences) === text(fb.sentences) && masked(fa.sentences) !== masked(fb.sentences)) continue;
      if (masked(fa.sentences) !== masked(fb.sentences)) {
        const c = changeOf("paragraph", text(fa.sentences), text(fb.sentences));
        out.push({ kind: "changed", id, number: fb.number, old: c.old, new: c.new, words: c.words });
      } else fa.sentences.forEach((s, i) => figures.compare(s, fb.sentences[i], where));
      continue;
    }
    // A new id with the text of a vanished one is that footnote renamed.
    const same = removed.find((r) => !renamedFrom.has(r) && text(a.footnotes.get(r)!.sentences) === text(fb.sentences));
    if (same) {
      renamedFrom.set(same, id);
      out.push({ kind: "renamed", id, from: same, number: fb.number });
    } else out.push({ kind: "added", id, number: fb.number, new: text(fb.sentences) });
  }
  for (const id of removed) if (!renamedFrom.has(id)) out.push({ kind: "removed", id, number: a.footnotes.get(id)!.number, old: text(a.footnotes.get(id)!.sentences) });
  return out;
}

function compareRegister(a: PrintedYear, b: PrintedYear): RegisterChange[] {
  const out: RegisterChange[] = [];
  const old = new Map(a.register.map((r) => [r.key, r]));
  const keys = new Set(b.register.map((r) => r.key));
  const describe = (r: PrintedYear["register"][number]) => `${r.number}, ngày ${r.date}: ${r.summary}`;
  const fields = (r: PrintedYear["register"][number]) => [
    { field: "group", label: "Cơ quan ban hành (nhóm)", value: r.group },
    { field: "type", label: "Thể loại", value: r.type },
    { field: "date", label: "Ngày ban hành", value: r.date },
    { field: "summary", label: "Nội dung", value: r.summary },
    { field: "note", label: "Ghi chú", value: r.note },
  ];
  for (const r of b.register) {
    const o = old.get(r.key);
    if (!o) out.push({ kind: "added", number: r.number, new: describe(r) });
    else {
      const changed = compareFields(fields(o), fields(r));
      if (changed.length) out.push({ kind: "changed", number: r.number, fields: changed });
    }
  }
  for (const r of a.register) if (!keys.has(r.key)) out.push({ kind: "removed", number: r.number, old: describe(r) });
  // Entries of the same group and type printed in another order: their TT numbers are what changed.
  const place = (r: PrintedRow) => `TT ${r.tt}`;
  const kept = b.register.filter((r) => old.has(r.key) && old.get(r.key)!.group === r.group && old.get(r.key)!.type === r.type).map((r) => [old.get(r.key)!, r] as const);
  for (const [o, r] of movedOf(a.register, kept)) out.push({ kind: "moved", number: r.number, where: `${r.group} › ${r.type}`, old: place(o), new: place(r) });
  return out;
}

/** The rendered lines that differ, figures as printed; only reached when no field above explains a change. */
function otherLines(a: string, b: string): YearDiff["other"] {
  const out: YearDiff["other"] = [];
  for (const g of grouped(align(a.split("\n"), b.split("\n")))) {
    if (g.same) continue;
    const paired = Math.max(g.removed.length, g.added.length);
    for (let i = 0; i < paired; i++) out.push({ ...(i < g.removed.length ? { old: g.removed[i] } : {}), ...(i < g.added.length ? { new: g.added[i] } : {}) });
  }
  return out;
}

/** "+89", "−1,5": a change as the report would print its numbers. */
export function signed(v: number, decimals = 0): string {
  return `${v > 0 ? "+" : v < 0 ? "−" : "±"}${formatNumber(Math.abs(v), decimals)}`;
}
