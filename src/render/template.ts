/**
 * The layout template as a function. The shipped templates/report.md.hbs is compiled by `npm run build`
 * (dist/build/compile-templates.js) and runs on Handlebars' small runtime; a template from --templates, or
 * one edited since the build, is compiled here with the full Handlebars, with the same options.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { HelperDelegate, RuntimeOptions, TemplateDelegate } from "handlebars";

import { literalText } from "./literal.js";

type HandlebarsEnv = typeof import("handlebars");

export const DEFAULT_TEMPLATES = new URL("../../templates/", import.meta.url);
/** Layouts compiled ahead of time, written by `npm run build`. */
export const PRECOMPILED_DIR = new URL("../../dist/templates/", import.meta.url);
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

/** Identifies the template source a precompiled layout was made from, so a stale one is never used. */
export function templateHash(source: string): string {
  return createHash("sha256").update(source).digest("hex").slice(0, 16);
}

/** The layout in `templatesDir`, ready to run; compile errors are thrown as Handlebars reports them. */
export function loadLayout(templatesDir: URL): TemplateDelegate {
  const source = fs.readFileSync(new URL(LAYOUT_FILE, templatesDir), "utf8");
  const precompiled = templatesDir.href === DEFAULT_TEMPLATES.href ? precompiledLayout(source) : undefined;
  if (precompiled) {
    const runtime = require("handlebars/runtime") as HandlebarsEnv;
    return withHelpers(runtime.create()).template(precompiled);
  }
  const full = require("handlebars") as HandlebarsEnv;
  const env = withHelpers(full.create());
  return env.compile(literalText(env.parse(source)), COMPILE_OPTIONS);
}

export function precompiledLayout(source: string): TemplateSpecification | undefined {
  try {
    const mod = require(fileURLToPath(new URL(`${LAYOUT_FILE}.cjs`, PRECOMPILED_DIR))) as { spec: TemplateSpecification; sourceHash: string };
    return mod.sourceHash === templateHash(source) ? mod.spec : undefined;
  } catch {
    return undefined;
  }
}

type TemplateSpecification = Parameters<HandlebarsEnv["template"]>[0];

function withHelpers(env: HandlebarsEnv): HandlebarsEnv {
  env.registerHelper(LAYOUT_HELPERS);
  return env;
}
