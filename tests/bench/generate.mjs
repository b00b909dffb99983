/**
 * Synthetic years for the benchmark: data/2021 repeated k times — sections, paragraphs, footnotes,
 * statistics and register rows — with every id, number and citation renamed per copy so the year is valid.
 */
import fs from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";

const ID_HELPERS = /\{\{(fn|n|ratio|pct|doc|docsummary) "([^"]+)"/g;

function suffixPath(p, s) {
  const [id, ...rest] = p.split(".");
  return [`${id}${s}`, ...rest].join(".");
}

function renameProse(text, s) {
  return text.replace(ID_HELPERS, (_m, helper, id) => `{{${helper} "${helper === "doc" || helper === "docsummary" || helper === "fn" ? `${id}${s}` : suffixPath(id, s)}"`);
}

function renameFigures(value, s) {
  if (typeof value === "string") return /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(value) ? suffixPath(value, s) : value;
  if (Array.isArray(value)) return value.map((v) => renameFigures(v, s));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "kind" || k === "label" || k === "unit" ? v : renameFigures(v, s)]));
  return value;
}

function renameBlock(block, s) {
  if (typeof block === "string") return renameProse(block, s);
  return Object.fromEntries(Object.entries(block).map(([k, v]) => [k, Array.isArray(v) ? v.map((t) => renameProse(t, s)) : renameProse(v, s)]));
}

export function generateYear(source, target, copies) {
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.join(target, "sections"), { recursive: true });
  fs.copyFileSync(path.join(source, "report.yaml"), path.join(target, "report.yaml"));
  const register = parse(fs.readFileSync(path.join(source, "documents.yaml"), "utf8"));
  const groups = register.groups.map((g) => ({ ...g, types: g.types.map((t) => ({ ...t, documents: [] })) }));
  const sectionFiles = fs.readdirSync(path.join(source, "sections")).sort();
  for (let c = 0; c < copies; c++) {
    const s = c === 0 ? "" : `-x${c}`;
    register.groups.forEach((g, gi) =>
      g.types.forEach((t, ti) => {
        for (const d of t.documents) {
          groups[gi].types[ti].documents.push({ ...d, id: `${d.id}${s}`, number: c === 0 ? d.number : d.number.replace(/^(\d+)/, (n) => String(Number(n) + 100000 * c)) });
        }
      }),
    );
    for (const name of sectionFiles) {
      const data = parse(fs.readFileSync(path.join(source, "sections", name), "utf8"));
      const out = { ...data, body: data.body.map((b) => renameBlock(b, s)) };
      if (data.heading) out.heading = renameProse(data.heading, s);
      if (data.footnotes) out.footnotes = Object.fromEntries(Object.entries(data.footnotes).map(([k, v]) => [`${k}${s}`, renameProse(v, s)]));
      if (data.statistics) out.statistics = Object.fromEntries(Object.entries(data.statistics).map(([k, v]) => [`${k}${s}`, renameFigures(v, s)]));
      const [, top, rest] = /^(\d+)(.*)$/.exec(name);
      const file = `${String(c * 10 + Number(top)).padStart(4, "0")}${rest.replace(/\.yaml$/, `${s}.yaml`)}`;
      fs.writeFileSync(path.join(target, "sections", file), stringify(out, { lineWidth: 0 }));
    }
  }
  fs.writeFileSync(path.join(target, "documents.yaml"), stringify({ groups }, { lineWidth: 0 }));
  return { sections: sectionFiles.length * copies, registerRows: groups.reduce((n, g) => n + g.types.reduce((m, t) => m + t.documents.length, 0), 0) };
}
