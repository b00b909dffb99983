/**
 * `build-report --draft`: a draft year built as it stands. Its blanks print as blanks (figures, and every
 * total, ratio and rate they enter, since NaN carries through the arithmetic; text as BLANK_MARK, a date as
 * ""), which the writers mark visibly, so nothing a clerk has not filled in reads as a number, a
 * number-and-symbol or a date.
 */
import { dataRoots, setAt, valueAt } from "../model/data-path.js";
import type { Report } from "../model/index.js";
import { BLANK_MARK } from "../text/format.js";
import { BLANK_CODES } from "./blanks.js";
import type { Blank } from "../validate/blanks.js";
import { COLLECT_DRAFT_CODES } from "../collect/sum.js";

/** A draft's blanks, and the units' reports still to come in or to be completed (collect/sum.ts). */
export const DRAFT_CODES: ReadonlySet<string> = new Set([...Object.values(BLANK_CODES), ...COLLECT_DRAFT_CODES]);

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
      for (const k of b.fields ?? []) entry[k] = k === "date" ? "" : BLANK_MARK;
      continue;
    }
    const key = String(b.path[b.path.length - 1]);
    setAt(root, b.path, b.kind === "figure" ? Number.NaN : key === "date" ? "" : BLANK_MARK);
  }
  return copy;
}
