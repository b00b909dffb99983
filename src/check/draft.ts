/**
 * `build-report --draft`: a draft year built as it stands. Its blanks print as "…" (figures, and every
 * total, ratio and rate they enter, since NaN carries through the arithmetic), so nothing a clerk has not
 * filled in reads as a number, a number-and-symbol or a date.
 */
import { dataRoots, setAt, valueAt } from "../model/data-path.js";
import type { Report } from "../model/index.js";
import { BLANK } from "../text/format.js";
import { BLANK_CODES } from "./blanks.js";
import type { Blank } from "../validate/blanks.js";

export const DRAFT_CODES: ReadonlySet<string> = new Set(Object.values(BLANK_CODES));

/** The report with each blank's stand-in replaced by what a draft prints. */
export function draftReport(report: Report, blanks: readonly Blank[]): Report {
  const copy = structuredClone(report);
  const roots = dataRoots(copy);
  for (const b of blanks) {
    const root = roots.get(b.file);
    if (!root) continue;
    if (b.kind === "document") {
      const entry = valueAt(root, b.owner) as Record<string, unknown> | undefined;
      if (!entry) continue;
      for (const k of b.fields ?? []) entry[k] = k === "date" ? "" : BLANK;
      continue;
    }
    const key = String(b.path[b.path.length - 1]);
    setAt(root, b.path, b.kind === "figure" ? Number.NaN : key === "date" ? "" : BLANK);
  }
  return copy;
}
