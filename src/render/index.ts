/** Stage 4: Report → Markdown with directives, through templates/report.md.hbs in strict mode. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "../diagnostics.js";
import type { Locate, OtherPeriods, Report } from "../model/index.js";
import { DEFAULT_TEMPLATES, LAYOUT_FILE, loadLayout, RUNTIME_OPTIONS } from "./template.js";
import { buildView, type FigureMark, type ReportView } from "./view.js";

export { DEFAULT_TEMPLATES };

export interface RenderResult {
  markdown?: string;
  diagnostics: Diagnostic[];
  /** What the template was given; `danvan diff` reads its sentences. */
  view?: ReportView;
}

/** `sourceMarks`: each string from data carries its source mark, for the DOCX's bookmarks (model/source-marks.ts). */
export function renderMarkdown(report: Report, locate: Locate, templatesDir: URL = DEFAULT_TEMPLATES, markFigure?: FigureMark, others?: OtherPeriods, sourceMarks = false): RenderResult {
  const { view, diagnostics } = buildView(report, locate, markFigure, others, sourceMarks);
  if (!view) return { diagnostics };
  const file = new URL(LAYOUT_FILE, templatesDir);
  const shown = path.relative(process.cwd(), fileURLToPath(file));
  try {
    const template = loadLayout(templatesDir);
    return { markdown: template(bare(view), RUNTIME_OPTIONS), view, diagnostics };
  } catch (err) {
    const message = String((err as Error).message).split("\n");
    const text = message.join(" ");
    const loc = / - (\d+):(\d+)/.exec(text) ?? /on line (\d+)/.exec(text);
    return {
      diagnostics: [
        {
          code: "DV401",
          severity: "error",
          file: shown,
          line: loc ? Number(loc[1]) : 1,
          col: loc?.[2] ? Number(loc[2]) + 1 : 1,
          message: `lỗi mẫu (template): ${templateMessage(message)}`,
        },
      ],
    };
  }
}

/**
 * The view with prototype-less objects: strict mode then rejects `{{x.constructor}}` like any unknown name,
 * where it would otherwise print an empty string.
 */
function bare(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(bare);
  if (value && typeof value === "object") {
    const out = Object.create(null) as Record<string, unknown>;
    // Handlebars prints the object in its error messages; a symbol key stays out of templates' reach.
    Object.defineProperty(out, Symbol.toPrimitive, { value: () => "[object]" });
    for (const [k, v] of Object.entries(value)) out[k] = bare(v);
    return out;
  }
  return value;
}

function templateMessage(lines: string[]): string {
  const first = lines[0];
  const missing = /^"(.+)" not defined in/.exec(first);
  if (missing) return `tên "${missing[1]}" không có trong dữ liệu mà mẫu nhận được (viết sai tên?)`;
  const helper = /unknown helper (\S+)/.exec(first);
  if (helper) return `hàm "${helper[1]}" không tồn tại; mẫu chỉ có các hàm eq, br`;
  if (/^Parse error/.test(first)) return `cú pháp không hợp lệ: ${lines.slice(1).join(" ").replace(/\s+/g, " ").trim()}`;
  return first;
}
