/**
 * A number a unit typed as text, read the Vietnamese way: the dot groups thousands, the comma marks the
 * decimals, a space may group thousands too (`1.611`, `1.611,5`, `1 611`). What cannot be read one way only
 * (`12.5`, `1,611` where a whole number is due, `khoảng 20`) is refused with how to type it.
 */

export type TextNumber = { value: number } | { problem: string };

/** Spaces a spreadsheet or a keyboard puts between digit groups: space, no-break and thin spaces. */
const GROUP_SPACES = /[\u0020\u00a0\u2009\u202f]/g;

export function readTextNumber(text: string, decimals: number): TextNumber {
  const t = text.trim().replace(GROUP_SPACES, " ");
  if (t === "") return { problem: "ô chỉ có dấu cách" };
  if (/^[-−–]/.test(t)) return { problem: `"${text}" là số âm; số liệu không âm` };
  // 1611 · 1.611 · 1.611.000 · 1 611 · 1611,5 · 1.611,5 · 1 611,5
  const m = /^(\d{1,3}(?:\.\d{3})+|\d{1,3}(?: \d{3})+|\d+)(?:,(\d+))?$/.exec(t);
  if (!m) {
    if (/^\d+\.\d{1,2}$/.test(t) || /^\d+\.\d{4,}$/.test(t)) {
      return { problem: `"${text}" không rõ là số nào: theo cách viết Việt Nam, dấu chấm ngăn cách hàng nghìn (1.611) và dấu phẩy đứng trước phần thập phân (12,5); hãy gõ lại thành số` };
    }
    return { problem: `"${text}" không phải là một số; hãy gõ số (ví dụ 1611), không kèm chữ hay đơn vị tính` };
  }
  const whole = m[1].replace(/[. ]/g, "");
  const fraction = m[2] ?? "";
  if (fraction.length > decimals) {
    return {
      problem:
        decimals === 0
          ? `"${text}" đọc theo cách viết Việt Nam là ${whole},${fraction} (có phần thập phân), nhưng số liệu này là số nguyên; nếu là ${whole}${fraction}, hãy gõ ${whole}${fraction}`
          : `"${text}" có ${fraction.length} chữ số thập phân; số liệu này có tối đa ${decimals}`,
    };
  }
  const value = Number(fraction ? `${whole}.${fraction}` : whole);
  if (!Number.isSafeInteger(Math.round(value * 10 ** decimals))) return { problem: `"${text}" quá lớn (vượt 2^53 − 1)` };
  return { value };
}
