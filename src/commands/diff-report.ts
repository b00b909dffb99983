/** `danvan diff`: two periods compared, as text, JSON or Markdown, or as period B's DOCX with tracked changes against period A. */
import { UsageError, type Diagnostic } from "../diagnostics.js";
import type { PeriodFolder } from "../load/periods.js";
import { periodName } from "../model/period.js";
import type { DiffNames } from "../print/diff.js";

export type DiffFormat = "text" | "json" | "md" | "docx";
export const DIFF_FORMATS: DiffFormat[] = ["text", "json", "md", "docx"];

/** `names`: what the two are called in a message (`năm 2021`, `6 tháng đầu năm 2022`). */
export type DiffReport = (
  | { ok: true; format: "docx"; file: string; identical: boolean }
  | { ok: true; format: Exclude<DiffFormat, "docx">; text: string }
  | { ok: false; diagnostics: Diagnostic[] }
) & { names: DiffNames };

const namesOf = (periods: [PeriodFolder, PeriodFolder]): DiffNames => ({ from: periodName(periods[0].period), to: periodName(periods[1].period) });

export async function diffReport(dataRoot: string, from: string, to: string, format: DiffFormat, outDir?: string): Promise<DiffReport> {
  if (outDir !== undefined && format !== "docx") throw new UsageError("--out chỉ dùng với --format docx", "DV030");
  if (format === "docx") {
    // Written to out/<period B's folder> unless told otherwise.
    const r = await (await import("../redline/index.js")).writeRedline(dataRoot, from, to, outDir);
    const names = namesOf(r.periods);
    return r.ok ? { ok: true, format, file: r.file, identical: r.identical, names } : { ok: false, diagnostics: r.diagnostics, names };
  }
  const r = await (await import("./diff.js")).diffYears(dataRoot, from, to);
  const names = namesOf(r.periods);
  if (!r.ok) return { ok: false, diagnostics: r.diagnostics, names };
  const { diffJson, diffMarkdown, diffText } = await import("../print/diff.js");
  return { ok: true, format, names, text: format === "json" ? diffJson(r.diff) : format === "md" ? diffMarkdown(r.diff, names) : diffText(r.diff, names) };
}
