/** PDF through LibreOffice, only when asked for: danvan does not lay out pages itself. */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { UsageError } from "../diagnostics.js";
import { writeFileAtomic } from "./atomic.js";

const run = promisify(execFile);

let found: Promise<string | undefined> | undefined;

/** Looked up once per run: asking LibreOffice its version takes a good part of a second. */
export function findSoffice(): Promise<string | undefined> {
  found ??= lookUp();
  return found;
}

async function lookUp(): Promise<string | undefined> {
  for (const name of ["soffice", "libreoffice"]) {
    try {
      await run(name, ["--version"], { timeout: 60_000 });
      return name;
    } catch {
      // try the next name
    }
  }
  return undefined;
}

export async function requireSoffice(): Promise<string> {
  const soffice = await findSoffice();
  if (!soffice) {
    throw new UsageError(
      "cần LibreOffice để xuất PDF nhưng không tìm thấy lệnh soffice; cài gói libreoffice-writer-nogui (Debian/Ubuntu: apt-get install libreoffice-writer-nogui) rồi chạy lại",
      "DV007",
    );
  }
  return soffice;
}

export async function convertToPdf(docx: Uint8Array, target: string): Promise<string> {
  const soffice = await requireSoffice();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-pdf-"));
  try {
    const input = path.join(work, "report.docx");
    fs.writeFileSync(input, docx);
    // A private profile directory: a clerk's open LibreOffice window must not block or receive the job.
    await run(soffice, [`-env:UserInstallation=${pathToFileURL(path.join(work, "profile")).href}`, "--headless", "--convert-to", "pdf", "--outdir", work, input], {
      timeout: 180_000,
    });
    writeFileAtomic(target, fs.readFileSync(path.join(work, "report.pdf")));
    return target;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
