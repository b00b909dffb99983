/**
 * The 2021 DOCX as a person sees it: converted to PDF by LibreOffice (installed by .ci/run), read page by page.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildInTemp } from "../../helpers/build.js";
import { DATA_ROOT } from "../../helpers/data.js";

let pages: string[] = [];
let info = "";
let fonts = "";

beforeAll(async () => {
  const { file } = await buildInTemp(DATA_ROOT, "2021", ["docx", "pdf"]);
  const pdf = file("pdf")!;
  expect(fs.existsSync(pdf)).toBe(true);
  info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  fonts = execFileSync("pdffonts", [pdf], { encoding: "utf8" });
  const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  pages = Array.from({ length: count }, (_, i) =>
    execFileSync("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), pdf, "-"], { encoding: "utf8" }),
  );
}, 180_000);

const firstLine = (page: string) => page.split("\n").find((l) => l.trim())!.trim();

describe("2021 report rendered by LibreOffice", () => {
  it("runs to about the signed report's 24 pages", () => {
    expect(pages.length).toBeGreaterThanOrEqual(22);
    expect(pages.length).toBeLessThanOrEqual(26);
  });

  it("draws the Vietnamese letters in the body's family, not a fallback font", () => {
    const families = fonts.split("\n").slice(2).filter((l) => l.trim()).map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, "").replace(/-.*$/, ""));
    expect(new Set(families)).toEqual(new Set([families[0]]));
    expect(families[0]).toMatch(/TimesNewRoman|LiberationSerif|Tinos/);
  });

  it("carries the report's date as its creation date, not the build time", () => {
    expect(info).toMatch(/CreationDate:.*2021/);
  });

  it("numbers pages from 2, not page 1", () => {
    expect(firstLine(pages[0])).not.toMatch(/^\d+$/);
    expect(firstLine(pages[1])).toBe("2");
    expect(firstLine(pages[pages.length - 1])).toBe(String(pages.length));
  });

  it("has the header and title on page 1", () => {
    for (const text of ["TỈNH ỦY BÌNH THUẬN", "BAN DÂN VẬN", "Số 143-BC/BDVTU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Phan Thiết, ngày 25 tháng 11 năm 2021", "BÁO CÁO"]) {
      expect(pages[0]).toContain(text);
    }
  });

  it("keeps the closing on the page where the text ends", () => {
    const closing = pages.findIndex((p) => p.includes("Nơi nhận:"));
    expect(closing).toBeGreaterThan(0);
    for (const text of ["TRƯỞNG BAN", "Đặng Hồng Sỹ", "Lưu Văn thư.", "đảng viên./."]) expect(pages[closing]).toContain(text);
  });

  it("starts the appendix on a new page and repeats the table header on every appendix page", () => {
    const start = pages.findIndex((p) => p.includes("PHỤ LỤC"));
    expect(start).toBeGreaterThan(0);
    expect(pages[start].split("\n").filter((l) => l.trim())[1].trim()).toBe("PHỤ LỤC");
    expect(pages[start - 1]).toContain("Nơi nhận:");
    for (const page of pages.slice(start)) expect(page).toMatch(/^\s*TT\s+Nội dung\s*$/m);
  });
});
