/**
 * The collect step, between load and the section schemas: every figure of a statistic marked `from: units`
 * becomes the sum of what the expected units reported for it, written into the section's value as if the
 * clerk had typed it, so everything after (schemas, rules, render, diff) reads one kind of figure. A sum
 * that is not complete (a unit that has not reported, a figure left empty) stays empty: a blank that a
 * draft prints as "…" and that the units' own findings, here, explain unit by unit.
 */
import { command } from "../text/command.js";
import path from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import type { RawFile } from "../model/index.js";
import { activeIn, collectedFigures, distinctUnits, periodName, type CollectedFigure, type Unit, type UnitReport, type UnitsFile } from "../model/units.js";
import { formatCount } from "../text/format.js";

export interface CollectResult {
  /** Section files whose value changed: the sums written in. */
  values: Map<RawFile, unknown>;
  /** The units' reports summed (by unit code): what a table by unit shows row by row. */
  reports: Map<string, UnitReport>;
  diagnostics: Diagnostic[];
}

/** Findings that a draft still to be completed has: what `build-report --draft` builds through. */
export const COLLECT_DRAFT_CODES: ReadonlySet<string> = new Set(["DV744", "DV745", "DV746"]);

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * `units`: data/units.yaml's value when it validated (undefined when absent or invalid: `unitsRaw` says
 * which); `reports`: the period's unit files that validated; `unreadable`: the codes (file names) of those
 * that did not, whose units are neither counted nor said to be missing (their own errors say why).
 */
export function collectFigures(
  /** The period's id (`2022`, `2022-h1`): what the units' files say they report for. */
  period: string,
  sections: readonly RawFile[],
  unitsRaw: RawFile | undefined,
  units: UnitsFile | undefined,
  reports: ReadonlyMap<RawFile, UnitReport>,
  unreadable: ReadonlySet<string> = new Set(),
): CollectResult {
  const diagnostics: Diagnostic[] = [];
  const values = new Map<RawFile, unknown>();
  const at = (raw: RawFile, dataPath: Array<string | number>, code: string, severity: Diagnostic["severity"], message: string, key = false) => {
    const pos = raw.locate(dataPath, key);
    diagnostics.push({ code, severity, file: raw.file, line: pos.line, col: pos.col, message, dataPath });
  };

  const figures: Array<CollectedFigure & { raw: RawFile }> = [];
  for (const raw of sections) {
    const stats = (raw.value as { statistics?: unknown } | undefined)?.statistics;
    if (!stats || typeof stats !== "object") continue;
    for (const [id, stat] of Object.entries(stats)) for (const f of collectedFigures(id, stat, raw.file)) figures.push({ ...f, raw });
  }

  if (units) checkUnitsFile(unitsRaw!, units, at);
  const byCode = new Map((units?.units ?? []).map((u) => [u.code, u]));
  const reportByCode = new Map<string, { raw: RawFile; report: UnitReport }>();
  const accepted = () => new Map([...reportByCode].map(([code, r]) => [code, r.report]));
  for (const [raw, report] of reports) {
    const named = path.basename(raw.file, ".yaml");
    if (report.unit !== named) at(raw, ["unit"], "DV747", "error", `tệp ${path.basename(raw.file)} ghi số liệu của đơn vị "${report.unit}": tên tệp phải là mã đơn vị (${report.unit}.yaml); hãy nhập lại bằng ${command("collect import")}`);
    else if (report.period !== period) at(raw, ["period"], "DV747", "error", `số liệu của kỳ ${report.period}, không phải ${period}: tệp đặt nhầm thư mục kỳ; hãy nhập lại bằng ${command("collect import")}`);
    else if (units && !byCode.has(report.unit)) at(raw, ["unit"], "DV747", "error", `đơn vị "${report.unit}" không có trong ${path.basename(unitsRaw!.file)}`);
    else if (units && !activeIn(byCode.get(report.unit)!, period)) {
      const u = byCode.get(report.unit)!;
      at(raw, ["unit"], "DV748", "error", `${u.name} (${u.code}) không báo cáo ${periodName(period)} theo ${path.basename(unitsRaw!.file)} (${yearsOf(u)}): số liệu của đơn vị này không được cộng; sửa from/to hoặc xóa tệp`);
    } else reportByCode.set(report.unit, { raw, report });
  }

  if (figures.length && !units) {
    for (const f of first(figures)) {
      at(f.raw, ["statistics", f.statId, "from"], "DV740", "error", unitsRaw ? `số liệu cộng từ các đơn vị, nhưng ${path.basename(unitsRaw.file)} có lỗi (xem lỗi của tệp đó)` : `số liệu cộng từ các đơn vị (from: units), nhưng thư mục dữ liệu chưa có ${"units.yaml"} (danh sách đơn vị)`);
    }
    return { values, reports: accepted(), diagnostics };
  }
  if (!units) return { values, reports: accepted(), diagnostics };

  // Groups named by a statistic must exist; reported once per statistic.
  const groupsOk = new Map<string, boolean>();
  for (const f of first(figures)) {
    let ok = true;
    f.groups.forEach((g, i) => {
      if (Object.hasOwn(units.groups, g)) return;
      ok = false;
      at(f.raw, ["statistics", f.statId, "groups", i], "DV741", "error", `không có nhóm đơn vị "${g}" trong ${path.basename(unitsRaw!.file)} (các nhóm: ${Object.keys(units.groups).join(", ")})`);
    });
    groupsOk.set(`${f.file}\0${f.statId}`, ok);
  }

  // Units expected by some collected figure and not reported: one finding per unit, at its units.yaml entry.
  const asked = new Set(figures.flatMap((f) => f.groups));
  const expected = distinctUnits(units).filter((u) => asked.has(u.group) && activeIn(u, period));
  for (const u of expected) {
    if (reportByCode.has(u.code) || unreadable.has(u.code)) continue;
    const index = units.units.indexOf(u);
    const missing = expected.filter((x) => x.group === u.group && !reportByCode.has(x.code));
    const ofGroup = expected.filter((x) => x.group === u.group).length;
    at(unitsRaw!, ["units", index, "code"], "DV744", "error", `${u.name} (${u.code}) chưa gửi số liệu ${periodName(period)} (nhóm "${units.groups[u.group]}": ${missing.length}/${ofGroup} đơn vị chưa gửi)`);
  }

  const copies = new Map<RawFile, Record<string, unknown>>();
  for (const f of figures) {
    const statPath = ["statistics", f.statId, ...f.dataPath];
    if (f.typed !== null && f.typed !== undefined) {
      at(f.raw, statPath, "DV742", "error", `số liệu "${f.path}" cộng từ các đơn vị (from: units): không gõ số ở đây (${String(f.typed)}); hãy để trống, hoặc bỏ from: units và groups nếu số này không thu từ đơn vị`);
      continue;
    }
    if (!groupsOk.get(`${f.file}\0${f.statId}`)) continue;
    const total = sumOf(f, units, period, reportByCode, at);
    if (total === undefined) continue;
    let copy = copies.get(f.raw);
    if (!copy) copies.set(f.raw, (copy = structuredClone(f.raw.value) as Record<string, unknown>));
    setAt(copy, statPath, total);
  }
  for (const [raw, copy] of copies) values.set(raw, copy);

  // Figures a unit sent that no statistic asks for: not summed anywhere, so said.
  const askedPaths = new Set(figures.map((f) => f.path));
  for (const { raw, report } of reportByCode.values()) {
    for (const key of Object.keys(report.figures)) {
      if (askedPaths.has(key)) continue;
      at(raw, ["figures", key], "DV749", "warning", `${cellName(report, report.figures[key])}: số liệu "${key}" không còn được báo cáo thu từ đơn vị, không được cộng`, true);
    }
  }
  return { values, reports: accepted(), diagnostics };
}

/** The sum of a figure over the units expected to report it, or undefined when it is not complete or not exact. */
function sumOf(
  f: CollectedFigure & { raw: RawFile },
  units: UnitsFile,
  period: string,
  reports: ReadonlyMap<string, { raw: RawFile; report: UnitReport }>,
  at: (raw: RawFile, dataPath: Array<string | number>, code: string, severity: Diagnostic["severity"], message: string, key?: boolean) => void,
): number | undefined {
  const scale = 10 ** f.decimals;
  let total = 0;
  let complete = true;
  for (const u of distinctUnits(units)) {
    if (!f.groups.includes(u.group) || !activeIn(u, period)) continue;
    const got = reports.get(u.code);
    if (!got) {
      complete = false; // DV744, once per unit
      continue;
    }
    const figure = Object.hasOwn(got.report.figures, f.path) ? got.report.figures[f.path] : undefined;
    if (!figure) {
      complete = false;
      at(got.raw, ["figures"], "DV746", "error", `${u.name}: thiếu số liệu "${f.label}" (${f.path}) — mẫu đơn vị đã điền không có dòng này (mẫu cũ?); hãy gửi mẫu mới (${command("collect template")})`, true);
      continue;
    }
    if (figure.value === null) {
      complete = false;
      at(got.raw, ["figures", f.path, "value"], "DV745", "error", `${cellName(got.report, figure)}: ${u.name} chưa điền "${f.label}" (${f.path})`);
      continue;
    }
    const scaled = Math.round(figure.value * scale);
    if (Math.abs(figure.value * scale - scaled) > 1e-6 * Math.max(1, Math.abs(scaled))) {
      complete = false;
      const need = f.decimals === 0 ? "một số nguyên" : `tối đa ${f.decimals} chữ số thập phân`;
      at(got.raw, ["figures", f.path, "value"], "DV752", "error", `${cellName(got.report, figure)}: ${formatCount(figure.value, false)} có phần thập phân, nhưng "${f.label}" cần ${need}`);
      continue;
    }
    total += scaled;
    if (!Number.isSafeInteger(total)) {
      at(got.raw, ["figures", f.path, "value"], "DV751", "error", `${cellName(got.report, figure)}: cộng số của ${u.name} vào "${f.path}", tổng vượt quá giới hạn ${MAX} (2^53 − 1)`);
      return undefined;
    }
  }
  return complete ? total / scale : undefined;
}

/** `xa-phu-hai.xlsx!E12`: the workbook cell a figure was read from. */
export function cellName(report: UnitReport, figure: { cell: string }): string {
  return `${report.source.file}!${figure.cell}`;
}

function checkUnitsFile(raw: RawFile, units: UnitsFile, at: (raw: RawFile, dataPath: Array<string | number>, code: string, severity: Diagnostic["severity"], message: string) => void): void {
  const seen = new Map<string, number>();
  units.units.forEach((u, i) => {
    const before = seen.get(u.code);
    if (before !== undefined) at(raw, ["units", i, "code"], "DV753", "error", `mã đơn vị "${u.code}" đã dùng cho ${units.units[before].name}`);
    else seen.set(u.code, i);
    if (!Object.hasOwn(units.groups, u.group)) at(raw, ["units", i, "group"], "DV753", "error", `không có nhóm "${u.group}" trong groups (các nhóm: ${Object.keys(units.groups).join(", ")})`);
    if (u.from !== undefined && u.to !== undefined && u.from > u.to) at(raw, ["units", i, "to"], "DV753", "error", `năm kết thúc ${u.to} trước năm bắt đầu ${u.from}`);
  });
}

function yearsOf(u: Unit): string {
  return `${u.from ?? "…"} – ${u.to ?? "nay"}`;
}

/** One figure per statistic: findings about the statistic as a whole are said once. */
function first<T extends { file: string; statId: string }>(figures: readonly T[]): T[] {
  const seen = new Set<string>();
  return figures.filter((f) => {
    const key = `${f.file}\0${f.statId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function setAt(root: Record<string, unknown>, dataPath: readonly string[], value: unknown): void {
  let at: Record<string, unknown> = root;
  for (const seg of dataPath.slice(0, -1)) at = at[seg] as Record<string, unknown>;
  at[dataPath[dataPath.length - 1]] = value;
}
