/** The XML 1.0 code point rule, held to the `Char` production itself, and what data and a build make of it. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { xmlForbidden } from "../../src/text/xml-chars.js";
import { buildInTemp, docxParts } from "../helpers/build.js";
import { prng } from "../helpers/prng.js";
import { runCli } from "../helpers/run-cli.js";

/** XML 1.0 (fifth edition), production [2]. */
const isXmlChar = (cp: number) => cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);

describe("xmlForbidden", () => {
  it("refuses exactly the code points outside XML 1.0's Char, in the BMP and lone surrogates", () => {
    for (let cp = 0; cp <= 0xffff; cp++) {
      const text = `a${String.fromCharCode(cp)}b`;
      expect(xmlForbidden(text)?.index, `U+${cp.toString(16)}`).toBe(isXmlChar(cp) ? undefined : 1);
    }
  });
  it("lets a surrogate pair through as the one code point it is", () => {
    for (const cp of [0x10000, 0x1f600, 0x10ffff]) expect(xmlForbidden(`x${String.fromCodePoint(cp)}y`)).toBeUndefined();
    expect(xmlForbidden("x\ud83d")?.name).toBe("U+D83D");
    expect(xmlForbidden("\ude00x")?.name).toBe("U+DE00");
  });
});

function wellFormed(xml: string): boolean {
  const parser = new SaxesParser();
  let ok = true;
  parser.on("error", () => (ok = false));
  parser.write(xml).close();
  return ok;
}

describe("data holding any code point", () => {
  it("is refused by check, or builds a DOCX whose every XML part is well-formed", { timeout: 300_000 }, async () => {
    const rnd = prng(0xfffe);
    const picks = [0x0, 0x8, 0xb, 0x1f, 0x7f, 0x85, 0xd7ff, 0xd800, 0xdfff, 0xe000, 0xfdd0, 0xfffd, 0xfffe, 0xffff, 0x1fffe, 0x10ffff];
    for (let run = 0; run < 24; run++) {
      const cp = run < picks.length ? picks[run] : Math.floor(rnd() * 0x110000);
      const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-xmlchar-"));
      fs.cpSync("tests/fixtures/years/mini", root, { recursive: true });
      const file = path.join(root, "2021/sections/01-ket-qua.yaml");
      // A YAML escape writes every code point, a lone surrogate too, where the raw byte could not stand.
      const escape = cp > 0xffff ? `\\U${cp.toString(16).padStart(8, "0")}` : `\\u${cp.toString(16).padStart(4, "0")}`;
      fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("heading: Kết quả", `heading: "Kết${escape} quả"`));
      const check = await runCli("check", "--data", root);
      const what = `U+${cp.toString(16).toUpperCase()}`;
      if (!isXmlChar(cp)) expect(check.stdout + check.stderr, what).toMatch(/DV3(18|77)/);
      if (check.code !== 0) continue;
      const { file: built } = await buildInTemp(root, "2021", ["docx"]);
      for (const [name, part] of Object.entries(docxParts(built("docx")!))) if (name.endsWith(".xml")) expect(wellFormed(part), `${what} ${name}`).toBe(true);
    }
  });
});
