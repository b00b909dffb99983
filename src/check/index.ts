/** Stage 3: the named rules, run in order over a valid Report. */
import type { Diagnostic } from "../diagnostics.js";
import type { Report } from "../model.js";
import { documentRules } from "./documents.js";
import { figureRules } from "./figures.js";
import { referenceRules } from "./references.js";
import { textRules } from "./text.js";
import type { Locate, Rule } from "./rule.js";

export const rules: Rule[] = [...referenceRules, ...figureRules, ...documentRules, ...textRules];

export function checkReport(report: Report, locate: Locate): Diagnostic[] {
  return rules.flatMap((rule) => rule.run({ report, locate }));
}
