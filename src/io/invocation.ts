/**
 * How the clerk started danvan, so a hint names a command they can type again. A copy installed in a project
 * (node_modules/danvan) is reached as `npx danvan`: its bin link lives in node_modules/.bin, which the shell
 * does not search. A global copy (npm install -g) is `danvan`. A checkout of danvan itself is `danvan`.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface Invocation {
  env: Readonly<Record<string, string | undefined>>;
  /** process.argv[1]: the script as started (Node keeps a bin link's own path, not its target). */
  script: string | undefined;
  /** The folder of danvan's package.json. */
  packageRoot: string;
  platform: NodeJS.Platform;
  /** fs.realpathSync, or undefined when the path does not exist. */
  realpath: (p: string) => string | undefined;
}

const insideNodeModules = (p: string) => p.split(/[\\/]+/).includes("node_modules");
const isBinFolder = (p: string) => /(^|[\\/])node_modules[\\/]+\.bin[\\/]*$/.test(p);

/** `npx danvan` or `danvan`. */
export function invokedAs(inv: Invocation): string {
  const root = inv.realpath(inv.packageRoot) ?? inv.packageRoot;
  // A checkout (tests, `node bin/danvan.cjs`): the documented name.
  if (!insideNodeModules(root)) return "danvan";
  // `npx danvan` and `npm exec danvan` say so in the environment npm hands the child.
  if (inv.env.npm_command === "exec" || inv.env.npm_lifecycle_event === "npx") return "npx danvan";
  // Started through node_modules/.bin/danvan (by hand or by an npm script).
  if (inv.script && isBinFolder(path.dirname(inv.script))) return "npx danvan";
  return onShellPath(inv, root) ? "danvan" : "npx danvan";
}

/**
 * Whether a folder of PATH the shell searches (not a node_modules/.bin that npm adds for its scripts) holds a
 * `danvan` that is this copy: npm's link on Unix (→ lib/node_modules/danvan/bin/danvan.cjs), its .cmd shim on
 * Windows beside node_modules/danvan.
 */
function onShellPath(inv: Invocation, root: string): boolean {
  const pathVar = inv.env.PATH ?? inv.env.Path ?? "";
  const sep = inv.platform === "win32" ? ";" : ":";
  const join = inv.platform === "win32" ? path.win32.join : path.posix.join;
  const bin = join(root, "bin", "danvan.cjs");
  for (const dir of pathVar.split(sep).filter(Boolean)) {
    if (isBinFolder(dir)) continue;
    if (inv.platform === "win32") {
      if (inv.realpath(join(dir, "danvan.cmd")) && inv.realpath(join(dir, "node_modules", "danvan")) === root) return true;
    } else if (inv.realpath(join(dir, "danvan")) === bin) return true;
  }
  return false;
}

export function realpathOrUndefined(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

/** This process's invocation. */
export function currentInvocation(): Invocation {
  return {
    env: process.env,
    script: process.argv[1],
    packageRoot: path.dirname(fileURLToPath(new URL("../../package.json", import.meta.url))),
    platform: process.platform,
    realpath: realpathOrUndefined,
  };
}
