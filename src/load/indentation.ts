/**
 * Indentation read as a clerk lays it out: one extra space before a key, a key a space short, a Tab at the
 * start of a line. The yaml library notices such a line only where it stops making sense (often on the line
 * above, as a key spread over two lines) and then at every later line; here the mistake is found on its own
 * line, once, at the column of the first extra space or the Tab.
 */

export interface IndentProblem {
  /** 1-based line and column of the first extra space, the place a space is missing, or the Tab. */
  line: number;
  col: number;
  code: "DV115" | "DV116";
  message: string;
  /**
   * A bullet indented past the bullet of text above it: YAML reads it, with no error, as the end of that
   * bullet's sentence (`- a` / ` - b` is the one bullet "a - b").
   */
  foldsIntoText?: boolean;
}

interface Node {
  indent: number;
  line: number;
  /** What the line says, for the message: `don:`, `- bullets:`. */
  name: string;
  /** A key with no value on its line, or a bullet's dash: lines below it may be indented further. */
  opens: boolean;
  /** The column its first child took (a dash's: the column after it); every later child takes the same. */
  childIndent?: number;
}

/** A key after the line's dashes: a plain word or a quoted one, then `:` and a space or the end. */
const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"?,[\]{}&*!|>%@`][^#]*?)[ ]*:(?=[ ]|$)/;

interface Shape {
  indent: number;
  /** The column of each `- ` on the line, and of what follows the last one. */
  dashes: number[];
  content: number;
  key?: string;
  /** What follows the key's colon, or the whole content when there is no key. */
  value: string;
}

function shape(text: string): Shape | undefined {
  const indent = /^ */.exec(text)![0].length;
  let col = indent;
  if (text.slice(col) === "" || text[col] === "#") return undefined;
  const dashes: number[] = [];
  for (let m = /^-(?: +|$)/.exec(text.slice(col)); m; m = /^-(?: +|$)/.exec(text.slice(col))) {
    dashes.push(col);
    col += m[0].length;
  }
  const rest = text.slice(col);
  const key = KEY.exec(rest);
  if (!key) return { indent, dashes, content: col, value: rest.trim() };
  return { indent, dashes, content: col, key: key[1], value: rest.slice(key[0].length + 1).replace(/(^|\s)#.*$/, "").trim() };
}

const spaces = (n: number) => `${n} dấu cách`;
const named = (n: Node) => (n.name === "-" ? `"-" (dòng ${n.line})` : `"${n.name}:" (dòng ${n.line})`);

/** The first indentation mistake of a file, or none. */
export function indentationProblem(text: string): IndentProblem | undefined {
  const lines = text.split(/\r?\n/);
  const stack: Node[] = [];
  /** The indent a block scalar's (or an open quote's) text lies past. */
  let textPast: number | undefined;
  let blockText = false;
  let blockIndent: number | undefined;
  const tabs: number[] = [];
  let first: IndentProblem | undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (textPast !== undefined) {
      const ind = /^ */.exec(raw)![0].length;
      if (raw.trim() === "") continue;
      // A block scalar's text keeps the indent of its first line; a quote's lines lie past its key.
      if (blockText && ind > textPast) {
        blockIndent ??= ind;
        if (ind >= blockIndent) continue;
      } else if (!blockText && ind > textPast) continue;
      textPast = undefined;
      blockIndent = undefined;
    }
    const lead = /^[ \t]*/.exec(raw)![0];
    if (lead.includes("\t") && raw.trim() !== "") {
      tabs.push(i + 1);
      first ??= tabProblem(i + 1, lead.indexOf("\t") + 1, stack);
      continue;
    }
    if (first) continue;
    const s = shape(raw);
    // A line that is neither a key nor a bullet continues the value above it (a plain value over two lines).
    if (!s || (!s.key && !s.dashes.length)) continue;
    while (stack.length && stack[stack.length - 1].indent > s.indent) stack.pop();
    const top = stack[stack.length - 1];
    if (top && top.indent === s.indent) stack.pop();
    else if (top && !top.opens) {
      const n = s.indent - top.indent;
      const where = top.line === i ? `dòng trên (${top.name === "-" ? "-" : `${top.name}:`})` : named(top);
      const folds = top.name === "-" && s.dashes.length > 0 && s.key === undefined;
      first = folds
        ? { line: i + 1, col: top.indent + 1, code: "DV115", foldsIntoText: true, message: `thụt lề thừa ${spaces(n)} so với gạch đầu dòng ở ${top.line === i ? "dòng trên" : `dòng ${top.line}`}: YAML đọc dòng này thành phần cuối câu của ý trên, không phải một ý mới; xóa ${spaces(n)} ở đầu dòng` }
        : { line: i + 1, col: top.indent + 1, code: "DV115", message: `thụt lề thừa ${spaces(n)} so với ${where}: các khóa cùng cấp phải thẳng cột; xóa ${spaces(n)} ở đầu dòng` };
      continue;
    } else if (top && top.childIndent !== undefined && top.childIndent !== s.indent) {
      first = misaligned(i + 1, s.indent, top);
      continue;
    } else if (top) top.childIndent = s.indent;
    s.dashes.forEach((d, k) => {
      const after = k + 1 < s.dashes.length ? s.dashes[k + 1] : s.content;
      const hasContent = k + 1 < s.dashes.length || s.key !== undefined || s.value !== "";
      // A dash with a key after it holds a map at that column; one with only text holds nothing below.
      stack.push({ indent: d, line: i + 1, name: "-", opens: !hasContent || s.key !== undefined || k + 1 < s.dashes.length, childIndent: hasContent ? after : undefined });
    });
    if (s.key !== undefined) {
      const opens = s.value === "" || /^[&!]\S+$/.test(s.value);
      stack.push({ indent: s.content, line: i + 1, name: s.key, opens });
    }
    // `>-`, `|` and a quote left open: the text that follows is the value's, however it is indented.
    blockText = /^[|>][-+0-9]*$/.test(s.value);
    if (blockText || (/^["']/.test(s.value) && !closes(s.value))) textPast = s.key !== undefined ? s.content : s.dashes[s.dashes.length - 1];
  }
  if (first?.code === "DV116" && tabs.length > 1) {
    const more = tabs.slice(1);
    first.message += `; còn ${more.length} dòng khác cũng thụt bằng Tab (dòng ${more.slice(0, 8).join(", ")}${more.length > 8 ? ", …" : ""})`;
  }
  return first;
}

function tabProblem(line: number, col: number, stack: readonly Node[]): IndentProblem {
  const top = stack[stack.length - 1];
  const want = top ? (top.opens ? (top.childIndent ?? top.indent + 2) : top.indent) : 0;
  const hint = top ? ` (ở đây thường là ${spaces(want)}: ${top.opens ? `khóa con của ${named(top)}` : `thẳng cột với ${named(top)}`})` : "";
  return { line, col, code: "DV116", message: `thụt lề bằng phím Tab: YAML chỉ nhận dấu cách; xóa Tab, thụt lề bằng dấu cách${hint}` };
}

/** A quoted value that closes on its own line. */
function closes(value: string): boolean {
  const body = value.slice(1);
  return value[0] === "'" ? /(^|[^'])(?:'')*'(\s*#.*)?\s*$/.test(body) : /(^|[^\\])(?:\\\\)*"(\s*#.*)?\s*$/.test(body);
}

/** A key under `parent` but not in its children's column: how many spaces off, and which way. */
function misaligned(line: number, indent: number, parent: Node): IndentProblem {
  const column = parent.childIndent!;
  const n = Math.abs(indent - column);
  const under = `các dòng cùng cấp dưới ${named(parent)}, thụt ${spaces(column)}`;
  return indent > column
    ? { line, col: column + 1, code: "DV115", message: `thụt lề thừa ${spaces(n)} so với ${under}: xóa ${spaces(n)} ở đầu dòng` }
    : {
        // Between the parent's column and its children's: one space too many for a sibling of the parent, or
        // too few for a child; both readings, the sibling's first (the usual slip).
        line,
        col: parent.indent + 1,
        code: "DV115",
        message: `thụt lề thừa ${spaces(indent - parent.indent)} so với ${named(parent)} nếu là khóa cùng cấp với nó (xóa ${spaces(indent - parent.indent)} ở đầu dòng), hoặc thiếu ${spaces(n)} nếu là khóa con của nó (${under}: thêm ${spaces(n)})`,
      };
}
