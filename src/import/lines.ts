/** A paragraph as lines of plain text: a line break (w:br) ends a line; whitespace squashed. */
import { flatten, plainText, type Block, type Para } from "./document.js";
import { squash } from "./text.js";

export function lines(p: Para): string[] {
  return plainText(p.inlines)
    .split("\n")
    .map(squash)
    .filter(Boolean);
}

/** The lines as typed, tabs and runs of spaces kept: where a note stands at the right of a line. */
export function rawLines(p: Para): string[] {
  return plainText(p.inlines)
    .split("\n")
    .filter((l) => l.trim() !== "");
}

/** The text a reader sees, with its automatic number in front. */
export function shownText(p: Para): string {
  const text = squash(plainText(p.inlines).replace(/\n/g, " "));
  return p.label && p.label.text ? squash(`${p.label.text} ${text}`) : text;
}

/** Every paragraph of a block, table cells in row order. */
export function parasOf(b: Block): Para[] {
  return b.kind === "para" ? [b] : flatten([b]);
}

export function isEmpty(b: Block): boolean {
  return parasOf(b).every((p) => shownText(p) === "" && !p.inlines.some((i) => "footnote" in i));
}

/** A rule typed as characters: `-----`, `____`, `* * *`, `=====`, `———`. */
export function isRuleText(text: string): boolean {
  const t = text.replace(/\s+/g, "");
  return t.length >= 3 && /^[-_–—=~*.·•]+$/u.test(t) && (t.match(/[-_–—=~]/gu)?.length ?? 0) + (t.match(/\*/g)?.length ?? 0) >= 3;
}
