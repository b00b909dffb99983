/** The schemas and the one Ajv configuration. */
import fs from "node:fs";
import type { FileKind } from "../model/index.js";

export const SCHEMA_FILES: Record<FileKind, string> = {
  report: "report.schema.json",
  documents: "documents.schema.json",
  section: "section.schema.json",
  units: "units.schema.json",
  unit: "unit-report.schema.json",
  series: "series.schema.json",
};

export const SCHEMA_DIR = new URL("../../schemas/", import.meta.url);

export const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  discriminator: true,
  allowUnionTypes: true,
  verbose: true,
  // Messages for editors (the YAML language server reads them); Ajv in strict mode must know them as keywords.
  keywords: ["errorMessage", "patternErrorMessage"],
  // Ajv's optimiser only shortens the generated code (the checks are the same); it cost a third of the
  // time of compiling the three schemas of a year (about 115 → 70 ms of CPU), more than it ever saves
  // validating a year's few hundred nodes.
  code: { optimize: false },
};

export function schemaText(kind: FileKind): string {
  return fs.readFileSync(new URL(SCHEMA_FILES[kind], SCHEMA_DIR), "utf8");
}
