/** Figures by id: what a path like `giam-sat.2019.cap-tinh` means, and what can be derived from the parts. */
import type { Figure, Parts, Report, Statistic } from "./index.js";

export interface StatEntry {
  id: string;
  stat: Statistic;
  file: string;
}

/** A figure that cannot be given; `code` is the diagnostic `check` reports it with. */
export class FigureError extends Error {
  constructor(
    message: string,
    readonly code = "DV315",
  ) {
    super(message);
  }
}

/** What a number slot of a statistic holds. */
export type SlotRole = "figure" | "total" | "rate" | "percent";

export interface FigureSlot {
  /** Keys from the statistic down to the slot: ["parts", "khieu-nai"], ["values", "2019", "stated"]. */
  dataPath: string[];
  /** The path a citation gives for the number (`id.khieu-nai`, `id.2019`); a ratio's stated rate is `id.rate`. */
  figurePath: string;
  /**
   * figure: a number or a path to another figure (parts, values, count value, ratio part/whole);
   * total: a stated total; rate: a ratio's stated percentage; percent: a percent statistic's value.
   */
  role: SlotRole;
  /** As the data holds it: a number, a path, or whatever an unvalidated file has there. */
  value: unknown;
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/**
 * The one reading of a statistic's shape: every slot that holds a number, in data order, with where it is
 * and the path a citation gives it. check, diff and new read statistics through this, so a new shape is
 * added here once. Works on unvalidated values too (it reads only the keys each shape defines).
 */
export function figureSlots(id: string, stat: unknown): FigureSlot[] {
  const s = obj(stat);
  const ratio = s.kind === "ratio";
  const out: FigureSlot[] = [];
  const parts = (parts: unknown, dataPath: string[], prefix: string) => {
    for (const [k, v] of Object.entries(obj(parts))) out.push({ dataPath: [...dataPath, k], figurePath: `${prefix}.${k}`, role: "figure", value: v });
  };
  for (const [key, v] of Object.entries(s)) {
    if (key === "parts") parts(v, ["parts"], id);
    else if (key === "part" || key === "whole") out.push({ dataPath: [key], figurePath: `${id}.${key}`, role: "figure", value: v });
    else if (key === "value") out.push({ dataPath: [key], figurePath: id, role: s.kind === "percent" ? "percent" : "figure", value: v });
    else if (key === "stated") out.push({ dataPath: [key], figurePath: ratio ? `${id}.rate` : id, role: ratio ? "rate" : "total", value: v });
    else if (key === "values") {
      for (const [year, y] of Object.entries(obj(v))) {
        if (y && typeof y === "object" && !Array.isArray(y)) {
          for (const [k, w] of Object.entries(y)) {
            if (k === "parts") parts(w, ["values", year, "parts"], `${id}.${year}`);
            else if (k === "stated") out.push({ dataPath: ["values", year, "stated"], figurePath: `${id}.${year}`, role: "total", value: w });
          }
        } else out.push({ dataPath: ["values", year], figurePath: `${id}.${year}`, role: "figure", value: y });
      }
    }
  }
  return out;
}

/** Decimals a statistic's own figures may carry: 0 (a count of things) unless it declares them. */
export function figureDecimals(stat: Statistic | unknown): number {
  const s = obj(stat);
  const own = s.kind === "count" || s.kind === "breakdown" || s.kind === "series";
  return own && typeof s.decimals === "number" ? s.decimals : 0;
}

/**
 * Decimals a number in a slot may carry: a figure or a stated total its statistic's own decimals, a stated
 * rate or a percent the decimals the rate is printed at. The one reading `check` and `render` share.
 */
export function slotDecimals(stat: Statistic | unknown, role: SlotRole): number {
  if (role === "figure" || role === "total") return figureDecimals(stat);
  const d = obj(stat).decimals;
  return typeof d === "number" ? d : 0;
}

/** `value` has at most `d` decimals (binary artefacts aside: 0.1 + 0.2 has one). */
export function fitsDecimals(value: number, d: number): boolean {
  const scaled = value * 10 ** d;
  return Math.abs(scaled - Math.round(scaled)) <= 1e-6 * Math.max(1, Math.abs(Math.round(scaled)));
}

/** What DV372 says, wherever a number meets decimals it does not fit: in its own slot or through a path. */
export function decimalsMessage(figurePath: string, value: number, d: number, role: SlotRole = "figure"): string {
  const what = role === "rate" || role === "percent" ? "tỷ lệ này" : "số liệu này";
  const fix = d === 0 ? "là số nguyên; số liệu có phần thập phân thì ghi decimals: n" : `có tối đa ${d} chữ số thập phân (decimals: ${d})`;
  return `"${figurePath}": ${String(value)} có nhiều chữ số thập phân hơn khai báo (khi in sẽ bị làm tròn); ${what} cần ${fix}`;
}

const MAX = Number.MAX_SAFE_INTEGER;

/** Raised past MAX_REFERENCE_DEPTH: it says where the walk stopped, not what the path is worth. */
export class DepthError extends FigureError {}

/** A chain of figures each naming the next; real data has two or three steps, hostile data thousands. */
export const MAX_REFERENCE_DEPTH = 64;

export class Statistics {
  readonly byId = new Map<string, StatEntry>();
  /**
   * Every path's value (or the error it raises) once computed: parts that name the same figure twice would
   * otherwise double the work at each step of a chain. An error that depends on the depth reached is not kept.
   */
  private readonly memo = new Map<string, number | FigureError>();

  constructor(report: Report) {
    for (const section of report.sections) {
      for (const [id, stat] of Object.entries(section.statistics ?? {})) {
        if (!this.byId.has(id)) this.byId.set(id, { id, stat, file: section.file });
      }
    }
  }

  entry(id: string): StatEntry {
    const e = this.byId.get(id);
    if (!e) throw new FigureError(`không có số liệu "${id}"`);
    return e;
  }

  /**
   * Decimals the figure at a path is printed with: its statistic's declared decimals (0 for counts); a
   * ratio's part or whole, those of the figure it names (a literal part or whole is a count).
   */
  decimals(path: string, depth = 0): number {
    const [id, ...rest] = path.split(".");
    const { stat } = this.entry(id);
    if (stat.kind === "ratio" && rest.length === 1 && (rest[0] === "part" || rest[0] === "whole")) {
      const named = stat[rest[0]];
      return typeof named === "string" && depth < MAX_REFERENCE_DEPTH ? this.decimals(named, depth + 1) : 0;
    }
    return figureDecimals(stat);
  }

  /** The number a path stands for; a breakdown or series stands for its total (as stated, else derived). */
  value(path: string, visiting: Set<string> = new Set()): number {
    const known = this.memo.get(path);
    if (known instanceof FigureError) throw known;
    if (known !== undefined) return known;
    if (visiting.has(path)) throw new FigureError(`số liệu "${path}" tham chiếu vòng tròn`, "DV373");
    if (visiting.size >= MAX_REFERENCE_DEPTH) throw new DepthError(`số liệu "${path}": chuỗi tham chiếu quá dài (hơn ${MAX_REFERENCE_DEPTH} bước)`);
    visiting.add(path);
    try {
      const v = this.compute(path, visiting);
      this.memo.set(path, v);
      return v;
    } catch (err) {
      if (err instanceof FigureError && !(err instanceof DepthError)) this.memo.set(path, err);
      throw err;
    } finally {
      visiting.delete(path);
    }
  }

  private compute(path: string, visiting: Set<string>): number {
    {
      const [id, ...rest] = path.split(".");
      const { stat } = this.entry(id);
      const d = figureDecimals(stat);
      const at = (f: Figure) => this.scaled(this.figure(f, visiting), d, path) / 10 ** d;
      switch (stat.kind) {
        case "count":
          this.noMore(path, rest, 0);
          return at(stat.value);
        case "percent":
          this.noMore(path, rest, 0);
          return stat.value;
        case "breakdown":
          if (rest.length === 0) return stat.stated ?? this.sum(stat.parts, d, path, visiting);
          this.noMore(path, rest, 1);
          return at(this.part(stat.parts, rest[0], path));
        case "ratio":
          if (rest.length === 1 && (rest[0] === "part" || rest[0] === "whole")) return this.figure(stat[rest[0]], visiting);
          throw new FigureError(`"${path}": một tỷ lệ dùng {{ratio}} hoặc {{pct}}, hoặc "${id}.part" / "${id}.whole"`);
        case "series": {
          if (rest.length === 0) return stat.stated ?? this.seriesTotal(id, visiting);
          const year = Object.hasOwn(stat.values, rest[0]) ? stat.values[rest[0]] : undefined;
          if (year === undefined) throw new FigureError(`"${path}": chuỗi "${id}" không có năm ${rest[0]}`);
          if (typeof year === "object") {
            if (rest.length === 1) return year.stated ?? this.sum(year.parts, d, path, visiting);
            this.noMore(path, rest, 2);
            return at(this.part(year.parts, rest[1], path));
          }
          this.noMore(path, rest, 1);
          return at(year);
        }
      }
    }
  }

  /** What the data itself gives, ignoring any `stated` figure at this level. */
  derived(path: string): number | undefined {
    const [id, ...rest] = path.split(".");
    const { stat } = this.entry(id);
    const d = figureDecimals(stat);
    if (stat.kind === "breakdown" && rest.length === 0) return this.sum(stat.parts, d, path, new Set());
    if (stat.kind === "series" && rest.length === 0) return this.seriesTotal(id, new Set());
    if (stat.kind === "series" && rest.length === 1) {
      const y = Object.hasOwn(stat.values, rest[0]) ? stat.values[rest[0]] : undefined;
      if (y && typeof y === "object") return this.sum(y.parts, d, path, new Set());
    }
    if (stat.kind === "ratio") return this.computedRate(id);
    return undefined;
  }

  /**
   * A ratio's rate in percent: as stated, else computed. A percent statistic: its value. The counts are
   * resolved even when the rate is stated: a stated rate over a missing or zero whole is still an error.
   */
  rate(id: string): { value: number; decimals: number } {
    const { stat } = this.entry(id);
    if (stat.kind === "percent") return { value: stat.value, decimals: stat.decimals ?? 0 };
    if (stat.kind !== "ratio") throw new FigureError(`"${id}" không phải tỷ lệ hay phần trăm`);
    const computed = this.computedRate(id);
    return { value: stat.stated ?? computed, decimals: stat.decimals ?? 0 };
  }

  computedRate(id: string): number {
    const { part, whole } = this.ratioParts(id);
    return (part / whole) * 100;
  }

  /** A ratio's two counts; a whole of zero has no rate and no meaning as `part/whole`. */
  ratioParts(id: string): { part: number; whole: number } {
    const { stat } = this.entry(id);
    if (stat.kind !== "ratio") throw new FigureError(`"${id}" không phải tỷ lệ (kind: ratio)`);
    const part = this.figure(stat.part, new Set());
    const whole = this.figure(stat.whole, new Set());
    if (whole === 0) throw new FigureError(`tỷ lệ "${id}": mẫu số (whole) bằng 0, không có tỷ lệ`, "DV374");
    return { part, whole };
  }

  figure(f: Figure, visiting: Set<string>): number {
    if (typeof f !== "number") return this.value(f, visiting);
    // A draft's blank figure is NaN, and carries through every total and rate it enters (check/draft.ts).
    if (Number.isNaN(f)) return f;
    if (!Number.isFinite(f) || Math.abs(f) > MAX) throw new FigureError(`số ${String(f)} vượt quá giới hạn ${MAX}`, "DV371");
    return f;
  }

  /** `value` as an integer count of 10^-d units; a figure with more decimals than declared is refused. */
  private scaled(value: number, d: number, path: string): number {
    if (Number.isNaN(value)) return value;
    const s = Math.round(value * 10 ** d);
    if (!fitsDecimals(value, d)) throw new FigureError(decimalsMessage(path, value, d), "DV372");
    if (!Number.isSafeInteger(s)) throw new FigureError(`"${path}": ${String(value)} vượt quá giới hạn ${MAX}`, "DV371");
    return s;
  }

  private seriesTotal(id: string, visiting: Set<string>): number {
    const { stat } = this.entry(id);
    if (stat.kind !== "series") return 0;
    const d = figureDecimals(stat);
    return this.exactSum(Object.keys(stat.values).map((year) => this.value(`${id}.${year}`, visiting)), d, id);
  }

  private sum(parts: Parts, d: number, path: string, visiting: Set<string>): number {
    return this.exactSum(Object.values(parts).map((f) => this.figure(f, visiting)), d, path);
  }

  /** Summed as integers of 10^-d units: 1.1 + 2.2 is 3.3, never 3.3000000000000003; past 2^53 is an error. */
  private exactSum(values: number[], d: number, path: string): number {
    let total = 0;
    for (const v of values) {
      total += this.scaled(v, d, path);
      if (!Number.isSafeInteger(total) && !Number.isNaN(total)) throw new FigureError(`"${path}": tổng vượt quá giới hạn ${MAX}`, "DV371");
    }
    return total / 10 ** d;
  }

  private part(parts: Parts, key: string, path: string): Figure {
    if (!Object.hasOwn(parts, key)) throw new FigureError(`"${path}": không có thành phần "${key}" (có: ${Object.keys(parts).join(", ")})`);
    return parts[key];
  }

  private noMore(path: string, rest: string[], allowed: number): void {
    if (rest.length > allowed) throw new FigureError(`"${path}": đường dẫn dài hơn cấu trúc của số liệu`);
  }
}
