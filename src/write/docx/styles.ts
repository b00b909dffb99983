/**
 * Named Word styles, one per role the template names (docs/template-roles.md), so a clerk restyles the
 * document in Word and a reader of the DOCX (issue 17's import) knows each paragraph's role by its style.
 * Every size, mark and length comes from the profile table; nothing here depends on which profile it is.
 */
import { AlignmentType, LineRuleType, ShadingType, type IParagraphStyleOptions, type IStylesOptions } from "docx";
import type { Marks, ProfileSpec } from "../../profile.js";

export const STYLE = {
  body: "BodyText",
  bullet: "BulletText",
  subheading: "Subheading",
  superior: "Superior",
  issuer: "Issuer",
  issuerMark: "IssuerMark",
  number: "DocNumber",
  motto: "Motto",
  placeDate: "PlaceDate",
  docType: "DocType",
  summary: "DocSummary",
  titleRule: "TitleRule",
  rule: "Rule",
  recipients: "Recipients",
  recipientsLabel: "RecipientsLabel",
  recipientsNote: "RecipientsNote",
  signer: "Signer",
  signerName: "SignerName",
  table: "TableText",
  tableHeading: "TableHeading",
  tableGroup: "TableGroup",
  tableType: "TableType",
  tableTitle: "TableTitle",
  tableUnit: "TableUnit",
  tableTotal: "TableTotal",
  appendixHeading: "AppendixHeading",
  appendixTitle: "AppendixTitle",
  appendixReference: "AppendixReference",
  footnote: "FootnoteText",
  quote: "Quote",
  code: "Code",
  /** The character style of code inside a line (`inlineCode`). */
  codeChar: "CodeChar",
  hyperlink: "Hyperlink",
  /** A draft's blank: a character style, highlighted, so every place still to fill stands out on paper. */
  blank: "DraftBlank",
  /** A draft's mark "DỰ THẢO" atop every page, in the page header. */
  draftMark: "DraftMark",
  // Word's own id for the paragraph style of page headers (its "page number" is a character style).
  pageNumber: "Header",
} as const;

/**
 * Role → presentation, the DOCX writer's one table: the Word style each role the template names is
 * written in (docs/template-roles.md). buildStyles gives every style its size, marks and spacing from the
 * profile; directives.ts adds only what a style cannot carry (a drawn rule, the motto's line sizes, the
 * space for a signature).
 */
export const ROLE_STYLE: Record<string, string> = {
  superior: STYLE.superior,
  issuer: STYLE.issuer,
  "issuer-mark": STYLE.issuerMark,
  number: STYLE.number,
  motto: STYLE.motto,
  "place-date": STYLE.placeDate,
  "doc-type": STYLE.docType,
  summary: STYLE.summary,
  "title-rule": STYLE.titleRule,
  subheading: STYLE.subheading,
  "recipients-label": STYLE.recipientsLabel,
  recipients: STYLE.recipients,
  "signer-title": STYLE.signer,
  "signer-name": STYLE.signerName,
  "appendix-heading": STYLE.appendixHeading,
  "appendix-title": STYLE.appendixTitle,
  "appendix-reference": STYLE.appendixReference,
  "draft-mark": STYLE.draftMark,
  blank: STYLE.blank,
};

/** The place and date's space above them; the number on their line (state) takes the same, to stand level. */
export const PLACE_DATE_BEFORE = 240;

/** Hanging indent of a recipient line, so a wrapped line starts under the text after "- ". */
export const RECIPIENT_HANG = 170;

export function buildStyles(p: ProfileSpec): IStylesOptions {
  const font = p.font;
  const bodySpacing = { after: p.body.spacingAfter, line: p.body.line, lineRule: LineRuleType.EXACT };
  const single = { after: 0, line: 240, lineRule: LineRuleType.AUTO };
  const heading = () => ({
    run: { font, size: p.size.body, bold: true, color: "000000" },
    paragraph: {
      alignment: AlignmentType.JUSTIFIED,
      spacing: { before: p.body.spacingAfter, ...bodySpacing },
      indent: { firstLine: p.body.firstLineIndent },
      keepNext: true,
      keepLines: true,
    },
  });
  const style = (
    id: string,
    name: string,
    size: number,
    marks: Marks = {},
    paragraph: IParagraphStyleOptions["paragraph"] = {},
  ): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: "Normal",
    quickFormat: true,
    run: { font, size, bold: marks.bold, italics: marks.italics, underline: marks.underline ? {} : undefined },
    paragraph: { alignment: AlignmentType.CENTER, spacing: single, ...paragraph },
  });
  const left = { alignment: AlignmentType.LEFT };
  return {
    default: {
      document: {
        run: { font, size: p.size.body, color: "000000", language: { value: p.lang } },
        paragraph: { spacing: { after: 0 } },
      },
      heading1: heading(),
      heading2: heading(),
      heading3: heading(),
      footnoteText: {
        run: { font, size: p.size.footnote },
        paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: single },
      },
      footnoteReference: { run: { superScript: true } },
    },
    characterStyles: [
      { id: STYLE.codeChar, name: "Code Char", basedOn: "DefaultParagraphFont", run: { font: p.monoFont } },
      { id: STYLE.blank, name: "Draft Blank", basedOn: "DefaultParagraphFont", run: { bold: true, highlight: "yellow", shading: { type: ShadingType.CLEAR, color: "auto", fill: "FFFF00" } } },
    ],
    paragraphStyles: [
      {
        id: STYLE.body,
        name: "Body Text",
        basedOn: "Normal",
        quickFormat: true,
        run: { font, size: p.size.body },
        paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: p.body.firstLineIndent }, spacing: bodySpacing },
      },
      { id: STYLE.bullet, name: "List Dash", basedOn: STYLE.body, quickFormat: true },
      { id: STYLE.quote, name: "Quote", basedOn: STYLE.body, quickFormat: true, run: { italics: true }, paragraph: { indent: { left: 567, right: 567 } } },
      {
        id: STYLE.code,
        name: "Code",
        basedOn: "Normal",
        quickFormat: true,
        run: { font: p.monoFont, size: p.size.code },
        paragraph: { alignment: AlignmentType.LEFT, spacing: { ...single, after: p.body.spacingAfter }, keepLines: true },
      },
      {
        id: STYLE.subheading,
        name: "Subheading",
        basedOn: STYLE.body,
        next: STYLE.body,
        quickFormat: true,
        run: { bold: p.marks.subheading.bold, italics: p.marks.subheading.italics },
        paragraph: { keepNext: true },
      },
      style(STYLE.superior, "Superior Body", p.size.superior, p.marks.superior),
      style(STYLE.issuer, "Issuing Body", p.size.issuer, p.marks.issuer),
      style(STYLE.issuerMark, "Issuing Body Mark", p.size.issuer),
      style(STYLE.number, "Document Number", p.size.number),
      style(STYLE.motto, "Motto", p.size.motto[0], p.marks.motto),
      style(STYLE.placeDate, "Place and Date", p.size.placeDate, p.marks.placeDate, { spacing: { ...single, before: PLACE_DATE_BEFORE } }),
      style(STYLE.docType, "Document Type", p.size.docType, p.marks.docType, { spacing: { before: 360, after: 0 }, keepNext: true }),
      style(STYLE.summary, "Document Summary", p.size.summary, p.marks.summary, { spacing: { after: 0 }, keepNext: true }),
      style(STYLE.titleRule, "Title Rule", p.size.summary, {}, { spacing: { after: 240 } }),
      // An empty paragraph in 2 pt type whose bottom border is the rule; indents set its length.
      style(STYLE.rule, "Rule", 4, {}, { spacing: { before: 0, after: 120, line: 240, lineRule: LineRuleType.AUTO } }),
      style(STYLE.recipientsLabel, "Recipients Heading", p.size.recipientsLabel, p.marks.recipientsLabel, { ...left, keepNext: true }),
      style(STYLE.recipients, "Recipients", p.size.recipients, {}, { ...left, keepNext: true, indent: { left: RECIPIENT_HANG, hanging: RECIPIENT_HANG } }),
      style(STYLE.recipientsNote, "Recipients Note", p.size.recipients, {}, { ...left, keepNext: true }),
      style(STYLE.signer, "Signature", p.size.signer, p.marks.signer, { keepNext: true }),
      style(STYLE.signerName, "Signer Name", p.size.signer, p.marks.signer),
      style(STYLE.table, "Table Text", p.size.table, {}, { ...left, spacing: { before: 40, after: 40 } }),
      style(STYLE.tableHeading, "Table Heading", p.size.table, { bold: true }, { spacing: { before: 40, after: 40 } }),
      style(STYLE.tableGroup, "Table Group Row", p.size.table, p.marks.registerGroup, { ...left, spacing: { before: 40, after: 40 }, keepNext: true }),
      style(STYLE.tableType, "Table Type Row", p.size.table, p.marks.registerType, { ...left, spacing: { before: 40, after: 40 }, keepNext: true }),
      style(STYLE.tableTitle, "Table Title", p.size.body, p.marks.tableTitle, { spacing: { before: 120, after: 60 }, keepNext: true }),
      style(STYLE.tableUnit, "Table Unit", p.size.table, p.marks.tableUnit, { alignment: AlignmentType.RIGHT, spacing: { after: 60 }, keepNext: true }),
      style(STYLE.tableTotal, "Table Total Row", p.size.table, p.marks.tableTotal, { ...left, spacing: { before: 40, after: 40 } }),
      style(STYLE.appendixHeading, "Appendix Heading", p.size.body, p.marks.appendixHeading),
      style(STYLE.appendixTitle, "Appendix Title", p.size.body, p.marks.appendixTitle),
      style(STYLE.appendixReference, "Appendix Reference", p.size.appendixReference, p.marks.appendixReference, { spacing: { before: 60, after: 240 } }),
      style(STYLE.pageNumber, "header", p.size.pageNumber),
      style(STYLE.draftMark, "Draft Mark", p.size.body, { bold: true }, { alignment: AlignmentType.RIGHT }),
    ],
  };
}

/**
 * styles.xml without the styles nothing uses: docx.js ships its own defaults (Title, Heading 4–6, a
 * paragraph "Strong", …) that would show in Word's style list. Kept: what a part refers to, what those
 * are based on or hand over to, and the document's default styles.
 */
export function pruneStyles(styles: string, parts: readonly string[]): string {
  const blocks = [...styles.matchAll(/<w:style\b[\s\S]*?<\/w:style>/g)].map((m) => m[0]);
  const idOf = (b: string) => /w:styleId="([^"]*)"/.exec(b)?.[1] ?? "";
  const byId = new Map(blocks.map((b) => [idOf(b), b]));
  const keep = new Set<string>();
  const want = (id: string) => {
    if (keep.has(id) || !byId.has(id)) return;
    keep.add(id);
    const b = byId.get(id)!;
    for (const m of b.matchAll(/<w:(?:basedOn|next) w:val="([^"]*)"/g)) want(m[1]);
  };
  for (const part of parts) for (const m of part.matchAll(/<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]*)"/g)) want(m[1]);
  for (const b of blocks) if (/w:default="(1|true)"/.test(b)) want(idOf(b));
  return styles.replace(/<w:style\b[\s\S]*?<\/w:style>/g, (b) => {
    if (!keep.has(idOf(b))) return "";
    // A link to a character style that went is dropped with it.
    return b.replace(/<w:link w:val="([^"]*)"\/>/g, (l, id: string) => (keep.has(id) ? l : ""));
  });
}
