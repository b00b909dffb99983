/**
 * Text from data is literal: every character Markdown (GFM + directives) could read as structure is
 * backslash-escaped, so `*`, `_`, `[`, `|`, `<`, `#`, `:` or a leading `-`/`1.` can never change the document.
 */
const INLINE = /[\\`*_[\]<>|~#:&!{}$^=+"]/g;

export function escapeMarkdown(text: string): string {
  let out = text.replace(/\r?\n/g, " ").replace(INLINE, (c) => (c === '"' ? c : `\\${c}`));
  // Block markers only matter at the start of a line: a list item, an ordered item, a thematic break.
  out = out.replace(/^(\s*)([-+])/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2");
  return out;
}

/** Directive attribute values sit inside double quotes. */
export function escapeAttribute(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/"/g, "&quot;");
}
