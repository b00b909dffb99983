/**
 * The report's period against its folder and its window: the kind report.yaml states is the folder's, a window
 * stated by hand is real, ordered and names this period, and what the report counts — register entries and
 * series keys — lies inside the window (a warning: the report still prints what its data says).
 */
import type { Diagnostic } from "../diagnostics.js";
import { calendarSpan, defaultWindow, inWindow, isPeriodic, KIND_NAMES, parsePeriod, periodName, windowWithin, type Window } from "../model/period.js";
import { formatDate, parseIsoDate } from "../text/format.js";
import { at, type Rule, type RuleContext } from "./rule.js";

const span = (w: Window) => `${formatDate(w.from)} – ${formatDate(w.to)}`;

const kindFitsFolder: Rule = {
  name: "period-kind-fits-folder",
  run(ctx) {
    const { period, identity, identityFile } = ctx.report;
    const stated = identity.period.kind;
    if (stated === undefined) return [];
    const free = stated === "thematic" || stated === "ad-hoc";
    if (isPeriodic(period) ? stated === period.kind : free) return [];
    const folder = isPeriodic(period)
      ? `thư mục ${ctx.report.year} là ${KIND_NAMES[period.kind]} (${periodName(period)})`
      : `thư mục ${ctx.report.year} không mang tên một kỳ (2022, 2022-h1, …) nên là báo cáo chuyên đề hoặc đột xuất (thematic, ad-hoc)`;
    return [at(ctx, identityFile, ["period", "kind"], "DV800", "error", `report.yaml ghi kind: ${stated} (${KIND_NAMES[stated]}), nhưng ${folder}: sửa kind hoặc đổi tên thư mục`)];
  },
};

const windowFits: Rule = {
  name: "window-fits-period",
  run(ctx) {
    return windowProblems(ctx);
  },
};

/** What is wrong with a window report.yaml states: nothing counted against it means anything then. */
function windowProblems(ctx: RuleContext): Diagnostic[] {
  const { period, identity, identityFile } = ctx.report;
  const w = identity.period.window;
  if (!w) return [];
  const out: Diagnostic[] = [];
  for (const k of ["from", "to"] as const) {
    if (!parseIsoDate(w[k])) out.push(at(ctx, identityFile, ["period", "window", k], "DV351", "error", `"${w[k]}" không phải là ngày có thật`));
  }
  if (out.length) return out;
  if (w.from > w.to) {
    return [at(ctx, identityFile, ["period", "window", "from"], "DV802", "error", `khung thời gian bắt đầu ngày ${formatDate(w.from)}, sau ngày kết thúc ${formatDate(w.to)}`)];
  }
  const named = calendarSpan(period, identity.period);
  if (named && !inWindow(w.to, named)) {
    out.push(at(ctx, identityFile, ["period", "window", "to"], "DV803", "error", `khung thời gian ${span(w)} không phải của ${periodName(period)}: ngày cuối phải nằm trong kỳ (${span(named)}); mặc định của kỳ là ${span(defaultWindow(period, ctx.report.endDay, identity.period) ?? named)}`));
  }
  if (parseIsoDate(identity.date) && identity.date < w.from) {
    out.push(at(ctx, identityFile, ["date"], "DV803", "error", `báo cáo ký ngày ${formatDate(identity.date)}, trước khi khung thời gian số liệu bắt đầu (${formatDate(w.from)}): khung thời gian không phải của báo cáo này`));
  }
  return out;
}

/** The report's window, when there is one to count against. */
function usableWindow(ctx: RuleContext): Window | undefined {
  return ctx.report.period.window && !windowProblems(ctx).length ? ctx.report.period.window : undefined;
}

const registerInWindow: Rule = {
  name: "register-in-window",
  run(ctx) {
    const w = usableWindow(ctx);
    if (!w) return [];
    const out: Diagnostic[] = [];
    const reportDate = ctx.report.identity.date;
    ctx.report.register.groups.forEach((g, gi) =>
      g.types.forEach((t, ti) =>
        t.documents.forEach((d, di) => {
          // An entry may have no date (the signed register prints none); one that is not real, or after the
          // report's own, is already an error (DV351, DV352).
          if (d.date === undefined || !parseIsoDate(d.date) || d.date > reportDate || inWindow(d.date, w)) return;
          out.push(at(ctx, ctx.report.registerFile, ["groups", gi, "types", ti, "documents", di, "date"], "DV804", "warning", `văn bản ngày ${formatDate(d.date)} nằm ngoài khung thời gian số liệu của báo cáo (${span(w)})`));
        }),
      ),
    );
    return out;
  },
};

/** A series key whose own window leaves the report's; a key of another year is DV344 already. */
const seriesInWindow: Rule = {
  name: "series-in-window",
  run(ctx) {
    const w = usableWindow(ctx);
    const { from, to } = ctx.report.identity.period;
    if (!w) return [];
    const out: Diagnostic[] = [];
    for (const s of ctx.report.sections) {
      for (const [id, stat] of Object.entries(s.statistics ?? {})) {
        if (stat.kind !== "series") continue;
        for (const key of Object.keys(stat.values)) {
          const parsed = parsePeriod(key, ctx.report.endDay);
          if (!parsed.ok || !isPeriodic(parsed.period) || parsed.period.year < from || parsed.period.year > to) continue;
          const own = parsed.period.window!;
          if (windowWithin(own, w)) continue;
          out.push(at(ctx, s.file, ["statistics", id, "values", key], "DV805", "warning", `kỳ ${key} (${span(own)}) nằm ngoài khung thời gian số liệu của báo cáo (${span(w)})`));
        }
      }
    }
    return out;
  },
};

export const periodRules: Rule[] = [kindFitsFolder, windowFits, registerInWindow, seriesInWindow];
