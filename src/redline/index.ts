/**
 * `danvan diff A B --format docx`: year B's report in its official layout with Word tracked changes
 * against year A, by author "danvan" on B's report date. Accepting every change gives B's report,
 * rejecting every change gives A's.
 */
import { draftDate } from "../model/period.js";
import path from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { diffYears } from "../commands/diff.js";
import { treeOf } from "../commands/diff/printed.js";
import { baseName, draftName, prepareOutDir } from "../pipeline.js";
import { mergeTrees } from "./merge.js";
import { markDraft } from "../parse/draft.js";
import type { PeriodFolder } from "../load/periods.js";

export const REDLINE_AUTHOR = "danvan";

export type RedlineOutcome = { ok: true; file: string; identical: boolean; periods: [PeriodFolder, PeriodFolder] } | { ok: false; diagnostics: Diagnostic[]; periods: [PeriodFolder, PeriodFolder] };

/** `outDir` defaults to out/<period B's folder>. */
export async function writeRedline(dataRoot: string, from: string, to: string, outDir?: string): Promise<RedlineOutcome> {
  const compared = await diffYears(dataRoot, from, to);
  if (!compared.ok) return compared;
  const out = outDir ?? path.join("out", compared.periods[1].dir);
  const { a, b, diff } = compared;
  const renamed = new Map(diff.footnotes.filter((f) => f.kind === "renamed").map((f) => [f.from!, f.id]));
  const merged = mergeTrees(await treeOf(a), await treeOf(b), { author: REDLINE_AUTHOR, date: `${b.report.identity.date || draftDate(b.report.period)}T00:00:00Z`, renamed });
  // A draft's redline is a draft too: its mark atop every page, which no revision takes away.
  const tree = markDraft(merged, b.draft);
  const { docxDocument } = await import("../write/docx/index.js");
  const bytes = await docxDocument(tree, b.report).pack();
  prepareOutDir(out, dataRoot);
  const file = path.join(out, `${b.draft ? draftName(b.report) : baseName(b.report)}-so-voi-${a.report.period.id}.docx`);
  const { writeFileAtomic } = await import("../write/atomic.js");
  writeFileAtomic(file, bytes);
  return { ok: true, file, identical: diff.identical, periods: compared.periods };
}
