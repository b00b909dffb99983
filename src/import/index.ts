/**
 * `danvan import <file.docx> <year>`: a signed DOCX read back into a data year. Stages: read the package
 * (bounded), parse its XML, build a document model, recognise header, title, sections, closing and
 * appendix, write the YAML through `fmt`'s formatter into a staging folder, check it, then rename it into
 * place. Nothing is written when any stage fails, and an existing year is never touched.
 */
import fs from "node:fs";
import path from "node:path";
import { UsageError, type Diagnostic } from "../diagnostics.js";
import { requireNewYearName } from "../pipeline.js";
import type { Period } from "../model/period.js";
import { PROFILES } from "../profile.js";
import { readBody, type NumberingSeen, type Warning } from "./body.js";
import { citationIndex, citeDocuments } from "./citations.js";
import { findClosing, readClosing, type Closing } from "./closing.js";
import { readDocument, type Para } from "./document.js";
import { guessPeriod, readHeader } from "./header.js";
import { findAppendix, readAppendix, type Appendix } from "./appendix.js";
import { parasOf } from "./lines.js";
import { readPackage } from "./package.js";
import { repairVietnamese, type Repair } from "./text.js";
import { writeYear } from "./write.js";
import { parseXml, XmlError, type XmlElement } from "./xml.js";

export interface ImportOptions {
  file: string;
  year: string;
  dataRoot: string;
  /** Recognised figures become typed statistics with `stated` (docs/commands.md, import). */
  figures?: boolean;
}

export interface ImportResult {
  /** Files written, under the year's folder. */
  written: string[];
  /** What import could not place where it belongs, or could not read (DV607), by paragraph. */
  warnings: Diagnostic[];
  /** Vietnamese text repaired (DV608), each listed. */
  repairs: Diagnostic[];
  /** `check` on the written year: errors mean nothing was written. */
  diagnostics: Diagnostic[];
  summary: { sections: number; footnotes: number; documents: number };
  /** The period made, as its folder's name reads. */
  period: Period;
}

export function importDocx(options: ImportOptions): ImportResult {
  const { file, year, dataRoot } = options;
  const { period } = requireNewYearName(year);
  const target = path.join(dataRoot, year);
  if (fs.existsSync(target)) throw new UsageError(`năm ${year} đã có trong "${dataRoot}"; danvan import không ghi đè`, "DV606");
  const parts = readPackage(file);
  const xml = (name: string): XmlElement | undefined => {
    const text = parts.get(name);
    if (text === undefined) return undefined;
    try {
      return parseXml(text);
    } catch (err) {
      throw new UsageError(`tệp DOCX "${file}" bị hỏng: phần ${name} không phải XML hợp lệ (${err instanceof XmlError ? err.message : String(err)})`, "DV603");
    }
  };
  const model = readDocument(xml("word/document.xml")!, xml("word/styles.xml"), xml("word/numbering.xml"), xml("word/footnotes.xml"), xml("word/endnotes.xml"));
  const blocks = model.blocks;
  const header = readHeader(blocks, file);
  const warnings: Warning[] = [];
  const repairs: Repair[] = [];

  const closingAt = findClosing(blocks, header.next);
  let closing: Closing | undefined;
  let afterClosing = blocks.length;
  let bodyEnd = blocks.length;
  if (closingAt >= 0) {
    const read = readClosing(blocks, closingAt);
    closing = read.closing;
    afterClosing = read.next;
    bodyEnd = closingAt;
  }

  const appendixAt = findAppendix(blocks, closingAt >= 0 ? afterClosing : header.next);
  let appendix: Appendix | undefined;
  const used = new Set<number>();
  if (appendixAt >= 0) {
    const read = readAppendix(blocks, appendixAt);
    appendix = read.appendix;
    for (const b of read.used) used.add(b);
    if (closingAt < 0) bodyEnd = appendixAt;
  }
  // Whatever stands after the closing and is not the appendix goes back into the body, with a warning; so does
  // an appendix row that reads as no group, type or entry.
  const unplaced: Para[] = (appendix?.unread ?? []).map((row) => ({ kind: "para", index: row.index, inlines: [{ text: row.text, bold: false }], heading: false }));
  for (let b = afterClosing; b < blocks.length; b++) if (!used.has(b)) unplaced.push(...parasOf(blocks[b]).filter((p) => p.inlines.length));

  const register = appendix?.register ?? { groups: [] };
  // The data model has no report without these; making them up would be worse than saying so.
  const missing = [
    ...(register.groups.length ? [] : ["phụ lục danh mục văn bản (PHỤ LỤC, bảng: TT, thể loại và số, ngày, nội dung)"]),
    ...(closing?.signer.name && closing.signer.title ? [] : ['phần "Nơi nhận:" và chữ ký (chức vụ, họ tên người ký)']),
  ];
  if (missing.length) throw new UsageError(`không nhập được "${file}": không tìm thấy ${missing.join("; ")}`, "DV609");
  const known = citationIndex(register);
  const numbering: NumberingSeen = {};
  const sections = readBody(
    blocks.slice(header.next, bodyEnd),
    { notes: model.notes, cite: (t) => citeDocuments(t, known), repairs, warnings, noteIds: new Map(), takenIds: new Set(), numbering, figures: options.figures ?? false },
    unplaced,
  );
  // Only what differs from the profile's own numbering is written: a default stays a default.
  const defaults = PROFILES[header.profile].numbering;
  const ownNumbering = Object.fromEntries(Object.entries(numbering).filter(([k, v]) => v !== defaults[k as keyof NumberingSeen]));
  const fix = (text: string) => repairVietnamese(text, 1, repairs);
  if (!header.issuer.length) throw new UsageError(`không nhận ra tên cơ quan ban hành ở phần đầu văn bản "${file}"`, "DV605");
  const issuerText = header.issuer.join(" ");
  if (!appendix?.fullName) warnings.push({ paragraph: 1, message: `không thấy dòng "(Kèm theo … của …)" dưới phụ lục: tên đầy đủ của cơ quan (issuer.fullName) lấy từ "${issuerText}"; sửa trong report.yaml` });
  const issuerFullName = appendix?.fullName ?? sentenceCase(issuerText);
  for (const g of register.groups) {
    g.issuer = fix(g.issuer);
    for (const t of g.types) {
      t.type = fix(t.type);
      if (t.heading) t.heading = fix(t.heading);
      for (const d of t.documents) d.summary = fix(d.summary);
    }
  }
  const signer = closing!.signer;
  const recipients = closing!.recipients;
  const report = {
    profile: header.profile,
    ...(header.superior ? { superior: fix(header.superior) } : {}),
    issuer: { name: header.issuer.length === 1 ? fix(header.issuer[0]) : header.issuer.map(fix), fullName: fix(issuerFullName) },
    number: header.number,
    place: fix(header.place),
    date: header.date,
    type: fix(header.type),
    title: header.title.map(fix),
    period: guessPeriod(header.title, header.date),
    ...(Object.keys(ownNumbering).length ? { format: { numbering: ownNumbering } } : {}),
    signer: { ...(signer.authority ? { authority: fix(signer.authority) } : {}), title: fix(signer.title), name: fix(signer.name) },
    recipients: { ...recipients, list: recipients.list.map(fix), filing: fix(recipients.filing) },
    appendix: { heading: appendix!.heading, ...(appendix!.title.length ? { title: appendix!.title.map(fix) } : {}) },
  };
  const written = writeYear(dataRoot, year, { report, register, sections });
  const diag = (list: readonly { paragraph: number; message: string }[], code: string): Diagnostic[] =>
    list.map((w) => ({ code, severity: "warning", file, line: w.paragraph, col: 1, message: `đoạn ${w.paragraph}: ${w.message}` }));
  const footnotes = sections.reduce((n, s) => n + Object.keys(s.data.footnotes ?? {}).length, 0);
  const documents = register.groups.reduce((n, g) => n + g.types.reduce((m, t) => m + t.documents.length, 0), 0);
  return {
    written: written.files,
    warnings: diag(warnings, "DV607"),
    repairs: diag(repairs, "DV608"),
    diagnostics: written.diagnostics,
    summary: { sections: sections.length, footnotes, documents },
    period,
  };
}

function sentenceCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
