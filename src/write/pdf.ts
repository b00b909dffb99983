/** PDF through LibreOffice, only when asked for: danvan does not lay out pages itself. */
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { UsageError } from "../diagnostics.js";
import { onInterrupt, removeOnInterrupt, sweepStale } from "../io/cleanup.js";
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

/** The PDF LibreOffice makes of the DOCX, in a private temporary folder removed afterwards or on interruption. */
export async function pdfBytes(docx: Uint8Array): Promise<Buffer> {
  const soffice = await requireSoffice();
  sweepStale(os.tmpdir(), "danvan-pdf-");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `danvan-pdf-${process.pid}-`));
  const forget = removeOnInterrupt(work);
  try {
    const input = path.join(work, "report.docx");
    fs.writeFileSync(input, docx);
    // A private profile directory: a clerk's open LibreOffice window must not block or receive the job.
    await convert(soffice, [`-env:UserInstallation=file://${path.join(work, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", work, input]);
    return fs.readFileSync(path.join(work, "report.pdf"));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    forget();
  }
}

/**
 * LibreOffice in its own process group: `soffice` is a script that starts soffice.bin, and an interruption
 * (or the three-minute limit) must stop both, before the work folder is removed.
 */
function convert(soffice: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(soffice, args, { detached: true, stdio: "ignore" });
    const stop = () => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    };
    const forget = onInterrupt(stop);
    const timer = setTimeout(stop, 180_000);
    child.on("error", (err) => {
      clearTimeout(timer);
      forget();
      reject(err);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      forget();
      if (code === 0) resolve();
      else reject(new Error(`LibreOffice stopped with ${signal ?? `exit code ${code}`}`));
    });
  });
}

export async function convertToPdf(docx: Uint8Array, target: string): Promise<string> {
  writeFileAtomic(target, await pdfBytes(docx));
  return target;
}
