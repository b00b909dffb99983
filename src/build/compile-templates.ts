/**
 * Build step: compile the shipped layout template to a module for Handlebars' runtime, so a build does not
 * load Handlebars' compiler. render/template.ts uses it only while the template's text is unchanged.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { COMPILE_OPTIONS, DEFAULT_TEMPLATES, LAYOUT_FILE, PRECOMPILED_DIR, templateHash } from "../render/template.js";

const Handlebars = createRequire(import.meta.url)("handlebars") as typeof import("handlebars");
const source = fs.readFileSync(new URL(LAYOUT_FILE, DEFAULT_TEMPLATES), "utf8");
const spec = Handlebars.precompile(source, COMPILE_OPTIONS);
const dir = fileURLToPath(PRECOMPILED_DIR);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, `${LAYOUT_FILE}.cjs`), `"use strict";\nmodule.exports.spec = ${spec};\nmodule.exports.sourceHash = ${JSON.stringify(templateHash(source))};\n`);
