/**
 * Where a character of a string value sits in the YAML source. A folded (`>-`) paragraph of twelve lines
 * is one string to the checker; a clerk needs the line and column of the offending word inside it.
 */
import type { Position } from "../diagnostics.js";

/**
 * `start` is where the scalar's node begins (its indicator `>-`, `|`, its opening quote, or its first
 * character); `value` is the string it reads as. Lines of a block or multi-line scalar appear verbatim in
 * the value (folding only changes the breaks between them), so each line is found in the value in turn.
 * Falls back to `start` when the source does not hold the value that way (escapes, odd folding).
 */
export function positionInScalar(source: string, start: Position, value: string, offset: number): Position {
  if (offset < 0) return start;
  const lines = source.split("\n");
  const first = lines[start.line - 1];
  if (first === undefined) return start;
  const head = first.slice(start.col - 1);
  if (/^[>|]/.test(head)) return inBlock(lines, start, value, offset);
  const quote = head[0] === '"' || head[0] === "'" ? 1 : 0;
  // One line: the value starts right after the quote, unless escapes shift it (then the line is searched).
  const sameLine = head.slice(quote);
  if (sameLine.startsWith(value.slice(0, Math.min(value.length, offset + 1)))) return { line: start.line, col: start.col + quote + offset };
  return inLines(lines, start.line - 1, start.col - 1 + quote, value, offset) ?? start;
}

function inBlock(lines: string[], start: Position, value: string, offset: number): Position {
  let indent = -1;
  let firstContent = start.line;
  for (let i = start.line; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    indent = lines[i].length - lines[i].trimStart().length;
    firstContent = i;
    break;
  }
  if (indent <= 0) return start;
  return inLines(lines, firstContent, indent, value, offset, indent) ?? start;
}

/** Walks source lines from `lineIndex` (first at column `firstCol`), matching each against the value. */
function inLines(lines: string[], lineIndex: number, firstCol: number, value: string, offset: number, blockIndent?: number): Position | undefined {
  let cursor = 0;
  let last: Position | undefined;
  for (let i = lineIndex; i < lines.length; i++) {
    const raw = lines[i];
    if (blockIndent !== undefined && raw.trim() !== "" && raw.length - raw.trimStart().length < blockIndent) break;
    const col0 = i === lineIndex ? firstCol : raw.length - raw.trimStart().length;
    const content = raw.slice(col0).replace(/\s+$/, "");
    if (content === "") continue;
    const at = value.indexOf(content, cursor);
    if (at < 0) {
      // A quoted scalar's last line carries its closing quote; match without it.
      const bare = content.replace(/["']\s*$/, "");
      const again = bare ? value.indexOf(bare, cursor) : -1;
      if (again < 0 || offset >= again + bare.length + 1) return undefined;
      if (offset < again) return last;
      return { line: i + 1, col: col0 + 1 + offset - again };
    }
    // The offset falls in the break folded between two lines: the end of the earlier line.
    if (offset < at) return last ?? { line: i + 1, col: col0 + 1 };
    if (offset < at + content.length) return { line: i + 1, col: col0 + 1 + offset - at };
    cursor = at + content.length;
    last = { line: i + 1, col: col0 + 1 + content.length };
  }
  return undefined;
}
