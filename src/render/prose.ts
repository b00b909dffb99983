/**
 * Prose from data: literal text, escaped as Markdown so it can never inject structure, and helper calls
 * ({{n "id"}}, {{fn "id"}}…) whose Markdown the helpers build themselves.
 */
import { parseProse, ProseSyntaxError, type HashValue } from "../model/prose-syntax.js";
import { escapeMarkdown } from "./escape.js";

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
      return segments
        .map((s, i) => {
          // A `:` just before a helper would open a directive with the figure that follows (`Tổng:{{n "x"}}`).
          if ("text" in s) return escapeMarkdown(s.text).replace(/:$/, (c) => (i + 1 < segments.length ? "\\:" : c));
          const { name, args, hash } = s.call;
          const helper = Object.hasOwn(helpers, name) ? helpers[name] : undefined;
          if (!helper) throw new ProseError(`không có hàm {{${name}}}; các hàm: ${Object.keys(helpers).join(", ")}`);
          if (args.length !== 1 || typeof args[0] !== "string") {
            throw new ProseError(`{{${name}}} cần đúng một mã trong dấu ngoặc kép, ví dụ {{${name} "ma-so"}}`);
          }
          return helper(args[0], hash);
        })
        .join("");
    },
  };
}
