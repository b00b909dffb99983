/** Every piece of prose in a report, with the data path it lives at, and the helper calls inside it. */
import type { Report, Section } from "../model.js";

export interface ProseSite {
  section: Section;
  dataPath: Array<string | number>;
  text: string;
}

export interface HelperCall {
  name: string;
  id?: string;
  hash: Record<string, string>;
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

const CALL = /\{\{\s*([^\s{}"]+)([^{}]*)\}\}/g;

/** A light reading of {{name "id" key=value}}: enough to check references without loading Handlebars. */
export function helperCalls(text: string): HelperCall[] {
  const calls: HelperCall[] = [];
  for (const m of text.matchAll(CALL)) {
    const rest = m[2];
    const id = /^\s*"([^"]*)"/.exec(rest)?.[1];
    const hash: Record<string, string> = {};
    for (const h of rest.matchAll(/(\w+)=("[^"]*"|\S+)/g)) hash[h[1]] = h[2].replace(/^"|"$/g, "");
    calls.push({ name: m[1], id, hash });
  }
  return calls;
}
