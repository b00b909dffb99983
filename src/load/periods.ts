/**
 * A data root's series and their periods. A root holds period folders directly (`data/2021/`, today's
 * layout: one unnamed series), or series folders that hold them (`data/bao-cao-6-thang/2022-h1/`), or both.
 * A folder is a period by its name (`2022`, `2022-h1` … read by model/period.ts) or, for a free-id report,
 * by holding a report.yaml; a folder of another name that holds periods is a series. Every command finds its
 * period here, from what the user typed: `2022-h1`, or `bao-cao-6-thang/2022-h1` where the id alone is in
 * two series.
 */
import path from "node:path";
import { UsageError } from "../diagnostics.js";
import { comparePeriods, isPeriodic, KIND_NAMES, parsePeriod, PERIOD_SPELLING, type Period } from "../model/period.js";
import { isFolderInside, listFolder, lstatOrUndefined, realFolder } from "../io/read.js";

export interface PeriodFolder {
  /** The series folder, "" for periods directly in the data root. */
  series: string;
  /** As the folder's name reads (the default window; report.yaml may state its own). */
  period: Period;
  /** The folder relative to the data root, "/"-separated: what a command names it by, and what out/ mirrors. */
  dir: string;
}

/** A folder whose name would be a period but is not written as one, or a period with two folders. */
export interface LayoutProblem {
  code: "DV003" | "DV801" | "DV021";
  dir: string;
  message: string;
}

export interface Layout {
  periods: PeriodFolder[];
  problems: LayoutProblem[];
}

/** The file in a series folder (or, for the unnamed series, the data root) with the series' own settings. */
export const SERIES_FILE = "series.yaml";

/** The data root's default name: a folder so named inside a data root is a second root, never a series. */
export const NESTED_ROOT = "data";

export function dataRootLayout(dataRoot: string): Layout {
  const root = realFolder(dataRoot);
  const periods: PeriodFolder[] = [];
  const problems: LayoutProblem[] = [];
  const folders = (dir: string) =>
    listFolder(path.join(dataRoot, dir))
      .filter((n) => !n.startsWith(".") && isFolderInside(path.join(dataRoot, dir, n), root))
      .sort();
  const hasReport = (dir: string) => lstatOrUndefined(path.join(dataRoot, dir, "report.yaml")) !== undefined;
  /** The periods among a folder's subfolders, and the folders named almost like one; the rest goes to `other`. */
  const scan = (series: string, other: (name: string) => void) => {
    const found: PeriodFolder[] = [];
    const misnamed: LayoutProblem[] = [];
    for (const name of folders(series)) {
      const dir = series ? `${series}/${name}` : name;
      const parsed = parsePeriod(name);
      if (parsed.ok && (isPeriodic(parsed.period) || hasReport(dir))) found.push({ series, period: parsed.period, dir });
      else if (!parsed.ok && (hasReport(dir) || /^\d{4}/.test(name))) misnamed.push({ code: "DV003", dir, message: `thư mục "${dir}": ${parsed.message}` });
      else other(name);
    }
    return { found, misnamed };
  };
  const top = scan("", (name) => {
    const inside = scan(name, () => {});
    if (!inside.found.length && !inside.misnamed.length) return;
    // data/data/2021 is what `danvan init` run inside data/ made: a data root inside the data root, not a series.
    if (name === NESTED_ROOT) {
      problems.push({ code: "DV021", dir: name, message: `thư mục "${name}" trong thư mục dữ liệu là một thư mục dữ liệu lồng bên trong (có ${inside.found.map((f) => f.dir).join(", ")}), không phải chuỗi báo cáo: không lệnh nào đọc nó; chuyển các kỳ của nó ra thư mục dữ liệu rồi xóa nó` });
      return;
    }
    const asSeries = parsePeriod(name);
    if (!asSeries.ok || isPeriodic(asSeries.period)) problems.push({ code: "DV003", dir: name, message: `thư mục chuỗi báo cáo "${name}": tên chỉ dùng chữ thường không dấu, số và gạch ngang` });
    else {
      periods.push(...inside.found);
      problems.push(...inside.misnamed);
    }
  });
  periods.push(...top.found);
  problems.push(...top.misnamed);
  // Two spellings of one period in a series (`2022-h1` beside `2022-H1`) are reported above, by name.
  problems.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
  periods.sort((a, b) => (a.series < b.series ? -1 : a.series > b.series ? 1 : comparePeriods(a.period, b.period)));
  return { periods, problems };
}

/** Folders that name the same period inside one series: `2022-H1` beside `2022-h1`. */
export function twoFolders(layout: Layout): LayoutProblem[] {
  const out: LayoutProblem[] = [];
  for (const p of layout.problems) {
    const suggestion = /viết "([^"]+)"$/.exec(p.message)?.[1];
    if (!suggestion) continue;
    const series = p.dir.includes("/") ? p.dir.slice(0, p.dir.lastIndexOf("/")) : "";
    const twin = layout.periods.find((q) => q.series === series && q.period.id === suggestion);
    if (twin) out.push({ code: "DV801", dir: p.dir, message: `hai thư mục cho một kỳ: "${p.dir}" và "${twin.dir}" cùng là kỳ ${suggestion}; giữ một thư mục` });
  }
  return out;
}

/** What a command was given: `2022-h1`, or `series/2022-h1`. */
export interface PeriodRef {
  series?: string;
  period: Period;
}

export function parseRef(text: string): PeriodRef {
  const parts = text.replace(/[/\\]+$/, "").split(/[/\\]/);
  if (parts.length > 2) throw new UsageError(`"${text}" không phải là một kỳ: viết kỳ (2022-h1) hoặc chuỗi/kỳ (bao-cao-6-thang/2022-h1); kỳ viết là ${PERIOD_SPELLING}`, "DV003");
  const id = parts[parts.length - 1];
  const parsed = parsePeriod(id);
  if (!parsed.ok) throw new UsageError(parsed.message, "DV003");
  if (parts.length === 1) return { period: parsed.period };
  const series = parts[0];
  if (!parsePeriod(series).ok || isPeriodic((parsePeriod(series) as { period: Period }).period)) {
    throw new UsageError(`"${series}" không phải tên một chuỗi báo cáo (chữ thường không dấu, số, gạch ngang, ví dụ bao-cao-6-thang)`, "DV003");
  }
  return { series, period: parsed.period };
}

/** The folder of a period a command reads; a usage error when there is none, or two. */
export function findPeriod(dataRoot: string, text: string): PeriodFolder {
  const ref = parseRef(text);
  const layout = dataRootLayout(dataRoot);
  const matches = layout.periods.filter((p) => p.period.id === ref.period.id && (ref.series === undefined || p.series === ref.series));
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    throw new UsageError(`kỳ ${ref.period.id} có ở ${matches.length} thư mục: ${matches.map((m) => `${m.dir}/`).join(", ")}; ghi rõ chuỗi báo cáo, ví dụ ${matches.find((m) => m.series)?.dir ?? matches[0].dir}`, "DV801");
  }
  throw new UsageError(notFound(dataRoot, text, ref, layout), "DV004");
}

function notFound(dataRoot: string, text: string, ref: PeriodRef, layout: Layout): string {
  const known = layout.periods.map((p) => p.dir);
  const what = ref.period.kind === "year" && ref.series === undefined ? `năm ${ref.period.id}` : `kỳ ${text}`;
  const yearsOnly = layout.periods.every((p) => p.series === "" && p.period.kind === "year");
  const list = known.length ? `${yearsOnly ? "các năm" : "các kỳ"} hiện có: ${known.join(", ")}` : yearsOnly ? "chưa có năm nào" : "chưa có kỳ nào";
  return `không có dữ liệu ${what} trong "${dataRoot}" (${list})`;
}

/** The series' periods of one kind, earliest first. */
export function periodsOfKind(layout: Layout, series: string, kind: Period["kind"]): PeriodFolder[] {
  return layout.periods.filter((p) => p.series === series && sameKind(p.period.kind, kind));
}

/** Thematic and ad hoc reports are one kind for `new`: free ids, no calendar. */
export function sameKind(a: Period["kind"], b: Period["kind"]): boolean {
  const free = (k: Period["kind"]) => k === "thematic" || k === "ad-hoc";
  return a === b || (free(a) && free(b));
}

export function kindName(kind: Period["kind"]): string {
  return KIND_NAMES[kind];
}
