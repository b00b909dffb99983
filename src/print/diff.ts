/** A year diff as text for the terminal, JSON for tools, or Markdown tables an editor pastes into a memo. */
import type { FigureChange, SentenceChange, WordOp, YearDiff } from "../commands/diff.js";
import { escapeMarkdown } from "../render/escape.js";

/** A memo's Markdown is read, not parsed again by danvan: escape only what would change its look. */
const escapeMemo = (text: string) => escapeMarkdown(text).replace(/\\([:{}=+$^!&"])/g, "$1");
import { formatNumber } from "../text/format.js";

const num = (v: number | null) => (v === null ? "(trống)" : formatNumber(v, Number.isInteger(v) ? 0 : 2));
const signed = (v: number, decimals = 0) => `${v > 0 ? "+" : v < 0 ? "−" : "±"}${formatNumber(Math.abs(v), decimals)}`;

function change(f: FigureChange): string {
  if (f.delta === undefined) return "";
  return f.relative === undefined ? signed(f.delta) : `${signed(f.delta)}; ${signed(f.relative, 1)}%`;
}

function words(ops: readonly WordOp[], md: boolean): string {
  return ops
    .map((o) => {
      const t = md ? escapeMemo(o.text) : o.text;
      if (o.op === "=") return t;
      if (md) return o.op === "-" ? `~~${t}~~` : `**${t}**`;
      return o.op === "-" ? `[-${t}-]` : `{+${t}+}`;
    })
    .join(" ");
}

function sentence(s: SentenceChange, md: boolean): string {
  const e = (t: string) => (md ? escapeMemo(t) : t);
  if (s.kind === "added") return `+ ${e(s.new!)}`;
  if (s.kind === "removed") return `- ${e(s.old!)}`;
  return `~ ${words(s.words!, md)}`;
}

export function diffText(d: YearDiff): string {
  if (d.identical) return `Năm ${d.from} và năm ${d.to} giống nhau.`;
  const out: string[] = [`So sánh năm ${d.from} → năm ${d.to}`];
  if (d.sections.added.length || d.sections.removed.length || d.sections.changed.length) {
    out.push("", "Mục:");
    for (const s of d.sections.added) out.push(`  + thêm mục ${s}`);
    for (const s of d.sections.removed) out.push(`  - bỏ mục ${s}`);
    for (const c of d.sections.changed) {
      out.push(`  ~ ${c.section}: ${c.sentences.length} câu thay đổi`);
      for (const s of c.sentences) out.push(`      ${sentence(s, false)}`);
    }
  }
  if (d.figures.length) {
    out.push("", "Số liệu:");
    for (const f of d.figures) out.push(`  ${f.path}: ${num(f.old)} → ${num(f.new)}${f.delta === undefined ? "" : ` (${change(f)})`}`);
  }
  if (d.register.added.length || d.register.removed.length) {
    out.push("", "Danh mục văn bản:");
    for (const r of d.register.added) out.push(`  + ${r}`);
    for (const r of d.register.removed) out.push(`  - ${r}`);
  }
  if (d.footnotes.added.length || d.footnotes.removed.length) {
    out.push("", "Chú thích:");
    for (const f of d.footnotes.added) out.push(`  + ${f}`);
    for (const f of d.footnotes.removed) out.push(`  - ${f}`);
  }
  return out.join("\n");
}

export function diffJson(d: YearDiff): string {
  return JSON.stringify({ version: 1, ...d }, null, 2);
}

export function diffMarkdown(d: YearDiff): string {
  const e = escapeMemo;
  if (d.identical) return `Năm ${d.from} và năm ${d.to} giống nhau.`;
  const out: string[] = [`## So sánh năm ${d.from} và năm ${d.to}`];
  if (d.figures.length) {
    out.push("", "### Số liệu", "", `| Số liệu | Năm ${d.from} | Năm ${d.to} | Thay đổi | Tỷ lệ |`, "| --- | ---: | ---: | ---: | ---: |");
    for (const f of d.figures) {
      out.push(`| ${e(f.path)} | ${num(f.old)} | ${num(f.new)} | ${f.delta === undefined ? "" : signed(f.delta)} | ${f.relative === undefined ? "" : `${signed(f.relative, 1)}%`} |`);
    }
  }
  if (d.sections.added.length || d.sections.removed.length || d.sections.changed.length) {
    out.push("", "### Mục");
    for (const s of d.sections.added) out.push("", `- Thêm mục ${e(s)}`);
    for (const s of d.sections.removed) out.push("", `- Bỏ mục ${e(s)}`);
    for (const c of d.sections.changed) {
      out.push("", `#### ${e(c.section)}`, "");
      for (const s of c.sentences) out.push(`- ${sentence(s, true)}`);
    }
  }
  if (d.register.added.length || d.register.removed.length) {
    out.push("", "### Danh mục văn bản", "", "| Thay đổi | Văn bản |", "| --- | --- |");
    for (const r of d.register.added) out.push(`| thêm | ${e(r)} |`);
    for (const r of d.register.removed) out.push(`| bỏ | ${e(r)} |`);
  }
  if (d.footnotes.added.length || d.footnotes.removed.length) {
    out.push("", "### Chú thích", "");
    for (const f of d.footnotes.added) out.push(`- thêm ${e(f)}`);
    for (const f of d.footnotes.removed) out.push(`- bỏ ${e(f)}`);
  }
  return out.join("\n");
}
