/**
 * `danvan diff <yearA> <yearB>`: what changed between two years, by meaning — sections, sentences (word by
 * word), figures (old → new, with absolute and relative change), register entries (by number and symbol),
 * footnotes. Works on the raw data, so a draft year with empty figures can be compared too.
 */
import path from "node:path";
import { splitSentences } from "./fmt.js";
import { loadYear } from "../load/index.js";
import { figureSlots } from "../model/statistics.js";
import { requireYear } from "../pipeline.js";

export type WordOp = { op: "=" | "-" | "+"; text: string };

export interface SentenceChange {
  kind: "added" | "removed" | "changed";
  old?: string;
  new?: string;
  words?: WordOp[];
}

export interface FigureChange {
  path: string;
  old: number | null;
  new: number | null;
  delta?: number;
  /** Percent change relative to the old value, when the old value is not zero. */
  relative?: number;
}

export interface YearDiff {
  from: string;
  to: string;
  identical: boolean;
  sections: { added: string[]; removed: string[]; changed: Array<{ section: string; sentences: SentenceChange[] }> };
  figures: FigureChange[];
  register: { added: string[]; removed: string[] };
  footnotes: { added: string[]; removed: string[] };
}

interface YearView {
  sections: Map<string, { heading: string; sentences: string[] }>;
  figures: Map<string, number | null>;
  register: Map<string, string>;
  footnotes: Set<string>;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function view(dataRoot: string, year: string): YearView {
  requireYear(dataRoot, year);
  const out: YearView = { sections: new Map(), figures: new Map(), register: new Map(), footnotes: new Set() };
  for (const raw of loadYear(dataRoot, year).files) {
    const value = obj(raw.value);
    if (raw.kind === "documents") {
      for (const g of list(value.groups))
        for (const t of list(obj(g).types))
          for (const d of list(obj(t).documents)) {
            const doc = obj(d);
            if (typeof doc.number === "string") out.register.set(doc.number, `${obj(t).type ?? ""} số ${doc.number}`);
          }
    }
    if (raw.kind !== "section") continue;
    const slug = path.basename(raw.file, ".yaml").replace(/^\d+(-\d+)?-/, "");
    const texts: string[] = [];
    for (const b of list(value.body)) {
      if (typeof b === "string") texts.push(b);
      else for (const v of Object.values(obj(b))) texts.push(...(typeof v === "string" ? [v] : list(v).filter((x): x is string => typeof x === "string")));
    }
    out.sections.set(slug, { heading: String(value.heading ?? ""), sentences: texts.flatMap(splitSentences) });
    for (const id of Object.keys(obj(value.footnotes))) out.footnotes.add(id);
    for (const [id, stat] of Object.entries(obj(value.statistics))) collectFigures(id, stat, out.figures);
  }
  return out;
}

/** Every number a statistic holds, by the path {{n}} would use (a stated rate as `id.rate`). */
function collectFigures(id: string, value: unknown, into: Map<string, number | null>): void {
  for (const slot of figureSlots(id, value)) if (typeof slot.value === "number" || slot.value === null) into.set(slot.figurePath, slot.value);
}

/** Longest common subsequence alignment of two sequences: the edit script. */
export function align<T>(a: readonly T[], b: readonly T[]): Array<{ op: "=" | "-" | "+"; a?: T; b?: T }> {
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: Array<{ op: "=" | "-" | "+"; a?: T; b?: T }> = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) out.push({ op: "=", a: a[i++], b: b[j++] });
    else if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) out.push({ op: "+", b: b[j++] });
    else out.push({ op: "-", a: a[i++] });
  }
  return out;
}

export function wordDiff(oldText: string, newText: string): WordOp[] {
  const ops: WordOp[] = [];
  const push = (op: WordOp["op"], words: string[]) => {
    if (words.length) ops.push({ op, text: words.join(" ") });
  };
  let same: string[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flushEdits = () => {
    push("-", removed);
    push("+", added);
    removed = [];
    added = [];
  };
  for (const step of align(oldText.split(/\s+/), newText.split(/\s+/))) {
    if (step.op === "=") {
      flushEdits();
      same.push(step.a!);
      continue;
    }
    push("=", same);
    same = [];
    (step.op === "-" ? removed : added).push((step.op === "-" ? step.a : step.b)!);
  }
  flushEdits();
  push("=", same);
  return ops;
}

function sentenceChanges(a: readonly string[], b: readonly string[]): SentenceChange[] {
  const out: SentenceChange[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  // Within a run of edits, the i-th removed and i-th added sentence are one sentence rewritten.
  const flush = () => {
    const paired = Math.min(removed.length, added.length);
    for (let i = 0; i < paired; i++) out.push({ kind: "changed", old: removed[i], new: added[i], words: wordDiff(removed[i], added[i]) });
    for (const r of removed.slice(paired)) out.push({ kind: "removed", old: r });
    for (const n of added.slice(paired)) out.push({ kind: "added", new: n });
    removed = [];
    added = [];
  };
  for (const step of align(a, b)) {
    if (step.op === "=") flush();
    else if (step.op === "-") removed.push(step.a!);
    else added.push(step.b!);
  }
  flush();
  return out;
}

export function diffYears(dataRoot: string, from: string, to: string): YearDiff {
  const a = view(dataRoot, from);
  const b = view(dataRoot, to);
  const keys = <T>(m: Map<string, T> | Set<string>) => [...m.keys()];
  const onlyIn = (x: string[], y: string[]) => x.filter((k) => !y.includes(k));
  const changed = keys(a.sections)
    .filter((s) => b.sections.has(s))
    .map((s) => {
      const sa = a.sections.get(s)!;
      const sb = b.sections.get(s)!;
      const heading: SentenceChange[] = sa.heading === sb.heading ? [] : [{ kind: "changed", old: sa.heading, new: sb.heading, words: wordDiff(sa.heading, sb.heading) }];
      return { section: s, sentences: [...heading, ...sentenceChanges(sa.sentences, sb.sentences)] };
    })
    .filter((c) => c.sentences.length);
  const figures: FigureChange[] = [];
  for (const p of [...new Set([...keys(a.figures), ...keys(b.figures)])]) {
    const o = a.figures.has(p) ? a.figures.get(p)! : null;
    const n = b.figures.has(p) ? b.figures.get(p)! : null;
    if (o === n) continue;
    const change: FigureChange = { path: p, old: o, new: n };
    if (o !== null && n !== null) {
      change.delta = n - o;
      if (o !== 0) change.relative = ((n - o) / Math.abs(o)) * 100;
    }
    figures.push(change);
  }
  const result: YearDiff = {
    from,
    to,
    identical: false,
    sections: { added: onlyIn(keys(b.sections), keys(a.sections)), removed: onlyIn(keys(a.sections), keys(b.sections)), changed },
    figures,
    register: {
      added: onlyIn(keys(b.register), keys(a.register)).map((k) => b.register.get(k)!),
      removed: onlyIn(keys(a.register), keys(b.register)).map((k) => a.register.get(k)!),
    },
    footnotes: { added: onlyIn(keys(b.footnotes), keys(a.footnotes)), removed: onlyIn(keys(a.footnotes), keys(b.footnotes)) },
  };
  result.identical =
    !result.sections.added.length && !result.sections.removed.length && !changed.length && !figures.length &&
    !result.register.added.length && !result.register.removed.length && !result.footnotes.added.length && !result.footnotes.removed.length;
  return result;
}
