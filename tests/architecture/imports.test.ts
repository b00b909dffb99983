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
    for (const heavy of ["docx", "handlebars", "unified", "remark-parse", "remark-gfm", "remark-stringify", "remark-directive"]) {
      expect(loaded, heavy).not.toContain(heavy);
    }
  });
  it("loads the YAML parser and Ajv only in the commands that read data", () => {
    const loaded = [...staticImports("src/cli.ts")];
    expect(loaded).not.toContain("yaml");
    expect(loaded).not.toContain("ajv/dist/2020.js");
    expect(loaded).toContain("src/load/index.ts");
  });
});
