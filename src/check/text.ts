/** Vietnamese text as a careful clerk would have it: NFC, tone marks in place, no stray spaces. */
import type { Diagnostic } from "../diagnostics.js";
import { textProblems } from "../text/vietnamese.js";
import { at, type Rule } from "./rule.js";

type Visit = (path: Array<string | number>, text: string) => void;

function walkStrings(value: unknown, path: Array<string | number>, visit: Visit): void {
  if (typeof value === "string") visit(path, value);
  else if (Array.isArray(value)) value.forEach((v, i) => walkStrings(v, [...path, i], visit));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walkStrings(v, [...path, k], visit);
}

const vietnameseText: Rule = {
  name: "vietnamese-text",
  run(ctx) {
    const out: Diagnostic[] = [];
    const files: Array<[string, unknown]> = [
      [ctx.report.identityFile, ctx.report.identity],
      [ctx.report.registerFile, ctx.report.register],
      ...ctx.report.sections.map((s): [string, unknown] => {
        const { file: _file, ...data } = s;
        return [s.file, data];
      }),
    ];
    for (const [file, value] of files) {
      walkStrings(value, [], (path, text) => {
        for (const p of textProblems(text)) out.push(at(ctx, file, path, p.code, "warning", `${p.message} (sửa tự động: danvan check --fix)`));
      });
    }
    return out;
  },
};

export const textRules: Rule[] = [vietnameseText];
