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

/**
 * A year whose one section file is as large as a data file may be (just under `maxBytes`, 4 MiB): every
 * section of data/2021 merged into one and repeated, ids renamed per copy, the register repeated to match.
 * `danvan fmt` then makes it canonical, so `fmt --check` has nothing to rewrite and reads it whole.
 */
export function generateLargeSection(source, target, maxBytes) {
  generateYear(source, target, 1);
  const sectionFiles = fs.readdirSync(path.join(source, "sections")).sort();
  const one = (s) => {
    const out = { level: 1, heading: "Kết quả thực hiện", body: [], footnotes: {}, statistics: {} };
    for (const name of sectionFiles) {
      const data = parse(fs.readFileSync(path.join(source, "sections", name), "utf8"));
      out.body.push(...data.body.map((b) => renameBlock(b, s)));
      if (data.heading) out.body.push({ subheading: renameProse(data.heading, s) });
      for (const [k, v] of Object.entries(data.footnotes ?? {})) out.footnotes[`${k}${s}`] = renameProse(v, s);
      for (const [k, v] of Object.entries(data.statistics ?? {})) out.statistics[`${k}${s}`] = renameFigures(v, s);
    }
    return out;
  };
  const merged = { level: 1, heading: "Kết quả thực hiện", body: [], footnotes: {}, statistics: {} };
  const register = parse(fs.readFileSync(path.join(source, "documents.yaml"), "utf8"));
  const groups = register.groups.map((g) => ({ ...g, types: g.types.map((t) => ({ ...t, documents: [] })) }));
  for (let c = 0; ; c++) {
    const s = c === 0 ? "" : `-x${c}`;
    const part = one(s);
    const next = { ...merged, body: [...merged.body, ...part.body], footnotes: { ...merged.footnotes, ...part.footnotes }, statistics: { ...merged.statistics, ...part.statistics } };
    // Folded, one sentence a line, fmt's layout grows the text a little: a margin keeps it under the limit.
    if (Buffer.byteLength(stringify(next, { lineWidth: 0 })) > maxBytes * 0.93) break;
    Object.assign(merged, next);
    register.groups.forEach((g, gi) =>
      g.types.forEach((t, ti) => {
        for (const d of t.documents) groups[gi].types[ti].documents.push({ ...d, id: `${d.id}${s}`, number: c === 0 ? d.number : d.number.replace(/^(\d+)/, (n) => String(Number(n) + 100000 * c)) });
      }),
    );
  }
  fs.rmSync(path.join(target, "sections"), { recursive: true, force: true });
  fs.mkdirSync(path.join(target, "sections"));
  fs.writeFileSync(path.join(target, "sections", "01-ket-qua.yaml"), stringify(merged, { lineWidth: 0 }));
  fs.writeFileSync(path.join(target, "documents.yaml"), stringify({ groups }, { lineWidth: 0 }));
  return { bytes: fs.statSync(path.join(target, "sections", "01-ket-qua.yaml")).size };
}
