/**
 * What a run must undo if it is interrupted: temporaries beside outputs, staging folders, the PDF work
 * folder, a LibreOffice child. Each step registers what it creates and forgets it once done; the signal
 * handler (src/cli.ts) removes whatever is still registered before exiting. All synchronous, so it runs
 * whole inside the handler.
 */
import fs from "node:fs";

type Undo = () => void;

const pending = new Set<Undo>();
/** Set by the CLI (src/cli.ts): the process's own signal handling, for as long as something is pending. */
let handler: ((signal: NodeJS.Signals) => void) | undefined;
let armed = false;

/**
 * While nothing needs undoing, SIGINT and SIGTERM keep their default action — the process ends at once,
 * even in the middle of a long synchronous step. Only while something is pending does the process take
 * them itself, to undo it first; the steps that register something are short or wait on the event loop.
 */
export function handleSignalsWhilePending(onSignal: (signal: NodeJS.Signals) => void): void {
  handler = onSignal;
  arm();
}

function arm(): void {
  const want = handler !== undefined && pending.size > 0;
  if (want === armed) return;
  armed = want;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    if (want) process.on(signal, handler!);
    else process.off(signal, handler!);
  }
}

/** Registers an undo step; call the returned function once the thing no longer needs undoing. */
export function onInterrupt(undo: Undo): () => void {
  pending.add(undo);
  arm();
  return () => {
    pending.delete(undo);
    arm();
  };
}

/** A path to remove (file or folder) if the run is interrupted. */
export function removeOnInterrupt(target: string): () => void {
  return onInterrupt(() => fs.rmSync(target, { recursive: true, force: true }));
}

/** Runs every pending undo step, newest first; one failing never stops the others. */
export function undoPending(): void {
  for (const undo of [...pending].reverse()) {
    try {
      undo();
    } catch {
      // Best effort: the process is exiting.
    }
  }
  pending.clear();
}

/**
 * A turn of the event loop. Awaiting a promise that is already resolved does not give one, and a signal
 * handler runs only there: the pipeline passes here between stages, so Ctrl-C is answered within a stage.
 */
export function letSignalsIn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Leftovers of runs that could not clean up (killed with SIGKILL, a power cut): entries of `dir` named
 * `<prefix><pid>-…` whose process is gone. Named by pid so a run never touches another live run's files.
 */
export function sweepStale(dir: string, prefix: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (!pid || pid === process.pid || alive(pid)) continue;
    try {
      fs.rmSync(`${dir}/${name}`, { recursive: true, force: true });
    } catch {
      // Someone else's, or already gone: leave it.
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === "EPERM";
  }
}
