/**
 * The closing: "Nơi nhận:" with its list and the signature (authority, title, name), recognised in any
 * order and layout — a two-column table (recipients left, signer right, or a row whose left cell is
 * empty), stacked paragraphs, the signer above the recipients or below them. Marks such as "(Đã ký)" and
 * a seal note are marks, not the signer's title. In the list, a recipient wrapped onto a second line
 * (Shift+Enter or a new paragraph) is one recipient; a note at the right of the lines ("(báo cáo)", also
 * split as "(báo" / "cáo)" or standing in a text box) is one note about the recipients beside it.
 */
import type { Block, Para } from "./document.js";
import { isEmpty, lines, parasOf, rawLines } from "./lines.js";
import { squash } from "./text.js";

export interface Closing {
  recipients: { list: string[]; filing?: string; note?: { text: string; first: number } };
  /** `authority` on one line, or several (`TM. ỦY BAN NHÂN DÂN` / `KT. CHỦ TỊCH`). */
  signer?: { authority?: string | string[]; title: string; name: string };
  /** "(Đã ký)", a seal note: read as marks of the signature, kept out of the data. */
  marks: string[];
}

export interface FoundClosing {
  closing: Closing;
  /** The first block of the closing (the body ends before it) and the first block after it. */
  start: number;
  end: number;
}

const LABEL = /^\s*Nơi\s+nhận\s*:?/iu;

function hasLabel(p: Para): boolean {
  return LABEL.test(lines(p)[0] ?? "");
}

/** Where the closing is between `from` and `to`: around the block holding "Nơi nhận", else a signature at the end. */
export function findClosing(blocks: readonly Block[], from: number, to: number): FoundClosing | undefined {
  let at = -1;
  for (let b = from; b < to && at < 0; b++) if (parasOf(blocks[b]).some(hasLabel)) at = b;
  if (at < 0) {
    const before = signerBefore(blocks, to, from);
    return before ? { closing: { recipients: { list: [] }, signer: before.signer, marks: before.marks }, start: before.start, end: to } : undefined;
  }
  const block = blocks[at];
  let recipientParas: Para[];
  let inTable: Para[] = [];
  let end = at + 1;
  if (block.kind === "table") {
    const cells = block.rows.flat();
    const labelled = cells.findIndex((c) => c.paras.some(hasLabel));
    recipientParas = cells[labelled].paras;
    inTable = cells.filter((_c, i) => i !== labelled).flatMap((c) => c.paras);
  } else {
    recipientParas = [block];
    for (; end < to; end++) {
      const next = blocks[end];
      if (next.kind !== "para") break;
      if (isEmpty(next)) continue;
      if (!isRecipientLine(next, recipientParas)) break;
      recipientParas.push(next);
    }
    while (end > at + 1 && isEmpty(blocks[end - 1])) end--;
  }
  const recipients = readRecipients(recipientParas);
  let start = at;
  let signer = readSigner(inTable);
  let marks = signer ? marksIn(inTable) : [];
  if (!signer) {
    const after = signerAfter(blocks, end, to);
    if (after) {
      ({ signer, marks } = after);
      end = after.end;
    } else {
      const before = signerBefore(blocks, at, from);
      if (before) {
        ({ signer, marks } = before);
        start = before.start;
      }
    }
  }
  return { closing: { recipients, ...(signer ? { signer } : {}), marks }, start, end };
}

/** A paragraph that goes on the list: a `- ` line, a line wrapped from the one above, a note, a text box beside it. */
function isRecipientLine(p: Para, sofar: readonly Para[]): boolean {
  const first = lines(p)[0] ?? "";
  if (p.label?.bullet || /^[-+•–]\s*\S/u.test(first)) return true;
  if (p.textBox || /^\(?[^()]*\)?$/u.test(first) && /^\(|\)$/u.test(first)) return true;
  if (isSignerLine(first) || isMark(first)) return false;
  // A wrapped recipient: lower case, or after a line that did not end as an item ends.
  const last = sofar.length ? lines(sofar[sofar.length - 1]).pop() ?? "" : "";
  return /^\p{Ll}/u.test(first) || (last !== "" && !/[,;.:]$/u.test(last) && !LABEL.test(last));
}

function readRecipients(paras: readonly Para[]): Closing["recipients"] {
  const items: string[] = [];
  let note: { text: string; first: number; open: boolean } | undefined;
  const addNote = (text: string, first: number) => {
    if (!note) note = { text, first: Math.max(1, first), open: !text.includes(")") };
    else if (note.open) {
      note.text = `${note.text} ${text}`;
      note.first = Math.max(note.first, first);
      note.open = !text.includes(")");
    }
  };
  let endedItem = true;
  for (const p of paras) {
    // A list numbered by Word: each paragraph is a recipient, its mark not in its text.
    const marked = p.label !== undefined;
    let firstLine = true;
    for (const raw of rawLines(p)) {
      const starts = marked && firstLine;
      firstLine = false;
      let line = raw.replace(LABEL, "");
      if (!line.trim()) continue;
      if (p.textBox && /^\s*\(/u.test(line)) {
        addNote(squash(line), items.length);
        continue;
      }
      // The note at the right of a line, after a tab or a run of spaces; a drawn brace "}" before it is layout.
      const tail = /^(.*?\S)?(?:\t+|\s{3,})[\}\s]*(\(.*|[^()]*\))\s*$/u.exec(line);
      if (tail && (tail[2].startsWith("(") || note?.open)) {
        line = tail[1] ?? "";
        addNote(squash(tail[2]), items.length + (/^[-+•–]/u.test(line.trim()) || (line.trim() && endedItem) ? 1 : 0));
      } else if (note?.open && /^\s*[^-+•–(]*\)\s*$/u.test(line)) {
        addNote(squash(line), items.length);
        continue;
      }
      line = squash(line.replace(/\s*\}+\s*$/u, ""));
      if (!line) continue;
      // The note on a line of its own, after the items it is about.
      if (/^\([^()]*\)?$/u.test(line) && items.length) {
        addNote(line, items.length);
        continue;
      }
      const bullet = /^[-+•–−]\s*/u.exec(line);
      const text = line.slice(bullet?.[0].length ?? 0);
      if (!bullet && !starts && items.length && (!endedItem || /^\p{Ll}/u.test(text))) items[items.length - 1] = `${items[items.length - 1]} ${text}`;
      else items.push(text);
      endedItem = /[,;.]$/u.test(text);
    }
  }
  const cleaned = items.map((i) => squash(i).replace(/[,;.]+$/u, "")).filter(Boolean);
  const last = cleaned[cleaned.length - 1] ?? "";
  const hasFiling = /^Lưu\b/u.test(last);
  const list = hasFiling ? cleaned.slice(0, -1) : cleaned;
  return {
    list,
    ...(hasFiling ? { filing: last } : {}),
    // `first`: how many of the list's first lines the note is about.
    ...(note && list.length ? { note: { text: note.text, first: Math.min(note.first, list.length) } } : {}),
  };
}

/** "(Đã ký)", "Đã ký", "(Ký, đóng dấu)", "(Ký tên, đóng dấu)", "[signed]": a mark of the signature or the seal. */
export function isMark(line: string): boolean {
  const words = line
    .toLowerCase()
    .replace(/[()[\]{},.;:/–-]/gu, " ")
    .split(/\s+/)
    .filter(Boolean);
  const vocabulary = new Set(["đã", "ký", "kí", "tên", "và", "đóng", "dấu", "chữ", "ghi", "rõ", "họ", "signed", "seal", "signature", "nơi", "vị", "trí", "có"]);
  return words.length > 0 && words.length <= 8 && words.every((w) => vocabulary.has(w)) && words.some((w) => ["ký", "kí", "dấu", "signed", "seal", "signature"].includes(w));
}

/** Capitals of a signing authority or a title: T/M BAN THƯỜNG VỤ, KT. CHỦ TỊCH, TRƯỞNG BAN. */
function isSignerLine(line: string): boolean {
  return /\p{Lu}/u.test(line) && line === line.toUpperCase() && !/\d/.test(line) && line.split(/\s+/).length <= 10 && !/^(PHỤ LỤC|NƠI NHẬN)/u.test(line);
}

/** A person's name: two to six words, no digits; or a placeholder where the name is to go ("[Họ và tên]", "…………"). */
function isName(line: string): boolean {
  if (/^\[[^\]\d]{2,40}\]$/u.test(line) || /^[.…_]{3,}$/u.test(line)) return true;
  const words = line.split(/\s+/);
  return words.length >= 2 && words.length <= 6 && !/[\d:;()[\]]/.test(line) && words.every((w) => /^\p{Lu}/u.test(w));
}

/** A block every line of which could be part of a signature. */
function signerLike(b: Block): boolean {
  if (isEmpty(b)) return true;
  if (b.kind === "para" && (b.ruleBelow || b.ruleAbove) && lines(b).length === 0) return true;
  return parasOf(b).every((p) => lines(p).every((l) => isSignerLine(l) || isMark(l) || isName(l)));
}

function readSigner(paras: readonly Para[]): Closing["signer"] {
  const all = paras.flatMap((p) => lines(p)).filter((l) => !isMark(l));
  if (all.length < 2) return undefined;
  const name = all[all.length - 1];
  const title = all[all.length - 2];
  if (!isName(name) || !isSignerLine(title)) return undefined;
  const authority = all.slice(0, -2);
  return { ...(authority.length ? { authority: authority.length === 1 ? authority[0] : authority } : {}), title, name };
}

function marksIn(paras: readonly Para[]): string[] {
  return paras.flatMap((p) => lines(p)).filter(isMark);
}

type FoundSigner = { signer: NonNullable<Closing["signer"]>; marks: string[] };

/** A signature in the blocks just before `at`: the body ends where it begins. */
function signerBefore(blocks: readonly Block[], at: number, from: number): (FoundSigner & { start: number }) | undefined {
  let start = at;
  while (start > from && signerLike(blocks[start - 1])) start--;
  while (start < at && isEmpty(blocks[start])) start++;
  const paras = blocks.slice(start, at).flatMap(parasOf);
  const signer = readSigner(paras);
  return signer ? { signer, marks: marksIn(paras), start } : undefined;
}

/** A signature in the blocks from `at` on, up to the appendix or whatever is not a signature. */
function signerAfter(blocks: readonly Block[], at: number, to: number): (FoundSigner & { end: number }) | undefined {
  let end = at;
  while (end < to && signerLike(blocks[end])) end++;
  while (end > at && isEmpty(blocks[end - 1])) end--;
  const paras = blocks.slice(at, end).flatMap(parasOf);
  const signer = readSigner(paras);
  return signer ? { signer, marks: marksIn(paras), end } : undefined;
}
