/** `danvan fmt`: canonical layout, values unchanged, comments kept; data/2021 is kept canonical. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatYaml, splitSentences } from "../../src/commands/fmt.js";
import { DATA_ROOT } from "../helpers/data.js";
import { runCli } from "../helpers/run-cli.js";

const sortKeys = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(sortKeys) : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])])) : v;

describe("danvan fmt", () => {
  it("data/2021 is canonical (CI runs `danvan fmt --check`; here on the tests' copy)", async () => {
    const r = await runCli("fmt", "--check");
    expect(r.stdout).toContain("0 tệp chưa đúng bố cục chuẩn");
    expect(r.code).toBe(0);
  });

  it("orders keys as the schema does, one sentence per line, keeps comments and values", () => {
    const messy = [
      "# yaml-language-server: $schema=../../../schemas/section.schema.json",
      "statistics:",
      "  don: {parts: {a: 1, b: 2}, kind: breakdown, stated: 3} # kept",
      "# about the body",
      "body:",
      '  - "Câu một có {{n \\"don\\"}} đơn. Câu hai; vế ba (trong ngoặc; không tách). Câu bốn."',
      "level: 1",
      "heading: Ngắn",
      "",
    ].join("\n");
    const out = formatYaml(messy, "section");
    expect(out).toBe(
      [
        "# yaml-language-server: $schema=../../../schemas/section.schema.json",
        "",
        "level: 1",
        "heading: Ngắn",
        "# about the body",
        "body:",
        "  - >-",
        '    Câu một có {{n "don"}} đơn.',
        "    Câu hai;",
        "    vế ba (trong ngoặc; không tách).",
        "    Câu bốn.",
        "statistics:",
        "  don:",
        "    kind: breakdown",
        "    parts:",
        "      a: 1",
        "      b: 2",
        "    stated: 3",
        "    # kept",
        "",
      ].join("\n"),
    );
    expect(sortKeys(parse(out))).toEqual(sortKeys(parse(messy)));
    expect(formatYaml(out, "section")).toBe(out);
  });

  it("keeps a file's CRLF line endings: --check passes a canonical year saved by Notepad, fmt writes CRLF back, check passes", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-fmt-crlf-"));
    try {
      fs.cpSync(DATA_ROOT, root, { recursive: true });
      const files = fs.readdirSync(path.join(root, "2021"), { recursive: true }).map(String).filter((f) => f.endsWith(".yaml")).map((f) => path.join(root, "2021", f));
      for (const f of files) fs.writeFileSync(f, fs.readFileSync(f, "utf8").replace(/\n/g, "\r\n"));
      const checked = await runCli("fmt", "--check", "--data", root);
      expect(checked.stdout).toContain("0 tệp chưa đúng bố cục chuẩn");
      expect(checked.code).toBe(0);
      expect((await runCli("check", "2021", "--data", root)).code).toBe(0);
      // One file out of layout: fmt rewrites it, in CRLF still, and leaves the rest byte for byte.
      const section = files.find((f) => f.includes("00-mo-dau"))!;
      const before = new Map(files.map((f) => [f, fs.readFileSync(f, "utf8")]));
      fs.writeFileSync(section, before.get(section)!.replace("level: 0\r\n", "").replace(/\r\n$/, "\r\nlevel: 0\r\n"));
      expect((await runCli("fmt", "--data", root)).stdout).toContain("1 tệp đã định dạng");
      for (const f of files) expect(fs.readFileSync(f, "utf8"), f).toBe(before.get(f));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("never splits inside a helper call", () => {
    expect(splitSentences('A {{n "x. Y"}} b. C')).toEqual(['A {{n "x. Y"}} b.', "C"]);
  });

  it("--check names each file that is not canonical and exits 1; without it, rewrites them", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-fmt-"));
    fs.cpSync("tests/fixtures/years/mini", dir, { recursive: true });
    const file = path.join(dir, "2021/documents.yaml");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("groups:", "groups:  ").replace(/    types:/, "    types:  "));
    const flat = path.join(dir, "2021/report.yaml");
    fs.writeFileSync(flat, fs.readFileSync(flat, "utf8").replace("  to: 2020", "  to: 2020\n  # comment stays"));
    const check = await runCli("fmt", "--check", "--data", dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("chưa chuẩn");
    const fix = await runCli("fmt", "--data", dir);
    expect(fix.code).toBe(0);
    expect((await runCli("fmt", "--check", "--data", dir)).code).toBe(0);
    expect(fs.readFileSync(flat, "utf8")).toContain("# comment stays");
  });
});
