/**
 * `danvan import`: danvan's own 2021 DOCX, the same after LibreOffice, and a pandoc-made DOCX come back
 * as years that `check` accepts and that rebuild to the same text, footnotes in the same places.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildInTemp } from "../helpers/build.js";
import { anchors, coverage, docxText, missingWords } from "../helpers/coverage.js";
import { DATA_ROOT } from "../helpers/data.js";
import { runCli } from "../helpers/run-cli.js";
import { checkYear } from "../../src/pipeline.js";

const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** The 2021 report built from a copy of the data, as a clerk would have it. */
let built: Promise<string> | undefined;
function build2021(): Promise<string> {
  built ??= buildOnce();
  return built;
}

async function buildOnce(): Promise<string> {
  const data = tmp("danvan-import-src-");
  fs.cpSync(path.join(DATA_ROOT, "2021"), path.join(data, "2021"), { recursive: true });
  const { file } = await buildInTemp(data, "2021", ["docx"]);
  return file("docx")!;
}

async function importAndRebuild(docx: string, year: string) {
  const data = tmp("danvan-import-");
  const r = await runCli("import", docx, year, "--data", data);
  const rebuilt = r.code === 0 ? await buildInTemp(data, year, ["docx", "md"]) : undefined;
  return { r, data, rebuilt: rebuilt?.file("docx"), md: rebuilt?.file("md") };
}

function registerSize(data: string, year: string): number {
  const docs = parse(fs.readFileSync(path.join(data, year, "documents.yaml"), "utf8"));
  return docs.groups.flatMap((g: { types: Array<{ documents: unknown[] }> }) => g.types.flatMap((t) => t.documents)).length;
}

describe("import of danvan's own 2021 report", () => {
  it("rebuilds the same text, 19 footnotes in the same places, 48 register entries, no check errors", async () => {
    const original = await build2021();
    const { r, data, rebuilt } = await importAndRebuild(original, "2021");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("14 mục, 19 chú thích, 48 văn bản");
    expect(checkYear(data, "2021").diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(coverage(docxText(original), docxText(rebuilt!))).toBeGreaterThanOrEqual(0.99);
    expect(anchors(rebuilt!)).toEqual(anchors(original));
    expect(anchors(original)).toHaveLength(19);
    expect(registerSize(data, "2021")).toBe(48);
    // Canonical layout: fmt --check has nothing to change.
    expect((await runCli("fmt", "--check", "--data", data)).code).toBe(0);
    const intro = fs.readFileSync(path.join(data, "2021/sections/01-cong-tac-quan.yaml"), "utf8");
    expect(intro).toContain('{{doc "3111-kh-ubnd"}}');
    expect(intro).toContain('{{doc "20-ctr-bdvtu-bcsdub" date=false}}');
  });

  it("with --figures, types the recognised figures with what was printed, and check finds the signed text's own contradiction", async () => {
    const original = await build2021();
    const data = tmp("danvan-import-figures-");
    const r = await runCli("import", original, "2021", "--data", data, "--figures");
    expect(r.code).toBe(0);
    const section = parse(fs.readFileSync(path.join(data, "2021/sections/02-3-cung-cap-trao.yaml"), "utf8"));
    expect(section.statistics["don-khieu-to"]).toEqual({ kind: "breakdown", unit: "đơn", parts: { "khieu-nai": 1611, "to-cao": 403 }, stated: 2014 });
    expect(section.statistics["ty-le-don-to-cao"]).toEqual({ kind: "ratio", part: 267, whole: 403, decimals: 1, stated: 90.6 });
    const warnings = checkYear(data, "2021").diagnostics;
    expect(warnings.filter((d) => d.severity === "error")).toEqual([]);
    expect(warnings.map((d) => `${d.code} ${d.message}`)).toContain("DV342 tỷ lệ ghi 90,6% nhưng 267/403 = 66,3%");
    const { file } = await buildInTemp(data, "2021", ["docx"]);
    expect(coverage(docxText(original), docxText(file("docx")!))).toBeGreaterThanOrEqual(0.999);
  });

  it("detects the state profile from the header (Số:, the state motto) and rebuilds the same text", async () => {
    const src = tmp("danvan-import-state-src-");
    fs.cpSync(path.join(DATA_ROOT, "2021"), path.join(src, "2021"), { recursive: true });
    const reportFile = path.join(src, "2021/report.yaml");
    fs.writeFileSync(reportFile, fs.readFileSync(reportFile, "utf8").replace(/^profile: party$/m, "profile: state"));
    const original = (await buildInTemp(src, "2021", ["docx"])).file("docx")!;
    const { r, data, rebuilt } = await importAndRebuild(original, "2021");
    expect(r.code).toBe(0);
    const report = parse(fs.readFileSync(path.join(data, "2021/report.yaml"), "utf8"));
    expect(report.profile).toBe("state");
    // Its `I.`, `1.` and `a)` are the state profile's own numbering: nothing to override.
    expect(report.format).toBeUndefined();
    expect(parse(fs.readFileSync(path.join(data, "2021/sections/04-mot-so-nhiem.yaml"), "utf8")).body[0].numbered).toHaveLength(7);
    expect(coverage(docxText(original), docxText(rebuilt!))).toBeGreaterThanOrEqual(0.99);
    expect(anchors(rebuilt!)).toEqual(anchors(original));
  });

  it("reads the same after LibreOffice rewrote runs, styles and numbering", async () => {
    const lo = "tests/import/fixtures/libreoffice/143-BC-BDVTU-2021.docx";
    const { r, data, rebuilt } = await importAndRebuild(lo, "2021");
    expect(r.code).toBe(0);
    expect(checkYear(data, "2021").diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(coverage(docxText(lo), docxText(rebuilt!))).toBeGreaterThanOrEqual(0.99);
    expect(anchors(rebuilt!)).toEqual(anchors(lo));
    expect(anchors(lo)).toHaveLength(19);
    expect(registerSize(data, "2021")).toBe(48);
  });
});

describe.each([
  ["pandoc", () => {
    const docx = path.join(tmp("danvan-pandoc-"), "report.docx");
    execFileSync("pandoc", ["-f", "markdown", "-t", "docx", "-o", docx, "tests/import/fixtures/pandoc/report.md"]);
    return docx;
  }],
  ["pandoc, then ODT and LibreOffice", () => "tests/import/fixtures/libreoffice/pandoc-report.docx"],
])("import of a DOCX made by %s", (_name, make) => {
  it("finds the header, headings, automatic numbered lists, footnotes, closing and appendix table", async () => {
    const docx = make();
    const { r, data, rebuilt } = await importAndRebuild(docx, "2022");
    expect(r.code).toBe(0);
    const report = parse(fs.readFileSync(path.join(data, "2022/report.yaml"), "utf8"));
    expect(report).toMatchObject({
      profile: "party",
      superior: "TỈNH ỦY LÂM ĐỒNG",
      issuer: { name: "BAN DÂN VẬN", fullName: "Ban Dân vận Tỉnh ủy" },
      number: "12-BC/BDVTU",
      place: "Đà Lạt",
      date: "2022-12-05",
      type: "Báo cáo",
      title: ["kết quả công tác dân vận năm 2022"],
      period: { from: 2022, to: 2022 },
      signer: { title: "TRƯỞNG BAN", name: "Nguyễn Văn An" },
      recipients: { list: ["Ban Dân vận Trung ương", "Thường trực Tỉnh ủy"], filing: "Lưu Văn thư" },
    });
    const files = fs.readdirSync(path.join(data, "2022/sections")).sort();
    expect(files).toEqual(["00-mo-dau.yaml", "01-1-cong-tac-tham.yaml", "01-2-phong-trao-thi.yaml", "01-ket-qua-thuc.yaml", "02-danh-gia-chung.yaml", "03-nhiem-vu-nam.yaml"]);
    const section = (f: string) => parse(fs.readFileSync(path.join(data, "2022/sections", f), "utf8"));
    expect(section("01-ket-qua-thuc.yaml")).toMatchObject({ level: 1, heading: "Kết quả thực hiện" });
    const s11 = section("01-1-cong-tac-tham.yaml");
    expect(s11.heading).toBe("Về công tác tham mưu");
    expect(s11.body[2].numbered).toHaveLength(3);
    expect(s11.body[0]).toContain('{{doc "45-kh-tu"}}');
    expect(Object.values(s11.footnotes)).toEqual(["Kế hoạch được triển khai đến 12 huyện, thành phố.", 'Đã kiểm tra 24 cơ sở theo {{doc "45-kh-tu"}}.']);
    expect(section("01-2-phong-trao-thi.yaml").body[1].bullets).toHaveLength(2);
    expect(section("02-danh-gia-chung.yaml").body[0]).toEqual({ subheading: "Hạn chế" });
    expect(registerSize(data, "2022")).toBe(2);
    // The misplaced tone mark is repaired and the repair named.
    expect(r.stderr).toMatch(/DV608: .*"đaọ" → "đạo"/);
    expect(section("01-2-phong-trao-thi.yaml").body[0]).toContain("tư tưởng, đạo đức");
    // Nothing of the document is lost: every word of it comes back in the rebuilt report, as often.
    expect(missingWords(docxText(docx).replace("đaọ", "đạo"), docxText(rebuilt!))).toEqual([]);
  });
});
