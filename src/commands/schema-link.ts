/**
 * The `# yaml-language-server: $schema=…` line of a data file, pointing at the schemas of the danvan that
 * wrote it, from wherever the data root is: relative when the two share a drive, else a file:// URL.
 */
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { FileKind } from "../model/index.js";
import { SCHEMA_DIR, SCHEMA_FILES } from "../validate/schemas.js";

export function schemaLink(targetFile: string, kind: FileKind): string {
  const schema = path.join(fileURLToPath(SCHEMA_DIR), SCHEMA_FILES[kind]);
  const rel = path.relative(path.dirname(path.resolve(targetFile)), schema);
  return path.isAbsolute(rel) ? pathToFileURL(schema).href : rel.split(path.sep).join("/");
}

export function schemaModeline(targetFile: string, kind: FileKind): string {
  return `yaml-language-server: $schema=${schemaLink(targetFile, kind)}`;
}

/** The text with its first modeline (if any) replaced, or one added on top. */
export function withSchemaModeline(text: string, targetFile: string, kind: FileKind): string {
  const line = `# ${schemaModeline(targetFile, kind)}`;
  const re = /^#\s*yaml-language-server:\s*\$schema=\S*[^\S\n]*$/m;
  return re.test(text) ? text.replace(re, line) : `${line}\n${text}`;
}
