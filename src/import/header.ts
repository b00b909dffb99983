/**
 * The first page's header block (superior, issuing body, number, motto, place and date) and the title
 * (document type, summary lines, up to the rule under them). Read by content and position, the way a clerk
 * reads it, since Word files lay it out as a table, as tab-separated paragraphs or as text boxes.
 */
import { UsageError } from "../diagnostics.js";
import type { Profile } from "../model/index.js";
import { allBold, type Block, type Para } from "./document.js";
import { isRuleText, lines, parasOf, shownText } from "./lines.js";
import { isNumberedHeading } from "./headings.js";
import { squash } from "./text.js";
import { parseIsoDate } from "../text/format.js";
import { YEAR_RANGE } from "../pipeline.js";

export interface Header {
  profile: Profile;
  /** Empty when the header names no superior body (a district UBND). */
  superior: string;
  /** One line, or several (`ỦY BAN NHÂN DÂN` / `HUYỆN ĐỨC AN`). */
  issuer: string[];
  number: string;
  place: string;
  date: string;
  type: string;
  title: string[];
  /** The first block after the title. */
  next: number;
  /** Header lines that have no place in the data (a "DỰ THẢO" or "KHẨN" mark), for a warning. */
  unplaced: Array<{ paragraph: number; text: string }>;
}

const MOTTO: Record<string, Profile | "state-line"> = {
  "ĐẢNG CỘNG SẢN VIỆT NAM": "party",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": "state",
  "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM": "state",
  "ĐỘC LẬP - TỰ DO - HẠNH PHÚC": "state-line",
};

const PLACE_DATE = /^(.+?),?\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\s*\.?$/u;
const NUMBER = /^Số\s*(:?)\s*(\S.*)$/u;
/** Marks a header may carry that the data has no place for. */
const MARK = /^(DỰ THẢO|Dự thảo(\s+lần\s+\d+)?|MẬT|TỐI MẬT|TUYỆT MẬT|KHẨN|THƯỢNG KHẨN|HỎA TỐC|HOẢ TỐC)$/u;
/** The document types a report's header names (Nghị định 30/2020, Phụ lục III; Hướng dẫn 36-HD/VPTW). */
const TYPES = /^(BÁO CÁO|KẾ HOẠCH|TỜ TRÌNH|CHƯƠNG TRÌNH|ĐỀ ÁN|PHƯƠNG ÁN|THÔNG BÁO|HƯỚNG DẪN|NGHỊ QUYẾT|QUYẾT ĐỊNH|CHỈ THỊ|KẾT LUẬN|QUY ĐỊNH|QUY CHẾ|THÔNG TRI|CÔNG VĂN|BIÊN BẢN|TỔNG KẾT|DIỄN VĂN)\b/u;

/** "Báo cáo" typed in lower case, alone on its line: still the type. */
function typeInLowerCase(line: string): boolean {
  return line.split(/\s+/).length <= 4 && TYPES.test(line.normalize("NFC").toUpperCase());
}

function mottoOf(line: string): Profile | "state-line" | undefined {
  return MOTTO[line.normalize("NFC").toUpperCase().replace(/\s*[-–—]\s*/g, " - ").replace(/\s+/g, " ")];
}

function isUpperLine(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toUpperCase() && !/\d/.test(text) && text.split(" ").length <= 8;
}

/**
 * A header line's pieces: a table cell is one piece per line; a paragraph typed with the left and the right
 * column on one line is split where tabs or a run of spaces stand between them.
 */
function pieces(p: Para): string[] {
  const out: string[] = [];
  for (const raw of p.inlines.map((i) => ("text" in i ? i.text : "break" in i ? "\n" : "")).join("").split("\n")) {
    for (const part of raw.split(/\t+|\s{3,}/)) {
      const t = squash(part);
      if (t) out.push(...splitMotto(t));
    }
  }
  return out;
}

/** "BAN DÂN VẬN ĐẢNG CỘNG SẢN VIỆT NAM" typed with single spaces: the motto at its end is its own piece. */
function splitMotto(text: string): string[] {
  const upper = text.normalize("NFC").toUpperCase();
  for (const motto of Object.keys(MOTTO)) {
    const at = upper.indexOf(motto);
    if (at > 0 && upper.slice(at).trim().length === motto.length) return [text.slice(0, at).trim(), text.slice(at).trim()];
  }
  return [text];
}

interface Found {
  names: Array<{ text: string; bold: boolean; paragraph: number }>;
  number?: string;
  colon?: boolean;
  place?: string;
  date?: string;
  motto?: Profile;
  stateLine?: boolean;
  unplaced: Array<{ paragraph: number; text: string }>;
}

export function readHeader(blocks: readonly Block[], file: string): Header {
  const found: Found = { names: [], unplaced: [] };
  let typeAt = -1;
  let typeLine = "";
  let typeRest: string[] = [];
  for (let b = 0; b < blocks.length && typeAt < 0; b++) {
    const block = blocks[b];
    for (const p of parasOf(block)) {
      const ps = pieces(p);
      for (let k = 0; k < ps.length; k++) {
        const line = ps[k];
        const m = mottoOf(line);
        if (m) {
          if (m === "state-line") found.stateLine = true;
          else found.motto ??= m;
          continue;
        }
        const pd = PLACE_DATE.exec(line);
        if (pd && !found.date) {
          found.place = squash(pd[1]).replace(/,$/, "");
          found.date = `${pd[4]}-${pd[3].padStart(2, "0")}-${pd[2].padStart(2, "0")}`;
          continue;
        }
        const num = NUMBER.exec(line);
        if (num && !found.number) {
          found.number = squash(num[2]);
          found.colon = num[1] === ":";
          continue;
        }
        if (/^[*\-–_=.]+$/.test(line.replace(/\s/g, "")) || /^V\/v\b/u.test(line)) continue;
        if (MARK.test(line)) {
          found.unplaced.push({ paragraph: p.index, text: line });
          continue;
        }
        // The document type: capitals standing alone, outside the header table, after the number or the date.
        if (block.kind === "para" && k === 0 && (found.number || found.date) && (isUpperLine(line) || TYPES.test(line) || typeInLowerCase(line))) {
          typeAt = b;
          typeLine = line;
          typeRest = ps.slice(k + 1);
          break;
        }
        if (block.kind === "para" && (found.number || found.date)) continue;
        if (found.number) continue;
        found.names.push({ text: line, bold: allBold(p.inlines), paragraph: p.index });
      }
      if (typeAt >= 0) break;
    }
  }
  if (typeAt < 0 || !found.number || !found.date) {
    const missing = [
      ...(found.number ? [] : ['số ký hiệu ("Số …")']),
      ...(found.date ? [] : ['địa danh và ngày ("…, ngày … tháng … năm …")']),
      ...(typeAt >= 0 ? [] : ["tên loại văn bản (ví dụ BÁO CÁO) đứng riêng một dòng dưới phần đầu"]),
    ];
    throw new UsageError(
      `không nhận ra phần đầu văn bản trong "${file}": thiếu ${missing.join(", ")}. Đây có phải là một báo cáo đã ký không? Nếu phải, hãy sửa phần đầu trong Word cho đúng thể thức rồi nhập lại`,
      "DV605",
    );
  }
  // The report's own date is on the calendar, in the years a report's period can name, or this is no data year.
  const year = Number(found.date.slice(0, 4));
  if (!parseIsoDate(found.date) || year < YEAR_RANGE.min || year > YEAR_RANGE.max) {
    throw new UsageError(
      `ngày của văn bản "${file}" không phải là ngày có thật (${found.date.split("-").reverse().join("/")}): hãy sửa dòng "…, ngày … tháng … năm …" ở phần đầu văn bản trong Word rồi nhập lại`,
      "DV605",
    );
  }
  // "BÁO CÁO KẾT QUẢ CÔNG TÁC …" on one line: the type is its first words, the rest the first title line.
  // Only a line that is no type on its own (it has figures, or runs long): "BÁO CÁO TÓM TẮT" is a type.
  typeLine = typeInLowerCase(typeLine) ? typeLine.toUpperCase() : typeLine;
  const known = TYPES.exec(typeLine);
  const split = known !== null && typeLine.length > known[0].length + 1 && !isUpperLine(typeLine);
  const upperType = split ? known[0] : typeLine;
  const titleHead = split ? [typeLine.slice(known[0].length).trim()] : [];
  const { title, next } = readTitle(blocks, typeAt, [...titleHead, ...typeRest]);
  if (!title.length) {
    throw new UsageError(`không thấy trích yếu nội dung dưới tên loại văn bản "${typeLine}" trong "${file}": một năm dữ liệu cần có nó; hãy kiểm tra phần đầu văn bản trong Word rồi nhập lại`, "DV605");
  }
  const profile: Profile = found.motto ?? (found.stateLine || found.colon ? "state" : "party");
  const { superior, issuer } = splitNames(found.names, profile);
  return {
    profile,
    superior,
    issuer,
    number: found.number,
    place: found.place ?? "",
    date: found.date,
    type: upperType.charAt(0) + upperType.slice(1).toLowerCase(),
    title,
    next,
    unplaced: found.unplaced,
  };
}

/**
 * The summary lines under the type: the first paragraph after it whatever it looks like (it is the trích
 * yếu by position), then those set like it (bold or centred), up to a drawn rule of any kind (a border, a
 * line shape, `-----`, `____`) or the first numbered heading, whichever comes first.
 */
function readTitle(blocks: readonly Block[], typeAt: number, fromTypeParagraph: string[]): { title: string[]; next: number } {
  const title = [...fromTypeParagraph];
  const typePara = blocks[typeAt] as Para;
  if (typePara.ruleBelow) return { title, next: typeAt + 1 };
  let at = typeAt + 1;
  for (; at < blocks.length && title.length < 8; at++) {
    const block = blocks[at];
    if (block.kind !== "para") break;
    const text = shownText(block);
    if (text === "" || isRuleText(text)) {
      if (block.ruleBelow || block.ruleAbove || isRuleText(text)) {
        at++;
        break;
      }
      continue;
    }
    if (block.ruleAbove && title.length) break;
    if (isNumberedHeading(block) || /^Kính gửi\b/u.test(text)) break;
    const setLikeTitle = allBold(block.inlines) || block.align === "center";
    if (title.length && !setLikeTitle) break;
    title.push(...lines(block).filter((l) => !isRuleText(l)));
    if (block.ruleBelow) {
      at++;
      break;
    }
  }
  return { title, next: at };
}

/**
 * Superior and issuer by the profile's header layout. Party: the superior plain, the issuer bold, above the
 * `*`. State: the issuer may span lines (`ỦY BAN NHÂN DÂN` / `HUYỆN ĐỨC AN`), bold, under a plain superior
 * when there is one. Where weight says nothing (all lines alike), a body named without its place on the
 * next line is one issuer; otherwise the last line is the issuer.
 */
function splitNames(names: Found["names"], profile: Profile): { superior: string; issuer: string[] } {
  const lines = joinContinuations(names);
  if (!lines.length) return { superior: "", issuer: [] };
  const firstBold = lines.findIndex((l) => l.bold);
  if (firstBold > 0 && lines.slice(firstBold).every((l) => l.bold)) {
    return { superior: lines.slice(0, firstBold).map((l) => l.text).join(" "), issuer: lines.slice(firstBold).map((l) => l.text) };
  }
  if (profile === "state" && lines.length >= 2 && BODY_WITHOUT_PLACE.test(lines[lines.length - 2].text) && PLACE_UNIT.test(lines[lines.length - 1].text)) {
    const split = lines.length - 2;
    return { superior: lines.slice(0, split).map((l) => l.text).join(" "), issuer: lines.slice(split).map((l) => l.text) };
  }
  const split = lines.length - 1;
  return { superior: lines.slice(0, split).map((l) => l.text).join(" "), issuer: [lines[split].text] };
}

/** A state body whose name says where it is only on the next line. */
const BODY_WITHOUT_PLACE = /^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|UBND|HĐND|ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM)$/u;
const PLACE_UNIT = /^(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\b/u;

/** A line that begins with "VÀ", "CỦA", "VỀ" continues the name on the line above it. */
function joinContinuations(names: Found["names"]): Found["names"] {
  const out: Found["names"] = [];
  for (const n of names) {
    const last = out[out.length - 1];
    if (last && /^(VÀ|CỦA|VỀ|THUỘC|KHỐI)\b/u.test(n.text) && last.bold === n.bold) last.text = `${last.text} ${n.text}`;
    else out.push({ ...n });
  }
  return out;
}

/** The period a report covers: "giai đoạn 2017 - 2021", "năm 2021", else the year of its date. */
export function guessPeriod(title: readonly string[], date: string): { from: number; to: number } {
  const text = title.join(" ");
  // A year no period can name (a typing slip: "năm 3021") is no period; the date's year is.
  const named = (y: number) => y >= YEAR_RANGE.min && y <= YEAR_RANGE.max;
  const range = /(\d{4})\s*[-–]\s*(\d{4})/.exec(text);
  if (range && named(Number(range[1])) && named(Number(range[2]))) return { from: Number(range[1]), to: Number(range[2]) };
  const year = /năm\s+(\d{4})/u.exec(text);
  const y = year && named(Number(year[1])) ? Number(year[1]) : Number(date.slice(0, 4));
  return { from: y, to: y };
}
