/** Class: fmt never corrupts a valid file; what it would write must read back as the same values. */
import fs from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { formatYaml, FormatRefused } from "../../src/commands/fmt.js";
import { runCli } from "../helpers/run-cli.js";
import { miniRoot, section } from "./helpers.js";

describe("fmt", () => {
  it("a comment or a value ending in > is not a block header", async () => {
    const root = miniRoot();
    const file = section(root, "01-ket-qua.yaml");
    const before = fs.readFileSync(file, "utf8").replace(/^heading: .*$/m, "heading: Mở đầu ->\n# lấy từ bản ký ->");
    const extra = "  # lấy từ bản ký ->\n  - Tiếp tục. Giữ nguyên. Và câu kia.\n  - >-\n    Tiếp tục phối hợp với các cơ quan. Giữ nguyên câu này trong văn bản. Và câu kia cũng vậy ->\n";
    fs.writeFileSync(file, `${before.trimEnd()}\n`.replace(/^body:\n/m, `body:\n${extra}`));
    const values = parse(fs.readFileSync(file, "utf8"));
    const r = await runCli("fmt", "--data", root);
    expect(r.code).toBe(0);
    const after = fs.readFileSync(file, "utf8");
    expect(parse(after)).toEqual(values);
    expect(after).toContain("  # lấy từ bản ký ->\n  - Tiếp tục. Giữ nguyên. Và câu kia.\n");
    expect(after).toContain("    Tiếp tục phối hợp với các cơ quan.\n    Giữ nguyên câu này trong văn bản.\n    Và câu kia cũng vậy ->\n");
    expect((await runCli("check", "--data", root)).code).toBe(0);
  });

  it("refuses to write what would not read back the same (a long text with a leading space)", async () => {
    const root = miniRoot();
    const file = section(root, "01-ket-qua.yaml");
    // Folded, a leading space makes a "more indented" line, which keeps its line break: another value.
    const source = fs.readFileSync(file, "utf8").replace(/^heading: .*$/m, `heading: " Mở đầu. ${"Câu dài. ".repeat(12).trim()}"`);
    fs.writeFileSync(file, source);
    expect(() => formatYaml(source, "section")).toThrow(FormatRefused);
    const r = await runCli("fmt", "--data", root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("01-ket-qua.yaml: DV016");
    expect(fs.readFileSync(file, "utf8")).toBe(source);
  });
});
