/**
 * `danvan new <period> [--from <period>]`: a draft period from an earlier one — by default the latest of the
 * same kind in the same series (`new 2023-h1` from `2022-h1`), or any other with `--from` (a yearly report
 * drafted from the nine-month one). The identity moves to the new period with its number and date left
 * empty, its years, kind and a window stated by hand moved along; the text still naming the earlier period
 * is moved (the DV503 rule, check/old-period.ts); every figure and every register entry is emptied, so
 * `danvan check` lists each one to fill, with its file:line.
 */
import fs from "node:fs";
import path from "node:path";
import { isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node, type Pair, type Scalar, type YAMLMap } from "yaml";
import { UsageError } from "../diagnostics.js";
import { removeOnInterrupt, sweepStale } from "../io/cleanup.js";
import { environmentError } from "../io/fs-errors.js";
import { lstatOrUndefined } from "../io/read.js";
import { formatYaml } from "./fmt.js";
import { checkFiles } from "../check/index.js";
import { loadYear, parseFile, sourceText } from "../load/index.js";
import { findPeriod, kindName, sameKind, SERIES_FILE, type Layout, type PeriodFolder, type PeriodRef } from "../load/periods.js";
import type { FileKind, RawFile } from "../model/index.js";
import { addMonths, comparePeriods, defaultWindow, DEFAULT_END_DAY, isPeriodic, monthsBetween, parsePeriod, periodName, samePeriodLastYear, shiftPeriod, windowWithin, withYear, type Period, type Window } from "../model/period.js";
import { figureSlots } from "../model/statistics.js";
import { movePeriod, periodMentions, periodOf, speaksForYear, type SpokenPeriod } from "../check/old-period.js";
import { layoutOf, requireNewYearName } from "../pipeline.js";
import { schemaModeline } from "./schema-link.js";

/** Hidden (the loader skips dot-names) and named by pid, so a killed run's folder is swept by the next. */
const STAGING_PREFIX = ".danvan-new-";

export interface NewYearResult {
  written: string[];
  /** One line per mention of the earlier period moved in the text: what the clerk should read over. */
  moved: string[];
  source: PeriodFolder;
  target: PeriodFolder;
}

export function createYear(dataRoot: string, year: string, from?: string): NewYearResult {
  const ref = requireNewYearName(year);
  const layout = layoutOf(dataRoot);
  const source = from === undefined ? latestOfKind(dataRoot, layout, ref, year) : findPeriod(dataRoot, from);
  const target: PeriodFolder = { series: targetSeries(layout, ref, source, year), period: ref.period, dir: "" };
  target.dir = target.series ? `${target.series}/${ref.period.id}` : ref.period.id;
  const targetDir = path.join(dataRoot, target.dir);
  if (lstatOrUndefined(targetDir)) throw new UsageError(`${target.period.kind === "year" ? "năm" : "kỳ"} ${target.dir} đã có trong "${dataRoot}"; danvan new không ghi đè`, "DV010");
  const loaded = loadYear(dataRoot, source.dir);
  const broken = loaded.files.filter((f) => f.value === undefined);
  // Text a report cannot print (a tab, a control character) is not carried into the new period either.
  if (broken.length || [...loaded.diagnostics, ...checkFiles(loaded.files)].some((d) => d.severity === "error")) {
    throw new UsageError(`dữ liệu ${source.period.kind === "year" ? "năm" : "kỳ"} ${source.dir} có lỗi đọc tệp; chạy "danvan check ${source.dir}" trước`, "DV011");
  }
  const shift = isPeriodic(ref.period) && isPeriodic(source.period) ? ref.period.year - source.period.year : 0;
  const years = periodOf(loaded.files.find((f) => f.kind === "report")?.value);
  const old: SpokenPeriod | undefined = years && { period: source.period, ...years };
  const next: SpokenPeriod | undefined = years && { period: ref.period, from: years.from + shift, to: years.to + shift };
  const endDay = seriesEndDay(dataRoot, target.series);
  const window = newWindow(loaded.files.find((f) => f.kind === "report")?.value, source.period, ref.period, endDay, next);
  const series = seriesMoves(loaded.files, window, source.period, ref.period, endDay);
  const last = samePeriodLastYear(ref.period, endDay);
  const previousInFolder = last !== undefined && layout.periods.some((p) => p.series === target.series && p.period.id === last.id);
  // Written beside the target, then renamed: a failure leaves no half-made period behind.
  let staging: string;
  try {
    sweepStale(path.dirname(targetDir), STAGING_PREFIX);
    if (target.series) fs.mkdirSync(path.join(dataRoot, target.series), { recursive: true });
    staging = fs.mkdtempSync(path.join(path.dirname(targetDir), `${STAGING_PREFIX}${process.pid}-${ref.period.id}-`));
  } catch (err) {
    throw environmentError(err, "ghi vào thư mục dữ liệu", dataRoot) ?? err;
  }
  // An interruption removes the staging folder too: no hidden half-made period stays in the data root.
  const forget = removeOnInterrupt(staging);
  try {
    const written: string[] = [];
    const moved: string[] = [];
    for (const raw of loaded.files) {
      // The series' own settings stay where they are, shared by its periods; the units' figures are the
      // earlier period's (units.yaml is the data root's): the new period's come in by `danvan collect import`.
      if (raw.kind === "series" || raw.kind === "units" || raw.kind === "unit") continue;
      const rel = path.relative(path.join(dataRoot, source.dir), raw.file);
      const doc = parseDocument(sourceText(raw.file, dataRoot));
      const targetFile = path.join(targetDir, rel);
      const ctx: DraftContext = { year: target.dir, from: source.dir, shift, source: source.period, target: ref.period, targetFile, series, previousInFolder };
      draft(doc, raw.kind, ctx);
      if (old && next && speaksForYear(raw)) for (const [before, after] of movePeriodText(doc, old, next, shift, series)) moved.push(`đã dời kỳ trong ${targetFile}: "${before}" → "${after}"`);
      const out = path.join(staging, rel);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, formatYaml(doc.toString({ lineWidth: 0 }), raw.kind));
      written.push(targetFile);
    }
    const umask = process.umask();
    for (const dir of [staging, ...fs.readdirSync(staging, { recursive: true }).map((r) => path.join(staging, String(r)))]) {
      fs.chmodSync(dir, (fs.statSync(dir).isDirectory() ? 0o777 : 0o666) & ~umask);
    }
    fs.renameSync(staging, targetDir);
    return { written, moved, source, target };
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw err;
  } finally {
    forget();
  }
}

/** The cut-off day of a series' series.yaml, read as it is (check validates it), else the default. */
function seriesEndDay(dataRoot: string, series: string): number {
  const file = path.join(dataRoot, series, SERIES_FILE);
  if (!lstatOrUndefined(file)) return DEFAULT_END_DAY;
  const day = (parseFile(file, "series", []).value as { window?: { endDay?: unknown } } | undefined)?.window?.endDay;
  return typeof day === "number" && Number.isInteger(day) && day >= 1 && day <= 31 ? day : DEFAULT_END_DAY;
}

/** The new period's window: one stated by hand moved as the period moved (movePeriodKey), else its kind's default. */
function newWindow(report: unknown, source: Period, target: Period, endDay: number, years: { from: number; to: number } | undefined): Window | undefined {
  const stated = (report as { period?: { window?: { from?: unknown; to?: unknown } } } | undefined)?.period?.window;
  const by = monthsBetween(source, target);
  if (stated && typeof stated.from === "string" && typeof stated.to === "string" && by) return { from: addMonths(stated.from, by.start), to: addMonths(stated.to, by.end) };
  return defaultWindow(target, endDay, years);
}

/** The latest period of the new one's kind (in its series, when named): a period is drafted from its own kind. */
function latestOfKind(dataRoot: string, layout: Layout, ref: PeriodRef, typed: string): PeriodFolder {
  const all = layout.periods.filter((p) => ref.series === undefined || p.series === ref.series);
  if (!layout.periods.length) {
    throw new UsageError(`chưa có năm nào trong "${dataRoot}" để làm gốc; chạy "danvan init${dataRoot === "data" ? "" : ` ${dataRoot}`}" để có năm mẫu`, "DV004");
  }
  const same = all.filter((p) => sameKind(p.period.kind, ref.period.kind));
  if (!same.length) {
    // The period to suggest: the latest that ends before the new one does, else the latest there is.
    const sorted = [...(all.length ? all : layout.periods)].sort((a, b) => comparePeriods(a.period, b.period));
    const latest = sorted.filter((p) => isPeriodic(p.period) && comparePeriods(p.period, ref.period) < 0).pop() ?? sorted[sorted.length - 1];
    throw new UsageError(
      `chưa có ${kindName(ref.period.kind)} nào${ref.series ? ` trong chuỗi ${ref.series}` : ""} để làm gốc cho ${periodName(ref.period)}; tạo từ một kỳ khác loại bằng --from, ví dụ: danvan new ${typed} --from ${latest.dir}`,
      "DV806",
    );
  }
  const series = [...new Set(same.map((p) => p.series))];
  if (series.length > 1) {
    throw new UsageError(`${kindName(ref.period.kind)} có ở ${series.length} chuỗi (${series.map((s) => s || "thư mục dữ liệu").join(", ")}); ghi rõ chuỗi, ví dụ: danvan new ${series.find(Boolean)}/${ref.period.id}`, "DV801");
  }
  return same.sort((a, b) => comparePeriods(a.period, b.period))[same.length - 1];
}

/** Where the new period goes: the series named; else the one holding its kind; else the source's. */
function targetSeries(layout: Layout, ref: PeriodRef, source: PeriodFolder, typed: string): string {
  if (ref.series !== undefined) return ref.series;
  const holding = [...new Set(layout.periods.filter((p) => sameKind(p.period.kind, ref.period.kind)).map((p) => p.series))];
  if (holding.length > 1) throw new UsageError(`${kindName(ref.period.kind)} có ở ${holding.length} chuỗi (${holding.map((s) => s || "thư mục dữ liệu").join(", ")}); ghi rõ chuỗi, ví dụ: danvan new ${holding.find(Boolean)}/${typed}`, "DV801");
  return holding[0] ?? source.series;
}

interface DraftContext {
  /** Where the file will be once the period is in place. */
  targetFile: string;
  year: string;
  from: string;
  shift: number;
  source: Period;
  target: Period;
  /** How each series' keys move. */
  series: SeriesMoves;
  /** Whether the new period's same period last year has a folder in its series, for the indicator tables. */
  previousInFolder: boolean;
}

/** Series keys that move with the period, by statistic id: `2023-01` → `2024-01`. */
type SeriesMoves = Map<string, Map<string, string>>;

/**
 * How each series moves into the new period: a key outside the new window becomes the key as far on as the
 * period moved (2023-01 … 2023-06 → 2024-01 … 2024-06 in a six-month report, 2020 → 2021 in a yearly one) when
 * that key lies inside and is not there yet; a key inside stays; any other stays as it is, for check to name.
 */
function seriesMoves(files: readonly RawFile[], window: Window | undefined, source: Period, target: Period, endDay: number): SeriesMoves {
  const moves: SeriesMoves = new Map();
  const by = monthsBetween(source, target);
  if (!window || !by) return moves;
  const inside = (id: string) => {
    const parsed = parsePeriod(id, endDay);
    return parsed.ok && parsed.period.window !== undefined && windowWithin(parsed.period.window, window);
  };
  for (const f of files) {
    const stats = f.kind === "section" ? (f.value as { statistics?: Record<string, { kind?: unknown; values?: unknown }> }).statistics : undefined;
    for (const [id, stat] of Object.entries(stats ?? {})) {
      if (stat?.kind !== "series" || !stat.values || typeof stat.values !== "object") continue;
      const keys = Object.keys(stat.values);
      const taken = new Set(keys.filter(inside));
      const moved = new Map<string, string>();
      for (const key of keys) {
        if (inside(key)) continue;
        const parsed = parsePeriod(key, endDay);
        const next = parsed.ok ? shiftPeriod(parsed.period, by.end, endDay) : undefined;
        if (!next || taken.has(next.id) || !inside(next.id)) continue;
        taken.add(next.id);
        moved.set(key, next.id);
      }
      if (moved.size) moves.set(id, moved);
    }
  }
  return moves;
}

function moveSeries(doc: Document, stat: YAMLMap, moved: ReadonlyMap<string, string>): void {
  const values = stat.get("values", true);
  if (!isMap(values)) return;
  for (const pair of values.items as Pair[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    const to = moved.get(key);
    if (to) pair.key = doc.createNode(to) as unknown as Pair["key"];
  }
}

/** `{{n "giam-sat.2020.cap-tinh"}}` → `giam-sat.2021.cap-tinh` where the series' key moved. */
function movedFigurePaths(text: string, moves: SeriesMoves): { text: string; changes: Array<[string, string]> } {
  const changes: Array<[string, string]> = [];
  if (!moves.size) return { text, changes };
  const moved = text.replace(/(\{\{\s*(?:n|ratio|pct)\s+")([^".]+)\.([^".]+)((?:\.[^"]*)?")/g, (all, before: string, id: string, key: string, rest: string) => {
    const to = moves.get(id)?.get(key);
    if (!to) return all;
    changes.push([`${id}.${key}`, `${id}.${to}`]);
    return `${before}${id}.${to}${rest}`;
  });
  return { text: moved, changes };
}

/**
 * `{{n "x" period="2022-h1"}}` in the 2023-h1 report → `period="2023-h1"` in 2024-h1's: a citation of a period of
 * the source's kind becomes the same period of the new one's kind (the same period last year stays the same
 * period last year, across kinds too: 2022-h1 → 2022-9m in a nine-month report drafted from 2023-h1); any other
 * moves by the years the report moved.
 */
function movedCitations(text: string, source: Period, target: Period, shift: number): { text: string; changes: Array<[string, string]> } {
  const changes: Array<[string, string]> = [];
  const moved = text.replace(/(\{\{[^{}]*?\bperiod=")([^"]*)(")/g, (all, before: string, id: string, after: string) => {
    const parsed = parsePeriod(id);
    if (!parsed.ok || !isPeriodic(parsed.period)) return all;
    const cited = parsed.period;
    const to = cited.kind === source.kind && isPeriodic(target) ? withYear(target, cited.year + shift).id : withYear(cited, cited.year + shift).id;
    if (to === id) return all;
    changes.push([`period="${id}"`, `period="${to}"`]);
    return `${before}${to}${after}`;
  });
  return { text: moved, changes };
}

function draft(doc: Document, kind: FileKind, ctx: DraftContext): void {
  // The earlier period's comments speak of its own source document; the draft starts clean.
  visit(doc, {
    Node(_k, node) {
      (node as Node).commentBefore = undefined;
      (node as Node).comment = undefined;
    },
  });
  doc.comment = null;
  const noun = ctx.target.kind === "year" ? "năm" : "kỳ";
  // The schema link is made for where the new period is, so it resolves wherever the data root is.
  doc.commentBefore = [` ${schemaModeline(ctx.targetFile, kind)}`, ` Bản nháp ${noun} ${ctx.year}, tạo từ ${ctx.source.kind === "year" ? "năm" : "kỳ"} ${ctx.from} bằng "danvan new": văn bản giữ để sửa,`, ` số liệu và danh mục văn bản để trống; "danvan check ${ctx.year}" liệt kê từng chỗ cần điền.`]
    .filter(Boolean)
    .join("\n");
  const root = doc.contents as Node;
  if (kind === "report" && isMap(root)) {
    for (const key of ["number", "date"]) root.set(key, null);
    const period = root.get("period", true);
    if (isMap(period)) movePeriodKey(period as unknown as PeriodNode, ctx);
  }
  if (kind === "documents" && isMap(root)) {
    const groups = root.get("groups", true);
    if (isSeq(groups)) for (const g of groups.items) emptyDocuments(g as Node);
  }
  if (kind === "section" && isMap(root)) {
    const body = root.get("body", true);
    if (isSeq(body)) for (const block of body.items) if (isMap(block)) movePrevious(doc, block, ctx.previousInFolder);
    const stats = root.get("statistics", true);
    if (isMap(stats)) {
      for (const pair of stats.items) {
        const value = pair.value as Node;
        const moved = ctx.series.get(isScalar(pair.key) ? String(pair.key.value) : "");
        if (isMap(value) && moved) moveSeries(doc, value, moved);
        emptyFigures(value, isScalar(pair.key) ? String(pair.key.value) : "");
      }
    }
  }
}

type PeriodNode = { get(k: string, keep?: boolean): unknown; set(k: string, v: unknown): void };

/** `period:` into the new period: its years by the shift, its kind when stated, a window stated by hand moved as far as the period moved. */
function movePeriodKey(period: PeriodNode, ctx: DraftContext): void {
  for (const k of ["from", "to"]) period.set(k, Number(period.get(k)) + ctx.shift);
  const stated = period.get("kind");
  if (typeof stated === "string" && isPeriodic(ctx.target)) period.set("kind", ctx.target.kind);
  const window = period.get("window", true);
  const by = monthsBetween(ctx.source, ctx.target);
  if (!isMap(window) || !by) return;
  for (const [k, months] of [["from", by.start], ["to", by.end]] as const) {
    const v = window.get(k);
    if (typeof v === "string") window.set(k, addMonths(v, months));
  }
}

/**
 * Every string of the document (but `period:` itself) with the earlier period's mentions moved, and each
 * `period="…"` a citation names moved along (movedCitations), and each figure path to a series key that moved; what changed.
 */
function movePeriodText(doc: Document, old: SpokenPeriod, next: SpokenPeriod, shift: number, series: SeriesMoves): Array<[string, string]> {
  const changes: Array<[string, string]> = [];
  visit(doc, {
    Pair(_k, pair) {
      if (isScalar(pair.key) && pair.key.value === "period") return visit.SKIP;
      return undefined;
    },
    Scalar(_k, node: Scalar) {
      if (typeof node.value !== "string") return;
      const mentions = periodMentions(node.value, old, next);
      const cited = movedCitations(node.value, old.period, next.period, shift);
      const paths = movedFigurePaths(cited.text, series);
      if (!mentions.length && !cited.changes.length && !paths.changes.length) return;
      changes.push(...mentions, ...cited.changes, ...paths.changes);
      node.value = movePeriod(paths.text, old, next);
    },
  });
  return changes;
}


/**
 * Each entry keeps its id, so the sentences citing it still resolve, and loses its number, date, summary and note:
 * `danvan check` lists it as one blank with its type, group and the sentence that cites it.
 */
function emptyDocuments(group: Node): void {
  if (!isMap(group)) return;
  const types = group.get("types", true);
  if (!isSeq(types)) return;
  for (const t of types.items) {
    const docs = isMap(t) ? t.get("documents", true) : undefined;
    if (isSeq(docs))
      for (const d of docs.items) {
        if (!isMap(d)) continue;
        for (const key of ["number", "date", "summary"]) d.set(key, null);
        // A note was about last period's document: the new one has none until the clerk writes it.
        d.delete("note");
      }
  }
}

/**
 * An indicator table's stated previous values were the earlier period's own "same period last year". Where the
 * new period's same period last year has a folder in its series, the table reads them from there: `previous`
 * goes (a row left with only its figure is written as the figure's path). Where it has none (a thematic
 * report, a first quarterly report drafted from a six-month one), each row's `previous` is a blank to fill.
 */
function movePrevious(doc: Document, block: YAMLMap, inFolder: boolean): void {
  const rows = block.get("indicators", true);
  if (!isSeq(rows)) return;
  rows.items = rows.items.map((row) => {
    if (!inFolder) {
      const map = isMap(row) ? row : (doc.createNode({ figure: isScalar(row) ? row.value : null }) as YAMLMap);
      map.set("previous", null);
      return map;
    }
    if (!isMap(row)) return row;
    row.delete("previous");
    return row.items.length === 1 && row.has("figure") ? doc.createNode(row.get("figure")) : row;
  }) as typeof rows.items;
}

/** Every number in a statistic becomes empty, and stated figures go; paths to other figures, labels and units stay. */
function emptyFigures(node: Node, id: string): void {
  if (!isMap(node)) return;
  // A stated figure is what last year's signed text printed; the new year states its own, if any.
  for (const slot of figureSlots(id, node.toJSON())) {
    const pair = pairAt(node, slot.dataPath);
    if (!pair) continue;
    if (slot.role === "total" || slot.role === "rate") pair.parent.items = pair.parent.items.filter((p) => p !== pair.pair);
    else if (isScalar(pair.pair.value) && typeof pair.pair.value.value === "number") pair.pair.value.value = null;
  }
}

/** The pair at a data path, matching keys as text (a year may be written 2020 or "2020"). */
function pairAt(node: Node, dataPath: readonly string[]): { parent: { items: Pair[] }; pair: Pair } | undefined {
  let at: unknown = node;
  let found: { parent: { items: Pair[] }; pair: Pair } | undefined;
  for (const seg of dataPath) {
    if (!isMap(at)) return undefined;
    const pair = (at.items as Pair[]).find((p) => isScalar(p.key) && String(p.key.value) === seg);
    if (!pair) return undefined;
    found = { parent: at as unknown as { items: Pair[] }, pair };
    at = pair.value;
  }
  return found;
}
