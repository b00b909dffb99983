/**
 * The roles a node of the document tree carries, which both writers present through their profile's table:
 * what a template names with container directives, and what a redline (src/redline/merge.ts) marks as
 * inserted or deleted.
 */

/**
 * The roles a template names with container directives (docs/template-roles.md). Writers look a node's
 * role up here and in the profile; a directive of another name is a plain container.
 */
export const ROLES = {
  /** First-page header: its left column, then its right column. */
  header: ["superior", "issuer", "issuer-mark", "number"],
  headerRight: ["motto", "place-date"],
  title: ["doc-type", "summary", "title-rule"],
  closing: ["recipients-label", "recipients"],
  closingRight: ["signer-title", "signer-name"],
  appendix: ["appendix-heading", "appendix-title", "appendix-reference", "register"],
  rows: ["heading", "group", "type", "document"],
  /** A figure table by unit or group, in a section's body: its title and unit line, then its rows. */
  figureTable: ["table-title", "table-unit"],
  tableRows: ["heading", "unit", "group", "subtotal", "total"],
  /** Body roles: a small heading, and an indicator table (a pipe table laid out by INDICATOR_COLUMNS). */
  body: ["subheading", "indicators"],
  /** A draft (build-report --draft): the mark "DỰ THẢO", which the DOCX prints atop every page, and each blank. */
  draft: ["draft-mark", "blank"],
} as const;

/** What a draft's mark says, and how a blank prints: never `…` alone, which the report's own text uses. */
export const DRAFT_MARK = "DỰ THẢO";
export const BLANK_TEXT = "[…]";

export type RowRole = (typeof ROLES.rows)[number];
export type TableRowRole = (typeof ROLES.tableRows)[number];

/** The revision a node of a merged tree carries: inserted or deleted, by whom and when. */
export type Revision = "ins" | "del";

export interface Change {
  id: number;
  author: string;
  /** ISO date-time. */
  date: string;
}

/** The role a node carries in a merged tree, if any. */
export function revisionOf(node: unknown): { revision: Revision; change: Change } | undefined {
  const data = (node as { data?: { revision?: Revision; change?: Change } } | undefined)?.data;
  return data?.revision && data.change ? { revision: data.revision, change: data.change } : undefined;
}


/** A directive whose attributes changed (the recipients' note moved or reworded): year A's attributes. */
export function attributesBefore(node: unknown): { attributes: Record<string, string>; change: Change } | undefined {
  const data = (node as { data?: { attributesBefore?: Record<string, string>; change?: Change } } | undefined)?.data;
  return data?.attributesBefore && data.change ? { attributes: data.attributesBefore, change: data.change } : undefined;
}

/**
 * A node of a merged tree as one year reads it, whole, marked as that year's: what only the other year has
 * is left out, and the rest carries "del" (year A) or "ins" (year B). The writers use it where one place on
 * the page cannot hold both years (a recipient moving into or out of the bracket beside the note).
 */
export function yearCopy<T>(node: T, year: "a" | "b", change: () => Change): T {
  const hidden: Revision = year === "a" ? "ins" : "del";
  const revision: Revision = year === "a" ? "del" : "ins";
  const copy = (n: { data?: Record<string, unknown>; children?: unknown[] }): typeof n => {
    const out: typeof n = { ...n, data: { ...n.data, revision, change: change() } };
    if (n.children) out.children = n.children.filter((c) => revisionOf(c)?.revision !== hidden).map((c) => copy(c as typeof n));
    return out;
  };
  return copy(node as { data?: Record<string, unknown>; children?: unknown[] }) as T;
}
