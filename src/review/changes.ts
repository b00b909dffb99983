/** What a review found: changes to the data, each with the operations that make it, and conflicts. */

export type DataPath = Array<string | number>;

export type Op =
  | { file: string; kind: "set"; path: DataPath; value: unknown }
  | { file: string; kind: "splice"; path: DataPath; index: number; remove: number; insert: unknown[] };

export type ChangeKind = "text" | "insert" | "delete" | "figure" | "register" | "conflict";

export interface Change {
  kind: ChangeKind;
  /** The data file and the place in it the change is at. */
  file: string;
  path: DataPath;
  line?: number;
  /** text, insert, delete: the source string before and after (insert: before ""; delete: after ""). */
  before: string;
  after: string;
  /** figure, register, conflict: what it is, in Vietnamese (`ii3.khieu-nai: 1611 → 1612`). */
  message?: string;
  /** Only with --figures / --register; a conflict never. */
  needs?: "figures" | "register";
  ops: Op[];
}

export const change = (c: Omit<Change, "ops"> & { ops?: Op[] }): Change => ({ ops: [], ...c });
