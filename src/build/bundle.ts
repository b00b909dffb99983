/**
 * Build step: bundle dist/ into CommonJS files that src/launch.cts loads with a V8 code cache (made by
 * src/build/train.ts). `main.cjs` is the CLI and the stages every run needs; the modules in APART are
 * bundles of their own, read only by the runs that use them. yaml, Handlebars and Ajv stay in
 * node_modules, required only when needed. Without this, a cold start spent more time compiling and
 * first-running modules than working (see docs/speed.md).
 */
import { build, type Plugin } from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dist = fileURLToPath(new URL("../", import.meta.url));
const out = path.join(dist, "bundle");
/** Loaded at run time from node_modules, only by the runs that need them. */
const LAZY_PACKAGES = ["yaml", "handlebars", "ajv", "saxes", "fflate", "exceljs"];

/**
 * Modules loaded only by some runs, each its own bundle: the DOCX writer with docx.js (never read by
 * `check`), and remark, which reads and writes only what danvan's own Markdown subset steps aside from.
 * The key is the module in dist/; every `import()` of it becomes a require of its bundle.
 */
export const APART: Record<string, string> = { "write/docx/index.js": "./docx.cjs", "parse/remark.js": "./remark.cjs" };

/**
 * Rewrites of dist/ as it is bundled. Code that finds its files relative to itself (`import.meta.url`)
 * finds them from its place in dist/, wherever the bundle is: the URL is rebuilt at run time from the
 * bundle's folder. A module kept apart is required from its bundle, through the launcher's require (whose
 * list, in src/launch.cts, names the same bundles). prebuilt-validators.js becomes static requires.
 */
const rewrites: Plugin = {
  name: "danvan-rewrites",
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      if (!args.path.startsWith(dist)) return undefined;
      if (args.path === path.join(dist, "validate", "prebuilt-validators.js")) return { contents: PREBUILT_VALIDATORS, loader: "js", resolveDir: dist };
      const relative = path.relative(out, args.path).split(path.sep).join("/");
      let source = await fs.promises.readFile(args.path, "utf8");
      source = source.replaceAll("import.meta.url", `${MODULE_URL}(${JSON.stringify(relative)})`);
      source = source.replace(/\bimport\("(\.{1,2}\/[^"]+)"\)/g, (call, spec: string) => {
        const target = path.relative(dist, path.resolve(path.dirname(args.path), spec)).split(path.sep).join("/");
        const bundle = APART[target];
        return bundle ? `Promise.resolve().then(() => require(${JSON.stringify(bundle)}))` : call;
      });
      return { contents: source, loader: "js" };
    });
  },
};

/** prebuilt-validators.js as bundled: the validators compile-schemas.js wrote, required statically. */
const PREBUILT_VALIDATORS = `
const validators = {
  report: () => require("./validators/report.cjs"),
  documents: () => require("./validators/documents.cjs"),
  section: () => require("./validators/section.cjs"),
  units: () => require("./validators/units.cjs"),
  unit: () => require("./validators/unit.cjs"),
};
export function prebuiltValidator(kind) {
  return validators[kind]?.();
}
`;

/** Defined once at the top of each bundle, where `require` and `__dirname` are still the bundle's own. */
const MODULE_URL = "__danvanModuleUrl";
const banner = `"use strict";\nvar ${MODULE_URL} = (relative) => require("node:url").pathToFileURL(require("node:path").join(__dirname, relative)).href;`;

const common = {
  banner: { js: banner },
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  legalComments: "none",
  logLevel: "warning",
  external: LAZY_PACKAGES.flatMap((p) => [p, `${p}/*`]),
} as const;

fs.rmSync(out, { recursive: true, force: true });
const apart = Object.values(APART);
await build({ ...common, entryPoints: [path.join(dist, "cli.js")], outfile: path.join(out, "main.cjs"), plugins: [rewrites], external: [...common.external, ...apart] });
for (const [module, bundle] of Object.entries(APART)) {
  await build({ ...common, entryPoints: [path.join(dist, module)], outfile: path.join(out, bundle), plugins: [rewrites], external: [...common.external, ...apart] });
}
const main = fs.readFileSync(path.join(out, "main.cjs"), "utf8");
for (const bundle of apart) {
  if (!main.includes(`require(${JSON.stringify(bundle)})`)) throw new Error(`bundle: nothing in main.cjs loads ${bundle} any more; update APART in src/build/bundle.ts`);
}
// The launcher runs bundles as scripts, where a dynamic import() has no loader to go to.
for (const bundle of ["main.cjs", ...apart]) {
  if (/\bimport\(/.test(fs.readFileSync(path.join(out, bundle), "utf8"))) throw new Error(`bundle: ${bundle} still has a dynamic import(); keep that module apart or bundle the package`);
}
