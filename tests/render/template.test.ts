/** A layout given with --templates is read and compiled as the shipped one is. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { checkYear, locator } from "../../src/pipeline.js";
import { DEFAULT_TEMPLATES, LAYOUT_FILE } from "../../src/render/template.js";
import { renderMarkdown } from "../../src/render/index.js";
import { DATA_ROOT } from "../helpers/data.js";

const source = fs.readFileSync(new URL(LAYOUT_FILE, DEFAULT_TEMPLATES), "utf8");

describe("layout template", () => {
  it("renders the same Markdown from a copy of the shipped layout in another folder", () => {
    const checked = checkYear(DATA_ROOT, "2021");
    const shipped = renderMarkdown(checked.report!, locator(checked.files)).markdown;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-layout-"));
    fs.writeFileSync(path.join(dir, LAYOUT_FILE), source);
    const copied = renderMarkdown(checked.report!, locator(checked.files), pathToFileURL(`${dir}/`)).markdown;
    expect(shipped).toContain("BÁO CÁO");
    expect(copied).toBe(shipped);
  });
});
