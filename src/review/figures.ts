/**
 * A change inside what a helper printed, as the data it came from: a figure is its statistic (stored, or
 * derived and then a conflict naming its parts), a citation is its register entry's date or number, a
 * summary is the entry's summary. Never words written into the sentence.
 */
import { readTextNumber } from "../commands/collect/numbers.js";
import type { Report } from "../model/index.js";
import { figureSlots, Statistics } from "../model/statistics.js";
import { change, type Change, type DataPath } from "./changes.js";
import type { HelperTouch } from "./words.js";

interface Stored {
  file: string;
  path: DataPath;
  value: number;
  figurePath: string;
}

type Slot = { stored: Stored } | { derived: string[]; why: string };

/** The number a figure path prints, where it is stored; a reference followed to the figure it names. */
function slotOf(stats: Statistics, figurePath: string, depth = 0): Slot {
  const [id] = figurePath.split(".");
  const entry = stats.byId.get(id);
  if (!entry) return { derived: [], why: `không có số liệu "${id}"` };
  const stat = entry.stat as unknown as Record<string, unknown>;
  const slots = figureSlots(id, stat);
  if (stat.from === "units") return { derived: [], why: `số liệu "${id}" được cộng từ báo cáo của các đơn vị (units/)` };
  // A total or a rate, even one the data states, is the sum or ratio of its parts: the parts are what to change.
  const slot = slots.find((s) => s.figurePath === figurePath && (s.role === "figure" || s.role === "percent"));
  if (slot && typeof slot.value === "number") return { stored: { file: entry.file, path: ["statistics", id, ...slot.dataPath], value: slot.value, figurePath } };
  if (slot && typeof slot.value === "string" && depth < 16) return slotOf(stats, slot.value, depth + 1);
  const parts = slots.filter((s) => s.role === "figure").map((s) => s.figurePath);
  return { derived: parts, why: `"${figurePath}" được tính từ ${parts.join(", ") || "các số liệu khác"}` };
}

const numberIn = (text: string) => text.replace(/%$/, "").trim();

function figureChange(stats: Statistics, figurePath: string, before: string, after: string, decimals: number): Change {
  const slot = slotOf(stats, figurePath);
  const shown = `${figurePath}: ${before} → ${after}`;
  if ("derived" in slot) {
    const entry = stats.byId.get(figurePath.split(".")[0]);
    return change({ kind: "conflict", file: entry?.file ?? "", path: entry ? ["statistics", entry.id] : [], before, after, message: `${shown} — số liệu tính ra, không sửa trực tiếp: ${slot.why}; hãy sửa các thành phần` });
  }
  const read = readTextNumber(numberIn(after), decimals);
  if ("problem" in read) return change({ kind: "conflict", file: slot.stored.file, path: slot.stored.path, before, after, message: `${shown} — ${read.problem}` });
  const s = slot.stored;
  const message = s.figurePath === figurePath ? `${figurePath}: ${s.value} → ${read.value}` : `${figurePath} (${s.figurePath}): ${s.value} → ${read.value}`;
  return change({ kind: "figure", file: s.file, path: s.path, before: String(s.value), after: String(read.value), message, needs: "figures", ops: [{ file: s.file, kind: "set", path: s.path, value: read.value }] });
}

/** Where a register entry is in documents.yaml. */
function entryPath(report: Report, id: string): { path: DataPath; doc: { number: string; date?: string; summary: string } } | undefined {
  for (const [g, group] of report.register.groups.entries())
    for (const [t, type] of group.types.entries())
      for (const [d, doc] of type.documents.entries()) if (doc.id === id) return { path: ["groups", g, "types", t, "documents", d], doc };
  return undefined;
}

const DATE = /ngày (\d{1,2})\/(\d{1,2})\/(\d{4})/;
const NUMBER = /số ([^\s,]+)/i;

function registerChanges(report: Report, t: HelperTouch): Change[] {
  const id = String(t.call.args[0] ?? "");
  const found = entryPath(report, id);
  const file = report.registerFile;
  if (!found) return [change({ kind: "conflict", file, path: [], before: t.before, after: t.after, message: `không có văn bản "${id}" trong sổ văn bản` })];
  const out: Change[] = [];
  if (t.call.name === "docsummary") {
    const first = found.doc.summary[0] ?? "";
    const summary = t.call.hash.lower !== false && first !== first.toLowerCase() ? t.after.charAt(0).toUpperCase() + t.after.slice(1) : t.after;
    const path = [...found.path, "summary"];
    return [change({ kind: "register", file, path, before: found.doc.summary, after: summary, message: `${id}.summary: ${found.doc.summary} → ${summary}`, needs: "register", ops: [{ file, kind: "set", path, value: summary }] })];
  }
  const [bd, ad] = [DATE.exec(t.before), DATE.exec(t.after)];
  if (bd && ad && bd[0] !== ad[0]) {
    const iso = `${ad[3]}-${ad[2].padStart(2, "0")}-${ad[1].padStart(2, "0")}`;
    const path = [...found.path, "date"];
    out.push(change({ kind: "register", file, path, before: found.doc.date ?? "", after: iso, message: `${id}.date: ${found.doc.date ?? "—"} → ${iso}`, needs: "register", ops: [{ file, kind: "set", path, value: iso }] }));
  }
  const [bn, an] = [NUMBER.exec(t.before), NUMBER.exec(t.after)];
  if (bn && an && bn[1] !== an[1]) {
    const path = [...found.path, "number"];
    out.push(change({ kind: "register", file, path, before: found.doc.number, after: an[1], message: `${id}.number: ${found.doc.number} → ${an[1]}`, needs: "register", ops: [{ file, kind: "set", path, value: an[1] }] }));
  }
  const rest = (s: string) => s.replace(DATE, "").replace(NUMBER, "");
  if (!out.length || rest(t.before) !== rest(t.after))
    out.push(change({ kind: "conflict", file, path: found.path, before: t.before, after: t.after, message: `trích dẫn {{${t.call.name} "${id}"}} "${t.before}" → "${t.after}": chỉ ngày và số văn bản sửa được qua trích dẫn; sửa phần khác trong ${file}` }));
  return out;
}

export function touchChanges(report: Report, stats: Statistics, t: HelperTouch): Change[] {
  const name = t.call.name;
  const fid = String(t.call.args[0] ?? "");
  if (t.call.hash.period !== undefined)
    return [change({ kind: "conflict", file: t.unit.file, path: t.unit.path, before: t.before, after: t.after, message: `${fid}@${String(t.call.hash.period)}: ${t.before} → ${t.after} — số liệu của kỳ khác; sửa trong dữ liệu kỳ đó` })];
  if (name === "n") return [figureChange(stats, fid, t.before, t.after, stats.decimals(fid))];
  if (name === "ratio") {
    const [bp, bw] = t.before.split("/");
    const [ap, aw] = t.after.split("/");
    if (aw === undefined) return [change({ kind: "conflict", file: t.unit.file, path: t.unit.path, before: t.before, after: t.after, message: `${fid}: "${t.before}" → "${t.after}" không còn dạng phần/tổng` })];
    const out: Change[] = [];
    if (bp !== ap) out.push(figureChange(stats, `${fid}.part`, bp, ap, stats.decimals(`${fid}.part`)));
    if (bw !== aw) out.push(figureChange(stats, `${fid}.whole`, bw, aw, stats.decimals(`${fid}.whole`)));
    return out;
  }
  if (name === "pct") {
    const stat = stats.byId.get(fid)?.stat as { kind?: string; decimals?: number } | undefined;
    const path = stat?.kind === "ratio" ? `${fid}.rate` : fid;
    return [figureChange(stats, path, t.before, t.after, stat?.decimals ?? 1)];
  }
  if (name === "doc" || name === "docsummary") return registerChanges(report, t);
  return [change({ kind: "conflict", file: t.unit.file, path: t.unit.path, before: t.before, after: t.after, message: `{{${name}}} in "${t.before}", sửa thành "${t.after}": không sửa được từ Word` })];
}
