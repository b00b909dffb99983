/**
 * A year diff as text for the terminal, JSON for tools, or Markdown an editor pastes into a memo. All
 * three list the same changes in the same order: identity, sections, figures, footnotes, register, other.
 */
import { signed, type FieldChange, type FigureChange, type SentenceChange, type WordOp, type YearDiff } from "../commands/diff.js";
import { escapeInline } from "../render/escape.js";

/** A memo's Markdown is read, not parsed again by danvan: escape only what would change its look. */
const escapeMemo = (text: string) => escapeInline(text.replace(/\r?\n/g, " ")).replace(/\\([:{}=+$^!&"])/g, "$1");

/** `from`: what the earlier side is called (`năm 2021`). */
type Style = { md: boolean; from: string };

const BLOCK: Record<SentenceChange["block"], string> = {
  heading: "tiêu đề",
  paragraph: "đoạn",
  bullet: "gạch đầu dòng",
  numbered: "mục đánh số",
  subheading: "tiêu đề nhỏ",
  indicator: "dòng chỉ tiêu",
};

function words(ops: readonly WordOp[], s: Style): string {
  return ops
    .map((o) => {
      const t = s.md ? escapeMemo(o.text) : o.text;
      if (o.op === "=") return t;
      if (s.md) return o.op === "-" ? `~~${t}~~` : `**${t}**`;
      return o.op === "-" ? `[-${t}-]` : `{+${t}+}`;
    })
    .join(" ");
}

const e = (t: string, s: Style) => (s.md ? escapeMemo(t) : t);

function field(f: FieldChange, s: Style): string {
  if (f.old === null) return `${f.label}: + ${e(f.new!, s)}`;
  if (f.new === null) return `${f.label}: − ${e(f.old, s)}`;
  return `${f.label}: ${words(f.words!, s)}`;
}

function sentence(c: SentenceChange, s: Style): string {
  const where = `(${BLOCK[c.block]}) `;
  if (c.kind === "added") return `+ ${where}${e(c.new!, s)}`;
  if (c.kind === "removed") return `− ${where}${e(c.old!, s)}`;
  return `~ ${where}${words(c.words!, s)}`;
}

function figureChange(f: FigureChange): string {
  if (f.delta === undefined) return "";
  // A rate's change is in percentage points; a count's also relative to the old count.
  const points = /%$/.test(f.new);
  const decimals = (x: number) => (Number.isInteger(x) ? 0 : Math.min(2, String(x).split(".")[1]?.length ?? 0));
  const delta = `${signed(f.delta, decimals(f.delta))}${points ? " điểm %" : ""}`;
  return f.relative === undefined ? ` (${delta})` : ` (${delta}; ${signed(f.relative, 1)}%)`;
}

/** The changes as lines under headings; `indent` nests the details of one change. */
function lines(d: YearDiff, s: Style): Array<{ heading?: string; line?: string; detail?: string }> {
  const out: Array<{ heading?: string; line?: string; detail?: string }> = [];
  if (d.identity.length) {
    out.push({ heading: "Thông tin văn bản" });
    for (const f of d.identity) out.push({ line: field(f, s) });
  }
  const sec = d.sections;
  if (sec.added.length || sec.removed.length || sec.moved.length || sec.changed.length) {
    out.push({ heading: "Mục" });
    for (const x of sec.added) out.push({ line: `+ thêm mục ${e(x.heading || x.section, s)}` });
    for (const x of sec.removed) out.push({ line: `− bỏ mục ${e(x.heading || x.section, s)}` });
    for (const x of sec.moved) out.push({ line: `↕ chuyển chỗ mục ${e(x.heading || x.section, s)}` });
    for (const c of sec.changed) {
      out.push({ line: `${e(c.heading || c.section, s)}: ${c.sentences.length} thay đổi` });
      for (const x of c.sentences) out.push({ detail: sentence(x, s) });
    }
  }
  if (d.figures.length) {
    out.push({ heading: "Số liệu" });
    for (const f of d.figures) {
      out.push({ line: `${e(f.label, s)}: ${e(f.old, s)} → ${e(f.new, s)}${figureChange(f)}` });
      out.push({ detail: `${e(f.where, s)}: “${e(f.context, s)}”` });
    }
  }
  if (d.footnotes.length) {
    out.push({ heading: "Chú thích" });
    for (const f of d.footnotes) {
      // A removed footnote's number is the one it had in year A.
      const number = f.number === undefined ? "(không được dẫn)" : f.kind === "removed" ? `${f.number} của ${s.from}` : String(f.number);
      const name = `chú thích ${number} (${e(f.id, s)})`;
      if (f.kind === "renamed") out.push({ line: `~ ${name}: đổi mã từ ${e(f.from!, s)}, nội dung giữ nguyên` });
      else if (f.kind === "added") out.push({ line: `+ ${name}: ${e(f.new!, s)}` });
      else if (f.kind === "removed") out.push({ line: `− ${name}: ${e(f.old!, s)}` });
      else out.push({ line: `~ ${name}: ${f.words ? words(f.words, s) : e(f.new ?? f.old ?? "", s)}` });
    }
  }
  if (d.register.length) {
    out.push({ heading: "Danh mục văn bản" });
    for (const r of d.register) {
      if (r.kind === "added") out.push({ line: `+ ${e(r.new!, s)}` });
      else if (r.kind === "removed") out.push({ line: `− ${e(r.old!, s)}` });
      else if (r.kind === "moved") out.push({ line: `↕ ${e(r.number, s)} (${e(r.where!, s)}): chuyển chỗ, ${e(r.old!, s)} → ${e(r.new!, s)}` });
      else {
        out.push({ line: `~ ${e(r.number, s)}` });
        for (const f of r.fields!) out.push({ detail: field(f, s) });
      }
    }
  }
  if (d.other.length) {
    out.push({ heading: "Khác (dòng in ra khác nhau)" });
    for (const o of d.other) {
      if (o.old !== undefined) out.push({ line: `− ${e(o.old, s)}` });
      if (o.new !== undefined) out.push({ line: `+ ${e(o.new, s)}` });
    }
  }
  return out;
}

/** What the two sides are called: `năm 2021`, `6 tháng đầu năm 2022` (the CLI names them from their periods). */
export interface DiffNames {
  from: string;
  to: string;
}

const yearNames = (d: YearDiff): DiffNames => ({ from: `năm ${d.from}`, to: `năm ${d.to}` });

const capital = (s: string) => s[0].toLocaleUpperCase("vi") + s.slice(1);

/** Which side is a draft, so a "…" reads as a blank still to fill, not as a change. */
function draftNote(d: YearDiff, n: DiffNames): string {
  const named = d.drafts.map((y) => (y === d.to ? n.to : n.from));
  return named.length ? ` (${[...new Set(named)].join(" và ")} là bản nháp: chỗ còn trống in là […])` : "";
}

export function diffText(d: YearDiff, n: DiffNames = yearNames(d)): string {
  if (d.identical) return `${capital(n.from)} và ${n.to} giống nhau.${draftNote(d, n)}`;
  const out: string[] = [`So sánh ${n.from} → ${n.to}${draftNote(d, n)}`];
  for (const l of lines(d, { md: false, from: n.from })) {
    if (l.heading) out.push("", `${l.heading}:`);
    else if (l.line !== undefined) out.push(`  ${l.line}`);
    else out.push(`      ${l.detail}`);
  }
  return out.join("\n");
}

export function diffJson(d: YearDiff): string {
  return JSON.stringify({ version: 3, ...d }, null, 2);
}

export function diffMarkdown(d: YearDiff, n: DiffNames = yearNames(d)): string {
  if (d.identical) return `${capital(n.from)} và ${n.to} giống nhau.${draftNote(d, n)}`;
  const out: string[] = [`## So sánh ${n.from} và ${n.to}`];
  if (d.drafts.length) out.push("", draftNote(d, n).trim());
  for (const l of lines(d, { md: true, from: n.from })) {
    if (l.heading) out.push("", `### ${l.heading}`, "");
    // "- + …" would open a nested list: the sign is escaped.
    else if (l.line !== undefined) out.push(`- ${l.line.replace(/^\+ /, "\\+ ")}`);
    else out.push(`  - ${l.detail!.replace(/^\+ /, "\\+ ")}`);
  }
  return out.join("\n");
}
