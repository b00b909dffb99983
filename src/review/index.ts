/**
 * `danvan review <docx> <period>`: a leader's edits in Word back into the data. The reviewed file is read
 * (reviewed.ts), the report built as the data stands (built.ts), the two aligned (align.ts) and each change
 * mapped to the data (plan.ts, words.ts, figures.ts); with --apply the changes are written through fmt's
 * verified layout, atomically (apply.ts). Figures and register entries change only with their flags.
 */
import { hasErrors, UsageError, type Diagnostic } from "../diagnostics.js";
import { checkYear, locator, requireYear, sourceStamp } from "../pipeline.js";
import { placeKey } from "../model/source-marks.js";
import { Statistics } from "../model/statistics.js";
import { alignBody, bodyParagraphs } from "./align.js";
import { applyOps } from "./apply.js";
import { builtReport, isSourced, type Built, type BuiltPara } from "./built.js";
import { change, type Change } from "./changes.js";
import { touchChanges } from "./figures.js";
import { planGroup, reviewedHash, type PlanContext } from "./plan.js";
import { readReviewed, type ReviewedPara } from "./reviewed.js";
import { mapEdits } from "./words.js";

export const REVIEW_JSON_VERSION = 1;

export interface ReviewOptions {
  dataRoot: string;
  docx: string;
  period: string;
  apply?: boolean;
  figures?: boolean;
  register?: boolean;
  rejectTracked?: boolean;
}

export interface ReviewComment {
  author: string;
  date?: string;
  text: string;
  quote: string;
  done: boolean;
  /** The data string the comment is anchored in, when found. */
  file?: string;
  line?: number;
}

export interface ReviewResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  period: string;
  docx: string;
  /** The data changed since the DOCX was built (its digest differs). */
  dataChanged: boolean;
  /** The DOCX has no source marks (pasted into a new document): aligned by text alone. */
  unmarked: boolean;
  tracked: "accepted" | "rejected" | "none";
  changes: Array<Change & { applied: boolean }>;
  comments: ReviewComment[];
  written: string[];
}

export function reviewDocx(options: ReviewOptions): ReviewResult {
  const folder = requireYear(options.dataRoot, options.period);
  const checked = checkYear(options.dataRoot, folder);
  const base = { period: folder.dir, docx: options.docx, dataChanged: false, unmarked: false, tracked: "none" as const, changes: [], comments: [], written: [] };
  if (!checked.report || hasErrors(checked.diagnostics)) return { ...base, ok: false, diagnostics: checked.diagnostics.filter((d) => d.severity === "error") };
  const report = checked.report;
  const reviewed = readReviewed(options.docx, options.rejectTracked ? "reject" : "accept");
  const locate = locator(checked.files);
  const built = builtReport(report, locate, checked.others);
  const stamp = sourceStamp(options.dataRoot, folder, checked.files, report);

  if (reviewed.stamp) {
    if (reviewed.stamp.period !== stamp.period)
      throw new UsageError(`"${options.docx}" là báo cáo của kỳ ${reviewed.stamp.period}, không phải kỳ ${stamp.period}; hãy chạy: danvan review ${options.docx} ${reviewed.stamp.period}`, "DV701");
    if (reviewed.stamp.number !== stamp.number)
      throw new UsageError(`"${options.docx}" là báo cáo số ${reviewed.stamp.number}, còn dữ liệu kỳ ${stamp.period} là báo cáo số ${stamp.number}: không phải cùng một báo cáo`, "DV702");
  } else if (!looksLike(built, reviewed.body)) {
    throw new UsageError(`"${options.docx}" không phải báo cáo danvan dựng ra (không có dấu nguồn, nội dung không khớp kỳ ${stamp.period}); để đưa một báo cáo Word vào dữ liệu, dùng: danvan import ${options.docx} <kỳ>`, "DV703");
  }
  const sameData = reviewed.stamp ? reviewed.stamp.digest === stamp.digest : true;
  const ctx: PlanContext = { sameData, firstFile: report.sections[0]?.file ?? "", touches: [] };

  const changes: Change[] = [];
  for (const g of alignBody(built, bodyParagraphs(built, reviewed.body))) changes.push(...planGroup(g, ctx));
  changes.push(...pairs(built.footnotes, reviewed.notes, ctx), ...pairs(built.register, reviewed.body.filter((p) => p.cell), ctx, true));
  const stats = new Statistics(report);
  for (const t of ctx.touches) {
    const stale = !sameData && t.unit.hash !== (reviewed.body.concat(reviewed.notes).flatMap((p) => p.marks).find((m) => placeKey(m.place) === t.unit.key)?.hash ?? "");
    if (stale) changes.push(change({ kind: "conflict", file: t.unit.file, path: t.unit.path, before: t.before, after: t.after, message: `"${t.before}" → "${t.after}": đoạn này đã đổi trong dữ liệu từ khi xuất DOCX; hãy sửa tay` }));
    else changes.push(...touchChanges(report, stats, t));
  }

  const applies = (c: Change) => c.kind !== "conflict" && (c.needs === undefined || (c.needs === "figures" ? Boolean(options.figures) : Boolean(options.register)));
  const listed = changes.map((c) => ({ ...c, line: lineOf(locate, c), applied: Boolean(options.apply) && applies(c) }));
  const ops = listed.filter((c) => applies(c)).flatMap((c) => c.ops);
  const written = options.apply && ops.length ? applyOps(options.dataRoot, checked.files, ops) : [];
  return {
    ...base,
    ok: listed.every((c) => applies(c)),
    diagnostics: [],
    dataChanged: !sameData,
    unmarked: !reviewed.stamp,
    tracked: reviewed.tracked ? (options.rejectTracked ? "rejected" : "accepted") : "none",
    changes: listed,
    comments: commentsOf(reviewed, built, locate),
    written,
  };
}

/** Without marks, a DOCX is this report if most of its body paragraphs are found in the built report. */
function looksLike(built: Built, paras: readonly ReviewedPara[]): boolean {
  const texts = new Set(paras.map((p) => p.text));
  const body = built.body.filter(isSourced);
  return body.length > 0 && body.filter((b) => texts.has(b.text)).length * 2 >= body.length;
}

/** Footnotes and register rows: one paragraph each, matched by mark, else by text. */
function pairs(units: readonly BuiltPara[], paras: readonly ReviewedPara[], ctx: PlanContext, marksOnly = false): Change[] {
  const out: Change[] = [];
  const taken = new Set<ReviewedPara>();
  const byMark = new Map<string, ReviewedPara>();
  for (const p of paras) for (const m of p.marks) if (!byMark.has(placeKey(m.place))) byMark.set(placeKey(m.place), p);
  for (const u of units) {
    let r = byMark.get(u.key);
    if (!r && !marksOnly) r = paras.find((p) => !taken.has(p) && p.text === u.text) ?? paras.find((p) => !taken.has(p) && p.marks.length === 0 && similar(p.text, u.text));
    if (!r) continue;
    taken.add(r);
    if (r.text === u.text) continue;
    const seen = r.marks.find((m) => placeKey(m.place) === u.key)?.hash;
    if (seen !== undefined && reviewedHash(r.text, u.prefix) === seen) continue;
    if (!ctx.sameData && seen !== u.hash) {
      out.push(change({ kind: "conflict", file: u.file, path: u.path, before: u.source, after: r.text, message: "đoạn này đã đổi trong dữ liệu từ khi xuất DOCX; góp ý không được áp dụng, hãy sửa tay" }));
      continue;
    }
    const mapped = mapEdits([u], [r.text]);
    ctx.touches.push(...mapped.touches);
    for (const p of mapped.problems) out.push(change({ kind: "conflict", file: u.file, path: u.path, before: u.source, after: r.text, message: p }));
    if (!mapped.changed) continue;
    const after = mapped.sources.join(" ");
    const kind = u.kind === "register" ? "register" : "text";
    out.push(change({ kind, file: u.file, path: u.path, before: u.source, after, ...(kind === "register" ? { needs: "register" as const, message: `${u.path.join(".")}: ${u.source} → ${after}` } : {}), ops: [{ file: u.file, kind: "set", path: u.path, value: after }] }));
  }
  return out;
}

function similar(a: string, b: string): boolean {
  const wa = a.toLowerCase().split(/\s+/);
  const wb = new Set(b.toLowerCase().split(/\s+/));
  return wa.filter((w) => wb.has(w)).length * 2 >= Math.max(wa.length, wb.size);
}

function commentsOf(reviewed: ReturnType<typeof readReviewed>, built: Built, locate: ReturnType<typeof locator>): ReviewComment[] {
  const units = [...built.body.filter(isSourced), ...built.footnotes, ...built.register];
  return reviewed.model.comments.map((c) => {
    const para = [...reviewed.body, ...reviewed.notes].find((p) => p.comments.some((x) => x.id === c.id));
    const unit = para && (units.find((u) => para.marks.some((m) => placeKey(m.place) === u.key)) ?? units.find((u) => u.text === para.text) ?? units.find((u) => similar(u.text, para.text)));
    const at = unit ? unit.source.indexOf(c.quote) : -1;
    const pos = unit ? locate(unit.file, unit.path) : undefined;
    const line = unit && at >= 0 ? locatedLine(locate, unit, at) : pos?.line;
    return { author: c.author ?? "", date: c.date, text: c.text, quote: c.quote, done: Boolean(c.done), file: unit?.file, line };
  });
}

function locatedLine(locate: ReturnType<typeof locator>, unit: BuiltPara, offset: number): number {
  return locate(unit.file, unit.path, offset).line;
}

/** A text change is shown at the line of its first changed character in the folded string. */
function lineOf(locate: ReturnType<typeof locator>, c: Change): number {
  if (c.kind !== "text" || c.path[c.path.length - 1] === "heading") return locate(c.file, c.path).line;
  let i = 0;
  while (i < c.before.length && i < c.after.length && c.before[i] === c.after[i]) i++;
  return locate(c.file, c.path, i).line;
}
