/**
 * Word's automatic numbering (w:numPr → numbering.xml), turned back into the label a reader sees: `I.`,
 * `1-`, `a)`, or a bullet. Counters run per abstract numbering, as Word counts them.
 */
import { roman as toRoman } from "../text/roman.js";
import { elements, first, type XmlElement } from "./xml.js";

interface Level {
  start: number;
  format: string;
  text: string;
}

export interface Label {
  text: string;
  bullet: boolean;
}

export class Numbering {
  private readonly abstract = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  private readonly counters = new Map<string, number[]>();

  constructor(root?: XmlElement) {
    if (!root) return;
    for (const a of elements(root, "w:abstractNum")) {
      const levels = new Map<number, Level>();
      for (const l of elements(a, "w:lvl")) {
        levels.set(Number(l.attrs["w:ilvl"] ?? 0), {
          start: Number(first(l, "w:start")?.attrs["w:val"] ?? 1),
          format: first(l, "w:numFmt")?.attrs["w:val"] ?? "decimal",
          text: first(l, "w:lvlText")?.attrs["w:val"] ?? "",
        });
      }
      this.abstract.set(a.attrs["w:abstractNumId"] ?? "", levels);
    }
    for (const n of elements(root, "w:num")) {
      const starts = new Map<number, number>();
      for (const o of elements(n, "w:lvlOverride")) {
        const s = first(o, "w:startOverride")?.attrs["w:val"];
        if (s !== undefined) starts.set(Number(o.attrs["w:ilvl"] ?? 0), Number(s));
      }
      this.nums.set(n.attrs["w:numId"] ?? "", { abstractId: first(n, "w:abstractNumId")?.attrs["w:val"] ?? "", starts });
    }
  }

  /** The next label of a list item; numId "0" means "no numbering". */
  next(numId: string, ilvl: number): Label | undefined {
    const num = this.nums.get(numId);
    const levels = num && this.abstract.get(num.abstractId);
    const level = levels?.get(ilvl);
    if (!num || !levels || !level) return undefined;
    // Word counts per list instance (numId) when a level override restarts it, else per abstract list.
    const key = num.starts.size ? `n${numId}` : `a${num.abstractId}`;
    const counts = this.counters.get(key) ?? [];
    this.counters.set(key, counts);
    for (let i = 0; i < ilvl; i++) counts[i] ??= (num.starts.get(i) ?? levels.get(i)?.start ?? 1);
    counts[ilvl] = counts[ilvl] === undefined ? (num.starts.get(ilvl) ?? level.start) : counts[ilvl] + 1;
    counts.length = ilvl + 1;
    if (level.format === "bullet") return { text: "-", bullet: true };
    // A level numbered "none" shows nothing for its %n (LibreOffice gives every heading style such a list).
    const text = level.text
      .replace(/%([1-9])/g, (_m, d: string) => {
        const i = Number(d) - 1;
        const fmt = levels.get(i)?.format ?? "decimal";
        return fmt === "none" ? "" : formatCounter(counts[i] ?? 1, fmt);
      })
      .trim();
    return text ? { text, bullet: false } : undefined;
  }
}

function formatCounter(n: number, format: string): string {
  switch (format) {
    case "upperRoman":
      return toRoman(n);
    case "lowerRoman":
      return toRoman(n).toLowerCase();
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerLetter":
      return letters(n);
    case "decimalZero":
      return String(n).padStart(2, "0");
    default:
      return String(n);
  }
}

function letters(n: number): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz";
  return alphabet[(n - 1) % 26].repeat(Math.floor((n - 1) / 26) + 1);
}
