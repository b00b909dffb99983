/**
 * Text from data is literal: every character Markdown (GFM + directives) could read as structure is
 * backslash-escaped, so `*`, `_`, `[`, `|`, `<`, a `:name` directive or a leading `#`, `-`, `1.` can never
 * change the document — and nothing else is, so the Markdown stays readable.
 */
const INLINE = /[\\`*_[\]<|~&]|:(?=\p{L})/gu;

export function escapeMarkdown(text: string): string {
  return escapeLineStart(escapeInline(text.replace(/\r?\n/g, " ")));
}

/** Escapes that matter anywhere on a line. */
export function escapeInline(text: string): string {
  return text.replace(INLINE, (c) => `\\${c}`);
}

/** Block markers only matter at the start of a line: a heading, a quote, a list item, a rule, a setext underline. */
export function escapeLineStart(text: string): string {
  return text.replace(/^(\s*)([-+#>=])/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2");
}

/** Directive attribute values sit inside double quotes. */
export function escapeAttribute(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/"/g, "&quot;");
}
