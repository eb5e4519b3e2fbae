import { createHash } from 'node:crypto';
import { rmSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import type { Part } from '../lib/search/parts.ts';
import type { StageJob } from './search-stage-worker.ts';
import { workerTask } from './worker-task.ts';

// Where the search index's parts are staged for Pagefind: a folder of each part's pages, in memory when it fits.

/** Shared memory, where Linux keeps files in RAM. */
const SHARED_MEMORY = '/dev/shm';

/** The build's own staging folder under a root, named by its cache, so two sites building at once never share one. */
const stageRoot = (root: string, cacheDir: string) =>
  join(root, `czzx-search-stage-${createHash('sha256').update(cacheDir).digest('hex').slice(0, 12)}`);

/**
 * Where to stage a part of `bytes`. Staged copies live for seconds and are read once, so they are best kept in memory:
 * on the build machine's disk, creating and deleting 3,917 staged pages took 6.1-7.8 s of a core, against 4.1-4.6 s
 * in `/dev/shm`. A part goes there when shared memory has room for two such parts (one is staged while another is
 * indexed) and 64 MB to spare; else (Docker gives containers 64 MB, other systems have none) on disk in the cache.
 * `SEARCH_STAGE_DIR` names another folder.
 */
export function stageFolder(
  cacheDir: string,
  partId: string,
  bytes: number,
  free: (path: string) => number = freeBytes,
): string {
  if (process.env.SEARCH_STAGE_DIR) return join(stageRoot(process.env.SEARCH_STAGE_DIR, cacheDir), partId);
  if (free(SHARED_MEMORY) >= 2 * bytes + 64 * 1024 * 1024) return join(stageRoot(SHARED_MEMORY, cacheDir), partId);
  return join(cacheDir, 'search-stage', partId);
}

function freeBytes(path: string): number {
  try {
    const s = statfsSync(path);
    return s.bavail * s.bsize;
  } catch {
    return 0;
  }
}

/** Removes what a stopped build left staged (in memory, it would hold RAM until the next build), before this build stages anything. */
export function clearStaging(cacheDir: string): void {
  for (const root of [process.env.SEARCH_STAGE_DIR, SHARED_MEMORY])
    if (root) rmSync(stageRoot(root, cacheDir), { recursive: true, force: true });
  rmSync(join(cacheDir, 'search-stage'), { recursive: true, force: true });
}

/**
 * Pagefind reads a folder much faster than it takes pages one by one from Node (5 s against 11 s for 5,000 pages), so
 * each part is staged as a folder of its pages, copied with their text split into words (`breakPageWords`), in a
 * thread of its own (`search-stage-worker.ts`).
 */
export async function stagePart(site: string, part: Part, stage: string): Promise<void> {
  rmSync(stage, { recursive: true, force: true });
  const job: StageJob = { site, files: part.pages.map((p) => p.file), stage };
  await workerTask(
    new URL('./search-stage-worker.ts', import.meta.url),
    job,
    `staging the part ${part.id} for Pagefind`,
  );
}
