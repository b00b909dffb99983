/** Every piece of prose in a report, with the data path it lives at, and the helper calls inside it. */
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
    if (section.heading) sites.push({ section, dataPath: ["heading"], text: section.heading });
    section.body.forEach((block, i) => {
      if (typeof block === "string") sites.push({ section, dataPath: ["body", i], text: block });
      else if ("bullets" in block) block.bullets.forEach((t, j) => sites.push({ section, dataPath: ["body", i, "bullets", j], text: t }));
      else if ("numbered" in block) block.numbered.forEach((t, j) => sites.push({ section, dataPath: ["body", i, "numbered", j], text: t }));
      else sites.push({ section, dataPath: ["body", i, "subheading"], text: block.subheading });
    });
    for (const [id, text] of Object.entries(section.footnotes ?? {})) sites.push({ section, dataPath: ["footnotes", id], text });
  }
  return sites;
}

/** The helper calls of a piece of prose, as render will read them (syntax errors are reported separately). */
export function helperCalls(text: string): Array<{ name: string; id?: string; hash: Record<string, HashValue>; offset: number }> {
  // Exactly one quoted id, as render requires; anything else reads as a call without one.
  return helperCallsOf(text).map((c) => ({
    name: c.name,
    id: c.args.length === 1 && typeof c.args[0] === "string" ? c.args[0] : undefined,
    hash: c.hash,
    offset: c.offset,
  }));
}
