/** The register of issued documents: lookup by id and the citation text rendered from an entry. */
import { BLANK, formatDate } from "../text/format.js";
import type { Register, RegisterDocument, Report } from "./index.js";

export interface RegisterEntry {
  doc: RegisterDocument;
  type: string;
  group: number;
}

export function indexRegister(register: Register): Map<string, RegisterEntry> {
  const byId = new Map<string, RegisterEntry>();
  register.groups.forEach((g, group) => {
    for (const t of g.types) {
      for (const doc of t.documents) if (!byId.has(doc.id)) byId.set(doc.id, { doc, type: t.type, group });
    }
  });
  return byId;
}

export interface CitationOptions {
  /** Print ", ngày d/m/yyyy" (default true). */
  date?: boolean;
  /** Print the type name ("Kế hoạch số …"); without it the citation reads "Số …" (default true). */
  type?: boolean;
}

/**
 * `Kế hoạch số 3111/KH-UBND, ngày 11/8/2017`, the form the report and its appendix share. A document
 * without a date is cited without one (check refuses a citation that asks for it: DV336).
 */
export function citation(entry: RegisterEntry, options: CitationOptions = {}): string {
  const head = options.type === false ? `Số ${entry.doc.number}` : `${entry.type} số ${entry.doc.number}`;
  return options.date === false || entry.doc.date === undefined ? head : `${head}, ngày ${formatDate(entry.doc.date)}`;
}

/** A register document's date as the appendix prints it; a document without one shows a visible blank. */
export function registerDate(doc: RegisterDocument): string {
  // "" is a draft's date still to fill (check/draft.ts), printed as its blank.
  return doc.date === undefined ? BLANK : formatDate(doc.date);
}

export const DEFAULT_APPENDIX_HEADING = "PHỤ LỤC";

/** The appendix the report prints: none without a register, else its heading (PHỤ LỤC by default) and title. */
export function printedAppendix(report: Report): { heading: string; title: string[] } | undefined {
  if (!report.register.groups.length) return undefined;
  const a = report.identity.appendix;
  return { heading: a?.heading ?? DEFAULT_APPENDIX_HEADING, title: a?.title ?? [] };
}
