/**
 * Same value, same verdict, however the YAML writes it: a no-break or other Unicode space at either end of a
 * text is part of the value in YAML (only spaces and tabs are trimmed from a plain scalar), so it is DV378
 * whether the scalar is plain, quoted, folded or literal. The `yaml` library is the reference.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

/** Every character JavaScript's \s calls a space that YAML does not: none of them is trimmed. */
const UNICODE_SPACES = ["\u00a0", "\u1680", "\u2000", "\u2003", "\u2009", "\u200a", "\u202f", "\u205f", "\u3000"];

const STYLES: Record<string, (text: string) => string> = {
  plain: (t) => t,
  "single-quoted": (t) => `'${t}'`,
  "double-quoted": (t) => `"${t}"`,
  folded: (t) => `>-\n  ${t}`,
  literal: (t) => `|-\n  ${t}`,
};

describe("a Unicode space at either end of a text", () => {
  for (const space of UNICODE_SPACES) {
    const name = `U+${space.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
    it(`${name} is the same value, and DV378, in every scalar style`, async () => {
      for (const [style, write] of Object.entries(STYLES)) {
        for (const text of [`Kết quả${space}`, `${space}Kết quả`]) {
          // Where the space leads a plain or block scalar YAML keeps it too; what the library reads is the value.
          const scalar = write(text);
          const value = (parse(`heading: ${scalar}`) as { heading: string }).heading;
          expect(value, `${style} ${JSON.stringify(text)}`).toBe(text);
          const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-spaces-"));
          fs.cpSync("tests/fixtures/years/mini", root, { recursive: true });
          const file = path.join(root, "2021/sections/01-ket-qua.yaml");
          fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("heading: Kết quả", `heading: ${scalar}`));
          const r = await runCli("check", "--data", root);
          expect(r.code, `${style} ${JSON.stringify(text)}`).toBe(1);
          expect(r.stdout + r.stderr, `${style} ${JSON.stringify(text)}`).toMatch(/01-ket-qua\.yaml:[34]:\d+: lỗi DV378/);
        }
      }
    });
  }
});
