/**
 * Prose from data: literal text, escaped as Markdown so it can never inject structure, and helper calls
 * ({{n "id"}}, {{fn "id"}}…) whose Markdown the helpers build themselves.
 */
import { HELPERS_WITHOUT_ID, optionProblems, parseProse, PROSE_HELPERS, ProseSyntaxError, type HashValue, type ProseHelper } from "../model/prose-syntax.js";
import { escapeLineStart, escapeMarkdown } from "./escape.js";

export type ProseHelperFn = (id: string, hash: Record<string, HashValue>) => string;

export interface ProseEnv {
  /** Render one prose string; throws ProseError naming what failed. */
  render(source: string): string;
}

export class ProseError extends Error {}

export function createProseEnv(helpers: Record<string, ProseHelperFn>): ProseEnv {
  return {
    render(source: string): string {
      let segments;
      try {
        segments = parseProse(source);
      } catch (e) {
        if (e instanceof ProseSyntaxError) throw new ProseError(e.message);
        throw e;
      }
      // Block markers are read from the start of the whole paragraph: `{{n "x"}}. Text` is `08. Text`, an
      // ordered list, though neither piece alone starts like one.
      return escapeLineStart(
        segments
          .map((s, i) => {
            // A `:` just before a helper would open a directive with the figure that follows (`Tổng:{{n "x"}}`).
            if ("text" in s) return escapeMarkdown(s.text).replace(/:$/, (c) => (i + 1 < segments.length ? "\\:" : c));
            const { name, args, hash } = s.call;
            const helper = Object.hasOwn(helpers, name) ? helpers[name] : undefined;
            if (!helper) throw new ProseError(`không có hàm {{${name}}}; các hàm: ${Object.keys(helpers).join(", ")}`);
            if (HELPERS_WITHOUT_ID.has(name)) {
              if (args.length) throw new ProseError(`{{${name}}} không nhận mã nào: viết {{${name}}}`);
            } else if (args.length !== 1 || typeof args[0] !== "string") {
              throw new ProseError(`{{${name}}} cần đúng một mã trong dấu ngoặc kép, ví dụ {{${name} "ma-so"}}`);
            }
            const wrong = (PROSE_HELPERS as readonly string[]).includes(name) ? optionProblems(name as ProseHelper, hash)[0] : undefined;
            if (wrong) throw new ProseError(wrong.message);
            const out = helper(String(args[0] ?? ""), hash);
            // Nor may a helper's text finish an address the prose began (`www` + `.x.vn`).
            const before = segments[i - 1];
            return out.startsWith(".") && before && "text" in before && /[Ww]{3}$/.test(before.text) ? `\\${out}` : out;
          })
          .join(""),
      );
    },
  };
}
