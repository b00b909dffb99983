/**
 * `danvan import <file.docx> <year>`: a signed DOCX read back into a data year. Stages: read the DOCX
 * (docx.ts: bounded package, strict XML, document model), recognise header, title, sections, closing and
 * appendix by content and position, write the YAML through `fmt`'s formatter into a staging folder, check
 * it, then rename it into place. Nothing is written when any stage fails, and an existing year is never
 * touched. What cannot be placed cleanly is kept as text with a warning (DV607), never as an invalid value:
 * an imported year that fails `check` is a bug of import.
 */
import fs from "node:fs";
import path from "node:path";
import { UsageError, type Diagnostic } from "../diagnostics.js";
import { requireNewYearName } from "../pipeline.js";
import type { Period } from "../model/period.js";
import { PROFILES } from "../profile.js";
import { findRegisterTable, isAppendixHeading, readAppendix, type Appendix } from "./appendix.js";
import { readBody, tableRows, type NumberingSeen, type Warning } from "./body.js";
import { citationIndex, citeDocuments } from "./citations.js";
import { findClosing } from "./closing.js";
import { plainText, type Para } from "./document.js";
import { readDocx } from "./docx.js";
import { guessPeriod, readHeader } from "./header.js";
import { isEmpty, parasOf } from "./lines.js";
import { literalText } from "./safe-text.js";
import { repairVietnamese, type Repair } from "./text.js";
import { writeYear } from "./write.js";

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
  /** `check` on the written year: errors mean nothing was written (and a bug of import). */
  diagnostics: Diagnostic[];
  summary: { sections: number; footnotes: number; documents: number };
  /** The period made, as its folder's name reads. */
  period: Period;
}

export function importDocx(options: ImportOptions): ImportResult {
  const { file, year, dataRoot } = options;
  const { period } = requireNewYearName(year);
  const target = path.join(dataRoot, year);
  if (fs.existsSync(target)) throw new UsageError(`năm ${year} đã có trong "${dataRoot}"; danvan import không ghi đè: hãy nhập vào một thư mục dữ liệu khác (--data), hoặc đổi tên thư mục năm đang có rồi nhập lại`, "DV606");
  const model = readDocx(file);
  const blocks = model.blocks;
  const header = readHeader(blocks, file);
  const warnings: Warning[] = [...model.warnings];
  const repairs: Repair[] = [];
  for (const u of header.unplaced) warnings.push({ paragraph: u.paragraph, message: `dòng "${u.text}" ở phần đầu văn bản không có chỗ trong dữ liệu: bỏ qua` });

  // The appendix starts at its heading, or at the register table when it has none.
  let headingAt = -1;
  for (let b = header.next; b < blocks.length && headingAt < 0; b++) if (isAppendixHeading(blocks[b])) headingAt = b;
  let tableAt = findRegisterTable(blocks, headingAt >= 0 ? headingAt : header.next);
  const appendixStart = headingAt >= 0 ? headingAt : tableAt >= 0 ? tableAt : blocks.length;
  const found = findClosing(blocks, header.next, appendixStart) ?? (appendixStart < blocks.length ? findClosing(blocks, appendixStart, blocks.length) : undefined);
  // A register table without a heading is the appendix only after the closing; before it, it is the body's.
  if (headingAt < 0 && found && tableAt >= 0 && tableAt < found.start) tableAt = findRegisterTable(blocks, found.end);
  const bodyEnd = Math.min(found?.start ?? blocks.length, headingAt >= 0 ? headingAt : tableAt >= 0 && (!found || tableAt > found.start) ? tableAt : blocks.length);

  const missing = [
    ...(found?.closing.recipients.list.length ? [] : ['phần "Nơi nhận:" và danh sách nơi nhận']),
    ...(found?.closing.signer ? [] : ["chữ ký (chức vụ viết hoa, rồi họ tên người ký)"]),
  ];
  if (missing.length) {
    throw new UsageError(`không nhập được "${file}": không tìm thấy ${missing.join("; ")} ở cuối văn bản. Một năm dữ liệu cần có chúng; hãy kiểm tra phần cuối văn bản trong Word rồi nhập lại`, "DV609");
  }
  const closing = found!.closing;
  const signer = closing.signer!;
  for (const mark of closing.marks) warnings.push({ paragraph: 0, message: `dấu "${mark}" ở chữ ký là dấu của bản sao, không có chỗ trong dữ liệu: bỏ qua (bản dựng lại để ký)` });

  let appendix: Appendix | undefined;
  const used = new Set<number>();
  for (let b = found!.start; b < found!.end; b++) used.add(b);
  if (headingAt >= 0 || tableAt >= 0) {
    const read = readAppendix(blocks, headingAt, tableAt, header.date);
    appendix = read.appendix;
    for (const b of read.used) used.add(b);
    for (const w of appendix.irregular) warnings.push({ paragraph: w.index, message: w.message });
  }
  // Whatever stands after the body and is neither closing nor appendix goes back into the body, with a
  // warning; so does an appendix row that reads as no group, type or entry.
  const unplaced: Para[] = (appendix?.unread ?? []).map((row) => {
    warnings.push({ paragraph: row.index, message: `hàng phụ lục "${row.text.slice(0, 60)}" không đưa vào danh mục được (${row.why})` });
    return { kind: "para", index: row.index, inlines: [{ text: row.text, bold: false }], heading: false };
  });
  for (let b = bodyEnd; b < blocks.length; b++) {
    const block = blocks[b];
    if (used.has(b) || isEmpty(block)) continue;
    unplaced.push(...(block.kind === "table" ? tableRows(block) : [block]).filter((p) => p.inlines.length));
  }

  // A note no reference in the body reaches (one in the header or the title) is kept as text.
  const referenced = new Set<string>();
  for (const p of [...blocks.slice(header.next, bodyEnd).flatMap(parasOf), ...unplaced]) for (const i of p.inlines) if ("footnote" in i) referenced.add(i.footnote);
  for (const [id, inlines] of model.notes) {
    if (referenced.has(id) || !plainText(inlines).trim()) continue;
    warnings.push({ paragraph: 0, message: `chú thích ${id} không được dẫn từ thân văn bản (có thể từ phần đầu hoặc trích yếu): nội dung của nó đưa vào mục cuối` });
    unplaced.push({ kind: "para", index: 0, inlines, heading: false });
  }
  const register = appendix?.register ?? { groups: [] };
  // Printed literally: repaired, and without what check refuses in a literal field.
  const fix = (text: string) => literalText(repairVietnamese(text, 1, repairs), 0, warnings);
  if (!header.issuer.length) throw new UsageError(`không nhận ra tên cơ quan ban hành ở phần đầu văn bản "${file}": cần tên cơ quan (chữ in hoa) phía trên dòng "Số …"`, "DV605");
  const issuerText = header.issuer.join(" ");
  const issuerFullName = appendix?.fullName ?? fullNameOf(header.issuer, header.superior);
  if (!appendix?.fullName) {
    const where = appendix ? 'không thấy dòng "(Kèm theo … của …)" dưới phụ lục' : "văn bản không có phụ lục ghi tên đầy đủ của cơ quan";
    warnings.push({ paragraph: 0, message: `${where}: tên đầy đủ (issuer.fullName) "${issuerFullName}" suy ra từ "${issuerText}" ở phần đầu; sửa trong report.yaml nếu chưa đúng` });
  }
  for (const g of register.groups) {
    if (!g.issuer) {
      warnings.push({ paragraph: 0, message: `danh mục văn bản không chia nhóm theo cơ quan: xếp vào một nhóm mang tên "${issuerFullName}"; sửa trong documents.yaml` });
      g.issuer = issuerFullName;
    }
    g.issuer = fix(g.issuer);
    for (const t of g.types) {
      t.type = fix(t.type);
      if (t.heading) t.heading = fix(t.heading);
      for (const d of t.documents) {
        d.summary = fix(d.summary);
        if (d.note) d.note = fix(d.note);
      }
    }
  }
  const known = citationIndex(register);
  const numbering: NumberingSeen = {};
  const sections = readBody(
    blocks.slice(header.next, bodyEnd),
    { notes: model.notes, cite: (t) => citeDocuments(t, known), repairs, warnings, noteIds: new Map(), takenIds: new Set(), numbering, figures: options.figures ?? false },
    unplaced,
  );
  if (!sections.length) throw new UsageError(`không nhập được "${file}": không có nội dung nào giữa trích yếu và phần "Nơi nhận:"`, "DV609");
  // Only what differs from the profile's own numbering is written: a default stays a default.
  const defaults = PROFILES[header.profile].numbering;
  const ownNumbering = Object.fromEntries(Object.entries(numbering).filter(([k, v]) => v !== defaults[k as keyof NumberingSeen]));
  const { recipients } = closing;
  if (!recipients.filing) warnings.push({ paragraph: 0, message: 'danh sách nơi nhận không có dòng "Lưu …": để trống (recipients.filing)' });
  const hasRegister = register.groups.length > 0;
  if (!hasRegister && appendix?.heading) warnings.push({ paragraph: 0, message: `phụ lục "${appendix.heading}" không có bảng danh mục văn bản (cột số ký hiệu, ngày, trích yếu): nội dung của nó đưa vào mục cuối` });
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
    signer: {
      ...(signer.authority ? { authority: Array.isArray(signer.authority) ? signer.authority.map(fix) : fix(signer.authority) } : {}),
      title: fix(signer.title),
      name: fix(signer.name),
    },
    recipients: {
      list: recipients.list.map(fix),
      ...(recipients.filing ? { filing: fix(recipients.filing) } : {}),
      ...(recipients.note ? { note: recipients.note } : {}),
    },
    ...(hasRegister
      ? {
          appendix: {
            heading: appendix?.heading ?? "PHỤ LỤC",
            ...(appendix?.title.length ? { title: appendix.title.map(fix) } : {}),
            ...(appendix?.layout ? { ...(appendix.layout.typeRows || appendix.layout.columns.some((c) => c.role === "type") ? {} : { typeRows: false }), columns: appendix.layout.columns.map((c) => ({ ...c, label: fix(c.label) })) } : {}),
          },
        }
      : {}),
  };
  const written = writeYear(dataRoot, year, { report, register: hasRegister ? register : undefined, sections });
  const diag = (list: readonly { paragraph: number; message: string }[], code: string): Diagnostic[] =>
    list.map((w) => ({ code, severity: "warning", file, line: Math.max(1, w.paragraph), col: 1, message: w.paragraph > 0 ? `đoạn ${w.paragraph}: ${w.message}` : w.message }));
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

/**
 * The issuer's name as a sentence writes it, from the header's capitals when the appendix does not say it,
 * by the rule for writing names of bodies in capitals (Nghị định 30/2020, Phụ lục VI): the kind of body in
 * lower case after its first letter, then the first letter of its own name ("BAN DÂN VẬN" → "Ban Dân vận",
 * "BAN TUYÊN GIÁO VÀ DÂN VẬN" → "Ban Tuyên giáo và Dân vận", "PHÒNG NỘI VỤ" → "Phòng Nội vụ"), a place as
 * its unit and its name ("HUYỆN ĐỨC AN" → "huyện Đức An"). A party board is named with its committee
 * ("Ban Dân vận Tỉnh ủy"). A warning says it was derived.
 */
function fullNameOf(issuer: readonly string[], superior: string): string {
  const lower = issuer.join(" ").toLowerCase().replace(/\s+/g, " ").trim();
  const kind = BODY_KINDS.find((k) => lower === k || lower.startsWith(`${k} `)) ?? lower.split(" ")[0];
  const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  let rest = lower.slice(kind.length).trim();
  let own = "";
  const place = PLACE_UNIT.exec(rest);
  if (place) {
    own = `${place[1]} ${rest.slice(place[1].length).trim().split(" ").map(capital).join(" ")}`;
    rest = "";
  } else if (rest) own = rest.split(" ").map((w, i, all) => (i === 0 || all[i - 1] === "và" ? capital(w) : w)).join(" ");
  let name = capital([kind, own].filter(Boolean).join(" "));
  const committee = /^(TỈNH ỦY|HUYỆN ỦY|THÀNH ỦY|THỊ ỦY|QUẬN ỦY|ĐẢNG ỦY)\b/u.exec(superior);
  if (committee && /^BAN\b/u.test(issuer[0] ?? "")) name += ` ${capital(committee[1].toLowerCase())}`;
  return name;
}

/** Kinds of body, the longest first: what follows is the body's own name. */
const BODY_KINDS = [
  "ủy ban mặt trận tổ quốc việt nam", "ủy ban nhân dân", "uỷ ban nhân dân", "hội đồng nhân dân", "ban cán sự đảng", "kho bạc nhà nước",
  "bộ chỉ huy", "văn phòng", "chi cục", "trung tâm", "đảng ủy", "đảng đoàn", "liên đoàn", "bệnh viện", "công an", "thanh tra",
  "ban", "sở", "phòng", "cục", "hội", "đoàn", "trường", "viện", "vụ", "bộ",
];
const PLACE_UNIT = /^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)(?=\s|$)/u;
