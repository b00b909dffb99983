/**
 * A fast reader for the Markdown danvan's own templates write: ATX headings, paragraphs with strong,
 * emphasis, escapes, hard breaks and footnote references, "- " lists, footnote definitions and container
 * directives. It builds exactly the mdast remark builds for that subset at a fraction of remark's time
 * (tests/parse/markdown-subset.test.ts holds the two equal, by fuzzing, on every path that returns a tree).
 * Anything outside the subset — a table, a link, a code span, a block quote a user template might add —
 * returns undefined, and remark reads the document instead.
 */
import type { PhrasingContent, Root, RootContent } from "mdast";

class Outside extends Error {}
const outside = (): never => {
  throw new Outside();
};

/** Labels the document defines: GFM reads `[^x]` as a footnote reference only when `[^x]:` exists. */
let defined = new Set<string>();

export function parseSubset(markdown: string): Root | undefined {
  const lines = markdown.split("\n");
  defined = new Set(lines.flatMap((l) => FOOTNOTE_DEF.exec(l)?.[1].toLowerCase() ?? []));
  try {
    return { type: "root", children: blocks(lines) };
  } catch (e) {
    if (e instanceof Outside) return undefined;
    throw e;
  } finally {
    defined = new Set();
  }
}

const DIRECTIVE_OPEN = /^(:{3,})([A-Za-z][\w-]*)(\{([^}]*)\})?\s*$/;
const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t]*$/;
const FOOTNOTE_DEF = /^\[\^([^\]\s]+)\]:[ \t]+(.*)$/;
/** Lines that start something other than a paragraph continuation in full CommonMark/GFM. */
const FOREIGN_START = /^(\s{4,}|\s*>|\s*```|\s*~~~|\s*[*+]\s|\s*\d+[.)]\s|\s*<|\s*(?:-\s*){3,}$|\s*(?:\*\s*){3,}$|\s*(?:_\s*){3,}$|\s*=+\s*$|\s*-+\s*$)/;

function blocks(lines: string[]): RootContent[] {
  const out: RootContent[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === "") {
      i++;
      continue;
    }
    const open = DIRECTIVE_OPEN.exec(line);
    if (open) {
      const fence = open[1].length;
      let depth = 0;
      let j = i + 1;
      for (; j < lines.length; j++) {
        const inner = DIRECTIVE_OPEN.exec(lines[j]);
        if (inner && inner[1].length === fence) depth++;
        else if (/^:{3,}\s*$/.test(lines[j]) && lines[j].trim().length === fence) {
          if (depth === 0) break;
          depth--;
        }
      }
      if (j >= lines.length) outside();
      out.push({ type: "containerDirective", name: open[2], attributes: attributes(open[4]), children: blocks(lines.slice(i + 1, j)) } as RootContent);
      i = j + 1;
      continue;
    }
    // A fence alone, or one remark-directive may read as a directive the subset does not (`:::51`).
    if (/^:{3,}/.test(line)) outside();
    const heading = HEADING.exec(line);
    if (heading) {
      out.push({ type: "heading", depth: heading[1].length as 1, children: inline(heading[2]) });
      i++;
      continue;
    }
    const def = FOOTNOTE_DEF.exec(line);
    if (def) {
      // A label with a bracket in it ("[^a[^b]: …") is no definition to remark: leave it to remark.
      if (def[1].includes("[")) outside();
      const [para, next] = paragraphLines(lines, i, def[2]);
      out.push({ type: "footnoteDefinition", identifier: def[1].toLowerCase(), label: def[1], children: [{ type: "paragraph", children: inline(para) }] });
      i = next;
      continue;
    }
    if (line.startsWith("- ")) {
      const items: string[] = [];
      while (i < lines.length && lines[i].startsWith("- ")) items.push(lines[i++].slice(2));
      if (i < lines.length && lines[i].trim() !== "" && !DIRECTIVE_OPEN.test(lines[i])) outside(); // lazy continuation
      out.push({
        type: "list",
        ordered: false,
        start: null,
        spread: false,
        children: items.map((text) => ({ type: "listItem", spread: false, checked: null, children: [{ type: "paragraph", children: inline(text) }] })),
      });
      continue;
    }
    // CommonMark strips a paragraph line's leading blanks; the subset never writes them.
    if (FOREIGN_START.test(line) || line.startsWith("|") || /^[ \t]/.test(line)) outside();
    const [para, next] = paragraphLines(lines, i, line);
    out.push({ type: "paragraph", children: inline(para) });
    i = next;
  }
  return out;
}

/** A paragraph runs to the next blank line; a line that would start another block in GFM is out of scope. */
function paragraphLines(lines: string[], start: number, first: string): [string, number] {
  const text = [first];
  let i = start + 1;
  for (; i < lines.length && lines[i].trim() !== ""; i++) {
    const l = lines[i];
    if (DIRECTIVE_OPEN.test(l) || /^:{3,}/.test(l) || HEADING.test(l) || FOOTNOTE_DEF.test(l) || l.startsWith("- ") || l.startsWith("|") || FOREIGN_START.test(l) || /^[ \t]/.test(l)) outside();
    text.push(l);
  }
  return [text.join("\n"), i];
}

function attributes(source: string | undefined): Record<string, string> {
  const attrs: Record<string, string> = {};
  if (!source) return attrs;
  const re = /\s*([A-Za-z][\w-]*)="([^"]*)"\s*/y;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < source.length && (re.lastIndex = at, (m = re.exec(source)))) {
    attrs[m[1]] = m[2].replace(/&quot;/g, '"').replace(/&amp;/g, "&");
    at = re.lastIndex;
  }
  if (source.slice(at).trim()) outside();
  return attrs;
}

/** Inline content: escapes, **strong**, *emphasis*, [^footnote], hard breaks; nothing else. */
export function inline(source: string): PhrasingContent[] {
  if (/(^|[^\\])(`|~|<|\[(?!\^)|!\[|_|&[#A-Za-z])/.test(source)) outside();
  if (/www\.|:\/\/|@|  \n| +$/m.test(source)) outside();
  if (/(^|[^\\]):[A-Za-z]/.test(source)) outside(); // a text directive
  type Token = { kind: "text"; value: string } | { kind: "delim"; count: number; open: boolean; close: boolean } | { kind: "node"; node: PhrasingContent };
  const tokens: Token[] = [];
  const pushText = (v: string) => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === "text") last.value += v;
    else tokens.push({ kind: "text", value: v });
  };
  const special = /[\\*[]/g;
  for (let k = 0; k < source.length; k++) {
    // Ordinary text is taken a run at a time: appending it a character at a time would leave the tree
    // holding millions of one-character string pieces (hundreds of MB for a large year).
    special.lastIndex = k;
    const next = special.exec(source)?.index ?? source.length;
    if (next > k) {
      pushText(source.slice(k, next));
      k = next - 1;
      continue;
    }
    const c = source[k];
    if (c === "\\") {
      const next = source[k + 1];
      if (next === "\n") {
        // The next line never starts with a blank here: paragraphLines hands such a line to remark.
        tokens.push({ kind: "node", node: { type: "break" } });
        k++;
      } else if (next !== undefined && /[!-/:-@[-`{-~]/.test(next)) {
        pushText(next);
        k++;
      } else pushText("\\");
    } else if (c === "*") {
      let n = 1;
      while (source[k + n] === "*") n++;
      const before = source[k - 1] ?? " ";
      const after = source[k + n] ?? " ";
      const ws = (s: string) => /\s/.test(s);
      const punct = (s: string) => /[\p{P}\p{S}]/u.test(s);
      const leftFlanking = !ws(after) && (!punct(after) || ws(before) || punct(before));
      const rightFlanking = !ws(before) && (!punct(before) || ws(after) || punct(after));
      if (n > 2) outside();
      tokens.push({ kind: "delim", count: n, open: leftFlanking, close: rightFlanking });
      k += n - 1;
    } else if (c === "[" && source[k + 1] === "^") {
      const end = source.indexOf("]", k);
      if (end < 0) outside();
      const label = source.slice(k + 2, end);
      if (!/^[^\s\]]+$/.test(label) || !defined.has(label.toLowerCase())) outside();
      tokens.push({ kind: "node", node: { type: "footnoteReference", identifier: label.toLowerCase(), label } });
      k = end;
    } else pushText(c);
  }
  return resolveEmphasis(tokens);
}

/** Pairs * and ** delimiters like CommonMark does for the simple, well-nested runs our templates write. */
function resolveEmphasis(tokens: Array<{ kind: string; [k: string]: unknown }>): PhrasingContent[] {
  type Frame = { count: number; children: PhrasingContent[] };
  const stack: Frame[] = [{ count: 0, children: [] }];
  // Adjacent text never reaches here: the tokenizer joins it.
  const push = (n: PhrasingContent) => stack[stack.length - 1].children.push(n);
  for (const t of tokens) {
    if (t.kind === "text") push({ type: "text", value: t.value as string });
    else if (t.kind === "node") push(t.node as PhrasingContent);
    else {
      const count = t.count as number;
      const top = stack[stack.length - 1];
      if (t.close && stack.length > 1 && top.count === count) {
        stack.pop();
        push(count === 2 ? { type: "strong", children: top.children } : { type: "emphasis", children: top.children as never });
      } else if (t.open) stack.push({ count, children: [] });
      else outside();
    }
  }
  if (stack.length !== 1) outside();
  return tidy(stack[0].children);
}

/** remark drops spaces at the start of a paragraph line and after a hard break; match it. */
function tidy(children: PhrasingContent[]): PhrasingContent[] {
  return children.filter((c) => !(c.type === "text" && c.value === ""));
}
