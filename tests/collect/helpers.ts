/**
 * The fictional province's data root copied to a temp folder, its templates made by danvan, and filled by
 * openpyxl (tests/collect/fill.py, Debian's python3-openpyxl) as a unit's clerk would fill them.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runCli } from "../helpers/run-cli.js";

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURE = path.join(here, "../fixtures/collect");
export const FILL = path.join(here, "fill.py");

export interface Fill {
  values?: Record<string, number | string | null | { formula: string; cached?: number | null }>;
  rename_sheet?: string;
  sort_rows?: boolean;
  edit?: Record<string, string | number>;
  header?: { unit?: string; period?: string; template?: string };
  unprotect?: boolean;
}

/** What each unit of the fictional province reports for 2022 (the typed fixture holds the sums). */
export const FILLS: Record<string, Fill> = {
  "xa-phu-hai": { values: { "don-thu.khieu-nai": 12, "don-thu.to-cao": "1.611", "gq-khieu-nai.part": { formula: "=5+5", cached: 10 }, "hoi-nghi": 3, "mo-hinh.2022-h1": 1, "mo-hinh.2022-h2": 0, "dong-gop": "1,5" } },
  "xa-lam-son": { values: { "don-thu.khieu-nai": 20, "don-thu.to-cao": 5, "gq-khieu-nai.part": 18, "hoi-nghi": 4, "mo-hinh.2022-h1": 2, "mo-hinh.2022-h2": 3, "dong-gop": 2.5 }, sort_rows: true, unprotect: true },
  "phuong-an-lac": { values: { "don-thu.khieu-nai": "31", "don-thu.to-cao": 2, "gq-khieu-nai.part": 30, "hoi-nghi": 6, "mo-hinh.2022-h1": 1, "mo-hinh.2022-h2": 1, "dong-gop": 0.5 }, rename_sheet: "Phường An Lạc" },
  "xa-tan-phong": { values: { "don-thu.khieu-nai": 8, "don-thu.to-cao": 0, "gq-khieu-nai.part": 8, "hoi-nghi": 2, "mo-hinh.2022-h1": 0, "mo-hinh.2022-h2": 2, "dong-gop": 1 } },
  "so-noi-vu": { values: { "don-thu.khieu-nai": 7, "don-thu.to-cao": 1, "gq-khieu-nai.part": 7 } },
  "so-tai-chinh": { values: { "don-thu.khieu-nai": 4, "don-thu.to-cao": 0, "gq-khieu-nai.part": 3 } },
  "thanh-tra-tinh": { values: { "don-thu.khieu-nai": 40, "don-thu.to-cao": 12, "gq-khieu-nai.part": 35 } },
};
/** xa-hoa-binh's workbook is the one LibreOffice Calc saved (fixtures/collect/calc/make-calc.sh). */
export const CALC_WORKBOOK = path.join(FIXTURE, "calc/xa-hoa-binh.xlsx");

export function tmp(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface Province {
  dir: string;
  data: string;
  /** The templates danvan wrote. */
  mau: string;
  /** Where the filled workbooks go, as received by e-mail. */
  inbox: string;
}

export async function province(): Promise<Province> {
  const dir = tmp("danvan-collect-");
  const data = path.join(dir, "data");
  fs.cpSync(path.join(FIXTURE, "data"), data, { recursive: true });
  const mau = path.join(dir, "mau");
  const r = await runCli("collect", "template", "2022", "--data", data, "--out", mau);
  if (r.code !== 0) throw new Error(`collect template failed: ${r.stderr}`);
  const inbox = path.join(dir, "nhan-ve");
  fs.mkdirSync(inbox);
  return { dir, data, mau, inbox };
}

/** Fills `code`'s template into the inbox (as `name`, default `<code>.xlsx`); returns the filled file. */
export function fill(p: Province, code: string, spec: Fill, name = `${code}.xlsx`): string {
  const out = path.join(p.inbox, name);
  execFileSync("/usr/bin/python3", [FILL, path.join(p.mau, `${code}.xlsx`), out, JSON.stringify(spec)]);
  return out;
}

/** Every unit's workbook filled, xa-hoa-binh's from Calc. */
export function fillAll(p: Province): string[] {
  const files = Object.entries(FILLS).map(([code, spec]) => fill(p, code, spec));
  const calc = path.join(p.inbox, "xa-hoa-binh.xlsx");
  fs.copyFileSync(CALC_WORKBOOK, calc);
  return [...files, calc];
}
