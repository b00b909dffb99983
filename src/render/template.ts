/** The layout template as a function: the shipped templates/report.md.hbs or one from --templates, compiled by Handlebars. */
import fs from "node:fs";
import { createRequire } from "node:module";
import type { HelperDelegate, RuntimeOptions, TemplateDelegate } from "handlebars";

import { literalText } from "./literal.js";

type HandlebarsEnv = typeof import("handlebars");

export const DEFAULT_TEMPLATES = new URL("../../templates/", import.meta.url);
export const LAYOUT_FILE = "report.md.hbs";

/** The only helpers a layout may call: logic lives in the view and the prose helpers, not in templates. */
export const LAYOUT_HELPERS: Record<string, HelperDelegate> = {
  eq: (a: unknown, b: unknown) => a === b,
  // A Markdown hard line break; a literal backslash before {{ would escape the mustache instead.
  br: () => "\\",
  // Strict like every other name: a key that is not there is an error at the template's line:col, never "".
  lookup(this: unknown, obj: unknown, field: unknown, options: { loc?: { start: { line: number; column: number } } }) {
    const at = options?.loc ? ` - ${options.loc.start.line}:${options.loc.start.column}` : "";
    const key = String(field);
    if (obj === null || obj === undefined || typeof obj !== "object" || !Object.hasOwn(obj, key)) throw new Error(`"${key}" not defined in lookup${at}`);
    return (obj as Record<string, unknown>)[key];
  },
};

export const COMPILE_OPTIONS = {
  strict: true,
  noEscape: true,
  knownHelpersOnly: true,
  // `log` would write into the tool's own output: a template that calls it does not compile.
  knownHelpers: { ...Object.fromEntries(Object.keys(LAYOUT_HELPERS).map((name) => [name, true])), log: false },
} as const;

export const RUNTIME_OPTIONS: RuntimeOptions = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };

const require = createRequire(import.meta.url);

/** The layout in `templatesDir`, ready to run; compile errors are thrown as Handlebars reports them. */
export function loadLayout(templatesDir: URL): TemplateDelegate {
  const source = fs.readFileSync(new URL(LAYOUT_FILE, templatesDir), "utf8");
  const env = withHelpers((require("handlebars") as HandlebarsEnv).create());
  return env.compile(literalText(env.parse(source)), COMPILE_OPTIONS);
}

function withHelpers(env: HandlebarsEnv): HandlebarsEnv {
  env.registerHelper(LAYOUT_HELPERS);
  return env;
}
