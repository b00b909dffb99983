/** Report → the values the layout template prints: every string already Markdown, escaped or rendered. */
import type { Diagnostic } from "../diagnostics.js";
import { roman } from "../text/roman.js";
import { formatDate, formatLongDate, formatNumber, upper } from "../text/format.js";
import type { Block, Locate, Report } from "../model/index.js";
import { PROFILES } from "../profile.js";
import { citation, indexRegister } from "../model/register.js";
import { FigureError, Statistics } from "../model/statistics.js";
import { escapeAttribute, escapeMarkdown } from "./escape.js";
import { HelperError, proseHelpers } from "./helpers.js";
import { createProseEnv, ProseError } from "./prose.js";


export interface BlockView {
  kind: "paragraph" | "bullets" | "numbered" | "subheading";
  text: string;
  items: string[];
}

export interface SectionView {
  marks: string;
  label: string;
  heading: string;
  hasHeading: boolean;
  blocks: BlockView[];
}

export interface RowView {
  kind: "group" | "type" | "document";
  cells: [string, string, string, string];
}

export interface ReportView {
  header: { superior: string; issuer: string; mark: string; hasMark: boolean; numberLine: string; motto: string[]; placeDate: string };
  title: { type: string; lines: string[] };
  sections: SectionView[];
  footnotes: Array<{ id: string; text: string }>;
  closing: {
    label: string;
    recipients: string[];
    noteText: string;
    noteFirst: string;
    hasNote: boolean;
    authority: string;
    hasAuthority: boolean;
    title: string;
    name: string;
  };
  appendix: { heading: string; title: string[]; attached: string; columns: string[]; rows: RowView[] };
}

export function buildView(report: Report, locate: Locate): { view?: ReportView; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const id = report.identity;
  const profile = PROFILES[id.profile];
  const e = escapeMarkdown;
  const register = indexRegister(report.register);
  const footnoteIds = new Set(report.sections.flatMap((s) => Object.keys(s.footnotes ?? {})));
  const prose = createProseEnv(
    proseHelpers({
      statistics: new Statistics(report),
      register,
      footnotes: footnoteIds,
      zeroPadCounts: id.format?.zeroPadCounts ?? false,
    }),
  );

  const render = (source: string, file: string, dataPath: Array<string | number>): string => {
    try {
      return prose.render(source);
    } catch (err) {
      if (!(err instanceof ProseError || err instanceof HelperError || err instanceof FigureError)) throw err;
      const pos = locate(file, dataPath);
      diagnostics.push({ code: "DV301", severity: "error", file, line: pos.line, col: pos.col, message: err.message });
      return "";
    }
  };

  let top = 0;
  let sub = 0;
  const sections: SectionView[] = report.sections.map((s) => {
    let label = "";
    if (s.level === 1) {
      top += 1;
      sub = 0;
      label = `${roman(top)}-`;
    } else if (s.level === 2) {
      sub += 1;
      label = `${sub}-`;
    }
    return {
      marks: s.level === 2 ? "###" : "##",
      label,
      heading: s.heading ? e(s.heading) : "",
      hasHeading: s.level > 0 && Boolean(s.heading),
      blocks: s.body.map((b, i) => blockView(b, (src, sub2) => render(src, s.file, ["body", i, ...sub2]))),
    };
  });

  const footnotes = report.sections.flatMap((s) =>
    Object.entries(s.footnotes ?? {}).map(([fid, text]) => ({ id: fid, text: render(text, s.file, ["footnotes", fid]) })),
  );

  const note = id.recipients.note;
  const recipients = [...id.recipients.list.map((r) => `${e(r)},`), `${e(id.recipients.filing)}.`];

  const rows: RowView[] = [];
  report.register.groups.forEach((g, gi) => {
    rows.push({ kind: "group", cells: [`**${roman(gi + 1)}**`, `**${e(g.issuer)}**`, "", ""] });
    for (const t of g.types) {
      rows.push({ kind: "type", cells: ["", `**${e(t.heading ?? t.type)}**`, "", ""] });
      t.documents.forEach((d, di) => {
        rows.push({
          kind: "document",
          cells: [String(di + 1), e(citation({ doc: d, type: t.type, group: gi }, { date: false })), formatDate(d.date), e(d.summary)],
        });
      });
    }
  });

  const view: ReportView = {
    header: {
      superior: e(id.superior),
      issuer: e(id.issuer.name),
      mark: e(profile.issuerMark ?? ""),
      hasMark: Boolean(profile.issuerMark),
      numberLine: e(`${profile.numberPrefix}${id.number}`),
      motto: profile.motto.map(e),
      placeDate: e(`${id.place}, ${formatLongDate(id.date)}`),
    },
    title: { type: e(upper(id.type)), lines: id.title.map(e) },
    sections,
    footnotes,
    closing: {
      label: e(profile.recipientsLabel),
      recipients,
      noteText: escapeAttribute(note?.text ?? ""),
      noteFirst: String(note?.first ?? 0),
      hasNote: Boolean(note),
      authority: e(id.signer.authority ?? ""),
      hasAuthority: Boolean(id.signer.authority),
      title: e(id.signer.title),
      name: e(id.signer.name),
    },
    appendix: {
      heading: e(report.identity.appendix.heading),
      title: id.appendix.title.map(e),
      attached: e(`(Kèm theo ${id.type} số ${id.number}, ngày ${formatDate(id.date)} của ${id.issuer.fullName})`),
      columns: ["TT", "Thể loại, số văn bản", "Ngày ban hành", "Nội dung"],
      rows,
    },
  };
  return { view: diagnostics.length ? undefined : view, diagnostics };
}

function blockView(block: Block, render: (source: string, path: Array<string | number>) => string): BlockView {
  const empty = { text: "", items: [] as string[] };
  if (typeof block === "string") return { ...empty, kind: "paragraph", text: render(block, []) };
  if ("bullets" in block) return { ...empty, kind: "bullets", items: block.bullets.map((b, i) => render(b, ["bullets", i])) };
  if ("numbered" in block)
    return { ...empty, kind: "numbered", items: block.numbered.map((b, i) => `${formatNumber(i + 1)}\\- ${render(b, ["numbered", i])}`) };
  return { ...empty, kind: "subheading", text: render(block.subheading, ["subheading"]) };
}
