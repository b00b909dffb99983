/** Figures by id: what a path like `giam-sat.2019.cap-tinh` means, and what can be derived from the parts. */
import type { Figure, Parts, Report, Statistic } from "./index.js";

export interface StatEntry {
  id: string;
  stat: Statistic;
  file: string;
}

export class FigureError extends Error {}

/** Raised past MAX_REFERENCE_DEPTH: it says where the walk stopped, not what the path is worth. */
class DepthError extends FigureError {}

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

  /** The number a path stands for; a breakdown or series stands for its total (as stated, else derived). */
  value(path: string, visiting: Set<string> = new Set()): number {
    const known = this.memo.get(path);
    if (known instanceof FigureError) throw known;
    if (known !== undefined) return known;
    if (visiting.has(path)) throw new FigureError(`số liệu "${path}" tham chiếu vòng tròn`);
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
      const at = (f: Figure) => this.figure(f, visiting);
      switch (stat.kind) {
        case "count":
          this.noMore(path, rest, 0);
          return at(stat.value);
        case "percent":
          this.noMore(path, rest, 0);
          return stat.value;
        case "breakdown":
          if (rest.length === 0) return stat.stated ?? this.sum(stat.parts, visiting);
          this.noMore(path, rest, 1);
          return at(this.part(stat.parts, rest[0], path));
        case "ratio":
          if (rest.length === 1 && (rest[0] === "part" || rest[0] === "whole")) return at(stat[rest[0]]);
          throw new FigureError(`"${path}": một tỷ lệ dùng {{ratio}} hoặc {{pct}}, hoặc "${id}.part" / "${id}.whole"`);
        case "series": {
          if (rest.length === 0) return stat.stated ?? this.seriesTotal(id, visiting);
          const year = Object.hasOwn(stat.values, rest[0]) ? stat.values[rest[0]] : undefined;
          if (year === undefined) throw new FigureError(`"${path}": chuỗi "${id}" không có năm ${rest[0]}`);
          if (typeof year === "object") {
            if (rest.length === 1) return year.stated ?? this.sum(year.parts, visiting);
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
    if (stat.kind === "breakdown" && rest.length === 0) return this.sum(stat.parts, new Set());
    if (stat.kind === "series" && rest.length === 0) return this.seriesTotal(id, new Set());
    if (stat.kind === "series" && rest.length === 1) {
      const y = Object.hasOwn(stat.values, rest[0]) ? stat.values[rest[0]] : undefined;
      if (y && typeof y === "object") return this.sum(y.parts, new Set());
    }
    if (stat.kind === "ratio") return this.computedRate(id);
    return undefined;
  }

  /** A ratio's rate in percent: as stated, else computed. A percent statistic: its value. */
  rate(id: string): { value: number; decimals: number } {
    const { stat } = this.entry(id);
    if (stat.kind === "percent") return { value: stat.value, decimals: stat.decimals ?? 0 };
    if (stat.kind !== "ratio") throw new FigureError(`"${id}" không phải tỷ lệ hay phần trăm`);
    return { value: stat.stated ?? this.computedRate(id), decimals: stat.decimals ?? 0 };
  }

  computedRate(id: string): number {
    const { stat } = this.entry(id);
    if (stat.kind !== "ratio") throw new FigureError(`"${id}" không phải tỷ lệ`);
    const whole = this.figure(stat.whole, new Set());
    if (whole === 0) throw new FigureError(`"${id}": mẫu số bằng 0`);
    return (this.figure(stat.part, new Set()) / whole) * 100;
  }

  ratioParts(id: string): { part: number; whole: number } {
    const { stat } = this.entry(id);
    if (stat.kind !== "ratio") throw new FigureError(`"${id}" không phải tỷ lệ (kind: ratio)`);
    return { part: this.figure(stat.part, new Set()), whole: this.figure(stat.whole, new Set()) };
  }

  figure(f: Figure, visiting: Set<string>): number {
    return typeof f === "number" ? f : this.value(f, visiting);
  }

  private seriesTotal(id: string, visiting: Set<string>): number {
    const { stat } = this.entry(id);
    if (stat.kind !== "series") return 0;
    return Object.keys(stat.values).reduce((sum, year) => sum + this.value(`${id}.${year}`, visiting), 0);
  }

  private sum(parts: Parts, visiting: Set<string>): number {
    return Object.values(parts).reduce<number>((sum, f) => sum + this.figure(f, visiting), 0);
  }

  private part(parts: Parts, key: string, path: string): Figure {
    if (!Object.hasOwn(parts, key)) throw new FigureError(`"${path}": không có thành phần "${key}" (có: ${Object.keys(parts).join(", ")})`);
    return parts[key];
  }

  private noMore(path: string, rest: string[], allowed: number): void {
    if (rest.length > allowed) throw new FigureError(`"${path}": đường dẫn dài hơn cấu trúc của số liệu`);
  }
}
