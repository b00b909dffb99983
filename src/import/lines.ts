/** A paragraph as lines of plain text: a line break (w:br) ends a line; whitespace squashed. */
import { plainText, type Block, type Para } from "./document.js";
import { squash } from "./text.js";

export function lines(p: Para): string[] {
  return plainText(p.inlines)
    .split("\n")
    .map(squash)
    .filter(Boolean);
}

/** The text a reader sees, with its automatic number in front. */
export function shownText(p: Para): string {
  const text = squash(plainText(p.inlines).replace(/\n/g, " "));
  return p.label && p.label.text ? squash(`${p.label.text} ${text}`) : text;
}

/** Every paragraph of a block, table cells in row order. */
export function parasOf(b: Block): Para[] {
  return b.kind === "para" ? [b] : b.rows.flat().flatMap((c) => c.paras);
}

export function isEmpty(b: Block): boolean {
  return parasOf(b).every((p) => shownText(p) === "" && !p.inlines.some((i) => "footnote" in i));
}
