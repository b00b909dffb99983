/**
 * Writes an imported year in canonical layout: each file made with the `yaml` library and laid out by
 * `fmt`'s formatter, into a staging folder beside the target; `check` must find no error there before the
 * folder is renamed into place. A failure removes the staging folder and leaves the data root as it was.
 */
import fs from "node:fs";
import path from "node:path";
import { Document } from "yaml";
import { hasErrors, UsageError, type Diagnostic } from "../diagnostics.js";
import { formatYaml } from "../commands/fmt.js";
import type { FileKind } from "../model/index.js";
import type { Register } from "../model/index.js";
import { checkYear } from "../pipeline.js";
import { makeFolder } from "../write/atomic.js";
import { reasonOf } from "../io/fs-errors.js";
import { schemaModeline } from "../commands/schema-link.js";
import type { ImportedSection } from "./body.js";

export interface ImportedYear {
  report: Record<string, unknown>;
  /** A report without an appendix register has none: no documents.yaml is written. */
  register?: Register;
  sections: ImportedSection[];
}

/** `target`: where the file will be once in place, so that its schema link resolves from there as `init` and `new` make it. */
function yamlText(value: unknown, kind: FileKind, target: string, comment: string): string {
  const doc = new Document(value);
  doc.commentBefore = ` ${schemaModeline(target, kind)}\n\n${comment}`;
  return formatYaml(doc.toString({ lineWidth: 0 }), kind);
}

export function writeYear(dataRoot: string, year: string, data: ImportedYear, source = "danvan import"): { files: string[]; diagnostics: Diagnostic[] } {
  const target = path.join(dataRoot, year);
  let staging: string;
  try {
    // One level at a time: Node's recursive mkdirSync never returns for some paths (under /proc).
    makeFolder(dataRoot);
    // A period of a series (`bao-cao-6-thang/2022-h1`) is staged under a name of one segment.
    staging = fs.mkdtempSync(path.join(dataRoot, `.import-${year.replace(/[/\\]/g, "-")}-`));
  } catch (err) {
    const reason = err instanceof UsageError ? err.message : reasonOf(err);
    throw new UsageError(`không ghi được vào thư mục dữ liệu "${dataRoot}": ${reason}; hãy chọn một thư mục ghi được (--data) rồi nhập lại`, "DV610");
  }
  const stagedYear = path.join(staging, year);
  const comment = ` Nhập từ tệp DOCX bằng "${source}"; đọc lại và sửa trước khi dùng.`;
  try {
    const files: Array<[string, string]> = [
      ["report.yaml", yamlText(data.report, "report", path.join(target, "report.yaml"), comment)],
      ...(data.register ? [["documents.yaml", yamlText(data.register, "documents", path.join(target, "documents.yaml"), comment)] as [string, string]] : []),
      ...data.sections.map((s): [string, string] => [path.join("sections", s.file), yamlText(s.data, "section", path.join(target, "sections", s.file), comment)]),
    ];
    fs.mkdirSync(path.join(stagedYear, "sections"), { recursive: true });
    for (const [rel, text] of files) fs.writeFileSync(path.join(stagedYear, rel), text);
    const checked = checkYear(staging, year);
    // Paths as they will be once in place, not the staging folder's.
    const diagnostics = checked.diagnostics.map((d) => ({ ...d, file: d.file.replace(stagedYear, target) }));
    if (hasErrors(diagnostics)) {
      fs.rmSync(staging, { recursive: true, force: true });
      return { files: [], diagnostics };
    }
    const umask = process.umask();
    for (const p of [staging, ...fs.readdirSync(staging, { recursive: true }).map((r) => path.join(staging, String(r)))]) {
      fs.chmodSync(p, (fs.statSync(p).isDirectory() ? 0o777 : 0o666) & ~umask);
    }
    // A year made meanwhile by another run is not replaced: rename refuses a non-empty target.
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(stagedYear, target);
    fs.rmSync(staging, { recursive: true, force: true });
    return { files: files.map(([rel]) => path.join(target, rel)), diagnostics };
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    const code = (err as NodeJS.ErrnoException).code;
    // The disk, permissions, or a year made meanwhile by another run: the environment, not a bug.
    if (code && !(err instanceof UsageError)) throw new UsageError(`không ghi được năm ${year} vào "${dataRoot}": ${code}; hãy chọn một thư mục ghi được (--data) rồi nhập lại`, "DV610");
    throw err;
  }
}
