/** Hostile-environment tests: a private copy of a small year, the real binary, and an unprivileged user. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");
export const BIN = path.join(ROOT, "bin/danvan.cjs");

/** A temp folder every user can enter (the unprivileged cases run as nobody). */
export function tmp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-hostile-"));
  fs.chmodSync(dir, 0o755);
  return dir;
}

/** A data root holding the mini fixture's 2021, readable by everyone. */
export function miniRoot(): string {
  const dir = tmp();
  fs.cpSync(path.join(ROOT, "tests/fixtures/years/mini"), dir, { recursive: true });
  return dir;
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The installed CLI as a separate process, optionally as user nobody (CI runs as root). */
export function runBin(args: string[], options: { nobody?: boolean; env?: Record<string, string>; timeoutMs?: number } = {}): Run {
  const argv = options.nobody ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, BIN, ...args] : [process.execPath, BIN, ...args];
  const start = Date.now();
  const r = spawnSync(argv[0], argv.slice(1), {
    encoding: "utf8",
    timeout: options.timeoutMs ?? 30_000,
    killSignal: "SIGKILL",
    env: { ...process.env, ...options.env },
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - start };
}

export function section(root: string, name: string): string {
  return path.join(root, "2021/sections", name);
}
