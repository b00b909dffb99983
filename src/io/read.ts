/**
 * Reading a file a user handed us, as a hostile user might hand it: only regular files, checked before
 * opening (a pipe or a device is never opened, so a read cannot block or never end), never a link that
 * leaves the data root (its target is never read, so its content can never be echoed), and never more
 * than `max` bytes. Permission and other machine failures are thrown as exit-2 errors naming the path.
 */
import fs from "node:fs";
import path from "node:path";
import { environmentError } from "./fs-errors.js";

export interface ReadProblem {
  code: "DV112" | "DV113" | "DV114";
  message: string;
}

/** Exactly one of the three is set. */
export interface ReadOutcome {
  bytes?: Buffer;
  tooBig?: number;
  problem?: ReadProblem;
}

/** What a non-regular file is, for the message. */
function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return "một thư mục";
  if (st.isFIFO()) return "một pipe (FIFO)";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "một thiết bị";
  if (st.isSocket()) return "một socket";
  return "không phải tệp thường";
}

function rethrow(err: unknown, file: string, doing: string): never {
  throw environmentError(err, doing, file) ?? err;
}

/** The real path of a folder, or the folder as given when it cannot be resolved (it is then reported elsewhere). */
export function realFolder(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === "" || (!rel.startsWith(`..${path.sep}`) && rel !== ".." && !path.isAbsolute(rel));
}

/**
 * Where a path under the data root really is, if it is a regular file that stays inside the root;
 * otherwise the problem, phrased about the path as given. `root` is the data root's real path.
 */
export function checkRegular(file: string, realRoot: string): { real: string; size: number } | { problem: ReadProblem } {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "ELOOP") return { problem: { code: "DV114", message: "liên kết tượng trưng (symlink) lặp vòng; hãy xóa hoặc sửa liên kết này" } };
    if (code === "ENOENT") return { problem: { code: "DV114", message: "liên kết tượng trưng (symlink) hỏng: nơi nó trỏ tới không tồn tại" } };
    rethrow(err, file, "truy cập");
  }
  if (!isInside(realRoot, real)) {
    return { problem: { code: "DV113", message: "liên kết trỏ ra ngoài thư mục dữ liệu; danvan không đọc tệp ở ngoài thư mục dữ liệu (hãy chép tệp vào đây)" } };
  }
  let st: fs.Stats;
  try {
    st = fs.statSync(real);
  } catch (err) {
    rethrow(err, file, "truy cập");
  }
  if (!st.isFile()) return { problem: { code: "DV112", message: `đây là ${kindOf(st)}, không phải tệp dữ liệu; danvan chỉ đọc tệp thường` } };
  return { real, size: st.size };
}

/** A regular file's bytes, at most `max` of them (a larger file is reported by its size, unread). */
export function readRegular(file: string, realRoot: string, max: number): ReadOutcome {
  const checked = checkRegular(file, realRoot);
  if ("problem" in checked) return checked;
  if (checked.size > max) return { tooBig: checked.size };
  let fd: number;
  try {
    // O_NONBLOCK: should the file have been swapped for a pipe since the check, opening it cannot block.
    fd = fs.openSync(checked.real, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOFOLLOW);
  } catch (err) {
    if ((err as { code?: string }).code === "ELOOP") return { problem: { code: "DV114", message: "liên kết tượng trưng (symlink) đổi trong khi đọc; hãy chạy lại" } };
    rethrow(err, file, "mở");
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { problem: { code: "DV112", message: `đây là ${kindOf(st)}, không phải tệp dữ liệu; danvan chỉ đọc tệp thường` } };
    if (st.size > max) return { tooBig: st.size };
    // Bounded however the file grows while it is read.
    const buf = Buffer.alloc(Math.min(max + 1, st.size + 1));
    let n = 0;
    for (;;) {
      const got = fs.readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n === buf.length) break;
    }
    if (n > max) return { tooBig: n };
    return { bytes: buf.subarray(0, n) };
  } catch (err) {
    rethrow(err, file, "đọc");
  } finally {
    fs.closeSync(fd);
  }
}

/** What lstat says, or undefined for a path that does not exist; other failures are exit-2 errors. */
export function lstatOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file);
  } catch (err) {
    if ((err as { code?: string }).code === "ENOENT") return undefined;
    rethrow(err, file, "truy cập");
  }
}

/** A folder's entries; an unreadable folder is an exit-2 error naming it. */
export function listFolder(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch (err) {
    rethrow(err, dir, "đọc thư mục");
  }
}

/** Whether a path is (or links, inside the root, to) a folder. Dangling, looping or outside links are not. */
export function isFolderInside(dir: string, realRoot: string): boolean {
  try {
    const real = fs.realpathSync(dir);
    return isInside(realRoot, real) && fs.statSync(real).isDirectory();
  } catch {
    return false;
  }
}
