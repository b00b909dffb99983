/**
 * A leader's words back into the source strings: the built paragraphs' text and the reviewed text are
 * compared word by word (the alignment `diff` uses), each changed run narrowed to the characters that
 * differ, and mapped through the pieces of the source (literal text, helper calls) to an edit of the
 * source. Literal text changes in place, so every helper stays as written; a change inside what a helper
 * printed is that helper's (a figure, a citation), never written into the sentence.
 */
import { align, grouped } from "../commands/diff/align.js";
import type { HelperCall } from "../model/prose-syntax.js";
import type { BuiltPara } from "./built.js";

/** Between the units of a joined source: where one paragraph (or list item) ends and the next begins. */
export const UNIT = "\u2029";

/** A change inside what one helper printed: the helper's, not the sentence's. */
export interface HelperTouch {
  unit: BuiltPara;
  call: HelperCall;
  before: string;
  after: string;
}

export interface Mapped {
  /** The units' new source strings (more or fewer than before where paragraphs were split or merged). */
  sources: string[];
  touches: HelperTouch[];
  /** Changes that could not be placed in the source (a paragraph's number, a helper's braces typed). */
  problems: string[];
  changed: boolean;
}

type CharSource = { kind: "literal"; at: number } | { kind: "helper"; piece: number } | { kind: "fixed" } | { kind: "unit"; at: number };

interface Joined {
  text: string;
  chars: CharSource[];
  source: string;
  pieces: Array<{ from: number; to: number; start: number; end: number; call?: HelperCall; unit: BuiltPara; text: string }>;
}

/** The units' printed text joined by "\n", and each character's origin in their sources joined by UNIT. */
function joined(units: readonly BuiltPara[]): Joined {
  let text = "";
  let source = "";
  const chars: CharSource[] = [];
  const pieces: Joined["pieces"] = [];
  const push = (s: string, c: (i: number) => CharSource) => {
    for (let i = 0; i < s.length; i++) chars.push(c(i));
    text += s;
  };
  units.forEach((u, ui) => {
    if (ui > 0) {
      push("\n", () => ({ kind: "unit", at: source.length }));
      source += UNIT;
    }
    push(u.prefix, () => ({ kind: "fixed" }));
    const base = source.length;
    for (const p of u.pieces) {
      if (p.call) {
        const index = pieces.length;
        pieces.push({ from: base + p.from, to: base + p.to, start: text.length, end: text.length + p.text.length, call: p.call, unit: u, text: p.text });
        push(p.text, () => ({ kind: "helper", piece: index }));
      } else push(p.text, (i) => ({ kind: "literal", at: base + p.from + i }));
    }
    source += u.source;
  });
  return squashed({ text, chars, source, pieces });
}

/** Runs of white space as one space, none at either end of a unit: as the reviewed text is read. */
function squashed(j: Joined): Joined {
  let text = "";
  const chars: CharSource[] = [];
  const moved = new Map<number, number>();
  for (let i = 0; i < j.text.length; i++) {
    const c = j.text[i];
    const space = c !== "\n" && /\s/.test(c);
    const prev = text[text.length - 1];
    if (space && (text.length === 0 || prev === " " || prev === "\n")) continue;
    if (c === "\n" && prev === " ") {
      text = text.slice(0, -1);
      chars.pop();
    }
    moved.set(i, text.length);
    text += space ? " " : c;
    chars.push(j.chars[i]);
  }
  if (text.endsWith(" ")) {
    text = text.slice(0, -1);
    chars.pop();
  }
  const at = (i: number) => {
    for (let k = i; k < j.text.length; k++) if (moved.has(k)) return moved.get(k)!;
    return text.length;
  };
  return { ...j, text, chars, pieces: j.pieces.map((p) => ({ ...p, start: at(p.start), end: at(p.end) })) };
}

const TOKEN = /\n|[^\s]+/g;

/** Reviewed paragraphs' text → the units' new sources. */
export function mapEdits(units: readonly BuiltPara[], reviewed: readonly string[]): Mapped {
  const j = joined(units);
  const after = reviewed.map((t) => t.replace(/\s+/g, " ").trim()).join("\n");
  const out: Mapped = { sources: [], touches: [], problems: [], changed: false };
  if (after === j.text) return { ...out, sources: units.map((u) => u.source) };
  const tokens = (t: string) => [...t.matchAll(TOKEN)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const a = tokens(j.text);
  const b = tokens(after);
  const edits: Array<{ from: number; to: number; text: string }> = [];
  let ai = 0;
  let bi = 0;
  for (const g of grouped(align(a, b, (t) => t.text))) {
    if (g.same) {
      ai++;
      bi++;
      continue;
    }
    // The run between the words kept on either side, white space included, then narrowed to what differs.
    let s = ai > 0 ? a[ai - 1].end : 0;
    let e = ai + g.removed.length < a.length ? a[ai + g.removed.length].start : j.text.length;
    let ns = bi > 0 ? b[bi - 1].end : 0;
    let ne = bi + g.added.length < b.length ? b[bi + g.added.length].start : after.length;
    ai += g.removed.length;
    bi += g.added.length;
    while (s < e && ns < ne && j.text[s] === after[ns]) s++, ns++;
    while (s < e && ns < ne && j.text[e - 1] === after[ne - 1]) e--, ne--;
    const edit = place(j, s, e, after.slice(ns, ne), out);
    if (edit) edits.push(edit);
  }
  let source = j.source;
  for (const ed of edits.sort((x, y) => y.from - x.from)) source = source.slice(0, ed.from) + ed.text + source.slice(ed.to);
  out.changed = edits.length > 0;
  out.sources = source.split(UNIT).map((x) => x.replace(/ +/g, " ").trim());
  return out;
}

/** One narrowed change → an edit of the joined source, or a helper's change, or a problem. */
function place(j: Joined, s: number, e: number, text: string, out: Mapped): { from: number; to: number; text: string } | undefined {
  // Part of what one helper printed (not all of it, not a point at its edge): that helper's change.
  const inside = j.pieces.find((p) => p.start <= s && e <= p.end && !(s === p.start && e === p.end) && !(s === e && (s === p.start || s === p.end)));
  if (inside?.call) {
    const rel = (i: number) => i - inside.start;
    out.touches.push({ unit: inside.unit, call: inside.call, before: inside.text, after: inside.text.slice(0, rel(s)) + text + inside.text.slice(rel(e)) });
    return undefined;
  }
  const span = j.chars.slice(s, e);
  if (span.some((c) => c.kind === "fixed")) {
    out.problems.push(`phần in sẵn (số thứ tự, nhãn) "${j.text.slice(s, e)}" không sửa được trong dữ liệu`);
    return undefined;
  }
  // A helper wholly inside the change: kept where the new words still print it, else removed with them.
  const covered = j.pieces.filter((p) => s <= p.start && p.end <= e && p.end > p.start);
  for (const p of covered) {
    const at = text.indexOf(p.text);
    if (at >= 0 && text.indexOf(p.text, at + 1) < 0) {
      const left = place(j, s, p.start, text.slice(0, at), out);
      const right = place(j, p.end, e, text.slice(at + p.text.length), out);
      // The two sides are disjoint and on either side of the helper: applied right to left by the caller.
      if (left && right) return merge(left, right, j.source);
      return left ?? right;
    }
    if (p.call && p.call.name !== "fn") {
      out.touches.push({ unit: p.unit, call: p.call, before: p.text, after: "" });
      return undefined;
    }
  }
  if (text.includes("{{") || text.includes("}}")) {
    out.problems.push(`"${text}" có dấu {{ hoặc }}: gõ lời gọi hàm trong tệp YAML, không trong Word`);
    return undefined;
  }
  const from = sourceAt(j, s, "start");
  const to = s === e ? from : sourceAt(j, e, "end");
  return { from, to, text: text.replace(/\n/g, UNIT) };
}

/** Two edits with untouched source between them, as one. */
function merge(l: { from: number; to: number; text: string }, r: { from: number; to: number; text: string }, source: string) {
  return { from: l.from, to: r.to, text: l.text + source.slice(l.to, r.from) + r.text };
}

/** The source position of a boundary in the joined text. */
function sourceAt(j: Joined, i: number, side: "start" | "end"): number {
  const at = (c: CharSource | undefined, after: boolean): number | undefined => {
    if (!c) return undefined;
    if (c.kind === "literal" || c.kind === "unit") return c.at + (after ? 1 : 0);
    if (c.kind === "helper") return after ? j.pieces[c.piece].to : j.pieces[c.piece].from;
    return undefined;
  };
  if (side === "start") return at(j.chars[i], false) ?? at(j.chars[i - 1], true) ?? 0;
  return at(j.chars[i - 1], true) ?? at(j.chars[i], false) ?? j.source.length;
}
