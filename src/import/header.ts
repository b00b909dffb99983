/**
 * The first page's header block (superior, issuing body, number, motto, place and date) and the title
 * (document type, summary lines, the short rule). Read by content, the way a clerk reads it, since Word
 * files lay it out as a table, as paragraphs or as text boxes.
 */
import { UsageError } from "../diagnostics.js";
import type { Profile } from "../model/index.js";
import { allBold, type Block } from "./document.js";
import { lines, parasOf, shownText } from "./lines.js";
import { squash } from "./text.js";

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
}

const MOTTO: Record<string, Profile | "state-line"> = {
  "ĐẢNG CỘNG SẢN VIỆT NAM": "party",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": "state",
  "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM": "state",
  "ĐỘC LẬP - TỰ DO - HẠNH PHÚC": "state-line",
};

const PLACE_DATE = /^(.+?),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\.?$/u;
const NUMBER = /^Số\s*(:?)\s*(\S.*)$/u;

function mottoOf(line: string): Profile | "state-line" | undefined {
  return MOTTO[line.normalize("NFC").toUpperCase().replace(/\s*[-–]\s*/g, " - ")];
}

function isUpperLine(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toUpperCase() && !/\d/.test(text) && text.split(" ").length <= 6;
}

export function readHeader(blocks: readonly Block[], file: string): Header {
  const found: { superiorLines: Array<{ text: string; bold: boolean }>; number?: string; colon?: boolean; place?: string; date?: string; motto?: Profile } = { superiorLines: [] };
  let typeAt = -1;
  for (let b = 0; b < blocks.length && typeAt < 0; b++) {
    const block = blocks[b];
    for (const p of parasOf(block)) {
      for (const line of lines(p)) {
        const m = mottoOf(line);
        if (m) {
          if (m !== "state-line") found.motto ??= m;
          continue;
        }
        const pd = PLACE_DATE.exec(line);
        if (pd && !found.date) {
          found.place = squash(pd[1]);
          found.date = `${pd[4]}-${pd[3].padStart(2, "0")}-${pd[2].padStart(2, "0")}`;
          continue;
        }
        const num = NUMBER.exec(line);
        if (num && !found.number) {
          found.number = squash(num[2]);
          found.colon = num[1] === ":";
          continue;
        }
        if (/^[*\-–_]+$/.test(line)) continue;
        // The document type: the first capitals standing alone after the number or the date.
        if (block.kind === "para" && (found.number || found.date) && isUpperLine(line)) {
          typeAt = b;
          break;
        }
        if (block.kind === "para" && (found.number || found.date)) continue;
        found.superiorLines.push({ text: line, bold: allBold(p.inlines) });
      }
      if (typeAt >= 0) break;
    }
  }
  if (typeAt < 0 || !found.number || !found.date) {
    throw new UsageError(
      `không nhận ra phần đầu văn bản trong "${file}": cần số ký hiệu ("Số …"), địa danh và ngày ("…, ngày … tháng … năm …") và tên loại văn bản (ví dụ BÁO CÁO)`,
      "DV605",
    );
  }
  const upperType = lines(blocks[typeAt] as Extract<Block, { kind: "para" }>)[0] ?? "";
  const title: string[] = [];
  let at = typeAt + 1;
  for (; at < blocks.length && title.length < 8; at++) {
    const block = blocks[at];
    if (block.kind !== "para") break;
    const text = shownText(block);
    if (text === "") continue;
    if (/^[-_–—.\s*]{3,}$/.test(text)) {
      at++;
      break;
    }
    if (!allBold(block.inlines) || block.heading) break;
    title.push(...lines(block));
  }
  // The issuing body is set in bold under a superior that is not; when bold says nothing (all or none of
  // it, as a table's heading row makes it), the issuing body is the last line.
  const names = found.superiorLines;
  const firstBold = names.findIndex((l) => l.bold);
  const informative = firstBold > 0 && names.slice(firstBold).every((l) => l.bold);
  const split = informative ? firstBold : Math.max(0, names.length - 1);
  return {
    profile: found.motto ?? (found.colon ? "state" : "party"),
    superior: names.slice(0, split).map((l) => l.text).join(" "),
    issuer: names.slice(split).map((l) => l.text),
    number: found.number,
    place: found.place ?? "",
    date: found.date,
    type: upperType.charAt(0) + upperType.slice(1).toLowerCase(),
    title,
    next: at,
  };
}

/** The period a report covers: "giai đoạn 2017 - 2021", "năm 2021", else the year of its date. */
export function guessPeriod(title: readonly string[], date: string): { from: number; to: number } {
  const text = title.join(" ");
  const range = /(\d{4})\s*[-–]\s*(\d{4})/.exec(text);
  if (range) return { from: Number(range[1]), to: Number(range[2]) };
  const year = /năm\s+(\d{4})/u.exec(text);
  const y = Number(year?.[1] ?? date.slice(0, 4));
  return { from: y, to: y };
}
