/**
 * Outputs reach their final names only complete, and the outputs of one build only together: every file
 * is written and flushed to a temporary beside its target before any is renamed; should a rename fail,
 * the targets already replaced get their old content back. A failure removes the new temporaries, and so
 * does an interruption (src/io/cleanup.ts). Failures the machine causes are exit-2 errors naming the path.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { UsageError } from "../diagnostics.js";
import { removeOnInterrupt, sweepStale } from "../io/cleanup.js";
import { environmentError } from "../io/fs-errors.js";

export interface OutputFile {
  file: string;
  data: string | Uint8Array;
}

/** Most file systems take 255 bytes per name. */
const MAX_NAME_BYTES = 255;

/** Short and unique per process and call, whatever the target's name: two builds never share one. */
function tempBeside(target: string, suffix: string): string {
  return path.join(path.dirname(target), `.danvan-${process.pid}-${randomBytes(6).toString("hex")}.${suffix}`);
}

function fail(err: unknown, file: string, doing: string): never {
  throw environmentError(err, doing, file) ?? err;
}

/** Refuses, before anything is written, a target that cannot be a file. */
function checkTarget(target: string): void {
  const bytes = Buffer.byteLength(path.basename(target));
  if (bytes > MAX_NAME_BYTES) {
    throw new UsageError(`không ghi được "${target}": tên tệp dài ${bytes} byte, quá giới hạn ${MAX_NAME_BYTES} byte của hệ thống tệp (số hiệu báo cáo quá dài?)`, "DV013");
  }
  let st: fs.Stats | undefined;
  try {
    st = fs.lstatSync(target);
  } catch (err) {
    if ((err as { code?: string }).code !== "ENOENT") fail(err, target, "truy cập");
  }
  if (st && !st.isFile() && !st.isSymbolicLink()) {
    throw new UsageError(`không ghi được "${target}": ở chỗ tệp kết quả đã có ${st.isDirectory() ? "một thư mục" : "một thứ không phải tệp thường"}; hãy xóa hoặc đổi tên nó`, "DV014");
  }
}

function writeTemp(file: string, data: string | Uint8Array, flush: boolean): void {
  const fd = fs.openSync(file, "wx", 0o666);
  try {
    fs.writeFileSync(fd, data);
    if (flush) fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

interface Staged {
  target: string;
  temp: string;
  forget: () => void;
}

/** Writes the set of files together, or none of them. */
export function writeFilesAtomic(files: readonly OutputFile[]): void {
  commit(stage(files, true));
}

/**
 * The same, with every temporary written first, then all flushed at once, so the disk waits a few times
 * rather than once per file (a hundred units' figures; a build's .md and .docx); only then is any renamed,
 * as above.
 */
export async function writeManyFilesAtomic(files: readonly OutputFile[]): Promise<void> {
  const staged = stage(files, false);
  try {
    await Promise.all(
      staged.map(async (t) => {
        try {
          const handle = await fs.promises.open(t.temp, "r+");
          try {
            await handle.sync();
          } finally {
            await handle.close();
          }
        } catch (err) {
          fail(err, t.target, "ghi");
        }
      }),
    );
  } catch (err) {
    dropTemps(staged);
    throw err;
  }
  commit(staged);
}

function dropTemps(staged: readonly Staged[]): void {
  for (const t of staged) {
    fs.rmSync(t.temp, { force: true });
    t.forget();
  }
}

/** Each file's content in a temporary beside its target; on any failure, none is left. */
function stage(files: readonly OutputFile[], flush: boolean): Staged[] {
  for (const f of files) checkTarget(f.file);
  for (const dir of new Set(files.map((f) => path.dirname(f.file)))) sweepStale(dir, ".danvan-");
  const temps: Staged[] = [];
  try {
    for (const f of files) {
      const temp = tempBeside(f.file, "tmp");
      temps.push({ target: f.file, temp, forget: removeOnInterrupt(temp) });
      try {
        writeTemp(temp, f.data, flush);
      } catch (err) {
        fail(err, f.file, "ghi");
      }
    }
  } catch (err) {
    dropTemps(temps);
    throw err;
  }
  return temps;
}

/** The temporaries renamed over their targets, all or, should one rename fail, none. */
function commit(temps: readonly Staged[]): void {
  // The old content of each target, kept until every rename has succeeded.
  const backups: Array<{ target: string; backup?: string }> = [];
  try {
    for (const t of temps) {
      const backup = fs.existsSync(t.target) ? tempBeside(t.target, "old") : undefined;
      if (backup) {
        try {
          fs.linkSync(t.target, backup);
        } catch {
          fs.copyFileSync(t.target, backup);
        }
      }
      backups.push({ target: t.target, backup });
      try {
        fs.renameSync(t.temp, t.target);
      } catch (err) {
        fail(err, t.target, "ghi");
      }
    }
  } catch (err) {
    for (const b of backups.slice(0, -1).reverse()) {
      try {
        if (b.backup) fs.renameSync(b.backup, b.target);
        else fs.rmSync(b.target, { force: true });
      } catch {
        // Restoring is best effort; the error below names the first failure.
      }
    }
    for (const b of backups) if (b.backup) fs.rmSync(b.backup, { force: true });
    dropTemps(temps);
    throw err;
  }
  for (const b of backups) if (b.backup) fs.rmSync(b.backup, { force: true });
  for (const t of temps) t.forget();
}

/** One file, written and renamed into place whole. */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  writeFilesAtomic([{ file: target, data }]);
}

/**
 * `mkdir -p` one level at a time: Node's recursive mkdirSync never returns for some paths under /proc.
 * Failures are exit-2 errors naming the folder.
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    try {
      if (!fs.statSync(at).isDirectory()) throw new UsageError(`"${at}" đã tồn tại và không phải là thư mục`, "DV005");
      break;
    } catch (err) {
      if (err instanceof UsageError) throw err;
      if ((err as { code?: string }).code !== "ENOENT") fail(err, at, "truy cập");
    }
    missing.push(at);
    const up = path.dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const d of missing.reverse()) {
    try {
      fs.mkdirSync(d);
    } catch (err) {
      if ((err as { code?: string }).code !== "EEXIST") fail(err, d, "tạo thư mục");
    }
  }
}
