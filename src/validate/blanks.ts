/**
 * A draft year's empty places (`danvan new` leaves every figure, every register entry and the report's
 * number and date empty). Each is stood in for by a neutral value that passes the schema, so the rest of the
 * year is validated and checked in the same run; check/blanks.ts reports the blanks and drops what the rules
 * found about the stand-ins.
 */
import type { FileKind } from "../model/index.js";

export type BlankKind = "figure" | "document" | "identity";

export interface Blank {
  kind: BlankKind;
  file: string;
  /** Where the empty value is. */
  path: Array<string | number>;
  /** The statistic, register entry or identity field the blank belongs to: rules say nothing under it. */
  owner: Array<string | number>;
  /** What is to be filled, in the clerk's words. */
  what: string;
  /** The same, short, for the checklist's one line: `số liệu "…"`, `Kế hoạch 15-kh-tu`, `số ký hiệu của báo cáo`. */
  name: string;
  /** For a figure inside a statistic with a label: which of its parts (`2022.cap-tinh`). */
  part?: string;
  /** For a figure: its path as prose cites it (`don.to-cao`). */
  figure?: string;
  /** For a register entry: which of number, date, summary are empty. */
  fields?: string[];
  /** Citation keys (`fig:id`, `fig:id.part`, `doc:id`) whose sentences name this blank. */
  cites: string[];
  /** A figure summed from the units, not complete yet: the units' own findings (DV744–DV746) say why. */
  collected?: boolean;
}

/** Stand-ins that pass the schema and keep arithmetic defined (no zero denominators). */
const FIGURE_STAND_IN = 1;
/** After any real date, so no filled-in document reads as dated after the report. */
const REPORT_DATE_STAND_IN = "9999-12-31";
const DOCUMENT_DATE_STAND_IN = "1900-01-01";
const TEXT_STAND_IN = "(chưa điền)";

const IDENTITY_FIELDS: Record<string, string> = {
  number: "số và ký hiệu của báo cáo (number)",
  date: "ngày ban hành của báo cáo (date, dạng YYYY-MM-DD)",
  place: "địa danh (place)",
  superior: "cơ quan cấp trên (superior)",
};

/** The report's own fields as the summary names them: "còn … số ký hiệu và ngày ký của báo cáo cần điền". */
export const IDENTITY_NAMES: Record<string, string> = { number: "số ký hiệu", date: "ngày ký", place: "địa danh", superior: "cơ quan cấp trên" };

const STAT_FIXED_KEYS = new Set(["kind", "label", "unit", "decimals", "stated", "from", "groups", "labels"]);

/** The file's value with each blank stood in for, and the blanks; a value with no blanks is returned as is. */
export function fillBlanks(kind: FileKind, file: string, value: unknown): { value: unknown; blanks: Blank[] } {
  if (!isObject(value) || !hasNull(value)) return { value, blanks: [] };
  // Only a file with an empty value is copied: a finished year is checked as read, at no cost.
  const blanks: Blank[] = [];
  const copy = structuredClone(value) as Record<string, unknown>;
  if (kind === "report") {
    for (const [key, what] of Object.entries(IDENTITY_FIELDS)) {
      if (Object.hasOwn(copy, key) && copy[key] === null) {
        copy[key] = key === "date" ? REPORT_DATE_STAND_IN : TEXT_STAND_IN;
        blanks.push({ kind: "identity", file, path: [key], owner: [key], what: `chưa điền ${what}`, name: what, cites: [] });
      }
    }
  } else if (kind === "section") {
    // An indicator table's previous value left empty by `new` (no folder for the same period last year).
    (Array.isArray(copy.body) ? copy.body : []).forEach((block: unknown, i) => {
      const rows = isObject(block) && Array.isArray(block.indicators) ? block.indicators : [];
      rows.forEach((row: unknown, j) => {
        if (!isObject(row) || row.previous !== null) return;
        row.previous = FIGURE_STAND_IN;
        const figure = typeof row.figure === "string" ? row.figure : "";
        const path = ["body", i, "indicators", j, "previous"];
        blanks.push({ kind: "figure", file, path, owner: path, figure: `${figure}@cung-ky`, what: `chưa điền số liệu cùng kỳ năm trước của "${figure}" (previous, bảng chỉ tiêu)`, name: `số liệu cùng kỳ năm trước của "${figure}" (previous)`, cites: [] });
      });
    });
  }
  if (kind === "section" && isObject(copy.statistics)) {
    for (const [id, stat] of Object.entries(copy.statistics)) {
      if (!isObject(stat)) continue;
      const label = typeof stat.label === "string" ? stat.label : undefined;
      for (const [key, v] of Object.entries(stat)) {
        if (STAT_FIXED_KEYS.has(key)) continue;
        walkNulls(v, [key], (rel, set) => {
          set(FIGURE_STAND_IN);
          const figurePath = [id, ...rel.filter((s) => s !== "parts" && s !== "values" && s !== "value")].join(".");
          // A citation of the whole (`don`, `giam-sat.2021`) prints this part too.
          const segs = figurePath.split(".");
          const cites = segs.map((_s, i) => `fig:${segs.slice(0, segs.length - i).join(".")}`);
          const named = label ? `"${label}" (${figurePath})` : `"${figurePath}"`;
          const collected = stat.from === "units" || undefined;
          blanks.push({ kind: "figure", file, path: ["statistics", id, ...rel], owner: ["statistics", id], figure: figurePath, what: `chưa điền số liệu ${named}`, name: label ? `số liệu "${label}"` : `số liệu ${figurePath}`, part: label && figurePath !== id ? figurePath.slice(id.length + 1) : undefined, cites, collected });
        }, (nv) => (stat[key] = nv));
      }
    }
  } else if (kind === "documents" && Array.isArray(copy.groups)) {
    copy.groups.forEach((g: unknown, gi) => {
      if (!isObject(g) || !Array.isArray(g.types)) return;
      g.types.forEach((t: unknown, ti) => {
        if (!isObject(t) || !Array.isArray(t.documents)) return;
        t.documents.forEach((d: unknown, di) => {
          if (!isObject(d)) return;
          const missing = (["number", "date", "summary"] as const).filter((k) => Object.hasOwn(d, k) && d[k] === null);
          if (missing.length === 0) return;
          const owner = ["groups", gi, "types", ti, "documents", di];
          if (d.number === null) d.number = `${TEXT_STAND_IN} ${gi}.${ti}.${di}`;
          if (d.date === null) d.date = DOCUMENT_DATE_STAND_IN;
          if (d.summary === null) d.summary = TEXT_STAND_IN;
          const names = { number: "số ký hiệu", date: "ngày", summary: "trích yếu" };
          const id = typeof d.id === "string" ? d.id : "";
          const type = typeof t.type === "string" ? t.type : "văn bản";
          const issuer = typeof g.issuer === "string" ? `, nhóm "${g.issuer}"` : "";
          blanks.push({
            kind: "document",
            file,
            path: [...owner, missing[0]],
            owner,
            fields: missing,
            what: `chưa điền văn bản: ${type}${issuer}${id ? ` (mã ${id})` : ""} — còn thiếu ${missing.map((k) => names[k]).join(", ")}`,
            name: missing.length === 3 ? `văn bản ${type}${id ? ` ${id}` : ""}` : `${missing.map((k) => names[k]).join(", ")} của ${type}${id ? ` ${id}` : ""}`,
            cites: id ? [`doc:${id}`] : [],
          });
        });
      });
    });
  }
  return blanks.length ? { value: copy, blanks } : { value, blanks };
}

function hasNull(v: unknown): boolean {
  if (v === null) return true;
  if (Array.isArray(v)) return v.some(hasNull);
  return isObject(v) && Object.values(v).some(hasNull);
}

function walkNulls(v: unknown, rel: Array<string | number>, found: (rel: Array<string | number>, set: (x: unknown) => void) => void, set: (x: unknown) => void): void {
  if (v === null) return found(rel, set);
  if (isObject(v)) for (const [k, x] of Object.entries(v)) walkNulls(x, [...rel, k], found, (nv) => (v[k] = nv));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
