/**
 * Named Word styles, so a clerk can restyle the document in Word. Every size and length comes from
 * the profile table; nothing here depends on which profile it is.
 */
import { AlignmentType, LineRuleType, type IStylesOptions } from "docx";
import type { ProfileSpec } from "../../profile.js";

export const STYLE = {
  body: "BodyText",
  bullet: "BulletText",
  subheading: "Subheading",
  headerCell: "HeaderText",
  docType: "DocType",
  summary: "DocSummary",
  recipients: "Recipients",
  recipientsLabel: "RecipientsLabel",
  signer: "Signer",
  table: "TableText",
  tableHeading: "TableHeading",
  appendixHeading: "AppendixHeading",
  pageNumber: "PageNumber",
} as const;

export function buildStyles(p: ProfileSpec): IStylesOptions {
  const font = p.font;
  const bodySpacing = { after: p.body.spacingAfter, line: p.body.line, lineRule: LineRuleType.EXACT };
  const heading = (indent: boolean) => ({
    run: { font, size: p.size.body, bold: true, color: "000000" },
    paragraph: {
      alignment: AlignmentType.JUSTIFIED,
      spacing: { before: p.body.spacingAfter, ...bodySpacing },
      indent: indent ? { firstLine: p.body.firstLineIndent } : undefined,
      keepNext: true,
      keepLines: true,
    },
  });
  const centred = (id: string, name: string, size: number, extra: { bold?: boolean; italics?: boolean } = {}) => ({
    id,
    name,
    basedOn: "Normal",
    quickFormat: true,
    run: { font, size, ...extra },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
  });
  return {
    default: {
      document: { run: { font, size: p.size.body, color: "000000" }, paragraph: { spacing: { after: 0 } } },
      heading1: heading(true),
      heading2: heading(true),
      heading3: heading(true),
      footnoteText: {
        run: { font, size: p.size.footnote },
        paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
      footnoteReference: { run: { superScript: true } },
    },
    paragraphStyles: [
      {
        id: STYLE.body,
        name: "Body Text",
        basedOn: "Normal",
        quickFormat: true,
        run: { font, size: p.size.body },
        paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: p.body.firstLineIndent }, spacing: bodySpacing },
      },
      {
        id: STYLE.bullet,
        name: "List Dash",
        basedOn: STYLE.body,
        quickFormat: true,
        paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: p.body.firstLineIndent }, spacing: bodySpacing },
      },
      {
        id: STYLE.subheading,
        name: "Subheading",
        basedOn: STYLE.body,
        next: STYLE.body,
        quickFormat: true,
        run: { bold: true, italics: true },
        paragraph: { keepNext: true },
      },
      centred(STYLE.headerCell, "Header Block", p.size.superior),
      {
        ...centred(STYLE.docType, "Document Type", p.size.docType, { bold: true }),
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 360, after: 0 }, keepNext: true },
      },
      {
        ...centred(STYLE.summary, "Document Summary", p.size.summary, { bold: true }),
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 }, keepNext: true },
      },
      {
        ...centred(STYLE.recipientsLabel, "Recipients Heading", p.size.recipientsLabel, {
          bold: p.recipientsLabelStyle.bold,
          italics: p.recipientsLabelStyle.italics,
        }),
        paragraph: { alignment: AlignmentType.LEFT, spacing: { after: 0 }, keepNext: true },
      },
      {
        ...centred(STYLE.recipients, "Recipients", p.size.recipients),
        paragraph: { alignment: AlignmentType.LEFT, spacing: { after: 0 }, keepNext: true },
      },
      { ...centred(STYLE.signer, "Signature", p.size.signer, { bold: true }), paragraph: { alignment: AlignmentType.CENTER, keepNext: true } },
      {
        ...centred(STYLE.table, "Table Text", p.size.table),
        paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 40, after: 40 } },
      },
      {
        ...centred(STYLE.tableHeading, "Table Heading", p.size.table, { bold: true }),
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 40, after: 40 } },
      },
      centred(STYLE.appendixHeading, "Appendix Heading", p.size.body, { bold: true }),
      centred(STYLE.pageNumber, "Page Number", p.size.pageNumber),
    ],
  };
}
