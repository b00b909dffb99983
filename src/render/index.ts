/** Stage 4: Report → Markdown with directives, through templates/report.md.hbs in strict mode. */
import fs from "node:fs";
import Handlebars from "handlebars";
import type { Diagnostic } from "../diagnostics.js";
import type { Report } from "../model.js";
import { buildView, type Locate } from "./view.js";

export const DEFAULT_TEMPLATES = new URL("../../templates/", import.meta.url);

export interface RenderResult {
  markdown?: string;
  diagnostics: Diagnostic[];
}

export function renderMarkdown(report: Report, locate: Locate, templatesDir: URL = DEFAULT_TEMPLATES): RenderResult {
  const { view, diagnostics } = buildView(report, locate);
  if (!view) return { diagnostics };
  const file = new URL("report.md.hbs", templatesDir);
  const hb = Handlebars.create();
  hb.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  // A Markdown hard line break; a literal backslash before {{ would escape the mustache instead.
  hb.registerHelper("br", () => "\\");
  const source = fs.readFileSync(file, "utf8");
  try {
    const template = hb.compile(source, { strict: true, noEscape: true, knownHelpers: { eq: true, br: true } });
    return { markdown: template(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false }), diagnostics };
  } catch (err) {
    const message = String((err as Error).message).split("\n");
    const loc = /(\d+):(\d+)/.exec(message.join(" "));
    return {
      diagnostics: [
        {
          code: "DV401",
          severity: "error",
          file: decodeURIComponent(file.pathname),
          line: loc ? Number(loc[1]) : 1,
          col: loc ? Number(loc[2]) + 1 : 1,
          message: `lỗi mẫu (template): ${message[0]}`,
        },
      ],
    };
  }
}
