/**
 * The bounded zip reader, and the parts of a DOCX package (a zip) that import needs read with it: an
 * encrypted file (an OLE compound file), a file that is no zip, a corrupt archive or a zip bomb is refused
 * before it costs memory. `collect import` reads workbooks through the same reader.
 * fflate's streaming reader walks the archive and every byte inflated is counted: the sizes an archive
 * declares are checked first, then the actual ones, since a forged header can lie. Inflating is Node's zlib,
 * stopped at the size allowed (a JavaScript inflate took a quarter of a second, cold, on the 2021 report).
 */
import fs from "node:fs";
import { inflateRawSync } from "node:zlib";
import { Unzip, type AsyncFlateStreamHandler, type FlateError, type UnzipDecoder } from "fflate";
import { UsageError } from "../diagnostics.js";
import { reasonOf } from "../io/fs-errors.js";

export const LIMITS = {
  /** The file itself: a 24-page report is ~60 KB; a report with photographs a few MB. */
  fileBytes: 64 * 1024 * 1024,
  entries: 5000,
  /** One XML part inflated; document.xml of a report 100 times the 2021 one is ~14 MB. */
  partBytes: 64 * 1024 * 1024,
  /** All parts read, together. */
  totalBytes: 160 * 1024 * 1024,
} as const;

export interface ZipLimits {
  entries: number;
  partBytes: number;
  totalBytes: number;
}

/** The parts read; everything else in the package (images, themes, settings) is skipped without inflating. */
const WANTED = new Set([
  "[Content_Types].xml",
  "word/document.xml",
  "word/styles.xml",
  "word/numbering.xml",
  "word/footnotes.xml",
  "word/endnotes.xml",
  "word/comments.xml",
  "word/commentsExtended.xml",
  "docProps/custom.xml",
  "word/_rels/document.xml.rels",
]);

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export type Parts = ReadonlyMap<string, string>;

export function readPackage(file: string, limits = LIMITS): Parts {
  let bytes: Uint8Array;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new UsageError(`"${file}" không phải là một tệp: hãy chỉ đường dẫn tới tệp báo cáo .docx`, "DV600");
    if (stat.size > limits.fileBytes) throw new UsageError(`tệp "${file}" quá lớn (${stat.size} byte; tối đa ${limits.fileBytes}): một báo cáo không lớn như vậy; hãy bỏ bớt hình ảnh trong Word, lưu lại rồi nhập lại`, "DV604");
    bytes = fs.readFileSync(file);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`không đọc được tệp "${file}": ${reasonOf(err)}`, "DV600");
  }
  return unpack(file, bytes, limits);
}

export function unpack(file: string, bytes: Uint8Array, limits = LIMITS): Parts {
  let entries: Map<string, Uint8Array>;
  try {
    entries = readZip(bytes, (name) => WANTED.has(name), limits);
  } catch (err) {
    if (!(err instanceof ZipRefusal)) throw err;
    if (err.reason === "encrypted") {
      throw new UsageError(`"${file}" là tệp Word được đặt mật khẩu (mã hóa) hoặc tệp .doc cũ; hãy mở bằng Word, bỏ mật khẩu và lưu lại dạng .docx`, "DV602");
    }
    if (err.reason === "not-zip") throw new UsageError(`"${file}" không phải tệp DOCX (không phải gói zip của Word): hãy mở báo cáo bằng Word hoặc LibreOffice và lưu lại dạng Word (.docx) rồi nhập tệp đó`, "DV601");
    if (err.reason === "bomb") throw new UsageError(`tệp DOCX "${file}" bị từ chối vì ${err.message} (nghi là "zip bomb"): đây không phải tệp Word bình thường; hãy lấy lại bản báo cáo từ nơi gửi, mở bằng Word, lưu lại rồi nhập lại`, "DV604");
    throw new UsageError(`tệp DOCX "${file}" bị hỏng: ${err.message}. ${REPAIR}`, "DV603");
  }
  const corrupt = (why: string) => new UsageError(`tệp DOCX "${file}" bị hỏng: ${why}. ${REPAIR}`, "DV603");
  const out = new Map<string, string>();
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (const [name, all] of entries) {
    try {
      out.set(name, decoder.decode(all));
    } catch {
      throw corrupt(`mục "${name}" không phải UTF-8`);
    }
  }
  if (!out.has("word/document.xml")) throw corrupt("thiếu phần nội dung word/document.xml");
  return out;
}

/** What a clerk does with a damaged DOCX. */
const REPAIR = "Hãy mở tệp bằng Word hoặc LibreOffice (Word sẽ đề nghị sửa), lưu lại dạng .docx rồi nhập lại; nếu không mở được, lấy lại bản báo cáo từ nơi gửi";

/** Why an archive was refused: each reader says it in its own words (a DOCX for import, a workbook for collect). */
export class ZipRefusal extends Error {
  constructor(
    readonly reason: "encrypted" | "not-zip" | "corrupt" | "bomb",
    message: string,
  ) {
    super(message);
  }
}

/**
 * The entries of a zip archive that `wanted` names, inflated within `limits`; every entry is walked and
 * counted. An OLE compound file (an encrypted Office file, or an old .doc/.xls), anything not a zip, a
 * corrupt archive and a zip bomb are a ZipRefusal, whose message is the Vietnamese detail.
 */
export function readZip(bytes: Uint8Array, wanted: (name: string) => boolean, limits: ZipLimits = LIMITS): Map<string, Uint8Array> {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) throw new ZipRefusal("encrypted", "tệp mã hóa hoặc tệp Office cũ (OLE)");
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) throw new ZipRefusal("not-zip", "không phải gói zip");
  const corrupt = (why: string) => new ZipRefusal("corrupt", why);
  const bomb = (why: string) => new ZipRefusal("bomb", why);
  const chunks = new Map<string, Uint8Array[]>();
  let entries = 0;
  let total = 0;
  const unzip = new Unzip((entry) => {
    if (++entries > limits.entries) throw bomb(`có hơn ${limits.entries} mục`);
    if (!wanted(entry.name)) return;
    if (chunks.has(entry.name)) throw corrupt(`mục "${entry.name}" xuất hiện hai lần`);
    if (entry.compression !== 0 && entry.compression !== 8) throw corrupt(`mục "${entry.name}" nén theo kiểu ${entry.compression} không được hỗ trợ`);
    if (entry.originalSize !== undefined && entry.originalSize > limits.partBytes) {
      throw bomb(`mục "${entry.name}" khai báo ${entry.originalSize} byte khi giải nén`);
    }
    const parts: Uint8Array[] = [];
    chunks.set(entry.name, parts);
    let size = 0;
    entry.ondata = (err, data) => {
      // fflate hands an error thrown here back to this same callback: keep our own as it was.
      if (err && err.message === TOO_LARGE) throw bomb(`mục "${entry.name}" giải nén ra nhiều hơn kích thước khai báo hoặc giới hạn`);
      if (err) throw err instanceof ZipRefusal ? err : corrupt(`không giải nén được "${entry.name}" (${err.message})`);
      size += data.length;
      total += data.length;
      // The declared size is a claim; these counts are what was actually inflated.
      if (size > limits.partBytes || (entry.originalSize !== undefined && size > entry.originalSize)) {
        throw bomb(`mục "${entry.name}" giải nén ra nhiều hơn kích thước khai báo hoặc giới hạn`);
      }
      if (total > limits.totalBytes) throw bomb(`tổng dung lượng giải nén vượt ${limits.totalBytes} byte`);
      parts.push(data);
    };
    entry.start();
  });
  unzip.register(zlibInflate(limits.partBytes));
  try {
    // Fed in slices so that the size checks run between inflations, not after one huge one.
    const step = 64 * 1024;
    for (let at = 0; at < bytes.length; at += step) unzip.push(bytes.subarray(at, Math.min(bytes.length, at + step)), at + step >= bytes.length);
  } catch (err) {
    if (err instanceof ZipRefusal) throw err;
    // fflate's own words ("invalid zip data", "unexpected EOF") stay only as the detail.
    throw corrupt(`gói zip không đọc được, có thể tệp bị cắt cụt hoặc hỏng (${err instanceof Error ? err.message : String(err)})`);
  }
  // The streaming reader stops quietly where the bytes end: an archive cut short (a mail attachment half
  // received) has lost its end record, and perhaps the rest of an entry it skipped or read.
  if (!hasEndRecord(bytes)) throw corrupt("gói zip bị cắt cụt (thiếu phần cuối của tệp)");
  const out = new Map<string, Uint8Array>();
  for (const [name, parts] of chunks) {
    const size = parts.reduce((n, p) => n + p.length, 0);
    const all = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.length;
    }
    out.set(name, all);
  }
  return out;
}

const TOO_LARGE = "danvan: inflated past the allowed size";

/** The end-of-central-directory record, within the last 22 bytes plus the longest comment (65,535). */
function hasEndRecord(bytes: Uint8Array): boolean {
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x05 && bytes[at + 3] === 0x06) return true;
  }
  return false;
}

/** An fflate decoder that inflates with zlib, never past the entry's declared size or the part limit. */
function zlibInflate(partBytes: number) {
  return class ZlibInflate implements UnzipDecoder {
    static readonly compression = 8;
    ondata: AsyncFlateStreamHandler = () => undefined;
    private readonly chunks: Uint8Array[] = [];
    private readonly max: number;

    constructor(_name: string, _size?: number, originalSize?: number) {
      // One byte past what is allowed, so that "more than declared" is seen rather than cut off.
      this.max = Math.min(partBytes, originalSize ?? partBytes) + 1;
    }

    push(chunk: Uint8Array, final: boolean): void {
      this.chunks.push(chunk.slice());
      if (!final) return;
      let out: Buffer;
      try {
        out = inflateRawSync(Buffer.concat(this.chunks), { maxOutputLength: this.max });
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        const flate = Object.assign(new Error(e.code === "ERR_BUFFER_TOO_LARGE" ? TOO_LARGE : e.message), { code: 0 }) as FlateError;
        return this.ondata(flate, new Uint8Array(0), true);
      }
      this.ondata(null, new Uint8Array(out.buffer as ArrayBuffer, out.byteOffset, out.length), true);
    }
  };
}
