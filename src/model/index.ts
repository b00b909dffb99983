/** The typed Report every stage after validation reads, and the data files it is read from. Shapes mirror schemas/*.json. */
import { createRequire } from "node:module";
import type { Document, LineCounter, Node } from "yaml";
import type { Position } from "../diagnostics.js";
import type { FreeKind, Period, PeriodKind, Window } from "./period.js";
import type { UnitReport, UnitsFile } from "./units.js";
import { positionInScalar } from "./text-position.js";

export type Profile = "party" | "state";

export interface Identity {
  profile: Profile;
  /** The superior body's line; a unit with none (a district UBND) leaves it out. */
  superior?: string;
  /** `name` is one header line, or several (`ỦY BAN NHÂN DÂN` / `HUYỆN ĐỨC AN`). */
  issuer: { name: string | string[]; fullName: string };
  number: string;
  place: string;
  /** ISO date YYYY-MM-DD. */
  date: string;
  type: string;
  title: string[];
  /** The years the report speaks for (one year: from = to), its kind and window when stated. */
  period: { kind?: PeriodKind; from: number; to: number; window?: Window };
  format?: { zeroPadCounts?: boolean; numbering?: { level1?: string; level2?: string; items?: string } };
  /** `authority`: one line, or several (`TM. ỦY BAN NHÂN DÂN` / `KT. CHỦ TỊCH`). */
  signer: { authority?: string | string[]; title: string; name: string };
  /** `filing`: the "Lưu …" line that closes the list, when the report has one. */
  recipients: { list: string[]; filing?: string; note?: { text: string; first: number } };
  /**
   * How the appendix register is headed and, when the office prints it otherwise than danvan's four
   * columns, its columns in order (profile.ts `registerLayout`); `typeRows: false` prints no row per type
   * (the type is then in no cell but the number's code). A year without documents.yaml prints no appendix.
   */
  appendix?: { heading: string; title?: string[]; columns?: RegisterColumnSpec[]; typeRows?: boolean };
}

/**
 * What a register column shows: the row's number (tt), "Kế hoạch số / 3111/KH-UBND" (citation), the type
 * or the number alone, the date (`shortYear`: 25/12/23), the summary, the issuing body, the entry's note.
 */
export type RegisterColumnRole = "tt" | "citation" | "type" | "number" | "date" | "summary" | "issuer" | "note";

export interface RegisterColumnSpec {
  role: RegisterColumnRole;
  /** The column's heading as printed. */
  label: string;
  shortYear?: boolean;
}

/** A number, or a dotted path to another figure of the same year. */
export type Figure = number | string;

export interface Parts {
  [key: string]: Figure;
}

/** A statistic summed from the units' reports (`from: units`), and the groups of units it comes from. */
export interface Collected {
  from?: "units";
  groups?: string[];
}

export type Statistic =
  | ({ kind: "count"; label?: string; unit?: string; value: Figure; decimals?: number } & Collected)
  | ({ kind: "breakdown"; label?: string; unit?: string; parts: Parts; stated?: number; decimals?: number; labels?: Record<string, string> } & Collected)
  | ({ kind: "ratio"; label?: string; unit?: string; part: Figure; whole: Figure; decimals?: number; stated?: number } & Collected)
  | { kind: "percent"; label?: string; unit?: string; value: number; decimals?: number }
  | ({
      kind: "series";
      label?: string;
      unit?: string;
      values: { [year: string]: Figure | { parts: Parts; stated?: number } };
      stated?: number;
      /** Figures with decimals (money in tỷ đồng, hectares): summed exactly and printed at this many. */
      decimals?: number;
      /** The parts' names, for the units' templates. */
      labels?: Record<string, string>;
    } & Collected);

/**
 * A table of one collected statistic by unit or by group of units: its rows come from data/units.yaml and
 * the units' files, its total row is computed (src/collect/table.ts).
 */
export interface FigureTableBlock {
  statistic: string;
  by: "unit" | "group";
  groups?: string[];
  title?: string;
}

/** A row of the indicator table: a figure path, or one with its label, unit and previous value stated. */
export type Indicator = string | { figure: string; label?: string; unit?: string; previous?: number };

export type Block = string | { bullets: string[] } | { numbered: string[] } | { subheading: string } | { indicators: Indicator[] } | { table: FigureTableBlock };

export interface SectionData {
  level: 0 | 1 | 2;
  heading?: string;
  body: Block[];
  footnotes?: Record<string, string>;
  statistics?: Record<string, Statistic>;
}

export interface Section extends SectionData {
  /** Data file the section came from, relative to the data root's parent as the user named it. */
  file: string;
}

export interface RegisterDocument {
  id: string;
  number: string;
  /** Left out when the signed register prints no real date (`14/3/20218`): the appendix shows a blank. */
  date?: string;
  summary: string;
  /** The register's "Ghi chú": its own column where the layout has one, else after the summary in brackets. */
  note?: string;
}

export interface RegisterType {
  type: string;
  heading?: string;
  documents: RegisterDocument[];
}

export interface RegisterGroup {
  issuer: string;
  symbols?: string[];
  types: RegisterType[];
}

export interface Register {
  groups: RegisterGroup[];
}

export interface Report {
  /** The period folder's id as typed (`2021`, `2022-h1`): what output files are named by. */
  year: string;
  /** The report's period: kind and index from its folder, window as report.yaml or its series says. */
  period: Period;
  /** The series folder ("" for periods directly in the data root). */
  series: string;
  /** The series' cut-off day (series.yaml `window.endDay`, else 14): what the windows of its series keys end on. */
  endDay: number;
  /** Data files as the user named them, for diagnostics about the identity and the register. */
  identityFile: string;
  /** Where documents.yaml is, or would be: a year without it has no groups in its register and no appendix. */
  registerFile: string;
  identity: Identity;
  sections: Section[];
  register: Register;
  /** The units and what each reported, in a year that collects figures from them (data/units.yaml valid). */
  units?: CollectedUnits;
}

export interface CollectedUnits {
  /** data/units.yaml as the user named it. */
  file: string;
  list: UnitsFile;
  period: string;
  /** The units' reports that are summed: valid, for this period, of a unit expected in it. */
  reports: ReadonlyMap<string, UnitReport>;
}

/** `units`: data/units.yaml, the units that report figures; `unit`: one unit's figures for a period (data/<period>/units/<code>.yaml). */
export type FileKind = "report" | "documents" | "section" | "series" | "units" | "unit";

export type { FreeKind };

/** The YAML library, loaded by the commands that read data only. */
let yamlLib: typeof import("yaml") | undefined;
export function yamlLibrary(): typeof import("yaml") {
  yamlLib ??= createRequire(import.meta.url)("yaml") as typeof import("yaml");
  return yamlLib;
}

/** Where every node of a file starts: data path (segments joined by NUL) → [line, col, keyLine, keyCol]. */
export type PositionIndex = Record<string, [number, number, number, number]>;

/** A data file: its value, and — parsed only when a position is needed — its YAML tree and line index. */
export class RawFile {
  private parsed?: { doc: Document; lines: LineCounter };

  constructor(
    readonly kind: FileKind,
    /** Path as shown to the user (data root as given + year + relative path). */
    readonly file: string,
    readonly text: string,
    readonly value: unknown,
    parsed?: { doc: Document; lines: LineCounter },
    /** Node positions by data path, kept instead of the YAML tree of a file that read cleanly. */
    readonly positions?: PositionIndex,
  ) {
    this.parsed = parsed;
  }

  get doc(): Document {
    return this.tree().doc;
  }

  get lines(): LineCounter {
    return this.tree().lines;
  }

  /**
   * Where a data path points in the file: the value node, or its key when `key` is set (an unknown key is
   * reported at the key itself); with `offset`, that character of the string value there. Walks up to the
   * nearest node that exists.
   */
  locate(dataPath: ReadonlyArray<string | number>, key = false, offset?: number): Position {
    if (offset !== undefined && offset >= 0) {
      let v: unknown = this.value;
      for (const seg of dataPath) v = v && typeof v === "object" ? (v as Record<string, unknown>)[String(seg)] : undefined;
      if (typeof v === "string") return positionInScalar(this.text, this.locate(dataPath), v, offset);
    }
    if (this.positions) {
      for (let n = dataPath.length; n >= 0; n--) {
        const hit = this.positions[dataPath.slice(0, n).map(String).join("\0")];
        if (hit) return key && n === dataPath.length ? { line: hit[2], col: hit[3] } : { line: hit[0], col: hit[1] };
      }
    }
    const { isMap, isSeq, isScalar } = yamlLibrary();
    let node: Node | null | undefined = this.doc.contents as Node | null;
    let best: Node | null | undefined = node;
    let keyNode: Node | null = null;
    for (const seg of dataPath) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        keyNode = pair.key as Node;
        node = pair.value as Node | null;
        best = node ?? keyNode;
      } else if (isSeq(node)) {
        node = node.items[Number(seg)] as Node | null;
        keyNode = null;
        if (!node) break;
        best = node;
      } else break;
    }
    const target = key && keyNode ? keyNode : best;
    return this.lines.linePos(target?.range?.[0] ?? 0);
  }

  private tree(): { doc: Document; lines: LineCounter } {
    if (!this.parsed) {
      const lines = new (yamlLibrary().LineCounter)();
      // No uniqueKeys: the file was read (and its duplicates reported) at load; this is only for positions.
      this.parsed = { doc: yamlLibrary().parseDocument(this.text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false }), lines };
    }
    return this.parsed;
  }
}

/** Where a data path of a file starts, for diagnostics: what check rules and render are given. */
/** Where a data path is in its file; with `offset`, where that character of the string value there is. */
export type Locate = (file: string, dataPath: ReadonlyArray<string | number>, offset?: number) => Position;

/** Another period of the report's series, as `{{n "id" period=…}}` and the indicator table read it. */
export type OtherPeriod =
  | { ok: true; report: Report; statistics: import("./statistics.js").Statistics }
  /** `missing`: the series has no folder for it; else its data does not read or validate. */
  | { ok: false; missing: boolean; message: string };

/** Finds (and reads once) another period of the series; the pipeline makes it, check and render ask it. */
export type OtherPeriods = (period: import("./period.js").Period) => OtherPeriod;
