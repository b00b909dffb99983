/**
 * A year as its report prints it, in the pieces `danvan diff` compares: identity lines, headings, the
 * sentences of every block, footnote texts by id, register rows. Built from the same check and render as
 * `build-report`, with every figure the prose prints wrapped in markers, so a figure can be compared apart
 * from the sentence around it.
 */
import type { Diagnostic } from "../../diagnostics.js";
import { formatLongDate } from "../../text/format.js";
import { splitSentences } from "../fmt.js";
import type { Report } from "../../model/index.js";
import { DRAFT_CODES, draftReport } from "../../check/draft.js";
import { checkYear, documentTree, hasErrors, locator } from "../../pipeline.js";
import { citation, printedAppendix, registerDate } from "../../model/register.js";
import type { Root } from "../../parse/tree-walk.js";
import type { PeriodFolder } from "../../load/periods.js";

/** One figure as printed: the helper that printed it, its id, and the text the reader sees. */
export interface PrintedFigure {
  helper: "n" | "ratio" | "pct";
  id: string;
  printed: string;
}

/** A sentence as the reader sees it, and the same sentence with each figure replaced by one placeholder. */
export interface PrintedSentence {
  /** `indicator`: a row of an indicator table, its cells joined by " | ". */
  block: "paragraph" | "bullet" | "numbered" | "subheading" | "indicator";
  text: string;
  masked: string;
  figures: PrintedFigure[];
}

export interface PrintedField {
  field: string;
  label: string;
  value: string;
}

export interface PrintedSection {
  key: string;
  heading: string;
  sentences: PrintedSentence[];
}

export interface PrintedRow {
  key: string;
  group: string;
  type: string;
  /** Its number within its type, as the appendix's TT column prints it. */
  tt: number;
  number: string;
  date: string;
  summary: string;
  /** The entry's note, printed in its column or after the summary: "" without one. */
  note: string;
}

export interface PrintedYear {
  year: string;
  /** A draft with blanks, printed as `build-report --draft` prints it. */
  draft: boolean;
  report: Report;
  /** The rendered Markdown exactly as `build-report` renders it. */
  markdown: string;
  identity: PrintedField[];
  sections: PrintedSection[];
  footnotes: Map<string, { number: number | undefined; sentences: PrintedSentence[] }>;
  register: PrintedRow[];
}

export type PrintedOutcome = { ok: true; year: PrintedYear } | { ok: false; diagnostics: Diagnostic[] };

// The braces make a marked figure read, to splitSentences, like the {{helper}} it came from: a sentence may
// start with one, and no sentence ends inside one.
const OPEN = "{{\uE000";
const SEP = "\uE003";
const MID = "\uE001";
const CLOSE = "\uE002}}";
const MARKED = /\{\{\uE000([^\uE003]*)\uE003([^\uE001]*)\uE001([^\uE002]*)\uE002\}\}/g;
/** The placeholder a figure leaves in a masked sentence. */
export const FIGURE = "\uE000";

export const stripMarks = (text: string) => text.replace(MARKED, "$3");

export async function printedYear(dataRoot: string, year: string | PeriodFolder): Promise<PrintedOutcome> {
  const checked = checkYear(dataRoot, year);
  // A draft (blanks still to fill, DV500–DV502) is compared as `build-report --draft` prints it: blanks as "…".
  const refusing = checked.diagnostics.filter((d) => d.severity === "error" && !DRAFT_CODES.has(d.code));
  if (!checked.report || refusing.length) return { ok: false, diagnostics: refusing.length ? refusing : checked.diagnostics.filter((d) => d.severity === "error") };
  const draft = hasErrors(checked.diagnostics);
  const report = draft ? draftReport(checked.report, checked.blanks) : checked.report;
  const { renderMarkdown } = await import("../../render/index.js");
  const mark = (helper: PrintedFigure["helper"], id: string, printed: string) => `${OPEN}${helper}${SEP}${id}${MID}${printed}${CLOSE}`;
  const locate = locator(checked.files);
  const rendered = renderMarkdown(report, locate, undefined, mark, checked.others);
  const view = rendered.view;
  if (rendered.markdown === undefined || !view) return { ok: false, diagnostics: rendered.diagnostics };
  const markdown = stripMarks(rendered.markdown);

  // Footnotes are numbered by first reference in reading order, as the writers number them.
  const numbers = new Map<string, number>();
  for (const s of view.sections)
    for (const b of s.blocks)
      for (const t of [b.text, ...b.items]) for (const m of t.matchAll(/\[\^([^\]\s]+)\]/g)) if (!numbers.has(m[1].toLowerCase())) numbers.set(m[1].toLowerCase(), numbers.size + 1);
  const sentences = (markdownText: string, block: PrintedSentence["block"]): PrintedSentence[] =>
    splitSentences(plain(markdownText, numbers)).map((text) => sentence(text, block));

  const sections: PrintedSection[] = report.sections.map((s, i) => {
    const v = view.sections[i];
    return {
      key: s.file.replace(/\\/g, "/").replace(/^.*\//, "").replace(/\.ya?ml$/, "").replace(/^\d+(-\d+)?-/, ""),
      heading: v.hasHeading ? `${v.label} ${plain(v.heading, numbers)}` : "",
      sentences: v.blocks.flatMap((b) => {
        if (b.kind === "paragraph") return sentences(b.text, "paragraph");
        if (b.kind === "subheading") return sentences(b.text, "subheading");
        if (b.kind === "indicators") return b.rows.map((r) => sentence(plain([r.number, r.label, r.unit, r.current, r.previous, r.comparison].join(" | "), numbers), "indicator"));
        return b.items.flatMap((item) => sentences(item, b.kind === "bullets" ? "bullet" : "numbered"));
      }),
    };
  });
  const footnotes = new Map(view.footnotes.map((f) => [f.id.toLowerCase(), { number: numbers.get(f.id.toLowerCase()), sentences: sentences(f.text, "paragraph") }]));
  return { ok: true, year: { year: checked.folder.dir, draft, report, markdown, identity: identityFields(report), sections, footnotes, register: registerRows(report) } };
}

/** The year's document tree, as `build-report` parses it; only the redline needs it. */
export async function treeOf(year: PrintedYear): Promise<Root> {
  return (await documentTree(year.markdown, year.report.identity.profile, false)).tree;
}

function sentence(text: string, block: PrintedSentence["block"]): PrintedSentence {
  const figures: PrintedFigure[] = [];
  for (const m of text.matchAll(MARKED)) figures.push({ helper: m[1] as PrintedFigure["helper"], id: m[2], printed: m[3] });
  return { block, text: stripMarks(text), masked: text.replace(MARKED, FIGURE), figures };
}

/**
 * A view string → the text a reader sees. View strings are data text escaped by escapeMarkdown plus
 * footnote references (the template adds the rest), so undoing the escapes is exact; a footnote
 * reference reads as its printed number.
 */
export function plain(markdown: string, footnotes: ReadonlyMap<string, number>): string {
  return markdown
    .replace(/\\([!-/:-@[-`{-~])|\[\^([^\]\s]+)\]/g, (_m, escaped: string | undefined, id: string | undefined) =>
      escaped ?? `[${footnotes.get(id!.toLowerCase()) ?? id}]`,
    )
    .replace(/\s+/g, " ")
    .trim();
}

function identityFields(report: Report): PrintedField[] {
  const id = report.identity;
  const f = (field: string, label: string, value: string | undefined): PrintedField => ({ field, label, value: value ?? "" });
  const period = id.period.from === id.period.to ? String(id.period.from) : `${id.period.from}–${id.period.to}`;
  return [
    f("profile", "Loại cơ quan", id.profile),
    f("superior", "Cơ quan cấp trên", id.superior),
    f("issuer.name", "Cơ quan ban hành", [id.issuer.name].flat().join(" / ")),
    f("issuer.fullName", "Tên đầy đủ cơ quan ban hành", id.issuer.fullName),
    f("number", "Số", id.number),
    f("place", "Địa danh", id.place),
    f("date", "Ngày", id.date ? formatLongDate(id.date) : ""),
    f("type", "Loại văn bản", id.type),
    ...id.title.map((line, i) => f(`title.${i + 1}`, `Trích yếu, dòng ${i + 1}`, line)),
    f("period", "Kỳ báo cáo", period),
    f("signer.authority", "Thẩm quyền ký", id.signer.authority === undefined ? undefined : [id.signer.authority].flat().join(" / ")),
    f("signer.title", "Chức vụ người ký", id.signer.title),
    f("signer.name", "Người ký", id.signer.name),
    ...id.recipients.list.map((r, i) => f(`recipients.${i + 1}`, `Nơi nhận ${i + 1}`, r)),
    f("recipients.filing", "Lưu", id.recipients.filing),
    f("recipients.note", "Ghi chú nơi nhận", id.recipients.note ? `${id.recipients.note.text} (từ nơi nhận ${id.recipients.note.first})` : undefined),
    f("appendix.heading", "Tiêu đề phụ lục", printedAppendix(report)?.heading),
    ...(printedAppendix(report)?.title ?? []).map((line, i) => f(`appendix.title.${i + 1}`, `Tên phụ lục, dòng ${i + 1}`, line)),
  ];
}

function registerRows(report: Report): PrintedRow[] {
  const rows: PrintedRow[] = [];
  const seen = new Map<string, number>();
  report.register.groups.forEach((g, group) => {
    for (const t of g.types)
      for (const [di, doc] of t.documents.entries()) {
        // The number carries the symbol (15-KH/TU); a number typed twice is matched by its occurrence.
        const n = (seen.get(doc.number) ?? 0) + 1;
        seen.set(doc.number, n);
        rows.push({
          key: n === 1 ? doc.number : `${doc.number}#${n}`,
          group: g.issuer,
          type: t.heading ?? t.type,
          tt: di + 1,
          number: citation({ doc, type: t.type, group }, { date: false }),
          date: registerDate(doc),
          summary: doc.summary,
          note: doc.note ?? "",
        });
      }
  });
  return rows;
}
