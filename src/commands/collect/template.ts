/** `danvan collect template <year>`: one workbook per unit the year expects figures from, named by its code. */
import path from "node:path";
import { draftDate } from "../../model/period.js";
import type { Diagnostic } from "../../diagnostics.js";
import { prepareOutDir } from "../../pipeline.js";
import { writeFilesAtomic } from "../../write/atomic.js";
import { collectContext, expectedUnits, periodLabels, rowsFor } from "./context.js";
import { templateBytes } from "./workbook.js";

export interface TemplateResult {
  written: string[];
  diagnostics: Diagnostic[];
  figures: number;
}

export async function makeTemplates(dataRoot: string, year: string, outDir: string): Promise<TemplateResult> {
  const got = collectContext(dataRoot, year);
  if (!got.ok) return { written: [], diagnostics: got.diagnostics, figures: 0 };
  const ctx = got.context;
  prepareOutDir(outDir, dataRoot);
  const labels = periodLabels(ctx);
  const files: Array<{ file: string; data: Uint8Array }> = [];
  for (const unit of expectedUnits(ctx)) {
    const data = await templateBytes({
      unitCode: unit.code,
      unitName: unit.name,
      groupName: ctx.units.groups[unit.group] ?? unit.group,
      reportName: ctx.reportName,
      period: ctx.period,
      periodName: labels.current,
      previousName: labels.previous,
      rows: rowsFor(ctx, unit),
      // The period's own date (a periodic report: its year's first day): the same data gives the same bytes.
      date: draftDate(ctx.periodOf),
    });
    files.push({ file: path.join(outDir, `${unit.code}.xlsx`), data });
  }
  // The set is written together: a failure on the way leaves the folder as it was.
  writeFilesAtomic(files);
  return { written: files.map((f) => f.file), diagnostics: [], figures: ctx.figures.length };
}
