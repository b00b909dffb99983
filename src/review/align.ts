/**
 * Which reviewed paragraph is which built one: by source marks first (a paragraph edited beyond
 * recognition still has its bookmark), then by text, with the longest-common-subsequence alignment `diff`
 * uses, so a paragraph whose marks were stripped, moved, split or merged still finds its place. Runs of
 * paragraphs that differ come out as groups: the built paragraphs and the reviewed ones that replace them.
 */
import { align } from "../commands/diff/align.js";
import { placeKey } from "../model/source-marks.js";
import { isSourced, type Built, type BuiltPara, type FixedPara } from "./built.js";
import type { ReviewedPara } from "./reviewed.js";
import { likeness } from "./plan.js";

export interface Group {
  built: BuiltPara[];
  reviewed: ReviewedPara[];
  /** The built paragraph just before the group: where new paragraphs go. */
  after?: BuiltPara;
  /** The marks the reviewed paragraphs hold, by built key: their hash says what the leader saw. */
  seen: Map<string, string>;
}

/** The reviewed paragraphs of the body: from the first that is the report's body to the table after the last. */
export function bodyParagraphs(built: Built, reviewed: readonly ReviewedPara[]): ReviewedPara[] {
  const texts = new Set(built.body.filter(isSourced).map((p) => p.text));
  const isBody = (p: ReviewedPara) => !p.cell && (p.marks.some((m) => built.byKey.has(placeKey(m.place)) && built.byKey.get(placeKey(m.place))!.kind !== "register" && built.byKey.get(placeKey(m.place))!.kind !== "footnote") || texts.has(p.text));
  const first = reviewed.findIndex(isBody);
  if (first < 0) return [];
  let last = first;
  reviewed.forEach((p, i) => {
    if (isBody(p)) last = i;
  });
  let end = last + 1;
  while (end < reviewed.length && !reviewed[end].cell) end++;
  return reviewed.slice(first, end).filter((p) => !p.cell && p.text !== "");
}

export function alignBody(built: Built, reviewed: readonly ReviewedPara[]): Group[] {
  const used = new Set<string>();
  const anchor = reviewed.map((p) => {
    // A mark names a place by position: once the data has moved paragraphs, the place may hold another
    // one. It anchors only where the place still prints what the mark saw, or what the paragraph reads like.
    const m = p.marks.find((x) => {
      const k = placeKey(x.place);
      const b = built.byKey.get(k);
      return b && !used.has(k) && built.body.includes(b) && (b.hash === x.hash || likeness(b.text, p.text) >= 0.5);
    });
    if (!m) return undefined;
    used.add(placeKey(m.place));
    return placeKey(m.place);
  });
  const seen = new Map<string, string>();
  for (const p of reviewed) for (const m of p.marks) seen.set(placeKey(m.place), m.hash);
  const bKey = (b: BuiltPara | FixedPara) => (isSourced(b) && used.has(b.key) ? `k:${b.key}` : `t:${b.text}`);
  const rKeys = reviewed.map((p, i) => (anchor[i] ? `k:${anchor[i]}` : `t:${p.text}`));
  const steps = align(
    built.body.map((b, i) => ({ key: bKey(b), i })),
    reviewed.map((_r, i) => ({ key: rKeys[i], i })),
    (x) => x.key,
  );
  const groups: Group[] = [];
  let open: Group | undefined;
  let after: BuiltPara | undefined;
  const close = () => {
    if (open && (open.built.length || open.reviewed.length)) groups.push(open);
    open = undefined;
  };
  const group = () => (open ??= { built: [], reviewed: [], after, seen });
  for (const s of steps) {
    const b = s.a ? built.body[s.a.i] : undefined;
    const r = s.b ? reviewed[s.b.i] : undefined;
    if (s.op === "=" && b && r && b.text === r.text) {
      close();
      if (isSourced(b)) after = b;
      continue;
    }
    const g = group();
    if (b && isSourced(b)) g.built.push(b);
    if (r) g.reviewed.push(r);
  }
  close();
  return groups;
}
