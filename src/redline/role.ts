/** The role a node of a merged tree (src/redline/merge.ts) carries: inserted or deleted, by whom and when. */
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
