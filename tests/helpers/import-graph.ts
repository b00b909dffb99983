/** The import graph of src/, by top-level folder or file, read from the sources (static, dynamic and type imports). */
import fs from "node:fs";
import path from "node:path";

/**
 * The pipeline's layers, lowest first. A module may import its own layer and the layers below it. The
 * shared base (model, text, io, diagnostics, profile) imports nothing above it; each stage, only the base
 * and the stages before it; the pipeline and the commands sit above every stage; the CLI on top.
 */
export const LAYERS: ReadonlyArray<readonly string[]> = [
  ["diagnostics", "io", "text", "model", "profile", "package-info"],
  ["load"],
  ["collect"],
  ["validate"],
  ["check"],
  ["render"],
  ["parse"],
  ["write"],
  ["pipeline"],
  ["commands", "import", "redline", "review", "print"],
  ["cli"],
];

const IMPORT = /(?:^|[^\w.$])(?:import|export)\s*(?:type\s+)?(?:[^"';]*?\sfrom\s*)?"(\.{1,2}\/[^"]+)"|\bimport\(\s*"(\.{1,2}\/[^"]+)"\s*\)/gm;

/** `src/check/text.ts` → `check`; `src/cli.ts` → `cli`. */
export function unitOf(file: string): string {
  const [top] = path.relative("src", file).split(path.sep);
  return top.replace(/\.c?ts$/, "");
}

export function layerOf(unit: string): number {
  return LAYERS.findIndex((l) => l.includes(unit));
}

/** Every import between modules of src/: [importing file, imported file]. */
export function moduleImports(): Array<[string, string]> {
  const files = fs.readdirSync("src", { recursive: true, encoding: "utf8" }).filter((f) => /\.c?ts$/.test(f)).map((f) => path.join("src", f));
  const edges: Array<[string, string]> = [];
  for (const file of files) {
    for (const m of fs.readFileSync(file, "utf8").matchAll(IMPORT)) {
      const spec = m[1] ?? m[2];
      edges.push([file, path.normalize(path.join(path.dirname(file), spec.replace(/\.c?js$/, (e) => (e === ".cjs" ? ".cts" : ".ts"))))]);
    }
  }
  return edges;
}

/** The graph between units, as lines `unit → a, b, c`, from the top layer down. */
export function unitGraph(): string {
  const out = new Map<string, Set<string>>();
  for (const [from, to] of moduleImports()) {
    const a = unitOf(from);
    const b = unitOf(to);
    if (a !== b) (out.get(a) ?? out.set(a, new Set()).get(a)!).add(b);
  }
  const units = LAYERS.flat().filter((u) => out.has(u)).reverse();
  const byLayer = (a: string, b: string) => layerOf(b) - layerOf(a) || LAYERS.flat().indexOf(a) - LAYERS.flat().indexOf(b);
  return units.map((u) => `${u} → ${[...out.get(u)!].sort(byLayer).join(", ")}`).join("\n");
}
