/**
 * `danvan fmt`: one canonical layout for the YAML — keys in schema order, block collections, long or
 * templated text as folded scalars with one sentence per line (so `git diff` between years shows changed
 * sentences, not re-wrapped paragraphs), comments kept. Values never change: only their layout.
 */
import fs from "node:fs";
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, visit, type Node } from "yaml";
import { parseYamlDocument } from "../load/parse-yaml.js";
import type { FileKind } from "../model/index.js";
import { schemaText } from "../validate/schemas.js";

type Schema = Record<string, unknown>;

const schemas = new Map<FileKind, Schema>();

function schemaFor(kind: FileKind): Schema {
  let s = schemas.get(kind);
  if (!s) {
    s = JSON.parse(schemaText(kind)) as Schema;
    schemas.set(kind, s);
  }
  return s;
}

/** Text longer than this, or citing a helper, is written as a folded block. */
const BLOCK_OVER = 80;

/**
 * Where a folded line may break: after a sentence (". " before a capital, digit, quote or helper) and after
 * a clause ("; "), never inside parentheses or a {{…}}. A rule on the value alone, so formatting is stable.
 */
/** What may start a sentence after ". ", read in place (sticky) rather than on a copy of the rest. */
const SENTENCE_START = /[\p{Lu}\d"“({]/uy;

export function splitSentences(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let helper = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (text.startsWith("{{", i)) helper++;
    else if (text.startsWith("}}", i)) helper = Math.max(0, helper - 1);
    else if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    if (depth || helper || text[i + 1] !== " ") continue;
    SENTENCE_START.lastIndex = i + 2;
    const sentenceEnd = /[.?!…]/.test(c) && SENTENCE_START.test(text);
    if (sentenceEnd || c === ";") {
      parts.push(text.slice(start, i + 1));
      start = i + 2;
      i++;
    }
  }
  parts.push(text.slice(start));
  return parts.filter((p) => p.length > 0);
}

/** `verify`: read the text back and compare values (what guards a write; `fmt --check` writes nothing). */
export function formatYaml(source: string, kind: FileKind, verify = true): string {
  const doc = parseYamlDocument(source);
  if (doc.errors.length) throw new Error(`cannot format a file with YAML errors: ${doc.errors[0].message}`);
  hoistModeline(doc);
  return laidOut(doc, kind, verify);
}

/**
 * A value a command writes into data/ (collect import's unit files), in the same layout and with the same
 * check as formatYaml, without first printing and parsing it once more.
 */
export function formatValue(value: unknown, kind: FileKind, commentBefore?: string): string {
  const doc = new Document(value);
  if (commentBefore !== undefined) doc.commentBefore = commentBefore;
  // Read back, the text must give the value the caller asked to write (in whatever order its keys came).
  return laidOut(doc, kind, true, (reread) => sameData(reread, value));
}

/**
 * A document a command edited in place (`review --apply`): laid out as fmt lays it out, comments kept, and
 * read back: the text must give exactly `intended`, the values the edits were meant to make.
 */
export function formatEdited(doc: Document, kind: FileKind, intended: unknown): string {
  hoistModeline(doc);
  return laidOut(doc, kind, true, (reread) => sameData(reread, intended));
}

function laidOut(doc: Document, kind: FileKind, verify: boolean, same: (reread: unknown) => boolean = (reread) => sameValue(reread, doc.toJS())): string {
  const root = schemaFor(kind);
  const folded = { count: 0 };
  arrange(doc.contents as Node, root, root, folded);
  const printed = doc.toString({ lineWidth: 0, indent: 2, indentSeq: true, flowCollectionPadding: false });
  // The folded-line pass parses the text once more: a file with no folded text (a unit's figures) has nothing for it.
  const text = folded.count ? splitFoldedLines(printed) : printed;
  if (!verify) return text;
  // Layout only, never values: what is about to be written is read back and must mean exactly the same.
  const reread = parseYamlDocument(text);
  if (reread.errors.length || !same(reread.toJS())) throw new FormatRefused();
  return text;
}

/** The formatted text would not read back as the same values: nothing is written. */
export class FormatRefused extends Error {
  constructor() {
    super("formatted text does not read back as the same values");
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The same data, keys in any order: what fmt's layout may reorder is only the keys. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  if (!a || !b || typeof a !== "object" || typeof b !== "object") return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * One sentence per line inside each folded block scalar. The blocks are found in the parsed text itself,
 * never by the look of a line: a comment or a plain value ending in `>` is not a block header.
 */
function splitFoldedLines(text: string): string {
  const starts: number[] = [];
  // The text was just written from a document read whole: its keys are already known unique.
  visit(parseDocument(text, { uniqueKeys: false }), {
    Scalar(_key, node) {
      if (node.type === Scalar.BLOCK_FOLDED && node.range) starts.push(node.range[0]);
    },
  });
  // Pieces in order, joined once: rebuilding the whole text for each block was quadratic (60 s for 4 MiB).
  const pieces: string[] = [];
  let done = 0;
  for (const start of starts.sort((a, b) => a - b)) {
    const headerEnd = text.indexOf("\n", start);
    if (headerEnd < 0 || headerEnd < done) continue;
    const lineEnd = text.indexOf("\n", headerEnd + 1);
    const line = text.slice(headerEnd + 1, lineEnd < 0 ? text.length : lineEnd);
    const m = /^( +)(.+)$/.exec(line);
    if (!m) continue;
    const sentences = splitSentences(m[2]);
    if (sentences.length < 2) continue;
    pieces.push(text.slice(done, headerEnd + 1), m[1], sentences.join(`\n${m[1]}`));
    done = headerEnd + 1 + line.length;
  }
  pieces.push(text.slice(done));
  return pieces.join("");
}

/** The `# yaml-language-server` line belongs to the file, not to whichever key happens to come first. */
function hoistModeline(doc: Document): void {
  const first = isMap(doc.contents) ? doc.contents.items[0] : undefined;
  const key = first?.key as Node | undefined;
  if (!key?.commentBefore || doc.commentBefore) return;
  const lines = key.commentBefore.split("\n");
  const at = lines.findIndex((l) => l.trim().startsWith("yaml-language-server:"));
  if (at !== 0) return;
  doc.commentBefore = lines[0];
  key.commentBefore = lines.slice(1).join("\n") || undefined;
}

function resolve(schema: Schema | undefined, root: Schema): Schema | undefined {
  let s = schema;
  for (let i = 0; s && typeof s.$ref === "string" && i < 10; i++) {
    const path = (s.$ref as string).replace(/^#\//, "").split("/");
    s = path.reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], root) as Schema | undefined;
  }
  return s;
}

/** The branch of a schema that describes this node: by `kind` for statistics, by shape for blocks. */
function branch(schema: Schema, node: Node, root: Schema): Schema {
  if (Array.isArray(schema.oneOf) && isMap(node)) {
    const kind = node.get("kind");
    const match = (schema.oneOf as Schema[]).find((b) => ((b.properties as Schema)?.kind as Schema)?.const === kind);
    if (match) return match;
  }
  if (schema.if && schema.then && schema.else) {
    const ifType = ((schema.if as Schema).type as string) ?? "";
    const taken = (ifType === "string" && isScalar(node)) || (ifType === "object" && isMap(node)) ? schema.then : schema.else;
    return resolve(taken as Schema, root) ?? schema;
  }
  return schema;
}

function arrange(node: Node | null, schemaIn: Schema | undefined, root: Schema, folded: { count: number }): void {
  if (!node) return;
  const schema = schemaIn ? branch(resolve(schemaIn, root) ?? {}, node, root) : undefined;
  if (isMap(node)) {
    node.flow = false;
    const props = (schema?.properties as Record<string, Schema> | undefined) ?? {};
    const order = Object.keys(props);
    const rank = (k: unknown) => {
      const i = order.indexOf(String(k));
      return i < 0 ? order.length : i;
    };
    const indexed = node.items.map((p, i) => ({ p, i }));
    indexed.sort((a, b) => rank((a.p.key as Scalar)?.value) - rank((b.p.key as Scalar)?.value) || a.i - b.i);
    node.items = indexed.map((x) => x.p);
    for (const pair of node.items) {
      const k = String((pair.key as Scalar)?.value);
      const child = props[k] ?? (typeof schema?.additionalProperties === "object" ? (schema.additionalProperties as Schema) : undefined);
      arrange(pair.value as Node, child, root, folded);
    }
  } else if (isSeq(node)) {
    node.flow = false;
    for (const item of node.items) arrange(item as Node, schema?.items as Schema | undefined, root, folded);
  } else if (isScalar(node) && typeof node.value === "string") {
    const text = node.value;
    // Date-like strings stay quoted: YAML 1.1 tools would read them as dates.
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) node.type = Scalar.QUOTE_DOUBLE;
    else if (text.length > BLOCK_OVER || text.includes("{{")) {
      node.type = Scalar.BLOCK_FOLDED;
      folded.count++;
    } else node.type = Scalar.PLAIN;
  }
}

export interface FormatOutcome {
  /** Files that were (or, with check, would be) rewritten. */
  changed: string[];
  /** Files left alone because they do not parse. */
  unreadable: string[];
  /** Files left alone because their formatted text would not read back as the same values. */
  refused: string[];
}

/**
 * A file's line ending, as its editor wrote it: Notepad and git's autocrlf write CRLF, and fmt keeps it, so
 * `fmt --check` never calls a file not canonical for its line endings alone. A file of both takes the more
 * frequent (fmt then makes it one).
 */
export function lineEnding(text: string): "\r\n" | "\n" {
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  const lf = (text.match(/\n/g)?.length ?? 0) - crlf;
  return crlf > lf ? "\r\n" : "\n";
}

function withLineEnding(text: string, ending: "\r\n" | "\n"): string {
  return ending === "\n" ? text : text.replace(/\n/g, "\r\n");
}

/** Formats every data file of the given years; with `check`, only reports what is not canonical. */
export function formatYears(
  files: ReadonlyArray<{ file: string; kind: FileKind }>,
  check: boolean,
  write: (file: string, text: string) => void,
  read: (file: string) => string = (file) => fs.readFileSync(file, "utf8"),
): FormatOutcome {
  const outcome: FormatOutcome = { changed: [], unreadable: [], refused: [] };
  for (const { file, kind } of files) {
    const source = read(file);
    let formatted: string;
    try {
      formatted = withLineEnding(formatYaml(source.replace(/\r\n/g, "\n"), kind, !check), lineEnding(source));
    } catch (err) {
      (err instanceof FormatRefused ? outcome.refused : outcome.unreadable).push(file);
      continue;
    }
    if (formatted === source) continue;
    outcome.changed.push(file);
    if (!check) write(file, formatted);
  }
  return outcome;
}
