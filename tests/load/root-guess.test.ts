/**
 * A data root given one folder off — the clerk inside data/ or a year, in the folder above the project, or
 * naming the project or a year with --data — is found one folder up or down, and named as they would type it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { guessRoot, rootHint } from "../../src/load/root-guess.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-root-guess-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const project = path.join(tmp, "bao-cao");
fs.mkdirSync(path.join(project, "data"), { recursive: true });
fs.cpSync("tests/fixtures/years/mini/2021", path.join(project, "data", "2021"), { recursive: true });
fs.mkdirSync(path.join(project, "data", "bao-cao-quy", "2022-q1"), { recursive: true });
fs.cpSync("tests/fixtures/years/mini/2021/report.yaml", path.join(project, "data", "bao-cao-quy", "2022-q1", "report.yaml"));
fs.writeFileSync(path.join(project, "package.json"), "{}\n");
fs.mkdirSync(path.join(tmp, "trong"));

describe("guessRoot", () => {
  it("inside data/: the working folder is the root (never data/data)", () => {
    const cwd = path.join(project, "data");
    const g = guessRoot("data", cwd);
    expect(g).toEqual({ root: ".", where: "above", periods: ["2021", "bao-cao-quy/2022-q1"] });
    expect(rootHint(g!, "data", cwd)).toBe('"data" không phải thư mục dữ liệu, thư mục đang đứng đã là thư mục dữ liệu (có 2021, bao-cao-quy/2022-q1); chạy lệnh từ thư mục bên trên (cd ..), hoặc ghi --data .');
  });

  it("inside a year, or a series' period and its sections: the root is up", () => {
    expect(guessRoot("data", path.join(project, "data", "2021"))?.root).toBe("..");
    expect(guessRoot("data", path.join(project, "data", "2021", "sections"))?.root).toBe(path.join("..", ".."));
    expect(guessRoot("data", path.join(project, "data", "bao-cao-quy", "2022-q1"))?.root).toBe(path.join("..", ".."));
    expect(guessRoot("data", path.join(project, "data", "bao-cao-quy", "2022-q1", "sections"))?.root).toBe(path.join(project, "data"));
  });

  it("--data naming a year: the root is its folder", () => {
    expect(guessRoot("data/2021", project)).toMatchObject({ root: "data", where: "above" });
  });

  it("above the project: the project's data root, as typed from there", () => {
    const g = guessRoot("data", tmp);
    expect(g).toMatchObject({ root: path.join("bao-cao", "data"), where: "below" });
    expect(rootHint(g!, "data", tmp)).toContain(`ghi --data ${path.join("bao-cao", "data")}`);
  });

  it("--data naming the project: its data folder", () => {
    const g = guessRoot(".", project);
    expect(g).toMatchObject({ root: "data", where: "below" });
    expect(rootHint(g!, ".", project)).toContain("bỏ --data (mặc định là data)");
  });

  it("nothing near: no guess (init may then be offered)", () => {
    expect(guessRoot("data", path.join(tmp, "trong"))).toBeUndefined();
    expect(guessRoot(path.join(tmp, "khong-co", "data"), tmp)).toBeUndefined();
  });
});
