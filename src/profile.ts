/**
 * Presentation profiles as tables of values (../shared/reference/document-format.md): the writer reads
 * numbers and strings from here and never branches on the profile's name.
 * Sizes are half-points (docx.js `size`), lengths twips (1 mm = 56.7).
 */
import type { Profile } from "./model/index.js";

export interface ProfileSpec {
  /** Before the number and symbol: party "Số 143-BC/BDVTU", state "Số: 15/QĐ-BNV". */
  numberPrefix: string;
  /** A line of its own under the issuing body (party `*`), or none. */
  issuerMark?: string;
  /** Right header column, bold; the last line carries the rule. */
  motto: string[];
  recipientsLabel: string;
  page: { width: number; height: number; margin: { top: number; bottom: number; left: number; right: number } };
  font: string;
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
  };
  recipientsLabelStyle: { underline: boolean; bold: boolean; italics: boolean };
  /** Rule under the issuing body (state) in addition to the motto's. */
  issuerRule: boolean;
  body: { firstLineIndent: number; spacingAfter: number; line: number };
  /** Empty lines between the signer's title and name, for signature and seal. */
  signatureSpace: number;
  /** Share of the text width for the header's left column (the right one takes the rest). */
  headerLeftShare: number;
}

const A4 = { width: 11906, height: 16838 };

export const PROFILES: Record<Profile, ProfileSpec> = {
  party: {
    numberPrefix: "Số ",
    issuerMark: "*",
    motto: ["ĐẢNG CỘNG SẢN VIỆT NAM"],
    recipientsLabel: "Nơi nhận:",
    page: { ...A4, margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } },
    font: "Times New Roman",
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
    },
    recipientsLabelStyle: { underline: true, bold: false, italics: false },
    issuerRule: false,
    body: { firstLineIndent: 567, spacingAfter: 120, line: 360 },
    signatureSpace: 4,
    headerLeftShare: 0.4,
  },
  state: {
    numberPrefix: "Số: ",
    motto: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    recipientsLabel: "Nơi nhận:",
    page: { ...A4, margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } },
    font: "Times New Roman",
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
    },
    recipientsLabelStyle: { underline: false, bold: true, italics: true },
    issuerRule: true,
    body: { firstLineIndent: 567, spacingAfter: 120, line: 360 },
    signatureSpace: 4,
    // The state motto is one line of 13 pt capitals: it needs more of the width than the party's.
    headerLeftShare: 0.34,
  },
};
