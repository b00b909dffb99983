/** `check --fix` over whole periods: repair each file in place (atomically) and say what changed. */
import { fixSource } from "./fix.js";
import { loadYear, sourceText } from "../load/index.js";
import type { PeriodFolder } from "../load/periods.js";
import { movePeriod, speaksForYear, spoken } from "../check/old-period.js";
import { earlierPeriod } from "../pipeline.js";
import { fixText } from "../text/tone-marks.js";
import { writeFileAtomic } from "../write/atomic.js";

export function fixYears(dataRoot: string, folders: readonly PeriodFolder[]): string[] {
  const lines: string[] = [];
  for (const folder of folders) {
    const files = loadYear(dataRoot, folder.dir).files;
    const old = earlierPeriod(dataRoot, folder);
    const current = spoken(folder.period, files.find((f) => f.kind === "report")?.value);
    const moved = old && current ? (t: string) => movePeriod(fixText(t), old, current) : fixText;
    for (const raw of files) {
      if (raw.value === undefined) continue;
      const source = sourceText(raw.file, dataRoot);
      const bom = source.startsWith("\uFEFF");
      const result = fixSource(raw, bom ? source.slice(1) : source, speaksForYear(raw) ? moved : fixText);
      if (bom && !result.text) {
        writeFileAtomic(raw.file, source.slice(1));
        lines.push(`đã sửa ${raw.file}:1: bỏ dấu BOM ở đầu tệp`);
      }
      if (result.skipped) lines.push(`${raw.file}: không tự sửa được (có ký tự viết dạng mã thoát \\u); hãy sửa tay`);
      if (!result.text) continue;
      writeFileAtomic(raw.file, result.text);
      for (const c of result.changes) lines.push(`đã sửa ${c.file}:${c.line}: "${c.before}" → "${c.after}"`);
    }
  }
  lines.push(`Đã tự sửa ${lines.filter((l) => l.startsWith("đã sửa")).length} dòng.`);
  return lines;
}
