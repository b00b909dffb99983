/**
 * Presentation profiles as tables of values (../shared/reference/document-format.md): the writers read
 * numbers, strings and marks from here and never branch on the profile's name. Each writer maps a role
 * named in the document tree (docs/template-roles.md) to what this table says about it.
 * Sizes are half-points (docx.js `size`), lengths twips (1 mm = 56.7).
 */
import type { Profile, RegisterColumnRole, RegisterColumnSpec } from "./model/index.js";

/** How a heading or an item is numbered: `{roman}`, `{n}` or `{alpha}` and the text around it. */
export interface Numbering {
  /** `## ` sections (party `I-`, state `I.`). */
  level1: string;
  /** `### ` sections (party `1-`, state `1.`). */
  level2: string;
  /** Items of a `numbered:` block (party `1-`, state `a)`). */
  items: string;
}

/** Bold, italics and underline a role is written with, in the DOCX (through its style) and in Markdown. */
export interface Marks {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
}

/** A drawn rule: a share of the width of the column or text it stands in, centred. */
export interface Rule {
  share: number;
}

export interface ProfileSpec {
  /** Before the number and symbol: party "Số 143-BC/BDVTU", state "Số: 15/QĐ-BNV". */
  numberPrefix: string;
  /** A line of its own under the issuing body (party `*`), or none. */
  issuerMark?: string;
  /** Right header column, bold; the last line carries the rule. */
  motto: string[];
  recipientsLabel: string;
  /** Punctuation after each recipient, and after the filing line that closes the list. */
  recipientEnd: string;
  filingEnd: string;
  numbering: Numbering;
  page: { width: number; height: number; margin: { top: number; bottom: number; left: number; right: number } };
  font: string;
  /** Code a custom template writes (a fenced block, `code` in a line): a fixed-width font. */
  monoFont: string;
  /** The language Word spell-checks in. */
  lang: string;
  size: {
    body: number;
    superior: number;
    issuer: number;
    number: number;
    motto: number[];
    placeDate: number;
    docType: number;
    summary: number;
    footnote: number;
    recipientsLabel: number;
    recipients: number;
    signer: number;
    table: number;
    pageNumber: number;
    /** The appendix's "(Kèm theo …)" line: a size at which it stays on one line. */
    appendixReference: number;
    code: number;
  };
  marks: {
    superior: Marks;
    issuer: Marks;
    motto: Marks;
    placeDate: Marks;
    docType: Marks;
    summary: Marks;
    recipientsLabel: Marks;
    signer: Marks;
    appendixHeading: Marks;
    appendixTitle: Marks;
    appendixReference: Marks;
    subheading: Marks;
    registerGroup: Marks;
    registerType: Marks;
    /** A figure table's title, its "Đơn vị tính" line, and its subtotal and total rows. */
    tableTitle: Marks;
    tableUnit: Marks;
    tableTotal: Marks;
  };
  /** Drawn rule under the issuing body (state), or none. */
  issuerRule?: Rule;
  /** Under the summary: typed text (party `-----`) or a drawn rule (state), with space above it (twips). */
  titleRule: { text: string } | (Rule & { spaceBefore: number });
  /** The number ("Số: …") on the line of the place and date, the header a table of two rows (state). */
  numberOnDateLine: boolean;
  appendix: {
    /** "own": the appendix numbers its pages from its own first page (state, NĐ 30/2020). */
    pageNumbering: "continue" | "own";
    /** How the appendix's title lines are printed: as written, or in capitals (state). */
    titleCase: "as-written" | "upper";
    /** How the data should write the heading: any case (party `PHỤ LỤC`), or not in capitals (state `Phụ lục`: DV323). */
    headingCase: "any" | "not-capitals";
  };
  body: { firstLineIndent: number; spacingAfter: number; line: number };
  /** Empty lines between the signer's title and name, for signature and seal. */
  signatureSpace: number;
  /** Share of the text width for the header's left column (the right one takes the rest). */
  headerLeftShare: number;
  /** Share of the text width for the recipients (the signature takes the rest). */
  closingLeftShare: number;
}

const A4 = { width: 11906, height: 16838 };

const COMMON_MARKS = {
  issuer: { bold: true },
  motto: { bold: true },
  placeDate: { italics: true },
  docType: { bold: true },
  summary: { bold: true },
  signer: { bold: true },
  appendixHeading: { bold: true },
  appendixTitle: { bold: true },
  appendixReference: { italics: true },
  subheading: { bold: true, italics: true },
  registerGroup: { bold: true },
  registerType: { bold: true },
  tableTitle: { bold: true },
  tableUnit: { italics: true },
  tableTotal: { bold: true },
  superior: {},
};

export const PROFILES: Record<Profile, ProfileSpec> = {
  party: {
    numberPrefix: "Số ",
    issuerMark: "*",
    motto: ["ĐẢNG CỘNG SẢN VIỆT NAM"],
    recipientsLabel: "Nơi nhận:",
    recipientEnd: ",",
    filingEnd: ".",
    numbering: { level1: "{roman}-", level2: "{n}-", items: "{n}-" },
    page: { ...A4, margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } },
    font: "Times New Roman",
    monoFont: "Courier New",
    lang: "vi-VN",
    size: {
      body: 28,
      superior: 28,
      issuer: 28,
      number: 28,
      motto: [30],
      placeDate: 28,
      docType: 32,
      summary: 28,
      footnote: 22,
      recipientsLabel: 28,
      recipients: 24,
      signer: 28,
      table: 26,
      pageNumber: 28,
      appendixReference: 26,
      code: 24,
    },
    marks: { ...COMMON_MARKS, recipientsLabel: { underline: true } },
    titleRule: { text: "-----" },
    numberOnDateLine: false,
    appendix: { pageNumbering: "continue", titleCase: "as-written", headingCase: "any" },
    body: { firstLineIndent: 567, spacingAfter: 120, line: 360 },
    signatureSpace: 4,
    headerLeftShare: 0.4,
    closingLeftShare: 0.45,
  },
  state: {
    numberPrefix: "Số: ",
    motto: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    recipientsLabel: "Nơi nhận:",
    recipientEnd: ";",
    filingEnd: ".",
    numbering: { level1: "{roman}.", level2: "{n}.", items: "{alpha})" },
    page: { ...A4, margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } },
    font: "Times New Roman",
    monoFont: "Courier New",
    lang: "vi-VN",
    size: {
      body: 28,
      superior: 26,
      issuer: 26,
      number: 26,
      motto: [26, 28],
      placeDate: 28,
      docType: 28,
      summary: 28,
      footnote: 22,
      recipientsLabel: 24,
      recipients: 22,
      signer: 28,
      table: 26,
      pageNumber: 26,
      appendixReference: 26,
      code: 24,
    },
    marks: { ...COMMON_MARKS, recipientsLabel: { bold: true, italics: true } },
    // NĐ 30/2020: 1/3 to 1/2 of the line above it; the issuer's rule is a share of the header's left column.
    issuerRule: { share: 0.4 },
    // The rule stands clear of the summary's descenders (a 2 pt rule paragraph otherwise touches them).
    titleRule: { share: 0.25, spaceBefore: 100 },
    numberOnDateLine: true,
    appendix: { pageNumbering: "own", titleCase: "upper", headingCase: "not-capitals" },
    body: { firstLineIndent: 567, spacingAfter: 120, line: 360 },
    signatureSpace: 4,
    // The state motto is one line of 13 pt capitals: it needs more of the width than the party's.
    headerLeftShare: 0.34,
    closingLeftShare: 0.45,
  },
};

/** The report's numbering: the profile's, with what `format.numbering` overrides. */
export function numberingOf(profile: Profile, override?: Partial<Numbering>): Numbering {
  return { ...PROFILES[profile].numbering, ...override };
}

/** One appendix column: its heading, its alignment, its share of the text width. */
export interface RegisterColumn {
  label: string;
  align: "center" | "left";
  share: number;
}

/** One register column as laid out: what it shows, its heading, alignment and share of the text width. */
export interface RegisterLayoutColumn extends RegisterColumn {
  role: RegisterColumnRole;
  shortYear?: boolean;
}

/**
 * The appendix table's columns when report.yaml names none: the one specification the template (through
 * the view), the Markdown writer and the DOCX writer read. A row of role `document` has one cell per
 * column, in this order.
 */
export const REGISTER_COLUMNS: readonly RegisterLayoutColumn[] = [
  { role: "tt", label: "TT", align: "center", share: 0.075 },
  { role: "citation", label: "Thể loại, số văn bản", align: "left", share: 0.24 },
  { role: "date", label: "Ngày ban hành", align: "center", share: 0.15 },
  { role: "summary", label: "Nội dung", align: "left", share: 0.535 },
];

/**
 * Each role's alignment and share of the text width in a layout of the office's own (report.yaml
 * `appendix.columns`), wide enough for its words at 13 pt ("STT", "12/01/2023", "1520/KH-UBND"); the
 * summary takes what the others leave, at least SUMMARY_SHARE (the others narrow in proportion).
 */
const REGISTER_ROLE_LAYOUT: Record<RegisterColumnRole, { align: "center" | "left"; share: number }> = {
  tt: { align: "center", share: 0.08 },
  citation: { align: "left", share: 0.24 },
  type: { align: "left", share: 0.14 },
  number: { align: "center", share: 0.17 },
  date: { align: "center", share: 0.165 },
  summary: { align: "left", share: 0 },
  issuer: { align: "left", share: 0.17 },
  note: { align: "left", share: 0.12 },
};
const SUMMARY_SHARE = 0.3;
const SHORT_DATE_SHARE = 0.12;

/** The register's columns: report.yaml's `appendix.columns`, or danvan's four. */
export function registerLayout(columns?: readonly RegisterColumnSpec[]): readonly RegisterLayoutColumn[] {
  if (!columns?.length) return REGISTER_COLUMNS;
  const fixed = (c: RegisterColumnSpec) => (c.role === "date" && c.shortYear ? SHORT_DATE_SHARE : REGISTER_ROLE_LAYOUT[c.role].share);
  const others = columns.reduce((n, c) => n + fixed(c), 0);
  const summaries = columns.filter((c) => c.role === "summary").length;
  const scale = summaries && others > 1 - SUMMARY_SHARE ? (1 - SUMMARY_SHARE) / others : !summaries ? 1 / others : 1;
  const rest = summaries ? (1 - others * scale) / summaries : 0;
  return columns.map((c) => ({ ...c, align: REGISTER_ROLE_LAYOUT[c.role].align, share: c.role === "summary" ? rest : fixed(c) * scale }));
}

/**
 * A register layout in the tree (the register directive's `columns` attribute, `registerLayoutAttribute`):
 * its roles, space-separated, a date in two-digit years as `date:short`; none is danvan's four.
 */
export function registerLayoutOf(attribute: string | null | undefined): readonly RegisterLayoutColumn[] {
  const specs = (attribute ?? "")
    .split(/\s+/)
    .map((token) => token.split(":"))
    .filter(([role]) => role in REGISTER_ROLE_LAYOUT)
    .map(([role, form]) => ({ role: role as RegisterColumnRole, label: "", ...(form === "short" ? { shortYear: true } : {}) }));
  return specs.length ? registerLayout(specs) : REGISTER_COLUMNS;
}

/** The `columns` attribute of a layout from report.yaml: empty for danvan's four. */
export function registerLayoutAttribute(columns?: readonly RegisterColumnSpec[]): string {
  return (columns ?? []).map((c) => (c.shortYear && c.role === "date" ? "date:short" : c.role)).join(" ");
}

/**
 * The indicator table's columns (a section's `indicators:` block), read like REGISTER_COLUMNS by the view,
 * the Markdown writer and the DOCX writer. An `indicator` row has one cell per column, in this order.
 */
export const INDICATOR_COLUMNS: readonly RegisterColumn[] = [
  // At 13 pt: "STT" and "+3,5 điểm %" on one line; a unit of two words (hội nghị) may wrap, as in typed tables.
  { label: "STT", align: "center", share: 0.08 },
  { label: "Chỉ tiêu", align: "left", share: 0.33 },
  { label: "ĐVT", align: "center", share: 0.12 },
  { label: "Kỳ này", align: "center", share: 0.13 },
  { label: "Cùng kỳ năm trước", align: "center", share: 0.16 },
  { label: "So sánh (%)", align: "center", share: 0.18 },
];

/**
 * A figure table by unit or by group (a section's `table:` block, src/collect/table.ts): its wording,
 * which the view hands the template, and its columns, which both writers lay out from — the row's
 * number, the unit's (or group's) name, then one right-aligned column per figure, each `figureShare` of
 * the text width while together they take at most `figuresShare`; the name takes what is left.
 */
export const FIGURE_TABLE = {
  numberLabel: "STT",
  unitLabel: "Đơn vị",
  groupLabel: "Nhóm đơn vị",
  totalLabel: "Tổng cộng",
  unitLinePrefix: "Đơn vị tính: ",
  /** What a cell with nothing to print shows (a rate over a whole of 0). */
  none: "-",
  numberShare: 0.08,
  figureShare: 0.22,
  figuresShare: 0.6,
  align: { number: "center", name: "left", figure: "right" },
} as const;

/** The figure table's column shares, for `figures` figure columns: number, name, then each figure. */
export function figureTableShares(figures: number): number[] {
  const each = Math.min(FIGURE_TABLE.figureShare, FIGURE_TABLE.figuresShare / Math.max(1, figures));
  return [FIGURE_TABLE.numberShare, 1 - FIGURE_TABLE.numberShare - each * figures, ...Array.from({ length: figures }, () => each)];
}

/** The figure table's column alignments: number, name, then each figure. */
export function figureTableAlign(figures: number): Array<"center" | "left" | "right"> {
  return [FIGURE_TABLE.align.number, FIGURE_TABLE.align.name, ...Array.from({ length: figures }, () => FIGURE_TABLE.align.figure)];
}
