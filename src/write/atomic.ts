/** Outputs reach their final name only complete: written beside the target, then renamed over it. */
import fs from "node:fs";
import path from "node:path";

export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
