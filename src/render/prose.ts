/**
 * Prose from data is a small Handlebars template: literal text plus helper calls ({{n "id"}}, {{fn "id"}}…).
 * Its literal parts are escaped as Markdown before compiling, so data text can never inject structure,
 * while helpers return Markdown they build themselves (a footnote reference, an escaped citation).
 */
import Handlebars from "handlebars";
import { escapeMarkdown } from "./escape.js";

type HelperFn = (...args: unknown[]) => string;

export interface ProseEnv {
  /** Render one prose string; throws ProseError naming the helper call that failed. */
  render(source: string): string;
}

export class ProseError extends Error {
  constructor(
    message: string,
    /** 1-based line and column inside the prose string, when Handlebars knows them. */
    readonly line?: number,
    readonly col?: number,
  ) {
    super(message);
  }
}

export function createProseEnv(helpers: Record<string, HelperFn>): ProseEnv {
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) {
    hb.registerHelper(name, (...args: unknown[]) => new hb.SafeString(fn(...args)));
  }
  const cache = new Map<string, HandlebarsTemplateDelegate>();
  return {
    render(source: string): string {
      let template = cache.get(source);
      if (!template) {
        let ast: hbs.AST.Program;
        try {
          ast = hb.parse(source);
        } catch (e) {
          throw new ProseError(`cú pháp {{…}} không hợp lệ: ${firstLine(e)}`);
        }
        escapeContent(ast);
        template = hb.compile(ast, { strict: true, knownHelpersOnly: true, knownHelpers: knownHelpers(helpers) });
        cache.set(source, template);
      }
      try {
        return template({}, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (e) {
        const loc = /- (\d+):(\d+)/.exec(String((e as Error).message));
        throw new ProseError(firstLine(e), loc ? Number(loc[1]) : undefined, loc ? Number(loc[2]) + 1 : undefined);
      }
    },
  };
}

function knownHelpers(helpers: Record<string, HelperFn>): Record<string, boolean> {
  return Object.fromEntries(Object.keys(helpers).map((k) => [k, true]));
}

function escapeContent(node: unknown): void {
  if (!node || typeof node !== "object") return;
  const n = node as { type?: string; value?: string; original?: string; body?: unknown[]; program?: unknown; inverse?: unknown };
  if (n.type === "ContentStatement" && typeof n.value === "string") {
    n.value = escapeMarkdown(n.value);
    n.original = n.value;
  }
  for (const child of n.body ?? []) escapeContent(child);
  escapeContent(n.program);
  escapeContent(n.inverse);
}

function firstLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e).split("\n")[0];
}
