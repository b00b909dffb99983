/**
 * `danvan diff A B --format docx`: year B's report in its official layout with Word tracked changes
 * against year A, by author "danvan" on B's report date. Accepting every change gives B's report,
 * rejecting every change gives A's.
 */
import path from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { diffYears } from "../commands/diff.js";
import { treeOf } from "../commands/diff/printed.js";
import { baseName, draftName, prepareOutDir } from "../pipeline.js";
import { mergeTrees } from "./merge.js";

export const REDLINE_AUTHOR = "danvan";

export type RedlineOutcome = { ok: true; file: string; identical: boolean } | { ok: false; diagnostics: Diagnostic[] };

export async function writeRedline(dataRoot: string, from: string, to: string, outDir: string): Promise<RedlineOutcome> {
  const compared = await diffYears(dataRoot, from, to);
  if (!compared.ok) return compared;
  const { a, b, diff } = compared;
  const renamed = new Map(diff.footnotes.filter((f) => f.kind === "renamed").map((f) => [f.from!, f.id]));
  const tree = mergeTrees(await treeOf(a), await treeOf(b), { author: REDLINE_AUTHOR, date: `${b.report.identity.date || `${b.report.year}-01-01`}T00:00:00Z`, renamed });
  const { docxDocument } = await import("../write/docx/index.js");
  const bytes = await docxDocument(tree, b.report).pack();
  prepareOutDir(outDir, dataRoot);
  const file = path.join(outDir, `${b.draft ? draftName(b.report) : baseName(b.report)}-so-voi-${from}.docx`);
  const { writeFileAtomic } = await import("../write/atomic.js");
  writeFileAtomic(file, bytes);
  return { ok: true, file, identical: diff.identical };
}
