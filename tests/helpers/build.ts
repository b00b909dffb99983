import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { buildReport, type OutputFormat } from "../../src/pipeline.js";

export async function buildInTemp(dataRoot: string, year: string, formats: OutputFormat[] = ["docx", "md"]) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-test-"));
  const result = await buildReport({ dataRoot, year, outDir: out, formats: new Set(formats) });
  const file = (ext: string) => result.written.find((w) => w.format === ext)?.file;
  return { out, result, file };
}

/** The DOCX's XML parts by name, as text. */
export function docxParts(file: string): Record<string, string> {
  const files = unzipSync(new Uint8Array(fs.readFileSync(file)));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** Paragraph texts of an XML part, in order (w:t joined per w:p). */
export function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1])).join(""));
}

export function decode(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}
