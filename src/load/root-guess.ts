/**
 * A data root given one folder off: the clerk is inside data/ (or inside a year), or in the folder above the
 * project, or named the project (or a year) with --data. The real root is then one folder up or down; the
 * message names it, and no hint offers `init` where it would make a data root inside a data root.
 */
import fs from "node:fs";
import path from "node:path";
import { isInside } from "../io/read.js";
import { dataRootLayout, NESTED_ROOT } from "./periods.js";

export interface RootGuess {
  /** The data root found, as the clerk would type it from where they are. */
  root: string;
  /** Where it lies from the one given. */
  where: "above" | "below";
  /** The periods it holds (for the message). */
  periods: string[];
}

const isFolder = (dir: string) => {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
};

/**
 * The periods of a folder read as a data root, each holding its report.yaml (a folder of year-named
 * subfolders is not taken for one); none when it cannot be read. The file system's root is never one.
 */
export function periodsIn(dir: string): string[] {
  if (!isFolder(dir) || path.dirname(dir) === dir) return [];
  try {
    return dataRootLayout(dir).periods.map((p) => p.dir).filter((p) => fs.existsSync(path.join(dir, p, "report.yaml")));
  } catch {
    return [];
  }
}

/** How the clerk types a folder from the working folder: relative when it is shorter. */
function typed(dir: string, cwd: string): string {
  const rel = path.relative(cwd, dir);
  if (rel === "") return ".";
  // Below the working folder, or one or two folders up (`cd data` → ".."): relative; elsewhere the whole path.
  return !path.isAbsolute(rel) && /^(\.\.([\\/]\.\.)?$|[^.])/.test(rel) ? rel : dir;
}

/**
 * The data root near `given` (which has no period): an ancestor of it that holds periods (the clerk stands in
 * data/ or in a year, or named a year with --data), else a folder under it, or beside it under the same name,
 * that does (the clerk stands above the project, or named the project with --data).
 */
export function guessRoot(given: string, cwd = process.cwd()): RootGuess | undefined {
  const abs = path.resolve(cwd, given);
  // Up to four folders (data/bao-cao-6-thang/2022-h1/sections/data); the outermost root wins, so a series
  // folder, which holds periods too, is not taken for the root it is in.
  let dir = abs;
  let above: RootGuess | undefined;
  for (let up = 0; up < 4; up++) {
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
    const periods = periodsIn(dir);
    if (periods.length && (nestedName(abs, dir) || periods.some((p) => isInside(path.join(dir, p), abs)))) {
      above = { root: typed(dir, cwd), where: "above", periods };
    }
  }
  if (above) return above;
  const below = isFolder(abs) ? childRoots(abs, (c) => c) : childRoots(path.dirname(abs), (c) => path.join(c, path.basename(abs)));
  return below.length === 1 ? { root: typed(below[0].dir, cwd), where: "below", periods: below[0].periods } : undefined;
}

/**
 * The given folder, not there, named inside the root as the root is named or as a data root is by default
 * (`data` run inside data/): the clerk stands in the root. Inside a period (data/2021/data, --data data/2021)
 * is the other way to be one folder too low.
 */
function nestedName(abs: string, root: string): boolean {
  return path.dirname(abs) === root && !isFolder(abs) && (path.basename(abs) === path.basename(root) || path.basename(abs) === NESTED_ROOT);
}

function childRoots(parent: string, candidate: (child: string) => string): Array<{ dir: string; periods: string[] }> {
  let names: string[];
  try {
    names = fs.readdirSync(parent).filter((n) => !n.startsWith(".") && n !== "node_modules");
  } catch {
    return [];
  }
  const out: Array<{ dir: string; periods: string[] }> = [];
  // A folder above the project has few children; past a hundred it is not where a clerk keeps one.
  for (const n of names.slice(0, 100)) {
    const dir = candidate(path.join(parent, n));
    const periods = periodsIn(dir);
    if (periods.length) out.push({ dir, periods });
  }
  return out;
}

/** The message's part after "không tìm thấy…": where the data root is, and what to type. */
/** Why `init` refuses a folder inside a data root, and what to do instead. */
export function nestedInitHint(guess: RootGuess, given: string, cwd = process.cwd()): string {
  const here = path.resolve(cwd, guess.root) === cwd;
  const inside = here ? "nằm trong thư mục đang đứng, đã là thư mục dữ liệu" : `nằm trong thư mục dữ liệu "${guess.root}"`;
  const instead = here ? "chạy init từ thư mục dự án (cd ..)" : `chạy init ở ngoài "${guess.root}"`;
  return `"${given}" ${inside} (có ${guess.periods.slice(0, 5).join(", ")}): init ở đây sẽ tạo một thư mục dữ liệu lồng bên trong mà không lệnh nào đọc; dùng thư mục dữ liệu đã có (--data ${quoteArg(guess.root)}), hoặc ${instead}`;
}

export function rootHint(guess: RootGuess, given: string, cwd = process.cwd()): string {
  const years = guess.periods.slice(0, 5).join(", ") + (guess.periods.length > 5 ? ", …" : "");
  const intoCwd = guess.where === "above" && path.resolve(cwd, guess.root) === cwd;
  const place = intoCwd ? "thư mục đang đứng đã là thư mục dữ liệu" : `thư mục dữ liệu là "${guess.root}"`;
  const move = intoCwd
    ? "; chạy lệnh từ thư mục bên trên (cd ..), hoặc ghi --data ."
    : guess.root === NESTED_ROOT
      ? "; bỏ --data (mặc định là data)"
      : `; ghi --data ${quoteArg(guess.root)}`;
  return `"${given}" không phải thư mục dữ liệu, ${place} (có ${years})${move}`;
}

const quoteArg = (s: string) => (/^[\w./\\:-]+$/.test(s) ? s : `"${s}"`);
