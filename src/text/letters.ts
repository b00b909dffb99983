/**
 * Letter items as Vietnamese documents letter them: the Vietnamese alphabet without its marked vowels —
 * a) b) c) d) đ) e) g) h) i) k) l) m) n) o) p) q) r) s) t) u) v) x) y) — (NĐ 30/2020; f, j, w and z are not
 * Vietnamese letters). Past y the letters double, as the letters of a spreadsheet's columns: aa, ab, …
 */
export const VIETNAMESE_LETTERS = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"] as const;

export function letter(n: number): string {
  const base = VIETNAMESE_LETTERS.length;
  let out = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / base)) out = VIETNAMESE_LETTERS[(k - 1) % base] + out;
  return out;
}
