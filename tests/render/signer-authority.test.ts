/**
 * A signing authority written on several lines (`TM. ỦY BAN NHÂN DÂN` / `KT. CHỦ TỊCH`, as Nghị định 30 lays
 * out a vice-chair signing for the committee) prints one line each, in the DOCX and the Markdown; `diff`
 * names them together.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { buildInTemp, docxParts, paragraphTexts } from "../helpers/build.js";
import { runCli } from "../helpers/run-cli.js";

describe("a signing authority on several lines", () => {
  it("prints each line as its own line, after which the title and the name", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-authority-"));
    fs.cpSync("tests/fixtures/years/mini/2021", path.join(root, "2021"), { recursive: true });
    const file = path.join(root, "2021/report.yaml");
    const report = parse(fs.readFileSync(file, "utf8"));
    report.signer = { authority: ["TM. BAN THƯỜNG VỤ", "KT. TRƯỞNG BAN"], title: "PHÓ TRƯỞNG BAN", name: "Nguyễn Văn A" };
    fs.writeFileSync(file, stringify(report));
    expect((await runCli("check", "2021", "--data", root)).code).toBe(0);
    const { file: out } = await buildInTemp(root, "2021");
    const texts = paragraphTexts(docxParts(out("docx")!)["word/document.xml"]);
    const at = texts.indexOf("TM. BAN THƯỜNG VỤ");
    expect(texts.slice(at, at + 3)).toEqual(["TM. BAN THƯỜNG VỤ", "KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]);
    expect(fs.readFileSync(out("md")!, "utf8")).toContain("**TM. BAN THƯỜNG VỤ**\\\n**KT. TRƯỞNG BAN**\\\n**PHÓ TRƯỞNG BAN**");
  });
});
