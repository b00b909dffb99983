/**
 * A bidirectional override (U+202E) or mark in the data's text is invisible and reorders what Word and a
 * terminal show: it passed `check` with 0 errors and went into the DOCX and the Markdown. It is DV377, like
 * the other control characters.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DATA_ROOT } from "../helpers/data.js";
import { runCli } from "../helpers/run-cli.js";

function withText(insert: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-bidi-"));
  fs.cpSync(path.join(DATA_ROOT, "2021"), path.join(root, "2021"), { recursive: true });
  const file = path.join(root, "2021", "sections", "02-3-thong-tin.yaml");
  const text = fs.readFileSync(file, "utf8");
  expect(text).toContain("Trong giai đoạn 2017 - 2021, toàn tỉnh");
  fs.writeFileSync(file, text.replace("Trong giai đoạn 2017 - 2021, toàn tỉnh", `Trong giai đoạn ${insert}2017 - 2021, toàn tỉnh`));
  return root;
}

describe("bidirectional controls in text", () => {
  it.each([["U+202E", "\u202e"], ["U+2066", "\u2066"], ["U+200F", "\u200f"]])("%s is DV377 naming it, and nothing is built", async (name, ch) => {
    const root = withText(ch);
    const r = await runCli("check", "2021", "--data", root, "--format", "json");
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout).diagnostics.filter((d: { code: string }) => d.code === "DV377");
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain(name);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-bidi-out-"));
    expect((await runCli("build-report", "2021", "--data", root, "--out", out)).code).toBe(1);
    expect(fs.readdirSync(out)).toEqual([]);
  });
});
