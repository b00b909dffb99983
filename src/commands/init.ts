/**
 * `danvan init [dir]`: a data folder for a fresh install, holding the sample year the package ships
 * (data/2021, the signed 2021 report) with schema links that resolve from where the folder is.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { UsageError } from "../diagnostics.js";
import { command } from "../text/command.js";
import type { FileKind } from "../model/index.js";
import { guessRoot, nestedInitHint, periodsIn } from "../load/root-guess.js";
import { withSchemaModeline } from "./schema-link.js";
import { makeFolder } from "../write/atomic.js";

/** The sample years shipped in the package (`files` in package.json). */
export const SAMPLE_ROOT = fileURLToPath(new URL("../../data/", import.meta.url));

export interface InitResult {
  years: string[];
  written: string[];
}

function kindOf(rel: string): FileKind | undefined {
  if (rel === "report.yaml") return "report";
  if (rel === "documents.yaml") return "documents";
  return /^sections[\\/][^\\/]+\.yaml$/.test(rel) ? "section" : undefined;
}

export function initData(dir: string, sampleRoot = SAMPLE_ROOT): InitResult {
  const years = fs.existsSync(sampleRoot) ? fs.readdirSync(sampleRoot).filter((n) => /^\d{4}$/.test(n)).sort() : [];
  if (years.length === 0) throw new UsageError(`bản cài đặt này không có năm mẫu (${sampleRoot})`, "DV520");
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UsageError(`"${dir}" đã tồn tại và không phải là thư mục`, "DV005");
  // `danvan init` run inside data/ (or a year) would make data/data/2021, a root no command reads.
  const around = periodsIn(dir).length ? undefined : guessRoot(dir);
  if (around?.where === "above") {
    throw new UsageError(nestedInitHint(around, dir), "DV020");
  }
  const clash = years.filter((y) => fs.existsSync(path.join(dir, y)));
  if (clash.length) throw new UsageError(`"${dir}" đã có năm ${clash.join(", ")}; ${command("init")} không ghi đè`, "DV010");
  try {
    // One level at a time: Node's recursive mkdirSync never returns for some paths (under /proc).
    makeFolder(dir);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`không tạo được thư mục "${dir}"`, "DV006");
  }
  const written: string[] = [];
  for (const year of years) {
    const target = path.join(dir, year);
    // Copied beside the target, then renamed: a failure leaves no half-made year.
    const staging = fs.mkdtempSync(path.join(dir, `.${year}-`));
    try {
      const files = fs.readdirSync(path.join(sampleRoot, year), { recursive: true }).map(String).sort();
      for (const rel of files) {
        const from = path.join(sampleRoot, year, rel);
        if (fs.statSync(from).isDirectory()) continue;
        const kind = kindOf(rel);
        if (!kind) continue;
        const out = path.join(staging, rel);
        fs.mkdirSync(path.dirname(out), { recursive: true });
        fs.writeFileSync(out, withSchemaModeline(fs.readFileSync(from, "utf8"), path.join(target, rel), kind));
        written.push(path.join(target, rel));
      }
      fs.renameSync(staging, target);
    } catch (err) {
      fs.rmSync(staging, { recursive: true, force: true });
      throw err;
    }
  }
  return { years, written };
}
