/**
 * Text from data is literal: every character Markdown (GFM + directives) could read as structure is
 * backslash-escaped, so `*`, `_`, `[`, `|`, `<`, a directive or a leading `#`, `-`, `1.` can never change
 * the document — and nothing else is, so the Markdown stays readable. A `:` is escaped before anything but
 * a space: remark-directive takes `:2021`, or `:` and a zero-width space, for a directive's name.
 *
 * A `$` is escaped too: GitHub reads `$x$` as mathematics; and every `#`, which at a line's end closes a
 * heading ("Phụ lục số #" would lose its `#`) and at its start opens one.
 *
 * Addresses stay plain text in both outputs: `@`, the `:` of `://` and the dot of `www.` are escaped so no
 * GFM reader (GitHub, pandoc) turns them into links; the tree does the same for remark (parse/remark.ts).
 */
const INLINE = /[\\`*_[\]<|~&@$#]|:(?=\S)|(?<=[Ww]{3})\./gu;

/** Every character that could end a line in some reader (CR, LS, PS, NEL, VT, FF) and tabs read as one space. */
const LINE_BREAKING = /\r\n?|[\n\t\v\f\u0085\u2028\u2029]/g;

export function escapeMarkdown(text: string): string {
  return escapeLineStart(escapeInline(text.replace(LINE_BREAKING, " ")));
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
