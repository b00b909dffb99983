/** The schemas carry Vietnamese messages for editors, and Ajv in strict mode still accepts them. */
import fs from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { AJV_OPTIONS, SCHEMA_FILES } from "../../src/validate/schemas.js";

function nodes(schema: unknown, out: Array<Record<string, unknown>> = [], inIf = false): Array<Record<string, unknown>> {
  if (Array.isArray(schema)) schema.forEach((s) => nodes(s, out));
  else if (schema && typeof schema === "object") {
    const o = schema as Record<string, unknown>;
    if (!inIf) out.push(o);
    for (const [k, v] of Object.entries(o)) nodes(v, out, k === "if");
  }
  return out;
}

describe("schemas for editors", () => {
  for (const file of Object.values(SCHEMA_FILES)) {
    const schema = JSON.parse(fs.readFileSync(`schemas/${file}`, "utf8")) as unknown;
    it(`${file} is a valid JSON Schema 2020-12 and compiles in strict mode (runs skip the meta-schema check)`, () => {
      const ajv = new Ajv2020(AJV_OPTIONS);
      expect(ajv.validateSchema(schema as object), JSON.stringify(ajv.errors)).toBe(true);
      expect(() => new Ajv2020(AJV_OPTIONS).compile(schema as object)).not.toThrow();
    });
    it(`${file}: every pattern, type and enum has a Vietnamese message`, () => {
      for (const n of nodes(schema)) {
        if (typeof n.pattern === "string") expect(n.patternErrorMessage, String(n.pattern)).toMatch(/[àáảãạăâđêôơư]/i);
        if (typeof n.type === "string" || Array.isArray(n.type) || Array.isArray(n.enum)) expect(n.errorMessage, JSON.stringify(n.type ?? n.enum)).toMatch(/^(Cần|Chọn)/);
      }
    });
  }
});
