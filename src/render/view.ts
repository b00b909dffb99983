/** Report → the values the layout template prints: every string already Markdown, escaped or rendered. */
import type { Diagnostic } from "../diagnostics.js";
import { letter } from "../text/letters.js";
import { roman } from "../text/roman.js";
import { formatDate, formatLongDate, formatNumber, formatSigned, upper } from "../text/format.js";
import type { Block, Locate, OtherPeriods, Report } from "../model/index.js";
import { COMPARISON_DECIMALS, indicatorRows, type IndicatorRow } from "../model/indicators.js";
import { INDICATOR_COLUMNS, numberingOf, PROFILES, registerLayout, registerLayoutAttribute } from "../profile.js";
import { NO_OTHER_PERIODS } from "../model/other-period.js";
import { indexRegister, printedAppendix, registerDate } from "../model/register.js";
import { FIGURE_TABLE } from "../profile.js";
import { figureTable, TableError, type FigureTable, type TableRowRole } from "../collect/table.js";
import type { FigureTableBlock } from "../model/index.js";
import { FigureError, Statistics } from "../model/statistics.js";
import { escapeAttribute, escapeMarkdown } from "./escape.js";
import { markedText, type SourcePlace } from "../model/source-marks.js";
import { HelperError, proseHelpers } from "./helpers.js";
import { createProseEnv, ProseError } from "./prose.js";


export interface BlockView {
  kind: "paragraph" | "bullets" | "numbered" | "subheading" | "indicators" | "table";
  text: string;
  items: string[];
  /** An indicator table's rows, one cell per INDICATOR_COLUMNS column. */
  rows: IndicatorRowView[];
  /** kind "table": a figure table by unit or group; empty otherwise. */
  table: TableView;
}

/** A figure table as the template writes it: every string Markdown, the row's cells in column order. */
export interface TableView {
  title: string;
  hasTitle: boolean;
  /** `Đơn vị tính: đơn`, or empty when the statistic has no unit of measure. */
  unitLine: string;
  hasUnitLine: boolean;
  /** The heading row's labels: number, name, then each figure column. */
  columns: string[];
  /** unit, group: number, name, figures; subtotal: roman number, group, figures; total: its label, figures. */
  rows: Array<{ role: TableRowRole; cells: string[] }>;
}

export interface IndicatorRowView {
  number: string;
  label: string;
  unit: string;
  current: string;
  previous: string;
  comparison: string;
}

export interface SectionView {
  marks: string;
  label: string;
  heading: string;
  hasHeading: boolean;
  blocks: BlockView[];
}

/** A row of the appendix table and its role; the template writes a `document` row's `cells` in the layout's order. */
export interface RowView {
  role: "group" | "type" | "document";
  /** document: one cell per column of the layout, each its lines (a citation has two); a cell with none is empty. */
  cells: string[][];
  /** document: the layout's columns that are empty in this row, space-separated (the row's `empty` attribute). */
  empty: string;
  /** group: its roman number; document: its number within the type. */
  number: string;
  /** group: the issuing body; type: the type's heading. */
  label: string;
  /** document: the citation over two lines, "Kế hoạch số" then the number, so a number never breaks. */
  citation: string[];
  date: string;
  summary: string;
}

export interface ReportView {
  header: {
    superior: string;
    hasSuperior: boolean;
    issuer: string[];
    mark: string;
    hasMark: boolean;
    numberLine: string;
    motto: string[];
    placeDate: string;
  };
  title: { type: string; lines: string[] };
  sections: SectionView[];
  footnotes: Array<{ id: string; text: string }>;
  closing: {
    label: string;
    recipients: string[];
    noteText: string;
    noteFirst: string;
    hasNote: boolean;
    /** The signing authority's lines, one paragraph each. */
    authority: string[];
    hasAuthority: boolean;
    title: string;
    name: string;
  };
  appendix: {
    /** The year has a register: the appendix is printed. */
    present: boolean;
    heading: string;
    title: string[];
    hasTitle: boolean;
    /** The "(Kèm theo …)" line, or two lines when one would wrap and leave a word alone. */
    attached: string[];
    columns: string[];
    /** The layout's roles, space-separated: the register's `columns` attribute, which the writers lay out by. */
    layout: string;
    rows: RowView[];
  };
  /** The indicator tables' column headings (INDICATOR_COLUMNS). */
  indicatorColumns: string[];
}

/** Wraps what a figure helper printed; `danvan diff` marks figures with it to compare them apart from their sentence. */
export type FigureMark = (helper: "n" | "ratio" | "pct", id: string, printed: string) => string;

/**
 * `sourceMarks`: each string printed from data starts with its source mark (model/source-marks.ts), which
 * parse lifts off the text and the DOCX writer writes as a hidden bookmark.
 */
export function buildView(report: Report, locate: Locate, markFigure?: FigureMark, others: OtherPeriods = NO_OTHER_PERIODS, sourceMarks = false): { view?: ReportView; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const id = report.identity;
  const profile = PROFILES[id.profile];
  const e = escapeMarkdown;
  const { statistics, helpers } = helpersOf(report, others);
  const mark: FigureMark = markFigure ?? ((_helper, _id, printed) => printed);
  if (markFigure) {
    for (const name of ["n", "ratio", "pct"] as const) {
      const print = helpers[name];
      // A figure of another period is marked as that period's, so diff never reads it as this period's figure.
      helpers[name] = (fid, hash) => markFigure(name, hash.period === undefined ? fid : `${fid}@${String(hash.period)}`, print(fid, hash));
    }
  }
  const prose = createProseEnv(helpers);
  const source = (place: SourcePlace, rendered: string) => (sourceMarks && rendered ? markedText(place, rendered) : rendered);

  const problem = (code: string, file: string, dataPath: Array<string | number>, message: string) => {
    const pos = locate(file, dataPath);
    diagnostics.push({ code, severity: "error", file, line: pos.line, col: pos.col, message });
  };
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

  const numbering = numberingOf(id.profile, id.format?.numbering);
  let top = 0;
  let sub = 0;
  const sections: SectionView[] = report.sections.map((s, si) => {
    let label = "";
    if (s.level === 1) {
      top += 1;
      sub = 0;
      label = e(numberLabel(numbering.level1, top));
    } else if (s.level === 2) {
      sub += 1;
      label = e(numberLabel(numbering.level2, sub));
    }
    return {
      marks: s.level === 2 ? "###" : "##",
      label,
      heading: s.heading ? source({ kind: "heading", section: si }, e(s.heading)) : "",
      hasHeading: s.level > 0 && Boolean(s.heading),
      // Items directly under a Roman section are its 1., 2. (NĐ 30/2020); a), b) belong under a 1.
      blocks: s.body.map((b, i) =>
        typeof b === "object" && "table" in b
          ? tableBlock(report, b.table, (code, at, message) => problem(code, s.file, ["body", i, "table", ...at], message))
          : typeof b === "object" && "indicators" in b
          ? indicatorsView(indicatorRows(report, statistics, others, b.indicators), mark, (message) => {
              const pos = locate(s.file, ["body", i, "indicators"]);
              diagnostics.push({ code: "DV301", severity: "error", file: s.file, line: pos.line, col: pos.col, message });
            })
          : blockView(
              b,
              s.level === 2 ? numbering.items : numbering.level2,
              (src, sub2) => render(src, s.file, ["body", i, ...sub2]),
              (item, rendered) => source({ kind: "block", section: si, block: i, ...(item === undefined ? {} : { item }) }, rendered),
            ),
      ),
    };
  });

  const footnotes = report.sections.flatMap((s, si) =>
    Object.entries(s.footnotes ?? {}).map(([fid, text], fi) => ({ id: fid, text: source({ kind: "footnote", section: si, footnote: fi }, render(text, s.file, ["footnotes", fid])) })),
  );

  const note = id.recipients.note;
  const filing = id.recipients.filing;
  const recipients =
    filing === undefined
      ? id.recipients.list.map((r, i, all) => `${e(r)}${i === all.length - 1 ? profile.filingEnd : profile.recipientEnd}`)
      : [...id.recipients.list.map((r) => `${e(r)}${profile.recipientEnd}`), `${e(filing)}${profile.filingEnd}`];

  const appendix = printedAppendix(report);
  const layout = registerLayout(id.appendix?.columns);
  const has = (role: string) => layout.some((c) => c.role === role);
  const none = { number: "", label: "", citation: [] as string[], date: "", summary: "", cells: [] as string[][], empty: "" };
  const rows: RowView[] = [];
  // Group rows unless the issuer has a column, type rows unless the type has one; entries are numbered
  // from 1 under the innermost row printed above them.
  let n = 0;
  report.register.groups.forEach((g, gi) => {
    if (!has("issuer")) {
      rows.push({ ...none, role: "group", number: roman(gi + 1), label: e(g.issuer) });
      n = 0;
    }
    g.types.forEach((t, ti) => {
      if (!has("type") && id.appendix?.typeRows !== false) {
        rows.push({ ...none, role: "type", label: e(t.heading ?? t.type) });
        n = 0;
      }
      t.documents.forEach((d, di) => {
        n += 1;
        const date = registerDate(d);
        const shown = (c: (typeof layout)[number]): string[] => {
          switch (c.role) {
            case "tt":
              return [String(n)];
            // citation()'s "Kế hoạch số 158-KH/TU" (model/register.ts), split before the number.
            case "citation":
              return [e(`${t.type} số`), e(d.number)];
            case "type":
              return [e(t.heading ?? t.type)];
            case "number":
              return [e(d.number)];
            case "date":
              return [c.shortYear && d.date ? date.replace(/\d\d(\d\d)$/, "$1") : date];
            case "summary":
              return [source({ kind: "register", group: gi, type: ti, doc: di }, e(!has("note") && d.note ? `${d.summary} (${d.note})` : d.summary))];
            case "issuer":
              return g.issuer ? [e(g.issuer)] : [];
            case "note":
              return d.note ? [e(d.note)] : [];
          }
        };
        const cells = layout.map(shown);
        rows.push({
          ...none,
          role: "document",
          number: String(n),
          citation: [e(`${t.type} số`), e(d.number)],
          date,
          summary: e(!has("note") && d.note ? `${d.summary} (${d.note})` : d.summary),
          cells,
          empty: cells.flatMap((c, i) => (c.length ? [] : [String(i)])).join(" "),
        });
      });
    });
  });

  const view: ReportView = {
    header: {
      superior: e(id.superior ?? ""),
      hasSuperior: Boolean(id.superior),
      issuer: (Array.isArray(id.issuer.name) ? id.issuer.name : [id.issuer.name]).map(e),
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
      authority: [id.signer.authority ?? []].flat().filter(Boolean).map(e),
      hasAuthority: [id.signer.authority ?? []].flat().some(Boolean),
      title: e(id.signer.title),
      name: e(id.signer.name),
    },
    appendix: {
      present: appendix !== undefined,
      heading: e(appendix?.heading ?? ""),
      title: (appendix?.title ?? []).map((line) => e(profile.appendix.titleCase === "upper" ? upper(line) : line)),
      hasTitle: Boolean(appendix?.title.length),
      attached: referenceLines(`(Kèm theo ${id.type} số ${id.number}, ngày ${formatDate(id.date)}`, `của ${id.issuer.fullName})`).map(e),
      columns: layout.map((c) => e(c.label)),
      layout: registerLayoutAttribute(id.appendix?.columns),
      rows,
    },
    indicatorColumns: INDICATOR_COLUMNS.map((c) => e(c.label)),
  };
  return { view: diagnostics.length ? undefined : view, diagnostics };
}

function helpersOf(report: Report, others: OtherPeriods) {
  const statistics = new Statistics(report);
  const helpers = proseHelpers({
    report,
    statistics,
    others,
    register: indexRegister(report.register),
    footnotes: new Set(report.sections.flatMap((s) => Object.keys(s.footnotes ?? {}))),
    zeroPadCounts: report.identity.format?.zeroPadCounts ?? false,
  });
  return { statistics, helpers };
}

/**
 * One prose string (or one helper call of it) as the report prints it, Markdown: what `review` compares a
 * leader's words with, piece by piece. Throws ProseError, HelperError or FigureError as render would report them.
 */
export function proseRenderer(report: Report, others: OtherPeriods = NO_OTHER_PERIODS): (source: string) => string {
  const env = createProseEnv(helpersOf(report, others).helpers);
  return (source) => env.render(source);
}

/**
 * What fits on one line of the appendix's reference at 13 pt italic across the text width: 2021's
 * 76 characters do; a longer one is set as two lines broken before "của", never a word alone.
 */
const REFERENCE_LINE_CHARS = 76;

function referenceLines(head: string, tail: string): string[] {
  const one = `${head} ${tail}`;
  return one.length <= REFERENCE_LINE_CHARS ? [one] : [head, tail];
}

/** `{roman}-` → `II-`, `{n}.` → `2.`, `{alpha})` → `b)`. */
export function numberLabel(pattern: string, n: number): string {
  return pattern.replace(/\{(roman|n|alpha)\}/g, (_, kind: string) => (kind === "roman" ? roman(n) : kind === "alpha" ? letter(n) : formatNumber(n)));
}

const NO_TABLE: TableView = { title: "", hasTitle: false, unitLine: "", hasUnitLine: false, columns: [], rows: [] };

/** A figure table's cells as printed: counts grouped, decimals as the statistic has them, a rate without its sign. */
function tableBlock(report: Report, block: FigureTableBlock, problem: (code: string, at: Array<string | number>, message: string) => void): BlockView {
  const empty = { kind: "table" as const, text: "", items: [] as string[], rows: [] as IndicatorRowView[] };
  let table: FigureTable;
  try {
    table = figureTable(report, block);
  } catch (err) {
    if (!(err instanceof TableError)) throw err;
    problem(err.code, err.at, err.message);
    return { ...empty, table: NO_TABLE };
  }
  const e = escapeMarkdown;
  const cell = (v: number | undefined, decimals: number) => e(v === undefined ? FIGURE_TABLE.none : formatNumber(v, decimals));
  const rows = table.rows.map((r) => {
    const figures = r.values.map((v, i) => cell(v, table.columns[i].decimals));
    return { role: r.role, cells: r.role === "total" ? [e(FIGURE_TABLE.totalLabel), ...figures] : [e(r.number), e(r.name), ...figures] };
  });
  return {
    ...empty,
    table: {
      title: e(table.title ?? ""),
      hasTitle: Boolean(table.title),
      unitLine: table.unit ? e(`${FIGURE_TABLE.unitLinePrefix}${table.unit}`) : "",
      hasUnitLine: Boolean(table.unit),
      columns: [FIGURE_TABLE.numberLabel, table.by === "group" ? FIGURE_TABLE.groupLabel : FIGURE_TABLE.unitLabel, ...table.columns.map((c) => c.label)].map(e),
      rows,
    },
  };
}

/**
 * An indicator table as printed: figures at their decimals (a rate without its %, which the ĐVT column
 * says), the comparison at one decimal (a rate's in points, `+2,3 điểm %`), "—" where a count's previous is 0.
 */
function indicatorsView(rows: IndicatorRow[], mark: FigureMark, refuse: (message: string) => void): BlockView {
  const wrong = rows.flatMap((r) => r.problems).find((p) => p.severity === "error");
  if (wrong) refuse(wrong.message);
  const views = rows.map((r, i): IndicatorRowView => {
    const helper = r.kind === "rate" ? "pct" : "n";
    const number = (v: number) => formatNumber(v, r.decimals);
    const comparison =
      r.comparison === undefined
        ? "—"
        : r.kind === "rate" && !Number.isNaN(r.comparison)
          ? `${formatSigned(r.comparison, Math.max(r.decimals, COMPARISON_DECIMALS))} điểm %`
          : formatNumber(r.comparison, COMPARISON_DECIMALS);
    return {
      number: String(i + 1),
      label: escapeMarkdown(r.label),
      unit: escapeMarkdown(r.unit),
      current: mark(helper, r.figure, escapeMarkdown(number(r.current))),
      previous: mark(helper, `${r.figure}@cung-ky`, escapeMarkdown(r.previous === undefined ? "" : number(r.previous))),
      comparison: mark("n", `${r.figure}@so-sanh`, escapeMarkdown(comparison)),
    };
  });
  return { kind: "indicators", text: "", items: [], rows: views, table: NO_TABLE };
}

function blockView(
  block: Exclude<Block, { indicators: unknown } | { table: unknown }>,
  items: string,
  render: (source: string, path: Array<string | number>) => string,
  source: (item: number | undefined, rendered: string) => string,
): BlockView {
  const empty = { text: "", items: [] as string[], rows: [] as IndicatorRowView[], table: NO_TABLE };
  if (typeof block === "string") return { ...empty, kind: "paragraph", text: source(undefined, render(block, [])) };
  if ("bullets" in block) return { ...empty, kind: "bullets", items: block.bullets.map((b, i) => source(i, render(b, ["bullets", i]))) };
  if ("numbered" in block)
    return { ...empty, kind: "numbered", items: block.numbered.map((b, i) => `${escapeMarkdown(numberLabel(items, i + 1))} ${source(i, render(b, ["numbered", i]))}`) };
  return { ...empty, kind: "subheading", text: source(undefined, render(block.subheading, ["subheading"])) };
}
