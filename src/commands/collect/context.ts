/**
 * What both collect commands need from a period: its units, the figures collected from them, and for each
 * unit the rows of its workbook. The period is loaded and validated as check does (its YAML, its schemas,
 * the collected statistics and units.yaml), and an error there stops both: what to collect is not known
 * from files that do not read. The rules' findings (a citation, a register entry) are check's to report
 * and stop neither; nor do the units' reports still to come.
 */
import path from "node:path";
import { DRAFT_CODES } from "../../check/draft.js";
import { sortDiagnostics, UsageError, type Diagnostic } from "../../diagnostics.js";
import type { RawFile } from "../../model/index.js";
import type { Period } from "../../model/period.js";
import {
  activeIn,
  collectedFigures,
  distinctUnits,
  periodName,
  previousFolder,
  previousPeriod,
  type CollectedFigure,
  type Unit,
  type UnitsFile,
} from "../../model/units.js";
import { loadYear, previousUnitReport } from "../../load/index.js";
import { requireYear } from "../../pipeline.js";
import { validateFiles } from "../../validate/index.js";
import type { TemplateRow } from "./workbook.js";

export interface CollectContext {
  dataRoot: string;
  /** The period as the user named it (`2022`, `2022-h1`, `bao-cao-6-thang/2022-h1`). */
  year: string;
  /** The period's id: what the workbooks' header and the units' files say. */
  period: string;
  /** The period's folder, relative to the data root: where the units' files go. */
  dir: string;
  /** The period as model/period.ts reads it (kind, year, window). */
  periodOf: Period;
  units: UnitsFile;
  unitsFile: string;
  figures: CollectedFigure[];
  reportName: string;
}

export type ContextResult = { ok: true; context: CollectContext } | { ok: false; diagnostics: Diagnostic[] };

/** Findings that do not stop collecting: the units' reports still missing or incomplete, a draft's blanks. */
const NOT_BLOCKING = DRAFT_CODES;

export function collectContext(dataRoot: string, year: string): ContextResult {
  const folder = requireYear(dataRoot, year);
  // The units' reports are what collect writes: the period is read without them.
  const loaded = loadYear(dataRoot, folder.dir, { unitReports: false });
  const validated = validateFiles(folder, loaded.files);
  const checked = { files: loaded.files, diagnostics: sortDiagnostics([...loaded.diagnostics, ...validated.diagnostics]) };
  const blocking = checked.diagnostics.filter((d) => d.severity === "error" && !NOT_BLOCKING.has(d.code) && kindOf(checked.files, d.file) !== "unit");
  if (blocking.length) return { ok: false, diagnostics: blocking };
  const unitsRaw = checked.files.find((f) => f.kind === "units");
  if (!unitsRaw) throw new UsageError(`chưa có ${path.join(dataRoot, "units.yaml")}: danh sách các đơn vị gửi số liệu (xem docs/data.md)`, "DV781");
  const figures = checked.files
    .filter((f) => f.kind === "section")
    .flatMap((f) => Object.entries(((f.value as { statistics?: Record<string, unknown> } | undefined)?.statistics ?? {})).flatMap(([id, stat]) => collectedFigures(id, stat, f.file)));
  if (!figures.length) throw new UsageError(`${periodName(folder.period.id)} không có số liệu nào thu từ đơn vị (from: units, groups: […] trong statistics)`, "DV781");
  const identity = (checked.files.find((f) => f.kind === "report")?.value ?? {}) as { type?: string; title?: string[] };
  const reportName = [identity.type, ...(identity.title ?? [])].filter(Boolean).join(" ");
  return { ok: true, context: { dataRoot, year, period: folder.period.id, dir: folder.dir, periodOf: folder.period, units: unitsRaw.value as UnitsFile, unitsFile: unitsRaw.file, figures, reportName } };
}

function kindOf(files: readonly RawFile[], file: string): string | undefined {
  return files.find((f) => f.file === file)?.kind;
}

/** The units a period expects a workbook from: active then, in a group some figure is collected from. */
export function expectedUnits(ctx: CollectContext): Unit[] {
  const asked = new Set(ctx.figures.flatMap((f) => f.groups));
  return distinctUnits(ctx.units).filter((u) => asked.has(u.group) && activeIn(u, ctx.period));
}

/** A unit's rows: the figures collected from its group, with what it sent last period beside each. */
export function rowsFor(ctx: CollectContext, unit: Unit): TemplateRow[] {
  const before = previousFolder(ctx.dir, ctx.period);
  const previous = before === undefined ? undefined : previousUnitReport(ctx.dataRoot, before, unit.code);
  return ctx.figures
    .filter((f) => f.groups.includes(unit.group))
    .map((f) => {
      const then = previous?.figures[f.path]?.value;
      return { path: f.path, label: f.label, unit: f.unit, decimals: f.decimals, previous: typeof then === "number" ? then : undefined };
    });
}

export function periodLabels(ctx: CollectContext): { current: string; previous: string } {
  const before = previousPeriod(ctx.period);
  return { current: capital(periodName(ctx.period)), previous: before === undefined ? "Kỳ trước (tham khảo)" : `${capital(periodName(before))} (tham khảo)` };
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
