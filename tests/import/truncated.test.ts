/** A DOCX cut off half way (a broken download): DV603 with a Vietnamese reason, not fflate's English alone. */
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { unpack } from "../../src/import/package.js";

describe("a truncated DOCX", () => {
  it("is DV603 saying the zip archive cannot be read", () => {
    const padding = Array.from({ length: 2000 }, (_, i) => `<w:p><w:r><w:t>đoạn ${i * 7919}</w:t></w:r></w:p>`).join("");
    const whole = zipSync({ "word/document.xml": strToU8(`<w:document><w:body>${padding}</w:body></w:document>`) });
    const cut = whole.subarray(0, Math.floor(whole.length / 2));
    let message = "";
    try {
      unpack("cut.docx", cut);
    } catch (err) {
      message = `${(err as { code?: string }).code}: ${(err as Error).message}`;
    }
    expect(message).toMatch(/^DV603: .*bị hỏng: gói zip không đọc được/);
  });
});
