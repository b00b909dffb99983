/**
 * The closing: "Nơi nhận:" with its list (the note "(báo cáo)" at the right of a line, the filing line last)
 * and the signature (authority, title, name). Laid out as a two-column table, or as paragraphs.
 */
import type { Block, Para } from "./document.js";
import { lines, parasOf } from "./lines.js";
import { squash } from "./text.js";

export interface Closing {
  recipients: { list: string[]; filing: string; note?: { text: string; first: number } };
  signer: { authority?: string; title: string; name: string };
}

const LABEL = /^Nơi nhận\s*:?/u;

/** Where the closing starts: a table or a paragraph opening with "Nơi nhận". */
export function findClosing(blocks: readonly Block[], from: number): number {
  for (let b = from; b < blocks.length; b++) {
    const paras = parasOf(blocks[b]);
    if (paras.some((p) => LABEL.test(lines(p)[0] ?? ""))) return b;
  }
  return -1;
}

/** Reads the closing from blocks[at]; returns it and the first block after it. */
export function readClosing(blocks: readonly Block[], at: number): { closing: Closing; next: number } {
  const block = blocks[at];
  let recipientParas: Para[];
  let signerParas: Para[];
  let next = at + 1;
  if (block.kind === "table") {
    const cells = block.rows.flat();
    const left = cells.findIndex((c) => c.paras.some((p) => LABEL.test(lines(p)[0] ?? "")));
    recipientParas = cells[left]?.paras ?? [];
    signerParas = cells.filter((_c, i) => i !== left).flatMap((c) => c.paras);
  } else {
    // Paragraphs: the label, the "- " lines, then the signature up to the next table or capitals heading.
    recipientParas = [block];
    let b = at + 1;
    for (; b < blocks.length; b++) {
      const nb = blocks[b];
      if (nb.kind !== "para") break;
      const t = lines(nb)[0] ?? "";
      if (t === "") continue;
      if (!nb.label?.bullet && !/^[-+•]\s*/u.test(t)) break;
      recipientParas.push(nb);
    }
    signerParas = [];
    for (; b < blocks.length && signerParas.length < 6; b++) {
      const nb = blocks[b];
      if (nb.kind !== "para" || /^PHỤ LỤC/u.test(lines(nb)[0] ?? "")) break;
      signerParas.push(nb);
    }
    next = b;
  }
  return { closing: { recipients: readRecipients(recipientParas), signer: readSigner(signerParas) }, next };
}

function readRecipients(paras: readonly Para[]): Closing["recipients"] {
  const items: string[] = [];
  let note: { text: string; after: number } | undefined;
  for (const p of paras) {
    for (const raw of lines(p)) {
      let line = raw.replace(LABEL, "").trim();
      if (!line) continue;
      // The note on a line of its own after the items it is about: "(báo cáo)".
      if (/^\([^()]*\)$/u.test(line) && items.length) {
        note ??= { text: line, after: items.length };
        continue;
      }
      line = line.replace(/^[-+•]\s*/u, "");
      // Or after a tab at the right of the last item it is about: "- Thường trực Tỉnh ủy,<tab>(báo cáo)".
      const tab = /^(.*?)\s+(\([^()]*\))$/u.exec(line);
      if (tab && tab[1]) {
        note ??= { text: tab[2], after: items.length + 1 };
        line = tab[1];
      }
      items.push(squash(line).replace(/[,;.]+$/u, ""));
    }
  }
  const last = items[items.length - 1] ?? "";
  const hasFiling = /^Lưu\b/u.test(last);
  const list = hasFiling ? items.slice(0, -1) : items;
  return {
    list,
    filing: hasFiling ? last : "Lưu",
    // `first`: how many of the list's first lines the note is about.
    ...(note ? { note: { text: note.text, first: note.after } } : {}),
  };
}

function readSigner(paras: readonly Para[]): Closing["signer"] {
  const all = paras.flatMap((p) => lines(p)).filter((l) => l !== "");
  const name = all[all.length - 1] ?? "";
  const title = all[all.length - 2] ?? "";
  const authority = all.slice(0, -2).join(" ");
  return { ...(authority ? { authority } : {}), title, name };
}
