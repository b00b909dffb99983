/**
 * The validators `npm run build` compiles from the schemas (dist/validators/), or undefined before a build.
 * The bundler (src/build/bundle.ts) puts them inside main.cjs instead, so they load from its code cache.
 */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { ValidateFunction } from "ajv/dist/2020.js";
import type { FileKind } from "../model/index.js";
import { VALIDATOR_DIR } from "./schemas.js";

export interface PrebuiltValidator {
  default: ValidateFunction;
  /** The hash of the schema text it was compiled from. */
  schemaHash: string;
}

export function prebuiltValidator(kind: FileKind): PrebuiltValidator | undefined {
  try {
    return createRequire(import.meta.url)(fileURLToPath(new URL(`${kind}.cjs`, VALIDATOR_DIR))) as PrebuiltValidator;
  } catch {
    return undefined;
  }
}
