/**
 * A table of one collected statistic by unit or by group of units (a section's `table:` block). Its rows
 * are the units data/units.yaml expects in the period (or their groups), each row's figures the sums of
 * what those units reported, computed the way the report computes its own: a statistic whose slots hold
 * the row's sums, read through `Statistics` — a breakdown's total is the sum of its parts, a ratio's rate
 * is recomputed from the row's part and whole, never averaged. The total row is the sum over the rows
 * shown. `check` and `render` both build the table here, so what check accepts is what prints.
 */
import type { CollectedUnits, FigureTableBlock, Report, Statistic } from "../model/index.js";
import { FigureError, figureDecimals, figureSlots, Statistics, type StatEntry } from "../model/statistics.js";
import { activeIn, distinctUnits, isCollected, periodName, type Unit } from "../model/units.js";
import { roman } from "../text/roman.js";
import { didYouMean } from "../text/suggest.js";

export interface TableColumn {
  label: string;
  /** figure: a collected figure; total: a breakdown's or series' total; rate: a ratio's rate, in percent. */
  kind: "figure" | "total" | "rate";
  decimals: number;
}

/**
 * unit: a unit's row; group: a group's row of a table by group; subtotal: a group's sums heading its
 * units in a table by unit over more than one group; total: the sum over every row shown.
 */
export type TableRowRole = "unit" | "group" | "subtotal" | "total";

export interface TableRow {
  role: TableRowRole;
  /** `1`, `2`… for units and groups; `I`, `II`… for subtotals; empty for the total. */
  number: string;
  name: string;
  /**
   * One per column: NaN where a figure is still to come (a unit that has not reported: a draft prints
   * "…"), undefined where there is nothing to print (a rate over a whole of 0).
   */
  values: Array<number | undefined>;
}

export interface FigureTable {
  by: FigureTableBlock["by"];
  title?: string;
  /** The statistic's unit of measure (`đơn`), for the "Đơn vị tính" line. */
  unit?: string;
  columns: TableColumn[];
  rows: TableRow[];
}

/** Why a table cannot be built, and which key of the `table:` block to point at. */
export class TableError extends Error {
  constructor(
    readonly code: string,
    readonly at: Array<string | number>,
    message: string,
  ) {
    super(message);
  }
}

interface Column extends TableColumn {
  /** The figure's path (`don-thu.khieu-nai`), or the ratio's id for its rate. */
  path: string;
}

export function figureTable(report: Report, block: FigureTableBlock): FigureTable {
  const all = new Statistics(report);
  const entry = all.byId.get(block.statistic);
  if (!entry) throw new TableError("DV754", ["statistic"], `không có số liệu "${block.statistic}"${didYouMean(block.statistic, all.byId.keys())}`);
  const stat = entry.stat;
  if (!isCollected(stat)) {
    throw new TableError("DV755", ["statistic"], `số liệu "${block.statistic}" không thu từ các đơn vị (không có from: units): bảng theo đơn vị chỉ in được số liệu do các đơn vị gửi lên`);
  }
  const units = report.units;
  if (!units) throw new TableError("DV755", ["statistic"], `bảng theo đơn vị cần danh sách đơn vị data/units.yaml hợp lệ`);
  const own = statGroups(stat);
  const groups = block.groups ?? own;
  groups.forEach((g, i) => {
    if (!Object.hasOwn(units.list.groups, g)) {
      throw new TableError("DV756", ["groups", i], `không có nhóm đơn vị "${g}" trong ${baseName(units.file)}${didYouMean(g, Object.keys(units.list.groups))}`);
    }
    if (!own.includes(g)) throw new TableError("DV756", ["groups", i], `số liệu "${block.statistic}" không thu từ nhóm "${g}" (thu từ: ${own.join(", ")})`);
  });

  const needed = new Set<string>();
  const foreign = notCollected(block.statistic, all, needed);
  if (foreign) {
    throw new TableError("DV757", ["statistic"], `bảng "${block.statistic}" theo đơn vị cần số liệu "${foreign}" của từng đơn vị, nhưng "${foreign}" không thu từ các đơn vị (from: units): chỉ có tổng của cả tỉnh`);
  }
  const columns = columnsOf(block.statistic, stat, all);
  const members = distinctUnits(units.list).filter((u) => groups.includes(u.group) && activeIn(u, units.period));
  // Groups in units.yaml's order, each with its units in theirs.
  const shown = Object.keys(units.list.groups).filter((g) => groups.includes(g));
  const rows: TableRow[] = [];
  const row = (role: TableRowRole, number: string, name: string, of: readonly Unit[]) => rows.push({ role, number, name, values: rowValues(all, needed, units, columns, of, groups, block.statistic) });
  if (block.by === "group") {
    shown.forEach((g, i) => row("group", String(i + 1), units.list.groups[g], members.filter((u) => u.group === g)));
  } else {
    shown.forEach((g, i) => {
      const of = members.filter((u) => u.group === g);
      if (shown.length > 1) row("subtotal", roman(i + 1), units.list.groups[g], of);
      of.forEach((u, k) => row("unit", String(k + 1), u.name, [u]));
    });
  }
  row("total", "", "", members);
  return { by: block.by, ...(block.title ? { title: block.title } : {}), ...(typeof stat.unit === "string" && stat.unit ? { unit: stat.unit } : {}), columns, rows };
}

/**
 * The first statistic a collected one points at (a ratio's whole, a part naming another figure) that is
 * not collected; `seen` ends up holding every statistic the table's figures are read from.
 */
function notCollected(id: string, all: Statistics, seen = new Set<string>()): string | undefined {
  if (seen.has(id)) return undefined;
  seen.add(id);
  const e = all.byId.get(id);
  if (!e) return undefined; // a missing figure is the prose rules' finding (DV313), and the row's error below
  if (!isCollected(e.stat)) return id;
  for (const slot of figureSlots(id, e.stat)) {
    if (typeof slot.value !== "string") continue;
    const found = notCollected(slot.value.split(".")[0], all, seen);
    if (found) return found;
  }
  return undefined;
}

function statGroups(stat: Statistic): string[] {
  return "groups" in stat && Array.isArray(stat.groups) ? stat.groups : [];
}

/** The columns a statistic prints as, in its data order. */
function columnsOf(id: string, stat: Statistic, all: Statistics): Column[] {
  const d = figureDecimals(stat);
  const figure = (label: string, path: string): Column => ({ label, kind: "figure", decimals: d, path });
  switch (stat.kind) {
    case "count":
      return [figure(stat.label ?? "Số lượng", id)];
    case "breakdown": {
      const parts = Object.keys(stat.parts).map((k) => figure(stat.labels?.[k] ?? k, `${id}.${k}`));
      return parts.length > 1 ? [...parts, { label: "Tổng số", kind: "total", decimals: d, path: id }] : parts;
    }
    case "series": {
      const periods = Object.keys(stat.values).map((k) => figure(capital(periodName(k)), `${id}.${k}`));
      return periods.length > 1 ? [...periods, { label: "Tổng số", kind: "total", decimals: d, path: id }] : periods;
    }
    case "ratio":
      return [
        { label: stat.label ?? "Số đạt", kind: "figure", decimals: decimalsAt(stat.part, all), path: `${id}.part` },
        { label: wholeLabel(stat.whole, all), kind: "figure", decimals: decimalsAt(stat.whole, all), path: `${id}.whole` },
        { label: "Tỷ lệ (%)", kind: "rate", decimals: stat.decimals ?? 0, path: id },
      ];
    case "percent":
      // Never collected (a percentage does not add up): isCollected refused it already.
      return [];
  }
}

/** A ratio's whole is usually another collected figure (`don-thu.khieu-nai`): named as that figure is. */
function wholeLabel(whole: unknown, all: Statistics): string {
  if (typeof whole !== "string") return "Tổng số";
  const [id, part] = whole.split(".");
  const e = all.byId.get(id);
  if (!e) return whole;
  const labels = "labels" in e.stat ? e.stat.labels : undefined;
  if (part && labels?.[part]) return labels[part];
  return e.stat.label ?? whole;
}

function decimalsAt(figure: unknown, all: Statistics): number {
  if (typeof figure !== "string") return 0;
  const e = all.byId.get(figure.split(".")[0]);
  return e ? figureDecimals(e.stat) : 0;
}

/** A row's Statistics: only what records which statistics its figures were read from. */
class RowStatistics extends Statistics {
  readonly used = new Set<string>();
  override entry(id: string): StatEntry {
    this.used.add(id);
    return super.entry(id);
  }
}

/**
 * The row's figures: every collected statistic with its slots holding the sums over `of` (its units in
 * that statistic's groups), and nothing else — a figure depending on one that is not collected, or not
 * from every group the table shows, has no value by unit and is refused.
 */
function rowValues(
  all: Statistics,
  needed: ReadonlySet<string>,
  units: CollectedUnits,
  columns: readonly Column[],
  of: readonly Unit[],
  groups: readonly string[],
  tableId: string,
): Array<number | undefined> {
  // Only what the table reads: a row of a 130-unit table would otherwise copy every collected statistic.
  const wanted = [...needed].flatMap((id) => {
    const e = all.byId.get(id);
    return e ? [{ file: e.file, statistics: rowStatistics({ [id]: e.stat }, units, of) }] : [];
  });
  const stats = new RowStatistics({ sections: wanted });
  const values = columns.map((c) => {
    try {
      if (c.kind !== "rate") return stats.value(c.path);
      const { part, whole } = rowParts(stats, c.path);
      return whole === 0 ? undefined : (part / whole) * 100;
    } catch (err) {
      if (!(err instanceof FigureError)) throw err;
      throw new TableError("DV757", ["statistic"], `bảng "${tableId}" theo đơn vị: ${err.message} — mọi số liệu của bảng phải thu từ các đơn vị (from: units)`);
    }
  });
  for (const id of stats.used) {
    const missing = groups.filter((g) => !statGroups(stats.byId.get(id)!.stat).includes(g));
    if (missing.length) {
      throw new TableError("DV757", ["statistic"], `bảng "${tableId}" cần số liệu "${id}" của từng đơn vị, nhưng "${id}" không thu từ nhóm ${missing.map((g) => `"${g}"`).join(", ")}`);
    }
  }
  return values;
}

/** A ratio's part and whole in one row; a whole of 0 is a row without a rate, not an error. */
function rowParts(stats: Statistics, id: string): { part: number; whole: number } {
  const { stat } = stats.entry(id);
  if (stat.kind !== "ratio") throw new FigureError(`"${id}" không phải tỷ lệ`);
  return { part: stats.figure(stat.part, new Set()), whole: stats.figure(stat.whole, new Set()) };
}

/** A section's collected statistics, their collected slots holding the sums over `of`; `stated` left out. */
function rowStatistics(statistics: Record<string, Statistic>, units: CollectedUnits, of: readonly Unit[]): Record<string, Statistic> {
  const out: Record<string, Statistic> = {};
  for (const [id, stat] of Object.entries(statistics)) {
    if (!isCollected(stat)) continue;
    const copy = structuredClone(stat) as Statistic & { stated?: number; values?: Record<string, unknown> };
    delete copy.stated;
    const from = of.filter((u) => statGroups(stat).includes(u.group));
    const d = figureDecimals(stat);
    for (const slot of figureSlots(id, stat)) {
      if (slot.role !== "figure" || typeof slot.value === "string") continue;
      setAt(copy as unknown as Record<string, unknown>, slot.dataPath, sumOver(units, from, slot.figurePath, d));
    }
    // A period of a series whose total was stated keeps only its parts.
    for (const v of Object.values(copy.values ?? {})) if (v && typeof v === "object") delete (v as { stated?: number }).stated;
    out[id] = copy;
  }
  return out;
}

/** Exact, as the report's sums are (collect/sum.ts): integers of 10^-d; a unit not reported makes it NaN. */
function sumOver(units: CollectedUnits, of: readonly Unit[], path: string, decimals: number): number {
  const scale = 10 ** decimals;
  let total = 0;
  for (const u of of) {
    const report = units.reports.get(u.code);
    const figure = report && Object.hasOwn(report.figures, path) ? report.figures[path] : undefined;
    if (!figure || figure.value === null) return Number.NaN;
    total += Math.round(figure.value * scale);
  }
  return total / scale;
}

function setAt(root: Record<string, unknown>, dataPath: readonly string[], value: number): void {
  let at: Record<string, unknown> = root;
  for (const seg of dataPath.slice(0, -1)) at = at[seg] as Record<string, unknown>;
  at[dataPath[dataPath.length - 1]] = value;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, "");
}
