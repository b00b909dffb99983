/** `danvan check` must not load the DOCX or template machinery: walk the static imports from the CLI. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function staticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = fs.readFileSync(file, "utf8");
  for (const m of source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"([^"]+)";/gms)) {
    const spec = m[1];
    if (spec.startsWith(".")) staticImports(path.join(path.dirname(file), spec.replace(/\.js$/, ".ts")), seen);
    else seen.add(spec);
  }
  return seen;
}

describe("import graph", () => {
  it("keeps docx, handlebars and remark out of what the CLI and check load eagerly", () => {
    const loaded = [...staticImports("src/cli.ts")];
    for (const heavy of ["docx", "handlebars", "unified", "remark-parse", "remark-gfm", "remark-stringify", "remark-directive", "mdast-util-to-markdown", "mdast-util-gfm", "fflate"]) {
      expect(loaded, heavy).not.toContain(heavy);
    }
  });
  it("writes Markdown without loading a Markdown parser", () => {
    const loaded = [...staticImports("src/write/markdown.ts")];
    expect(loaded).toContain("mdast-util-to-markdown");
    for (const parser of ["unified", "remark-parse", "remark-gfm", "micromark", "src/parse/remark.ts"]) expect(loaded, parser).not.toContain(parser);
  });
  it("loads the YAML parser and Ajv only in the commands that read data", () => {
    const loaded = [...staticImports("src/cli.ts")];
    expect(loaded).not.toContain("yaml");
    expect(loaded).not.toContain("ajv/dist/2020.js");
    expect(loaded).toContain("src/load/index.ts");
  });
});
