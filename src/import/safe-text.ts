/**
 * Text from a DOCX made safe to be data: what `check` refuses in a data file (control characters,
 * bidirectional marks, a `{{` that prose would read as a helper) is taken out here, each time with a
 * warning, so that an imported year never fails `check` on what Word let a clerk type.
 */
import type { Warning } from "./body.js";

/** Invisible joiners and byte-order marks that pasted text carries: no content, nothing to report. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/gu;
/** What check/text.ts reports as DV377, less the tab (squashed as a space). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** A field printed literally (a heading, the identity, the register) takes no `{{` nor `}}` (check's DV375). */
export function literalText(text: string, paragraph: number, warnings: Warning[]): string {
  let out = safeText(text, paragraph, warnings);
  if (out.includes("}}")) {
    warnings.push({ paragraph, message: 'có "}}" trong văn bản in nguyên văn: ghi thành "} }"' });
    while (out.includes("}}")) out = out.replaceAll("}}", "} }");
  }
  return out;
}

export function safeText(text: string, paragraph: number, warnings: Warning[]): string {
  let out = text.replace(INVISIBLE, "").replace(/[\u2028\u2029]/gu, " ");
  const controls = out.replace(CONTROL, "");
  if (controls !== out) {
    warnings.push({ paragraph, message: "có ký tự điều khiển hoặc ký tự ẩn đổi chiều chữ (bidi): đã bỏ đi" });
    out = controls;
  }
  if (out.includes("{{")) {
    warnings.push({ paragraph, message: 'có "{{" trong văn bản, là cách viết lời gọi hàm của danvan: ghi thành "{ {"' });
    while (out.includes("{{")) out = out.replaceAll("{{", "{ {");
  }
  return out;
}
