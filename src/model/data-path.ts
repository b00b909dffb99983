/** A data path (file + keys) as a place in the typed Report: what a diagnostic's path points at. */
import type { Report } from "./index.js";

/** The object each data file's paths start from: the identity, the register, each section. */
export function dataRoots(report: Report): Map<string, unknown> {
  return new Map<string, unknown>([
    [report.identityFile, report.identity],
    [report.registerFile, report.register],
    ...report.sections.map((s) => [s.file, s] as [string, unknown]),
  ]);
}

export function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let v = root;
  for (const seg of path) v = v && typeof v === "object" ? (v as Record<string, unknown>)[String(seg)] : undefined;
  return v;
}

/** Sets the value at `path` under `root` when its parent is there; says whether it was. */
export function setAt(root: unknown, path: ReadonlyArray<string | number>, value: unknown): boolean {
  const parent = valueAt(root, path.slice(0, -1));
  if (!parent || typeof parent !== "object") return false;
  (parent as Record<string, unknown>)[String(path[path.length - 1])] = value;
  return true;
}

/** `inner` is `outer` or lies under it. */
export function isUnder(inner: ReadonlyArray<string | number>, outer: ReadonlyArray<string | number>): boolean {
  return outer.length <= inner.length && outer.every((s, i) => String(inner[i]) === String(s));
}
