/**
 * Citations of register documents in prose become `{{doc "id"}}`, but only where the printed words are
 * exactly what the helper prints back ("Kế hoạch số 3111/KH-UBND, ngày 11/8/2017", or "Số …" for
 * `type=false`, without the date for `date=false`): a rebuilt report then reads as the signed one.
 */
import { formatDate, parseIsoDate } from "../text/format.js";
import type { Register } from "../model/index.js";

interface Known {
  id: string;
  type: string;
  /** As the helper prints it; undefined for a document without a date or with one off the calendar (check reports it as DV351): it is cited without one. */
  date?: string;
}

export function citationIndex(register: Register): Map<string, Known> {
  const byNumber = new Map<string, Known>();
  for (const g of register.groups) for (const t of g.types) for (const d of t.documents) if (!byNumber.has(d.number)) byNumber.set(d.number, { id: d.id, type: t.type, date: d.date !== undefined && parseIsoDate(d.date) ? formatDate(d.date) : undefined });
  return byNumber;
}

/** Rewrites the citations in one piece of literal text (never inside a `{{…}}`). */
export function citeDocuments(text: string, known: ReadonlyMap<string, Known>): string {
  if (known.size === 0) return text;
  return text
    .split(/(\{\{[^}]*\}\})/)
    .map((part, i) => (i % 2 ? part : citeIn(part, known)))
    .join("");
}

function citeIn(text: string, known: ReadonlyMap<string, Known>): string {
  let out = "";
  let cursor = 0;
  const re = /(^|[^\p{L}])(số|Số) ([^\s,;:()]+)/gu;
  for (const m of text.matchAll(re)) {
    let number = m[3];
    let doc = known.get(number);
    if (!doc && /\.$/.test(number)) {
      number = number.slice(0, -1);
      doc = known.get(number);
    }
    if (!doc) continue;
    const soAt = m.index + m[1].length;
    let start = soAt;
    const hash: string[] = [];
    if (m[2] === "Số") hash.push("type=false");
    else if (text.slice(0, soAt).endsWith(`${doc.type} `) && soAt - doc.type.length - 1 >= cursor) start = soAt - doc.type.length - 1;
    else continue;
    let end = soAt + 3 + number.length;
    const dated = `, ngày ${doc.date}`;
    if (doc.date !== undefined && text.startsWith(dated, end) && !/[\d/]/.test(text[end + dated.length] ?? "")) end += dated.length;
    else hash.unshift("date=false");
    out += text.slice(cursor, start) + `{{doc "${doc.id}"${hash.map((h) => ` ${h}`).join("")}}}`;
    cursor = end;
  }
  return out + text.slice(cursor);
}
