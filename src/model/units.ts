/**
 * The units below that report figures (data/units.yaml), what each reports for a period
 * (data/<period folder>/units/<code>.yaml), and which figures of the report are summed from them. Periods
 * and the units they expect meet only here, on model/period.ts's one reading of a period id.
 */
import path from "node:path";
import { parsePeriod, periodName as nameOfPeriod, samePeriodLastYear } from "./period.js";
import { figureDecimals, figureSlots } from "./statistics.js";

export interface Unit {
  code: string;
  name: string;
  group: string;
  /** First and last years the unit reports (created, merged or dissolved in a reorganisation). */
  from?: number;
  to?: number;
}

export interface UnitsFile {
  groups: Record<string, string>;
  units: Unit[];
}

/** One figure a unit reported, and the cell of its workbook (the report's `source`) it was read from. */
export interface UnitFigure {
  /** null: the unit left the input cell empty. */
  value: number | null;
  cell: string;
  /** The cell held text, read as this number (`1.611`). */
  text?: string;
  /** The cell held a formula; `value` is the result the spreadsheet saved with it. */
  formula?: string;
}

export interface UnitReport {
  unit: string;
  period: string;
  template?: number;
  /** The workbook and sheet every figure of the report was read from: said once, not per figure. */
  source: { file: string; sheet: string };
  figures: Record<string, UnitFigure>;
}

/** data/units.yaml, in the data root: every series and period reads it. */
export const UNITS_FILE = "units.yaml";
/** data/<period folder>/units/: one file per unit that reported. */
export const UNITS_FOLDER = "units";

/**
 * The period whose figures a unit's template shows beside the input and check compares with: the same
 * period a year before (2022 → 2021, 2022-h1 → 2021-h1, in the same series); none for a thematic report.
 */
export function previousPeriod(period: string): string | undefined {
  const p = parsePeriod(period);
  return p.ok ? samePeriodLastYear(p.period)?.id : undefined;
}

/** The folder (relative to the data root) of the period before `dir`'s, beside it in its series. */
export function previousFolder(dir: string, period: string): string | undefined {
  const before = previousPeriod(period);
  return before === undefined ? undefined : path.posix.join(path.posix.dirname(dir), before);
}

/** The units, each once: a code listed twice (check says so, DV753) counts as first listed, never twice in a sum. */
export function distinctUnits(file: UnitsFile): Unit[] {
  const seen = new Set<string>();
  return file.units.filter((u) => !seen.has(u.code) && Boolean(seen.add(u.code)));
}

/** Whether a unit is expected to report for a period, by its from/to years; a thematic report has no year to bound. */
export function activeIn(unit: Unit, period: string): boolean {
  const p = parsePeriod(period);
  const year = p.ok ? p.period.year : undefined;
  if (year === undefined) return true;
  return (unit.from === undefined || unit.from <= year) && (unit.to === undefined || year <= unit.to);
}

/** A unit's figures file in a period's folder (`dir` relative to the data root: `2022`, `bao-cao-6-thang/2022-h1`). */
export function unitReportPath(dataRoot: string, dir: string, code: string): string {
  return path.join(dataRoot, dir, UNITS_FOLDER, `${code}.yaml`);
}

/** Whether a statistic is summed from the units' reports. */
export function isCollected(stat: unknown): boolean {
  return Boolean(stat && typeof stat === "object" && (stat as { from?: unknown }).from === "units");
}

/** One number of the report that the units report, each their own, and the report sums. */
export interface CollectedFigure {
  /** Its path as prose cites it (`ii3-don-khieu-to.khieu-nai`): the key in every unit's file and workbook. */
  path: string;
  statId: string;
  /** Keys from the statistic down to the slot. */
  dataPath: string[];
  /** What the template's row says: the statistic's label, and the part's or period's own name. */
  label: string;
  unit: string;
  decimals: number;
  groups: string[];
  /** The section file the statistic is in. */
  file: string;
  /** The slot's value in the section: null when collected; a number typed there is a mistake. */
  typed: unknown;
}

/**
 * The figures a collected statistic's units report: every number slot except the references to other
 * figures (a ratio's whole is often another collected figure, summed there) and stated totals and rates,
 * which the report states itself.
 */
export function collectedFigures(id: string, stat: unknown, file: string): CollectedFigure[] {
  if (!isCollected(stat)) return [];
  const s = stat as { label?: unknown; unit?: unknown; groups?: unknown; labels?: Record<string, string> };
  const groups = Array.isArray(s.groups) ? s.groups.filter((g): g is string => typeof g === "string") : [];
  const base = typeof s.label === "string" ? s.label : id;
  return figureSlots(id, stat)
    .filter((slot) => slot.role === "figure" && typeof slot.value !== "string")
    .map((slot) => ({
      path: slot.figurePath,
      statId: id,
      dataPath: slot.dataPath,
      label: slotLabel(base, slot.dataPath, s.labels),
      unit: typeof s.unit === "string" ? s.unit : "",
      decimals: figureDecimals(stat),
      groups,
      file,
      typed: slot.value,
    }));
}

/** `Đơn khiếu nại, tố cáo — khiếu nại — năm 2022`: the statistic's label, then the part and the period. */
function slotLabel(base: string, dataPath: readonly string[], labels: Record<string, string> | undefined): string {
  const named = (key: string) => (labels && typeof labels[key] === "string" ? labels[key] : key);
  const words: string[] = [base];
  if (dataPath[0] === "values") words.push(periodName(dataPath[1]));
  if (dataPath[0] === "whole") words.push("tổng số (mẫu số của tỷ lệ)");
  const partAt = dataPath.indexOf("parts");
  if (partAt >= 0) words.push(named(dataPath[partAt + 1]));
  return words.join(" — ");
}

/** A series key or period id in words (`năm 2022`, `6 tháng đầu năm 2022`, `quý I năm 2022`), as model/period.ts says it. */
export function periodName(key: string): string {
  const p = parsePeriod(key);
  return p.ok ? nameOfPeriod(p.period) : key;
}
