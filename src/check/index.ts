/** Stage 3: the named rules, run in order over a valid Report. */
import type { Diagnostic } from "../diagnostics.js";
import type { Report } from "../model.js";
import { documentRules } from "./documents.js";
import { figureRules } from "./figures.js";
import { referenceRules } from "./references.js";
import type { Locate, Rule } from "./rule.js";

/** Rules across files. The Vietnamese text rule is per file and runs at load (check/text.ts), where it is cached. */
export const rules: Rule[] = [...referenceRules, ...figureRules, ...documentRules];

export function checkReport(report: Report, locate: Locate): Diagnostic[] {
  return rules.flatMap((rule) => rule.run({ report, locate }));
}
