/**
 * What a run must undo if it is interrupted: temporaries beside outputs, staging folders, the PDF work
 * folder, a LibreOffice child. Each step registers what it creates and forgets it once done; the signal
 * handler (src/cli.ts) removes whatever is still registered before exiting. All synchronous, so it runs
 * whole inside the handler.
 */
import fs from "node:fs";

type Undo = () => void;

const pending = new Set<Undo>();

/** Registers an undo step; call the returned function once the thing no longer needs undoing. */
export function onInterrupt(undo: Undo): () => void {
  pending.add(undo);
  return () => pending.delete(undo);
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
