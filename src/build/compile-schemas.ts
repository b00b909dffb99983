/**
 * Build step: compile each JSON Schema to a standalone validator module, so `danvan check` does not pay
 * for Ajv's compiler on every run. validate/index.ts falls back to compiling at run time when a module is missing
 * or was made from another version of the schema.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import { AJV_OPTIONS, SCHEMA_FILES, schemaHash, schemaText, VALIDATOR_DIR } from "../validate/schemas.js";
import type { FileKind } from "../model/index.js";

const dir = fileURLToPath(VALIDATOR_DIR);
fs.mkdirSync(dir, { recursive: true });
for (const kind of Object.keys(SCHEMA_FILES) as FileKind[]) {
  const text = schemaText(kind);
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true, esm: false } });
  // ajv's standalone module is CommonJS with its function on `default`.
  const generate = ((standaloneCode as unknown as { default?: unknown }).default ?? standaloneCode) as (a: Ajv2020, v: unknown) => string;
  const source = generate(ajv, ajv.compile(JSON.parse(text)));
  fs.writeFileSync(path.join(dir, `${kind}.cjs`), `${source}\nmodule.exports.schemaHash = ${JSON.stringify(schemaHash(text))};\n`);
}
