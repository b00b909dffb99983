/** `danvan diff`: two years compared, as text, JSON or Markdown, or as year B's DOCX with tracked changes against year A. */
import { UsageError, type Diagnostic } from "../diagnostics.js";

export type DiffFormat = "text" | "json" | "md" | "docx";
export const DIFF_FORMATS: DiffFormat[] = ["text", "json", "md", "docx"];

export type DiffReport =
  | { ok: true; format: "docx"; file: string; identical: boolean }
  | { ok: true; format: Exclude<DiffFormat, "docx">; text: string }
  | { ok: false; diagnostics: Diagnostic[] };

export async function diffReport(dataRoot: string, from: string, to: string, format: DiffFormat, outDir?: string): Promise<DiffReport> {
  if (outDir !== undefined && format !== "docx") throw new UsageError("--out chỉ dùng với --format docx", "DV030");
  if (format === "docx") {
    const r = await (await import("../redline/index.js")).writeRedline(dataRoot, from, to, outDir ?? `out/${to}`);
    return r.ok ? { ok: true, format, file: r.file, identical: r.identical } : r;
  }
  const r = await (await import("./diff.js")).diffYears(dataRoot, from, to);
  if (!r.ok) return r;
  const { diffJson, diffMarkdown, diffText } = await import("../print/diff.js");
  return { ok: true, format, text: format === "json" ? diffJson(r.diff) : format === "md" ? diffMarkdown(r.diff) : diffText(r.diff) };
}
