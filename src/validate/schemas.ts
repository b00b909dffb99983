/** The schemas and the one Ajv configuration both the build-time compiler and the runtime fallback use. */
import { createHash } from "node:crypto";
import fs from "node:fs";
import type { FileKind } from "../model/index.js";

export const SCHEMA_FILES: Record<FileKind, string> = {
  report: "report.schema.json",
  documents: "documents.schema.json",
  section: "section.schema.json",
  series: "series.schema.json",
};

export const SCHEMA_DIR = new URL("../../schemas/", import.meta.url);
/** Ahead-of-time validators, written by `npm run build` (dist/build/compile-schemas.js). */
export const VALIDATOR_DIR = new URL("../../dist/validators/", import.meta.url);

export const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  discriminator: true,
  allowUnionTypes: true,
  verbose: true,
  // Messages for editors (the YAML language server reads them); Ajv in strict mode must know them as keywords.
  keywords: ["errorMessage", "patternErrorMessage"],
};

export function schemaText(kind: FileKind): string {
  return fs.readFileSync(new URL(SCHEMA_FILES[kind], SCHEMA_DIR), "utf8");
}

/** Identifies the schema a compiled validator was made from, so a stale one is never used. */
export function schemaHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}
