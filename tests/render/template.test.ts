/** The shipped layout runs precompiled on Handlebars' runtime, and gives what compiling it afresh gives. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { checkYear, locator } from "../../src/pipeline.js";
import { DEFAULT_TEMPLATES, LAYOUT_FILE, precompiledLayout } from "../../src/render/template.js";
import { renderMarkdown } from "../../src/render/index.js";
import { DATA_ROOT } from "../helpers/data.js";

const source = fs.readFileSync(new URL(LAYOUT_FILE, DEFAULT_TEMPLATES), "utf8");

describe("layout template", () => {
  it("is precompiled by npm run build for the shipped template, and not used once the template changes", () => {
    expect(precompiledLayout(source)).toBeDefined();
    expect(precompiledLayout(`${source}\n`)).toBeUndefined();
  });

  it("renders the same Markdown precompiled as compiled at run time", () => {
    const checked = checkYear(DATA_ROOT, "2021");
    const precompiled = renderMarkdown(checked.report!, locator(checked.files)).markdown;
    // The same template from another folder is compiled with the full Handlebars.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-layout-"));
    fs.writeFileSync(path.join(dir, LAYOUT_FILE), source);
    const compiled = renderMarkdown(checked.report!, locator(checked.files), pathToFileURL(`${dir}/`)).markdown;
    expect(precompiled).toContain("BÁO CÁO");
    expect(compiled).toBe(precompiled);
  });
});
