/**
 * `danvan new <year> --from <year>`: a draft year from an earlier one. The identity moves to the new year
 * with its number and date left empty; the prose stays as a draft; every figure and every register entry is
 * emptied, so `danvan check` lists each one to fill, with its file:line.
 */
import fs from "node:fs";
import path from "node:path";
import { isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node, type Pair } from "yaml";
import { UsageError } from "../diagnostics.js";
import { removeOnInterrupt, sweepStale } from "../io/cleanup.js";
import { environmentError } from "../io/fs-errors.js";
import { lstatOrUndefined } from "../io/read.js";
import { listYears, requireNewYearName, requireYear } from "../pipeline.js";
import { formatYaml } from "./fmt.js";
import { checkFiles } from "../check/index.js";
import { loadYear, sourceText } from "../load/index.js";
import type { FileKind } from "../model/index.js";
import { figureSlots } from "../model/statistics.js";
import { schemaModeline } from "./schema-link.js";

/** Hidden (the loader skips dot-names) and named by pid, so a killed run's folder is swept by the next. */
const STAGING_PREFIX = ".danvan-new-";

export interface NewYearResult {
  written: string[];
}

/** `danvan new YEAR [--from Y]`: the new year made from `from`, else from the latest year there is. */
export function newYear(dataRoot: string, year: string, from?: string): NewYearResult & { from: string } {
  requireNewYearName(year);
  const years = listYears(dataRoot);
  const source = from ?? years[years.length - 1];
  if (!source) throw new UsageError(`chưa có năm nào trong "${dataRoot}" để làm gốc; chạy "danvan init${dataRoot === "data" ? "" : ` ${dataRoot}`}" để có năm mẫu`, "DV004");
  requireYear(dataRoot, source);
  return { ...createYear(dataRoot, year, source), from: source };
}

export function createYear(dataRoot: string, year: string, from: string): NewYearResult {
  const target = path.join(dataRoot, year);
  if (lstatOrUndefined(target)) throw new UsageError(`năm ${year} đã có trong "${dataRoot}"; danvan new không ghi đè`, "DV010");
  const loaded = loadYear(dataRoot, from);
  const broken = loaded.files.filter((f) => f.value === undefined);
  // Text a report cannot print (a tab, a control character) is not carried into the new year either.
  if (broken.length || [...loaded.diagnostics, ...checkFiles(loaded.files)].some((d) => d.severity === "error")) {
    throw new UsageError(`dữ liệu năm ${from} có lỗi đọc tệp; chạy "danvan check ${from}" trước`, "DV011");
  }
  const shift = Number(year) - Number(from);
  // Written beside the target, then renamed: a failure leaves no half-made year behind.
  let staging: string;
  try {
    sweepStale(dataRoot, STAGING_PREFIX);
    staging = fs.mkdtempSync(path.join(dataRoot, `${STAGING_PREFIX}${process.pid}-${year}-`));
  } catch (err) {
    throw environmentError(err, "ghi vào thư mục dữ liệu", dataRoot) ?? err;
  }
  // An interruption removes the staging folder too: no hidden half-made year stays in the data root.
  const forget = removeOnInterrupt(staging);
  try {
    const written: string[] = [];
    for (const raw of loaded.files) {
      const rel = path.relative(path.join(dataRoot, from), raw.file);
      const doc = parseDocument(sourceText(raw.file, dataRoot));
      draft(doc, raw.kind, { year, from, shift, targetFile: path.join(target, rel) });
      const out = path.join(staging, rel);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, formatYaml(doc.toString({ lineWidth: 0 }), raw.kind));
      written.push(path.join(target, rel));
    }
    const umask = process.umask();
    for (const dir of [staging, ...fs.readdirSync(staging, { recursive: true }).map((r) => path.join(staging, String(r)))]) {
      fs.chmodSync(dir, (fs.statSync(dir).isDirectory() ? 0o777 : 0o666) & ~umask);
    }
    fs.renameSync(staging, target);
    return { written };
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw err;
  } finally {
    forget();
  }
}

interface DraftContext {
  /** Where the file will be once the year is in place. */
  targetFile: string;
  year: string;
  from: string;
  shift: number;
}

function draft(doc: Document, kind: FileKind, ctx: DraftContext): void {
  // The earlier year's comments speak of its own source document; the draft starts clean.
  visit(doc, {
    Node(_k, node) {
      (node as Node).commentBefore = undefined;
      (node as Node).comment = undefined;
    },
  });
  doc.comment = null;
  // The schema link is made for where the new year is, so it resolves wherever the data root is.
  doc.commentBefore = [` ${schemaModeline(ctx.targetFile, kind)}`, ` Bản nháp năm ${ctx.year}, tạo từ năm ${ctx.from} bằng "danvan new": văn bản giữ để sửa,`, ` số liệu và danh mục văn bản để trống; "danvan check ${ctx.year}" liệt kê từng chỗ cần điền.`]
    .filter(Boolean)
    .join("\n");
  const root = doc.contents as Node;
  if (kind === "report" && isMap(root)) {
    for (const key of ["number", "date"]) root.set(key, null);
    const period = root.get("period", true);
    if (isMap(period)) for (const k of ["from", "to"]) period.set(k, Number(period.get(k)) + ctx.shift);
  }
  if (kind === "documents" && isMap(root)) {
    const groups = root.get("groups", true);
    if (isSeq(groups)) for (const g of groups.items) emptyDocuments(g as Node);
  }
  if (kind === "section" && isMap(root)) {
    const stats = root.get("statistics", true);
    if (isMap(stats)) for (const pair of stats.items) emptyFigures(pair.value as Node, isScalar(pair.key) ? String(pair.key.value) : "");
  }
}

/**
 * Each entry keeps its id, so the sentences citing it still resolve, and loses its number, date and summary:
 * `danvan check` lists it as one blank with its type, group and the sentence that cites it.
 */
function emptyDocuments(group: Node): void {
  if (!isMap(group)) return;
  const types = group.get("types", true);
  if (!isSeq(types)) return;
  for (const t of types.items) {
    const docs = isMap(t) ? t.get("documents", true) : undefined;
    if (isSeq(docs)) for (const d of docs.items) if (isMap(d)) for (const key of ["number", "date", "summary"]) d.set(key, null);
  }
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
