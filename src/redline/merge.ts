/**
 * Two years' document trees → one tree of year B in which what changed since year A is named: a text or
 * footnote reference node carries `data.revision` ("ins" or "del") and `data.change` (id, author, date);
 * a whole added or removed block (paragraph, list item, table row, footnote) carries the same role. The
 * DOCX writer turns the role into Word tracked changes. Keeping every "del" node gives A's text and every
 * "ins" node B's, by construction: blocks and words are aligned, never rewritten.
 */
import type { Root } from "mdast";
import { alike, align, grouped } from "../commands/diff/align.js";

import type { Change, Revision } from "../model/roles.js";

export type { Change, Revision };

type AnyNode = { type: string; children?: AnyNode[]; value?: string; identifier?: string; label?: string; name?: string; depth?: number; ordered?: boolean; data?: Record<string, unknown>; [k: string]: unknown };

export interface MergeOptions {
  author: string;
  /** ISO date-time of the changes: year B's report date. */
  date: string;
  /** Footnote ids renamed between the years (old → new): the same footnote, not a removal and an addition. */
  renamed?: ReadonlyMap<string, string>;
}

export function mergeTrees(a: Root, b: Root, options: MergeOptions): Root {
  let next = 1;
  const change = (): Change => ({ id: next++, author: options.author, date: options.date });
  const renamed = options.renamed ?? new Map();
  const older = renamed.size ? (renameFootnotes(structuredClone(a) as unknown as AnyNode, renamed) as unknown as Root) : a;

  const mark = (node: AnyNode, revision: Revision): AnyNode => {
    const copy: AnyNode = { ...node, data: { ...node.data, revision, change: change() } };
    if (node.children) copy.children = node.children.map((c) => mark(c, revision));
    return copy;
  };

  /** `placed`: inside a layout directive (header, closing…), where a block's place, not its words, says what it is. */
  const blocks = (as: readonly AnyNode[], bs: readonly AnyNode[], placed = false): AnyNode[] => {
    const out: AnyNode[] = [];
    for (const g of grouped(align(as, bs, looseKey))) {
      if (g.same) {
        const [x, y] = [g.same.a!, g.same.b!];
        out.push(fullKey(x) === fullKey(y) ? y : pair(x, y, placed));
        continue;
      }
      // Pair each added block with the next removed block of its kind, in order; the rest are whole changes.
      // Both years' blocks keep their order: removed ones stand before the pair that follows them.
      const partner = new Map<number, number>();
      let from = 0;
      for (let j = 0; j < g.added.length; j++) {
        const i = g.removed.findIndex((r, k) => k >= from && compatible(r, g.added[j], placed));
        if (i >= 0) {
          partner.set(j, i);
          from = i + 1;
        }
      }
      let k = 0;
      if (partner.size === 0) for (; k < g.removed.length; k++) out.push(mark(g.removed[k], "del"));
      for (let j = 0; j < g.added.length; j++) {
        const i = partner.get(j);
        if (i === undefined) {
          out.push(mark(g.added[j], "ins"));
          continue;
        }
        for (; k < i; k++) out.push(mark(g.removed[k], "del"));
        out.push(pair(g.removed[i], g.added[j], placed));
        k = i + 1;
      }
      for (; k < g.removed.length; k++) out.push(mark(g.removed[k], "del"));
    }
    return out;
  };

  const pair = (x: AnyNode, y: AnyNode, placed: boolean): AnyNode => {
    if (y.type === "paragraph" || y.type === "heading" || y.type === "tableCell") return { ...y, children: phrasing(x.children ?? [], y.children ?? []) };
    if (y.type === "tableRow") return { ...y, children: (y.children ?? []).map((c, i) => pair(x.children?.[i] ?? { type: "tableCell", children: [] }, c, true)) };
    if (y.type === "containerDirective" && JSON.stringify(x.attributes ?? {}) !== JSON.stringify(y.attributes ?? {})) {
      // What an attribute places (the recipients' note) is shown where it was and where it is.
      return { ...y, data: { ...y.data, attributesBefore: x.attributes ?? {}, change: change() }, children: blocks(x.children ?? [], y.children ?? [], true) };
    }
    if (y.children) return { ...y, children: blocks(x.children ?? [], y.children, placed || y.type === "containerDirective") };
    return y;
  };

  const phrasing = (xs: readonly AnyNode[], ys: readonly AnyNode[]): AnyNode[] => {
    const out: AnyNode[] = [];
    const emit = (t: Token, revision?: Revision) => {
      let node: AnyNode = { ...t.node, data: revision ? { ...t.node.data, revision, change: undefined } : t.node.data };
      for (const wrap of [...t.marks].reverse()) node = { type: wrap, children: [node] };
      out.push(node);
    };
    // Deleted words before inserted ones, as Word shows an edit; text that shares few words (a new signer's
    // name) is replaced whole rather than word by word.
    const [ta, tb] = [tokens(xs), tokens(ys)];
    const whole = !alike(ta.map((t) => t.node.value ?? "").join(""), tb.map((t) => t.node.value ?? "").join(""));
    const steps = whole ? [{ removed: ta, added: tb }] : stretches(grouped(align(ta, tb, (t) => t.key)));
    for (const g of steps as Array<{ same?: { b?: Token }; removed: Token[]; added: Token[] }>) {
      if (g.same) emit(g.same.b!);
      for (const t of g.removed) emit(t, "del");
      for (const t of g.added) emit(t, "ins");
    }
    return joinRuns(out, change);
  };

  // Footnote definitions are matched by id, not by place: where they stand says nothing (the writers number
  // notes by their citations), and a section moved would otherwise delete a note and insert it again.
  const isDef = (n: AnyNode) => n.type === "footnoteDefinition";
  const [oldNodes, newNodes] = [older.children as unknown as AnyNode[], b.children as unknown as AnyNode[]];
  const oldDefs = new Map(oldNodes.filter(isDef).map((d) => [d.identifier, d]));
  const newDefs = newNodes.filter(isDef);
  const definitions = [
    ...newDefs.map((y) => {
      const x = oldDefs.get(y.identifier);
      return !x ? mark(y, "ins") : fullKey(x) === fullKey(y) ? y : pair(x, y, false);
    }),
    ...[...oldDefs.values()].filter((x) => !newDefs.some((y) => y.identifier === x.identifier)).map((x) => mark(x, "del")),
  ];
  const body = blocks(oldNodes.filter((n) => !isDef(n)), newNodes.filter((n) => !isDef(n)));
  return { ...(b as unknown as AnyNode), children: [...body, ...definitions] } as unknown as Root;
}

interface Token {
  key: string;
  marks: string[];
  node: AnyNode;
}

/** Phrasing as words and the spaces between them, footnote references and breaks, each with its marks. */
function tokens(nodes: readonly AnyNode[], marks: string[] = [], out: Token[] = []): Token[] {
  for (const n of nodes) {
    if (n.type === "text") {
      for (const w of n.value!.match(/\S+|\s+/g) ?? []) out.push({ key: `${marks.join("+")}|${w}`, marks, node: { type: "text", value: w } });
    } else if (n.type === "strong" || n.type === "emphasis") tokens(n.children ?? [], [...marks, n.type], out);
    else out.push({ key: `${marks.join("+")}|${n.type}:${n.identifier ?? n.value ?? ""}`, marks, node: { ...n } });
  }
  return out;
}

type Group = ReturnType<typeof grouped<Token>>[number];

/**
 * Edits separated only by unchanged whitespace are one edit: "thực hiện" → "đạt được" aligns the space
 * between the words, which would show "~~thực~~đạt ~~hiện~~được"; reviewers read a replaced phrase, as the
 * text diff prints it, as the old words struck through, then the new ones. The space goes to both sides
 * (A's copy deleted, B's inserted), so each side keeps its own words in order. Only whitespace text joins:
 * an unchanged footnote reference stays put, since a deleted and an inserted copy would give one footnote
 * two references.
 */
function stretches(groups: readonly Group[]): Group[] {
  const out: Group[] = [];
  let pending: Group[] = [];
  const blank = (g: Group) => g.same !== undefined && g.same.b!.node.type === "text" && /^\s+$/.test(g.same.b!.node.value!);
  for (const g of groups) {
    const last = out[out.length - 1];
    if (blank(g) && last && !last.same) {
      pending.push(g);
      continue;
    }
    if (!g.same && last && !last.same) {
      last.removed.push(...pending.map((w) => w.same!.a!), ...g.removed);
      last.added.push(...pending.map((w) => w.same!.b!), ...g.added);
    } else {
      out.push(...pending, g.same ? g : { removed: [...g.removed], added: [...g.added] });
    }
    pending = [];
  }
  return [...out, ...pending];
}

/** Neighbouring words of the same marks and role become one text node, with one change id. */
function joinRuns(nodes: AnyNode[], change: () => Change): AnyNode[] {
  const out: AnyNode[] = [];
  const leaf = (n: AnyNode): AnyNode => (n.children?.length === 1 && (n.type === "strong" || n.type === "emphasis") ? leaf(n.children[0]) : n);
  const shape = (n: AnyNode): string => (n.type === "strong" || n.type === "emphasis" ? `${n.type}>${shape(n.children![0])}` : n.type);
  for (const n of nodes) {
    const prev = out[out.length - 1];
    const [p, c] = [prev && leaf(prev), leaf(n)];
    if (prev && p.type === "text" && c.type === "text" && shape(prev) === shape(n) && p.data?.revision === c.data?.revision) {
      p.value += c.value!;
      continue;
    }
    if (c.data?.revision) c.data = { ...c.data, change: change() };
    out.push(n);
  }
  return out;
}

/** Blocks are aligned by what they say; a register row by its citation (number and symbol), as `diff` matches it. */
function looseKey(n: AnyNode): string {
  if (n.type === "tableRow") return `row|${fullKey(n.children?.[1] ?? { type: "tableCell" })}`;
  // A register row (:::row{role=…}): a document by its citation, a group or type row by its label.
  if (n.type === "containerDirective" && n.name === "row") {
    const role = (n.attributes as { role?: string } | undefined)?.role ?? "";
    const kids = n.children ?? [];
    return `row|${role}|${fullKey(role === "type" ? (kids[0] ?? n) : (kids[1] ?? kids[0] ?? n))}`;
  }
  return fullKey(n);
}

function fullKey(n: AnyNode): string {
  const own = `${n.type}:${n.name ?? ""}:${n.depth ?? ""}:${n.identifier ?? ""}:${n.value ?? ""}:${n.attributes ? JSON.stringify(n.attributes) : ""}`;
  return n.children ? `${own}[${n.children.map(fullKey).join(",")}]` : own;
}

function compatible(x: AnyNode, y: AnyNode, placed: boolean): boolean {
  if (x.type !== y.type) return false;
  // A register row is one document (or group, or type): another is removed and added whole.
  if (x.type === "containerDirective") return x.name === y.name && x.name !== "row";
  // Text blocks that share few words are one removed and one added, not a word-by-word rewrite.
  if (x.type === "paragraph" || x.type === "listItem") return placed || alike(textOf(x), textOf(y));
  if (x.type === "heading") return x.depth === y.depth && (placed || alike(textOf(x), textOf(y)));
  if (x.type === "list") return x.ordered === y.ordered;
  if (x.type === "footnoteDefinition") return x.identifier === y.identifier;
  if (x.type === "tableRow") return false;
  return true;
}

function textOf(n: AnyNode): string {
  return n.value ?? (n.children ?? []).map(textOf).join(" ");
}

function renameFootnotes(node: AnyNode, renamed: ReadonlyMap<string, string>): AnyNode {
  if ((node.type === "footnoteReference" || node.type === "footnoteDefinition") && node.identifier && renamed.has(node.identifier)) {
    node.identifier = renamed.get(node.identifier)!;
    node.label = node.identifier;
  }
  for (const c of node.children ?? []) renameFootnotes(c, renamed);
  return node;
}
