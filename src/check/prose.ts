/**
 * Every piece of prose in a report, with the data path it lives at, and the helper calls inside it.
 * Prose — paragraphs, bullets, numbered paragraphs, subheadings, footnotes — is where helpers work;
 * every other string (headings, the identity, the register, labels) is printed literally.
 */
import type { Report, Section } from "../model/index.js";
import { helperCallsOf, type HashValue } from "../model/prose-syntax.js";

export interface ProseSite {
  section: Section;
  dataPath: Array<string | number>;
  text: string;
}

export function proseSites(report: Report): ProseSite[] {
  const sites: ProseSite[] = [];
  for (const section of report.sections) {
    section.body.forEach((block, i) => {
      if (typeof block === "string") sites.push({ section, dataPath: ["body", i], text: block });
      else if ("bullets" in block) block.bullets.forEach((t, j) => sites.push({ section, dataPath: ["body", i, "bullets", j], text: t }));
      else if ("numbered" in block) block.numbered.forEach((t, j) => sites.push({ section, dataPath: ["body", i, "numbered", j], text: t }));
      else if ("subheading" in block) sites.push({ section, dataPath: ["body", i, "subheading"], text: block.subheading });
      // A figure table's and an indicator table's cells are figures and the units' names, never prose.
    });
    for (const [id, text] of Object.entries(section.footnotes ?? {})) sites.push({ section, dataPath: ["footnotes", id], text });
  }
  return sites;
}

/** The helper calls of a piece of prose, as render will read them (syntax errors are reported separately). */
export function helperCalls(text: string): Array<{ name: string; id?: string; args: number; hash: Record<string, HashValue>; offset: number; hashOffsets: Record<string, number> }> {
  // Exactly one quoted id, as render requires; anything else reads as a call without one.
  return helperCallsOf(text).map((c) => ({
    name: c.name,
    id: c.args.length === 1 && typeof c.args[0] === "string" ? c.args[0] : undefined,
    args: c.args.length,
    hash: c.hash,
    offset: c.offset,
    hashOffsets: c.hashOffsets,
  }));
}

export interface LiteralSite {
  file: string;
  dataPath: Array<string | number>;
  text: string;
}

/** Every string of the data that is not prose: printed exactly as written. */
export function literalSites(report: Report): LiteralSite[] {
  const out: LiteralSite[] = [];
  const walk = (file: string, v: unknown, dataPath: Array<string | number>) => {
    if (typeof v === "string") out.push({ file, dataPath, text: v });
    else if (Array.isArray(v)) v.forEach((x, i) => walk(file, x, [...dataPath, i]));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(file, x, [...dataPath, k]);
  };
  walk(report.identityFile, report.identity, []);
  walk(report.registerFile, report.register, []);
  for (const s of report.sections) {
    if (s.heading) out.push({ file: s.file, dataPath: ["heading"], text: s.heading });
    // An indicator table's labels and units are printed as written.
    s.body.forEach((b, i) => {
      if (typeof b === "object" && "indicators" in b) walk(s.file, b.indicators, ["body", i, "indicators"]);
    });
    walk(s.file, s.statistics ?? {}, ["statistics"]);
  }
  return out;
}
