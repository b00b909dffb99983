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
