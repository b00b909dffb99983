/** PDF through LibreOffice, only when asked for: danvan does not lay out pages itself. */
import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { readyPoint } from "../io/ready.js";
import { UsageError } from "../diagnostics.js";
import { onInterrupt, removeOnInterrupt, sweepStale } from "../io/cleanup.js";
import { writeFileAtomic } from "./atomic.js";
import { installedSoffice, SOFFICE_NAMES, sofficeMissing, type SofficeHost } from "./soffice.js";

const run = promisify(execFile);

let found: Promise<string | undefined> | undefined;

/** Looked up once per run: asking LibreOffice its version takes a good part of a second. */
export function findSoffice(): Promise<string | undefined> {
  found ??= lookUp();
  return found;
}

const host: SofficeHost = {
  platform: process.platform,
  env: process.env,
  exists: (file) => {
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  },
  list: (dir) => {
    try {
      return fs.readdirSync(dir);
    } catch {
      return [];
    }
  },
};

async function lookUp(): Promise<string | undefined> {
  for (const name of SOFFICE_NAMES) {
    try {
      await run(name, ["--version"], { timeout: 60_000 });
      return name;
    } catch {
      // try the next name
    }
  }
  // Windows and macOS installers do not put soffice on PATH: their own folders.
  return installedSoffice(host);
}

export async function requireSoffice(): Promise<string> {
  const soffice = await findSoffice();
  if (!soffice) {
    throw new UsageError(sofficeMissing(process.platform), "DV007");
  }
  return soffice;
}

/** Families LibreOffice may draw a Times New Roman document in without changing a line break. */
const METRIC_COMPATIBLE: Record<string, string[]> = {
  "Times New Roman": ["Liberation Serif", "Tinos"],
};

/** The Debian package that brings a metric-compatible family with the Vietnamese letters. */
export const FONT_PACKAGE = "fonts-liberation2";

/**
 * Why the PDF would not look like the DOCX in Word, or undefined: `family` (or a family with its metrics)
 * must have the Vietnamese letters (fontconfig's `:lang=vi`), or LibreOffice draws them from another font,
 * mixed glyphs on every page and other line breaks. Without fontconfig (not Linux) nothing is known.
 */
export async function fontProblem(family: string): Promise<string | undefined> {
  let listed: string;
  try {
    listed = (await run("fc-list", [":lang=vi", "family"], { timeout: 30_000 })).stdout;
  } catch {
    return undefined;
  }
  const families = new Set(listed.split("\n").flatMap((line) => line.split(",").map((f) => f.trim())));
  const wanted = [family, ...(METRIC_COMPATIBLE[family] ?? [])];
  if (wanted.some((f) => families.has(f))) return undefined;
  return `máy này không có phông ${wanted.join(" hoặc ")} đủ chữ tiếng Việt: bản PDF sẽ lẫn phông khác và ngắt dòng, ngắt trang khác bản DOCX; cài gói ${FONT_PACKAGE} (Debian/Ubuntu: apt-get install ${FONT_PACKAGE}) rồi dựng lại`;
}

/**
 * The PDF LibreOffice makes of the DOCX (its dates pinned to `date`), in a private temporary folder removed
 * afterwards or on interruption.
 */
export async function pdfBytes(docx: Uint8Array, date?: string): Promise<Buffer> {
  const soffice = await requireSoffice();
  sweepStale(os.tmpdir(), "danvan-pdf-");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `danvan-pdf-${process.pid}-`));
  const forget = removeOnInterrupt(work);
  try {
    const input = path.join(work, "report.docx");
    fs.writeFileSync(input, docx);
    // LibreOffice's own temporaries (lu*.tmp) go into the work folder too: killed on an interruption, it
    // cannot remove them, and the work folder is removed whole.
    const temp = path.join(work, "tmp");
    fs.mkdirSync(temp);
    // A private profile directory: a clerk's open LibreOffice window must not block or receive the job.
    const converting = convert(soffice, [`-env:UserInstallation=${pathToFileURL(path.join(work, "profile")).href}`, "--headless", "--convert-to", "pdf", "--outdir", work, input], temp);
    await Promise.all([converting, readyPoint("pdf")]);
    const pdf = fs.readFileSync(path.join(work, "report.pdf"));
    return date ? pinPdf(pdf, date) : pdf;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    forget();
  }
}

/**
 * LibreOffice in its own process group: `soffice` is a script that starts soffice.bin, and an interruption
 * (or the three-minute limit) must stop both, before the work folder is removed.
 */
function convert(soffice: string, args: string[], temp: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(soffice, args, { detached: true, stdio: "ignore", env: { ...process.env, TMPDIR: temp, TMP: temp, TEMP: temp } });
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
      // LibreOffice's failure is the machine's, not a bug of danvan's: exit 2, saying what it did.
      else reject(new UsageError(`LibreOffice không xuất được PDF (dừng với ${signal ?? `mã ${code}`}); thử chạy lại, hoặc mở tệp DOCX bằng LibreOffice để xem lỗi`, "DV017"));
    });
  });
}

export async function convertToPdf(docx: Uint8Array, target: string, date?: string): Promise<string> {
  writeFileAtomic(target, await pdfBytes(docx, date));
  return target;
}

/**
 * The same DOCX gives the same PDF bytes: LibreOffice stamps the build time (CreationDate) and an /ID and
 * /DocChecksum made from it. Each is rewritten in place, at its own length so the cross-reference offsets
 * stay true: the date becomes the report's, the two digests an MD5 of the rest of the file.
 * Anything else a LibreOffice version varies is left as it wrote it.
 */
export function pinPdf(pdf: Buffer, isoDate: string): Buffer {
  const text = pdf.toString("latin1");
  const stamp = `D:${isoDate.replace(/-/g, "")}000000`;
  let out = text.replace(/\/CreationDate\s*\(D:(\d{14})/g, (m, digits: string) => m.slice(0, m.length - digits.length - 2) + stamp);
  const blank = (s: string) => s.replace(/(\/ID\s*\[\s*)<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/, (m) => m.replace(/[0-9A-Fa-f](?=[0-9A-Fa-f]*>)/g, "0")).replace(/\/DocChecksum\s*\/([0-9A-Fa-f]+)/, (m, h: string) => m.slice(0, m.length - h.length) + "0".repeat(h.length));
  out = blank(out);
  const digest = createHash("md5").update(out, "latin1").digest("hex").toUpperCase();
  out = out
    .replace(/(\/ID\s*\[\s*)<(0+)>(\s*)<(0+)>/, (_m, open: string, a: string, gap: string, b: string) => `${open}<${fit(digest, a.length)}>${gap}<${fit(digest, b.length)}>`)
    .replace(/(\/DocChecksum\s*\/)(0+)/, (_m, key: string, h: string) => `${key}${fit(digest, h.length)}`);
  return Buffer.from(out, "latin1");
}

function fit(hex: string, length: number): string {
  return hex.repeat(Math.ceil(length / hex.length)).slice(0, length);
}
