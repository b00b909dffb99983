/**
 * Build step: bundle dist/ into two CommonJS files that src/launch.ts loads with a V8 code cache.
 * `main.cjs` is the CLI and every stage but the DOCX writer; `docx.cjs` is the DOCX writer with docx.js, so
 * `danvan check` never reads docx.js. yaml, Handlebars and Ajv stay in node_modules: they are required only
 * when a run needs them. Without this, a cold start spent more time compiling and first-running modules
 * than working (see README, Speed).
 */
import { build, type Plugin } from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dist = fileURLToPath(new URL("../", import.meta.url));
const out = path.join(dist, "bundle");
/** Loaded at run time from node_modules, only by the runs that need them. */
const LAZY_PACKAGES = ["yaml", "handlebars", "ajv"];
export const DOCX_BUNDLE = "./docx.cjs";

/** The DOCX writer, as pipeline.ts imports it; main.cjs requires the DOCX bundle there instead. */
const DOCX_IMPORT = 'import("./write/docx/index.js")';

/**
 * Two rewrites of dist/ as it is bundled. Code that finds its files relative to itself (`import.meta.url`)
 * finds them from its place in dist/, wherever the bundle is: the URL is rebuilt at run time from the
 * bundle's folder. And the DOCX writer is required from its own bundle, through the launcher's require.
 */
const rewrites: Plugin = {
  name: "danvan-rewrites",
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      if (!args.path.startsWith(dist)) return undefined;
      const relative = path.relative(out, args.path).split(path.sep).join("/");
      let source = await fs.promises.readFile(args.path, "utf8");
      source = source.replaceAll("import.meta.url", `${MODULE_URL}(${JSON.stringify(relative)})`);
      if (source.includes(DOCX_IMPORT)) source = source.replaceAll(DOCX_IMPORT, `Promise.resolve().then(() => require(${JSON.stringify(DOCX_BUNDLE)}))`);
      return { contents: source, loader: "js" };
    });
  },
};

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
await build({ ...common, entryPoints: [path.join(dist, "cli.js")], outfile: path.join(out, "main.cjs"), plugins: [rewrites], external: [...common.external, DOCX_BUNDLE] });
await build({ ...common, entryPoints: [path.join(dist, "write/docx/index.js")], outfile: path.join(out, DOCX_BUNDLE), plugins: [rewrites] });
if (!fs.readFileSync(path.join(out, "main.cjs"), "utf8").includes(`require(${JSON.stringify(DOCX_BUNDLE)})`)) {
  throw new Error(`bundle: pipeline.js no longer imports the DOCX writer as ${DOCX_IMPORT}; update src/build/bundle.ts`);
}
