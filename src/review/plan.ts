/**
 * Aligned groups → changes to the data: a group's paragraphs by container (a heading, the blocks of one
 * section, the items of one list), each container's new text mapped into its source strings (words.ts);
 * strings added where paragraphs were split or inserted, removed where they were merged or deleted.
 * A paragraph the leader changed whose data has changed since the DOCX was built is a conflict.
 */
import { textHash } from "../model/source-marks.js";
import { NOTE, type BuiltPara } from "./built.js";
import type { Group } from "./align.js";
import { change, type Change, type DataPath, type Op } from "./changes.js";
import type { ReviewedPara } from "./reviewed.js";
import { mapEdits, type HelperTouch } from "./words.js";

export interface PlanContext {
  /** The data's digest is the DOCX's: nothing changed since it was built. */
  sameData: boolean;
  /** The first section's file, where a paragraph before every other goes. */
  firstFile: string;
  touches: HelperTouch[];
}

/** What a list item's paragraph starts with: a dash, or its number or letter (`2.`, `b)`). */
const ITEM_LABEL = /^(?:-|[0-9]{1,3}[.)]|\p{L}\))\s+/u;

type Container = { key: string; units: BuiltPara[]; reviewed: ReviewedPara[] };

const containerOf = (b: BuiltPara) => (b.kind === "heading" ? `h:${b.file}` : b.kind === "item" ? `l:${b.file}:${b.path[1]}` : `b:${b.file}`);

function words(t: string): Set<string> {
  return new Set(t.toLowerCase().split(/\s+/).filter(Boolean));
}

export function likeness(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.max(1, Math.max(wa.size, wb.size));
}

/** The text of a reviewed paragraph as its mark's hash was taken: without the built prefix and footnote references. */
export function reviewedHash(text: string, prefix: string): string {
  const own = prefix && text.startsWith(prefix.trim()) ? text.slice(prefix.trim().length) : text;
  return textHash(own.replaceAll(NOTE, ""));
}

export function planGroup(g: Group, ctx: PlanContext): Change[] {
  if (!g.built.length) return insertion(g, ctx);
  const containers: Container[] = [];
  for (const b of g.built) {
    const key = containerOf(b);
    const last = containers[containers.length - 1];
    if (last?.key === key) last.units.push(b);
    else containers.push({ key, units: [b], reviewed: [] });
  }
  let at = 0;
  for (const r of g.reviewed) {
    const marked = containers.findIndex((c) => c.units.some((u) => r.marks.some((m) => m.hash && u.place && keyOf(m.place) === u.key)));
    if (marked >= 0) at = marked;
    else {
      // Unmarked: the container at or after the last one whose text it is most like.
      let best = at;
      let score = -1;
      for (let i = at; i < containers.length; i++) {
        const s = Math.max(...containers[i].units.map((u) => likeness(u.text, r.text)));
        if (s > score + 0.05) (best = i), (score = s);
      }
      if (r === g.reviewed[0] || score > 0.3) at = best;
    }
    containers[at].reviewed.push(r);
  }
  return containers.flatMap((c) => planContainer(c, g, ctx));
}

import { placeKey as keyOf } from "../model/source-marks.js";

function planContainer(c: Container, g: Group, ctx: PlanContext): Change[] {
  const first = c.units[0];
  // Unedited: each paragraph still reads as its mark says it did, whatever the data says now.
  if (c.units.length === c.reviewed.length && c.units.every((u, i) => g.seen.get(u.key) !== undefined && reviewedHash(c.reviewed[i].text, u.prefix) === g.seen.get(u.key))) return [];
  const stale = c.units.filter((u) => !ctx.sameData && g.seen.get(u.key) !== u.hash);
  if (stale.length) {
    return [
      change({
        kind: "conflict",
        file: first.file,
        path: first.path,
        before: c.units.map((u) => u.source).join("\n"),
        after: c.reviewed.map((r) => r.text).join("\n"),
        message: `đoạn này đã đổi trong dữ liệu từ khi xuất DOCX (${stale.map((u) => u.path.join(".")).join(", ")}); góp ý không được áp dụng, hãy sửa tay`,
      }),
    ];
  }
  if (!c.reviewed.length) return deletion(c);
  // A list's items are compared without their "- " or "2. ": a paragraph split off an item, or typed after
  // it, carries its own, and each string of the data is an item's text alone.
  const items = first.kind === "item";
  const units = items ? c.units.map((u) => ({ ...u, prefix: "", text: u.text.slice(u.prefix.trimEnd().length).trim() })) : c.units;
  const mapped = mapEdits(units, c.reviewed.map((r) => (items ? r.text.replace(ITEM_LABEL, "") : r.text)));
  ctx.touches.push(...mapped.touches);
  const out: Change[] = mapped.problems.map((p) => change({ kind: "conflict", file: first.file, path: first.path, before: first.source, after: c.reviewed[0].text, message: p }));
  if (!mapped.changed) return out;
  const sources = mapped.sources;
  if (first.kind === "heading") {
    if (sources.length !== 1) return [...out, change({ kind: "conflict", file: first.file, path: first.path, before: first.source, after: sources.join(" / "), message: "tiêu đề mục bị tách hoặc gộp với đoạn khác: hãy sửa tay" })];
    return [...out, textChange(first, sources[0])];
  }
  if (sources.length === c.units.length) return [...out, ...c.units.flatMap((u, i) => (u.source === sources[i] ? [] : [textChange(u, sources[i])]))];
  // Split or merged: the run of strings replaced by the new ones, in place.
  const seq = seqOf(first);
  const value = (s: string, i: number) => (first.kind === "subheading" && i === 0 ? { subheading: s } : s);
  const op: Op = { file: first.file, kind: "splice", path: seq.path, index: seq.index, remove: c.units.length, insert: sources.map(value) };
  return [...out, change({ kind: sources.length > c.units.length ? "insert" : "delete", file: first.file, path: first.path, before: c.units.map((u) => u.source).join("\n"), after: sources.join("\n"), ops: [op] })];
}

function textChange(u: BuiltPara, after: string): Change {
  return change({ kind: "text", file: u.file, path: u.path, before: u.source, after, ops: [{ file: u.file, kind: "set", path: u.path, value: u.kind === "subheading" ? after : after }] });
}

/** The sequence a built string stands in and its index there: the section's body, or a list's items. */
function seqOf(u: BuiltPara): { path: DataPath; index: number } {
  if (u.kind === "item") return { path: u.path.slice(0, 3), index: u.path[3] as number };
  return { path: ["body"], index: u.path[1] as number };
}

function deletion(c: Container): Change[] {
  const first = c.units[0];
  if (first.kind === "heading") return [change({ kind: "conflict", file: first.file, path: first.path, before: first.source, after: "", message: "tiêu đề mục bị xóa: xóa mục (tệp của nó) bằng tay nếu đúng ý" })];
  const seq = seqOf(first);
  return [change({ kind: "delete", file: first.file, path: first.path, before: c.units.map((u) => u.source).join("\n"), after: "", ops: [{ file: first.file, kind: "splice", path: seq.path, index: seq.index, remove: c.units.length, insert: [] }] })];
}

function insertion(g: Group, ctx: PlanContext): Change[] {
  const texts = g.reviewed.map((r) => r.text.replaceAll(NOTE, "").trim()).filter(Boolean);
  const after = g.after;
  const file = after?.file ?? ctx.firstFile;
  if (texts.some((t) => t.includes("{{") || t.includes("}}")))
    return [change({ kind: "conflict", file, path: after?.path ?? ["body"], before: "", after: texts.join("\n"), message: "đoạn mới có dấu {{ hoặc }}: gõ lời gọi hàm trong tệp YAML, không trong Word" })];
  let path: DataPath = ["body"];
  let index = 0;
  let values: string[] = texts;
  if (after?.kind === "item" && texts.every((t) => t.startsWith(after.prefix.trim() === "-" ? "- " : "\u0000"))) {
    path = after.path.slice(0, 3);
    index = (after.path[3] as number) + 1;
    values = texts.map((t) => t.slice(2).trim());
  } else if (after && after.kind !== "heading") index = (after.path[1] as number) + 1;
  return [change({ kind: "insert", file, path: [...path, index], before: "", after: values.join("\n"), ops: [{ file, kind: "splice", path, index, remove: 0, insert: values }] })];
}
