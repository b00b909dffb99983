/**
 * A year made by `danvan new` keeps last year's prose, title and labels as a draft; wherever they still name
 * last year's period ("giai đoạn 2017 - 2021" in a 2018 - 2022 report), that is almost always a line the
 * clerk forgot. Each such place is a warning with the new wording, and `check --fix` writes it.
 * The register is left alone: its summaries quote other documents' own periods.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { RawFile } from "../model/index.js";

export const OLD_PERIOD_CODE = "DV503";

export interface Period {
  from: number;
  to: number;
}

/**
 * The earlier period as the text writes it: `2017 - 2021` with any dash and spacing; a one-year period
 * (a yearly report) as `năm 2021`.
 */
function pattern(old: Period): RegExp {
  if (old.from === old.to) return new RegExp(`(?<![\\p{L}])([Nn]ăm|NĂM)(\\s+)${old.to}(?![0-9])`, "gu");
  return new RegExp(`(?<![0-9])${old.from}(\\s*[-–—]\\s*)${old.to}(?![0-9])`, "gu");
}

function moved(match: RegExpMatchArray | string[], old: Period, current: Period): string {
  return old.from === old.to ? `${match[1]}${match[2]}${current.to}` : `${current.from}${match[1]}${current.to}`;
}

function periodText(p: Period): string {
  return p.from === p.to ? `năm ${p.to}` : `giai đoạn ${p.from} - ${p.to}`;
}

/** The text with every mention of the earlier period moved to the current one. */
export function movePeriod(text: string, old: Period, current: Period): string {
  return text.replace(pattern(old), (...m: string[]) => moved(m, old, current));
}

export function periodOf(value: unknown): Period | undefined {
  const p = (value as { period?: { from?: unknown; to?: unknown } } | undefined)?.period;
  return p && Number.isInteger(p.from) && Number.isInteger(p.to) ? { from: p.from as number, to: p.to as number } : undefined;
}

/** Files whose text speaks for this year: the identity and the sections, not the register. */
export function speaksForYear(raw: RawFile): boolean {
  return raw.kind === "report" || raw.kind === "section";
}

export function oldPeriodDiagnostics(
  files: readonly RawFile[],
  old: Period | undefined,
  current: Period | undefined,
  locate: (raw: RawFile, dataPath: ReadonlyArray<string | number>, offset: number) => { line: number; col: number },
): Diagnostic[] {
  if (!old || !current || (old.from === current.from && old.to === current.to)) return [];
  const out: Diagnostic[] = [];
  const re = pattern(old);
  for (const raw of files) {
    if (!speaksForYear(raw) || raw.value === undefined) continue;
    const walk = (v: unknown, path: Array<string | number>) => {
      if (typeof v === "string") {
        for (const m of v.matchAll(re)) {
          const pos = locate(raw, path, m.index);
          const now = moved(m, old, current);
          out.push({
            code: OLD_PERIOD_CODE,
            severity: "warning",
            file: raw.file,
            line: pos.line,
            col: pos.col,
            message: `còn ghi ${periodText(old)} của năm trước ("${m[0]}"); báo cáo này là ${periodText(current)}: sửa thành "${now}" (sửa tự động: danvan check --fix)`,
          });
        }
      } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) if (k !== "period") walk(x, [...path, k]);
    };
    walk(raw.value, []);
  }
  return out;
}
