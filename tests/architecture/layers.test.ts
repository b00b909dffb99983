/**
 * The stages import only downward: load → validate → check → render → parse → write, over a shared base,
 * with the pipeline, the commands and the CLI above them (tests/helpers/import-graph.ts, LAYERS). The graph
 * is read from src/ itself, and docs/architecture.md shows it as it is (`npm run golden` rewrites it).
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { layerOf, moduleImports, unitGraph, unitOf } from "../helpers/import-graph.js";

const DOC = "docs/architecture.md";
const FENCE = /(<!-- import-graph -->\n```\n)([\s\S]*?)(\n?```)/;

describe("layers", () => {
  it("puts every file of src/ in a layer", () => {
    const units = new Set(moduleImports().flatMap(([a, b]) => [unitOf(a), unitOf(b)]));
    for (const u of units) expect(layerOf(u), `${u}: add it to LAYERS`).toBeGreaterThanOrEqual(0);
  });

  it("has no import from a layer to one above it", () => {
    const upward = moduleImports()
      .filter(([from, to]) => layerOf(unitOf(to)) > layerOf(unitOf(from)))
      .map(([from, to]) => `${from} → ${to}`);
    expect(upward).toEqual([]);
  });

  it("is shown as it is in docs/architecture.md", () => {
    const doc = fs.readFileSync(DOC, "utf8");
    const graph = unitGraph();
    if (process.env.UPDATE) fs.writeFileSync(DOC, doc.replace(FENCE, (_m, open: string) => `${open}${graph}\n\`\`\``));
    const shown = FENCE.exec(fs.readFileSync(DOC, "utf8"))?.[2];
    expect(shown, `${DOC} needs a block after <!-- import-graph --> (npm run golden writes it)`).toBe(graph);
  });
});
