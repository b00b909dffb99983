/** Outputs reach their final name only complete: written beside the target, then renamed over it. */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const dir = path.dirname(target);
  // Unique per process and call: two builds into one folder never share a temporary file.
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
