/**
 * A fast reader for the YAML that `danvan fmt` writes: block maps and sequences, plain keys, plain,
 * quoted and `>-`/`|` block scalars, comments, `[]` and `{}`. It gives the same values and node positions as
 * the `yaml` library, about ten times faster on a cold start, and gives up — returns undefined — on anything
 * else (anchors, tags, flow collections, multi-line plain or quoted scalars, blank lines inside block
 * scalars, duplicate or reserved keys, tabs…), so the caller falls back to the library, which reads and
 * reports everything. tests/load/yaml-subset.test.ts holds the two readers equal on every data file and on
 * mutated copies of them.
 */
import type { PositionIndex } from "../model/index.js";

export interface SubsetResult {
  value: unknown;
  positions: PositionIndex;
}

/** Thrown inside the reader to give up; never escapes it. */
class OutsideSubset {}
const GIVE_UP = new OutsideSubset();

/** Characters the subset never meets in good data; any of them hands the file to the library. */
const UNUSUAL = /[\x00-\x09\x0b-\x1f\x7f\x85\u2028\u2029\ufeff\r]/;
/** Keys the schemas use: ids, field names, years. Quoted or odd keys go to the library. */
const KEY = /^(?:([A-Za-z0-9_][A-Za-z0-9_.\-]*)|"([^"\\]*)"):(?: +|$)/;
const PLAIN_INT = /^(?:0|-?[1-9][0-9]*)$/;
const PLAIN_DECIMAL = /^-?(?:0|[1-9][0-9]*)\.[0-9]+$/;
/** After a quoted scalar: nothing, or a comment. */
const END_OF_VALUE = /^(?:\s+#.*|\s*)$/;
/** Plain scalars the YAML 1.2 core schema reads as something other than a string (or an int we take). */
const NOT_A_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INDICATORS = new Set("-?:,[]{}#&*!|>'\"%@`");
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const MAX_DEPTH = 32;
const ESCAPES: Record<string, string> = { "\\": "\\", '"': '"', "/": "/", n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", "0": "\0", " ": " " };

export function readYamlSubset(text: string): SubsetResult | undefined {
  if (UNUSUAL.test(text)) return undefined;
  try {
    return new Reader(text).document();
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

class Reader {
  private readonly lines: string[];
  /** Where each line's content starts; a `- ` item moves it past the dash, so its content reads as an indented line. */
  private readonly start: number[];
  private at = 0;
  readonly positions: PositionIndex = {};

  constructor(text: string) {
    this.lines = text.split("\n");
    this.start = this.lines.map(indentOf);
  }

  document(): SubsetResult {
    this.skipInsignificant();
    if (this.at >= this.lines.length || this.start[this.at] !== 0) throw GIVE_UP;
    const line = this.lines[this.at];
    if (line.startsWith("---") || line.startsWith("...")) throw GIVE_UP;
    const value = this.collection(0, "", 1);
    this.skipInsignificant();
    if (this.at < this.lines.length) throw GIVE_UP;
    return { value, positions: this.positions };
  }

  /** Skips blank and comment lines between nodes (never inside a block scalar). */
  private skipInsignificant(): void {
    while (this.at < this.lines.length) {
      const line = this.lines[this.at];
      const s = this.start[this.at];
      if (s === line.length) {
        if (line.length > 0) throw GIVE_UP; // whitespace-only lines: block-scalar subtleties the library handles
      } else if (line[s] !== "#") return;
      this.at++;
    }
  }

  /** A map or sequence whose first entry starts at the current line, column `indent`. */
  private collection(indent: number, path: string, depth: number): unknown {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    this.record(path, this.at, indent, this.at, indent);
    return isItem(this.lines[this.at], indent) ? this.sequence(indent, path, depth) : this.map(indent, path, depth);
  }

  private map(indent: number, path: string, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    while (this.at < this.lines.length && this.start[this.at] === indent) {
      const line = this.lines[this.at];
      const m = KEY.exec(line.slice(indent));
      if (!m) throw GIVE_UP;
      const quoted = m[1] === undefined;
      const key = quoted ? m[2] : m[1];
      // An empty key's data path would collide with its parent's in the position index.
      if (key === "" || FORBIDDEN_KEYS.has(key) || Object.prototype.hasOwnProperty.call(out, key)) throw GIVE_UP;
      if (!quoted && NOT_A_STRING.test(key) && !(PLAIN_INT.test(key) && !key.startsWith("-"))) throw GIVE_UP;
      out[key] = this.value(indent, indent + m[0].length, join(path, key), depth, [this.at, indent]);
      this.skipInsignificant();
    }
    if (this.at < this.lines.length && this.start[this.at] > indent) throw GIVE_UP;
    return out;
  }

  private sequence(indent: number, path: string, depth: number): unknown[] {
    const out: unknown[] = [];
    while (this.at < this.lines.length && this.start[this.at] === indent) {
      const line = this.lines[this.at];
      if (!isItem(line, indent)) throw GIVE_UP;
      let col = indent + 1;
      while (line[col] === " ") col++;
      out.push(this.value(indent, col, join(path, String(out.length)), depth, null));
      this.skipInsignificant();
    }
    if (this.at < this.lines.length && this.start[this.at] > indent) throw GIVE_UP;
    return out;
  }

  /**
   * The value of a map entry (`key` is where its key stands) or of a sequence item (`key` null), starting
   * at column `col` of the current line, or on the lines below when nothing follows there.
   */
  private value(parentIndent: number, col: number, path: string, depth: number, key: [number, number] | null): unknown {
    const line = this.lines[this.at];
    if (col >= line.length) {
      this.at++;
      this.skipInsignificant();
      if (this.at >= this.lines.length || this.start[this.at] <= parentIndent) throw GIVE_UP; // null value
      const below = this.lines[this.at].slice(this.start[this.at]);
      if (below === "[]" || below === "{}") {
        this.record(path, this.at, this.start[this.at], key?.[0] ?? this.at, key?.[1] ?? this.start[this.at]);
        this.at++;
        return below === "[]" ? [] : {};
      }
      const nested = this.collection(this.start[this.at], path, depth + 1);
      if (key) this.recordKey(path, key);
      return nested;
    }
    const rest = line.slice(col);
    if (!key && (isItem(rest, 0) || KEY.test(rest))) {
      // `- key: value` or `- - item`: a collection starting mid-line, read as if the line were indented to it.
      this.start[this.at] = col;
      return this.collection(col, path, depth + 1);
    }
    this.record(path, this.at, col, key?.[0] ?? this.at, key?.[1] ?? col);
    const first = rest[0];
    if (first === ">" || first === "|") return this.blockScalar(rest, parentIndent);
    this.at++;
    if (rest === "[]") return [];
    if (rest === "{}") return {};
    if (first === '"') return doubleQuoted(rest);
    if (first === "'") return singleQuoted(rest);
    return plain(rest);
  }

  private blockScalar(header: string, parentIndent: number): string {
    const style = header.trimEnd();
    if (style !== ">-" && style !== ">" && style !== "|-" && style !== "|") throw GIVE_UP;
    this.at++;
    const body: string[] = [];
    let blockIndent = -1;
    while (this.at < this.lines.length) {
      const line = this.lines[this.at];
      const s = this.start[this.at];
      if (s === line.length) break; // a blank line ends the scalar here, or is inside it: decided below
      if (blockIndent < 0) {
        if (s <= parentIndent) throw GIVE_UP;
        blockIndent = s;
      } else if (s < blockIndent) break;
      else if (s > blockIndent) throw GIVE_UP; // more-indented lines keep their breaks when folded
      body.push(line.slice(blockIndent));
      this.at++;
    }
    if (body.length === 0) throw GIVE_UP;
    // A blank line followed by more of the scalar would fold to a line break: the library's business.
    let next = this.at;
    while (next < this.lines.length && this.lines[next].length === 0) next++;
    if (next > this.at && next < this.lines.length && this.start[next] >= blockIndent) throw GIVE_UP;
    const text = body.join(style[0] === ">" ? " " : "\n");
    return style.length === 1 ? text + "\n" : text;
  }

  /** Positions are 1-based, as the library's line counter gives them. */
  private record(path: string, line: number, col: number, keyLine: number, keyCol: number): void {
    this.positions[path] = [line + 1, col + 1, keyLine + 1, keyCol + 1];
  }

  /** A nested collection is recorded at its first entry; its key's position is added once it is read. */
  private recordKey(path: string, [line, col]: [number, number]): void {
    const entry = this.positions[path];
    entry[2] = line + 1;
    entry[3] = col + 1;
  }
}

function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i;
}

function isItem(line: string, col: number): boolean {
  return line[col] === "-" && (line.length === col + 1 || line[col + 1] === " ");
}

/** Data paths joined as load/index.ts's position index joins them. */
function join(path: string, segment: string): string {
  return path === "" ? segment : `${path}\0${segment}`;
}

const BOOLEANS: Record<string, boolean> = { true: true, True: true, TRUE: true, false: false, False: false, FALSE: false };

function plain(raw: string): string | number | boolean {
  const comment = raw.indexOf(" #");
  // YAML trims spaces and tabs only: a no-break or other Unicode space is part of the value (DV378 sees it).
  const text = (comment < 0 ? raw : raw.slice(0, comment)).replace(/[ \t]+$/, "");
  if (INDICATORS.has(text[0]) || text.includes(": ") || text.endsWith(":")) throw GIVE_UP;
  if (PLAIN_INT.test(text)) {
    const n = Number(text);
    if (!Number.isSafeInteger(n)) throw GIVE_UP;
    return n;
  }
  if (PLAIN_DECIMAL.test(text) && text.length < 16) return Number(text);
  if (Object.hasOwn(BOOLEANS, text)) return BOOLEANS[text];
  if (NOT_A_STRING.test(text)) throw GIVE_UP;
  return text;
}

function doubleQuoted(raw: string): string {
  let out = "";
  let i = 1;
  for (;;) {
    const stop = raw.slice(i).search(/["\\]/);
    if (stop < 0) throw GIVE_UP; // continues on the next line
    out += raw.slice(i, i + stop);
    i += stop;
    if (raw[i] === '"') break;
    const c = raw[i + 1];
    if (c === "u" || c === "x") {
      const len = c === "u" ? 4 : 2;
      const hex = raw.slice(i + 2, i + 2 + len);
      if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) throw GIVE_UP;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 2 + len;
    } else if (c !== undefined && c in ESCAPES) {
      out += ESCAPES[c];
      i += 2;
    } else throw GIVE_UP;
  }
  if (!END_OF_VALUE.test(raw.slice(i + 1))) throw GIVE_UP;
  return out;
}

function singleQuoted(raw: string): string {
  let out = "";
  let i = 1;
  for (;;) {
    const q = raw.indexOf("'", i);
    if (q < 0) throw GIVE_UP;
    out += raw.slice(i, q);
    if (raw[q + 1] === "'") {
      out += "'";
      i = q + 2;
    } else {
      i = q + 1;
      break;
    }
  }
  if (!END_OF_VALUE.test(raw.slice(i))) throw GIVE_UP;
  return out;
}
