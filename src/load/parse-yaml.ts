/**
 * The yaml library's parseDocument, with duplicate keys found in one pass. The library's own check
 * (`uniqueKeys: true`) compares each key with every earlier key of its map: a section of 4 MiB with
 * thousands of footnotes and statistics spent most of `check` and `fmt --check` there (quadratic). Here every
 * map's scalar keys go into a Map once, and a repeated one is the library's own DUPLICATE_KEY error at the
 * repeated key; tests/load/duplicate-keys.test.ts holds it to `uniqueKeys: true` on random maps.
 */
import type { Document, LineCounter, YAMLParseError } from "yaml";
import { yamlLibrary } from "../model/index.js";

export function parseYamlDocument(text: string, lineCounter?: LineCounter): Document {
  const Y = yamlLibrary();
  const doc = Y.parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const duplicates: YAMLParseError[] = [];
  Y.visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        // The library's equality: the same node, or two scalars of the same value; other keys never repeat.
        if (!Y.isScalar(pair.key)) continue;
        const value = pair.key.value;
        if (seen.has(value)) duplicates.push(new Y.YAMLParseError([pair.key.range?.[0] ?? 0, pair.key.range?.[1] ?? 0], "DUPLICATE_KEY", "Map keys must be unique"));
        else seen.add(value);
      }
    },
  });
  if (duplicates.length) {
    doc.errors.push(...duplicates);
    doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
  }
  return doc;
}
