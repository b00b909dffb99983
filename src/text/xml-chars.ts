/**
 * The code points XML 1.0 forbids (its `Char` production): C0 controls but tab, line feed and carriage
 * return; surrogates standing alone; U+FFFE and U+FFFF. A DOCX holding one is not well-formed XML and Word
 * refuses to open it, so data and templates holding one are refused (DV318, DV402) before anything is built.
 * With the `u` flag a surrogate pair is one code point (an emoji passes) and a lone surrogate is matched.
 */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/u;

/** The first forbidden code point: its UTF-16 offset and its U+ name. */
export function xmlForbidden(text: string): { index: number; name: string } | undefined {
  const m = FORBIDDEN.exec(text);
  if (!m) return undefined;
  return { index: m.index, name: `U+${text.charCodeAt(m.index).toString(16).toUpperCase().padStart(4, "0")}` };
}
