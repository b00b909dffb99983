/** Reading the document tree: directives, footnote numbering, plain text. No parser is loaded here. */
import type { FootnoteDefinition, Parent, Root, RootContent } from "mdast";
import type { ContainerDirective } from "mdast-util-directive";
import { ROLES, type RowRole, type TableRowRole } from "../model/roles.js";

export type { Root, RootContent };

export function isDirective(node: unknown, name?: string): node is ContainerDirective {
  const n = node as ContainerDirective;
  return n?.type === "containerDirective" && (name === undefined || n.name === name);
}

/** Footnote labels in order of first reference, each mapped to its number 1, 2, … */
export function footnoteNumbers(root: Root): Map<string, number> {
  const numbers = new Map<string, number>();
  const walk = (node: { type: string; children?: unknown[]; identifier?: string }) => {
    if (node.type === "footnoteReference" && node.identifier && !numbers.has(node.identifier)) {
      numbers.set(node.identifier, numbers.size + 1);
    }
    if (node.type === "footnoteDefinition") return; // a definition's own text is not reading order
    for (const child of (node.children ?? []) as Array<typeof node>) walk(child);
  };
  walk(root);
  return numbers;
}

export function footnoteDefinitions(root: Root): Map<string, FootnoteDefinition> {
  const defs = new Map<string, FootnoteDefinition>();
  const walk = (node: Parent | RootContent) => {
    if (node.type === "footnoteDefinition") defs.set((node as FootnoteDefinition).identifier, node as FootnoteDefinition);
    else if ("children" in node) for (const c of node.children) walk(c as RootContent);
  };
  walk(root);
  return defs;
}

/** Plain text of a node, as a reader would see it (for tests and layout decisions). */
export function textOf(node: unknown): string {
  const n = node as { type?: string; value?: string; children?: unknown[] };
  if (n.type === "text" || n.type === "inlineCode") return n.value ?? "";
  if (n.type === "break") return "\n";
  return (n.children ?? []).map(textOf).join("");
}

/** The children of `node` that are directives, by name (a name used twice keeps the first). */
export function roles(node: ContainerDirective): Map<string, ContainerDirective> {
  const out = new Map<string, ContainerDirective>();
  for (const c of node.children) if (isDirective(c) && !out.has(c.name)) out.set(c.name, c);
  return out;
}

/** A figure table row's role, from its `role` attribute. */
export function tableRowRole(node: ContainerDirective): TableRowRole | undefined {
  const r = node.attributes?.role ?? "";
  return (ROLES.tableRows as readonly string[]).includes(r) ? (r as TableRowRole) : undefined;
}

/** The columns a register row leaves empty, from its `empty` attribute ("4 5": zero-based). */
export function emptyColumns(node: ContainerDirective): Set<number> {
  return new Set((node.attributes?.empty ?? "").split(/\s+/).filter(Boolean).map(Number));
}

/** A row's cells in column order: the texts fill the columns that are not empty, in order. */
export function spread<T>(texts: readonly T[][], empty: ReadonlySet<number>, width: number): T[][] {
  const out: T[][] = [];
  let next = 0;
  for (let col = 0; col < width; col++) out.push(empty.has(col) ? [] : (texts[next++] ?? []));
  return out;
}

/** A register row's role, from its `role` attribute. */
export function rowRole(node: ContainerDirective): RowRole | undefined {
  const r = node.attributes?.role ?? "";
  return (ROLES.rows as readonly string[]).includes(r) ? (r as RowRole) : undefined;
}
