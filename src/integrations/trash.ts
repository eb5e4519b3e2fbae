import { spawn } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

let moved = 0;

/**
 * Takes a file or folder out of the way at once: a rename into `trash` (the same for one file or the ten thousand
 * fragments of a search part), to be deleted by `deleteInBackground`. A synchronous delete of a re-indexed part's old
 * folder held the build's main thread for seconds on the way from a save to the live page
 * (docs/benchmarks.md#where-a-one-story-rebuild-at-20000-documents-goes-now). Deleted here when it cannot be moved
 * (`trash` on another file system); nothing happens when it does not exist.
 */
export function discard(path: string, trash: string): void {
  mkdirSync(trash, { recursive: true });
  try {
    renameSync(path, join(trash, `${Date.now()}-${process.pid}-${moved++}`));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Deletes everything under `trash` in a process of its own, which the build does not wait for. Also clears what a
 * stopped build left there. Whatever a race leaves behind goes with the next build's.
 */
export function deleteInBackground(trash: string): void {
  const script = `const fs = require('node:fs'), path = require('node:path');
for (const e of fs.readdirSync(process.argv[1])) { try { fs.rmSync(path.join(process.argv[1], e), { recursive: true, force: true }); } catch {} }`;
  spawn(process.execPath, ['-e', script, trash], { detached: true, stdio: 'ignore' }).unref();
}
