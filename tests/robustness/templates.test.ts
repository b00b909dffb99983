/** Class: templates. `lookup` and `log` are as strict as the rest; a template's text is text. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { docxParts, paragraphTexts } from "../helpers/build.js";
import { runCli } from "../helpers/run-cli.js";
import { miniRoot, ROOT, tmp } from "./helpers.js";

/** The line of the shipped template the tests edit. */
const SUPERIOR_LINE = fs.readFileSync(path.join(ROOT, "templates/report.md.hbs"), "utf8").split("\n").findIndex((l) => l.includes("{{header.superior}}")) + 1;

function template(edit: (s: string) => string): string {
  const dir = tmp();
  fs.writeFileSync(path.join(dir, "report.md.hbs"), edit(fs.readFileSync(path.join(ROOT, "templates/report.md.hbs"), "utf8")));
  return dir;
}

describe("templates", () => {
  it("lookup of a missing key is an error at the template's line:col", async () => {
    const dir = template((s) => s.replace("{{header.superior}}", '{{lookup header "isuer"}}'));
    const r = await runCli("build-report", "2021", "--data", miniRoot(), "--templates", dir, "--out", tmp());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`report\\.md\\.hbs:${SUPERIOR_LINE}:\\d+: lỗi DV401: .*"isuer"`));
  });

  it("lookup of a present key prints it", async () => {
    const out = tmp();
    const dir = template((s) => s.replace("{{header.superior}}", '{{lookup header "superior"}}'));
    const r = await runCli("build-report", "2021", "--data", miniRoot(), "--templates", dir, "--out", out, "--format", "md");
    expect(r.code).toBe(0);
    const plain = tmp();
    await runCli("build-report", "2021", "--data", miniRoot(), "--out", plain, "--format", "md");
    const md = (d: string) => fs.readFileSync(path.join(d, "01-BC-BDVTU-2021.md"), "utf8");
    expect(md(out)).toBe(md(plain));
  });

  it("log is not available: an error, nothing printed into the output", async () => {
    const dir = template((s) => s.replace("{{header.superior}}", "{{log header}}{{header.superior}}"));
    const r = await runCli("build-report", "2021", "--data", miniRoot(), "--templates", dir, "--out", tmp());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`report\\.md\\.hbs:${SUPERIOR_LINE}:\\d+: lỗi DV401: .*"log"`));
    expect(r.stdout).toBe("");
  });

  it("text that looks like a directive is text, in both outputs", async () => {
    const out = tmp();
    const dir = template((s) => s.replace("{{#each sections}}", "Giờ họp :sáng thứ hai, phòng:{{header.superior}}\n\n{{#each sections}}"));
    const r = await runCli("build-report", "2021", "--data", miniRoot(), "--templates", dir, "--out", out);
    expect(r.code).toBe(0);
    const texts = paragraphTexts(docxParts(path.join(out, "01-BC-BDVTU-2021.docx"))["word/document.xml"]);
    expect(texts.some((t) => t.startsWith("Giờ họp :sáng thứ hai, phòng:"))).toBe(true);
    expect(fs.readFileSync(path.join(out, "01-BC-BDVTU-2021.md"), "utf8")).toMatch(/Giờ họp \\?:sáng thứ hai/);
  });
});
