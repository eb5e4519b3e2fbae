import type { AstroIntegration } from 'astro';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertAssetsListPages, assertOutputFolderHolds } from './internals/astro-output-folder.ts';
import { noPublicCopy, syncPublic } from './public-files.ts';
import { deleteInBackground } from './trash.ts';
import { assetFiles } from './site-files.ts';
import { workerTask } from './worker-task.ts';
import { KEEP, listOutput, type OutputListing } from './output-listing.ts';

/**
 * Empties the output folder by moving its contents into `trash` (a rename, the same for 10 or 25,000 pages), and
 * returns the folder that now holds them. Entries that cannot be moved there (another file system) are deleted here.
 */
export function moveOutputAside(outDir: string, trash: string): string | undefined {
  if (!existsSync(outDir)) return undefined;
  const entries = readdirSync(outDir).filter((e) => !KEEP.has(e));
  if (entries.length === 0) return undefined;
  const aside = join(trash, `${Date.now()}-${process.pid}`);
  mkdirSync(aside, { recursive: true });
  for (const e of entries) {
    try {
      renameSync(join(outDir, e), join(aside, e));
    } catch {
      rmSync(join(outDir, e), { recursive: true, force: true });
    }
  }
  return aside;
}

/**
 * Deletes from the output folder every file this build neither wrote (modified before `since`, in ms) nor kept
 * (`kept`: paths under the folder, with forward slashes), then the folders left empty. Folders in `leave` are not
 * looked into. `listing` is what the folder held when the build started (`listOutput`, taken in a thread of its own
 * while the content loads): a file written before `since` was there then, so the files to delete are among those
 * listed. Returns the deleted files.
 */
export function pruneOutput(
  outDir: string,
  kept: ReadonlySet<string>,
  since: number,
  leave: readonly string[] = [],
  listing: OutputListing = listOutput(outDir, leave),
): string[] {
  const deleted: string[] = [];
  // Folders a file was deleted from, and folders empty already: only these can be empty now. Listing each of the
  // 115,000 page folders of a large archive again to find out cost seconds.
  const maybeEmpty = new Set(listing.empty);
  for (const rel of listing.files) {
    if (kept.has(rel)) continue;
    const path = join(outDir, rel);
    let written: number;
    try {
      written = statSync(path).mtimeMs;
    } catch {
      continue; // gone since the listing
    }
    if (written >= since) continue;
    unlinkSync(path);
    deleted.push(rel);
    maybeEmpty.add(rel.slice(0, Math.max(0, rel.lastIndexOf('/'))));
  }
  // Deepest first; a folder removed has its parent looked at in the next round, so folders holding only empty
  // folders go too.
  const known = new Set(listing.dirs);
  let round = [...maybeEmpty].filter((d) => known.has(d));
  while (round.length > 0) {
    const next = new Set<string>();
    for (const d of round.sort((x, y) => y.length - x.length)) {
      const path = join(outDir, d);
      if (!existsSync(path) || readdirSync(path).length > 0) continue;
      rmdirSync(path);
      const parent = d.slice(0, Math.max(0, d.lastIndexOf('/')));
      if (known.has(parent)) next.add(parent);
    }
    round = [...next];
  }
  return deleted;
}

/**
 * Astro empties the output folder before a build (a synchronous delete on the thread that then renders), and with the
 * incremental build it then copies every page it did not render back from its cache, each copy a new inode beside the
 * thousands just deleted: that doubled page generation in a rebuild (docs/benchmarks.md#kept-output). This integration
 * keeps the last
 * output instead: Astro leaves an unchanged page where it is and overwrites a changed one, and the files this build
 * neither wrote nor kept (a deleted story, a replaced image, an old script) are deleted once the pages are generated.
 *
 * Only the output of a build that got that far is kept. A marker in the cache is written when a build starts and
 * removed after the prune; a build that finds it (the last one failed or was stopped while writing pages) moves the
 * output aside, deletes it in the background, and Astro restores every unchanged page from its cache as before.
 */
export function outputFolder({ leave = [] }: { leave?: readonly string[] } = {}): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  let publicDir = '';
  let started = 0;
  let listing: Promise<OutputListing> | undefined;
  return {
    name: 'czzx-output-folder',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        assertOutputFolderHolds();
        // The public folder is put in by `syncPublic` below: only what changed.
        updateConfig({ vite: { build: { emptyOutDir: false }, plugins: [noPublicCopy()] } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:start': ({ logger }) => {
        // File times come from the kernel's coarse clock, which may trail Date.now() by a tick.
        started = Date.now() - 2000;
        const marker = join(cacheDir, 'output-incomplete');
        const trash = join(cacheDir, 'output-trash');
        if (existsSync(marker)) {
          logger.info('the last build did not finish: its output is set aside and every page is written again');
          moveOutputAside(outDir, trash);
        }
        if (existsSync(trash)) deleteInBackground(trash);
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(marker, new Date().toISOString());
        // What the last build left, listed beside the content sync rather than walked after the pages (2.5 s of a
        // one-story rebuild at 100,000 documents, on the thread that then waited for it).
        listing = workerTask<OutputListing>(
          new URL('./output-listing-worker.ts', import.meta.url),
          { outDir, leave },
          'the output listing',
        );
        // Awaited when the pages are written; a build that fails before never asks for it.
        listing.catch(() => {});
      },
      // First of the integrations, so it runs before the others add the sitemap, the admin and the search index.
      'astro:build:done': async ({ dir, assets, logger }) => {
        const root = fileURLToPath(dir);
        const kept = new Set(assetFiles(root, assets));
        assertAssetsListPages(root, kept);
        const pages = new Set(kept);
        for (const f of syncPublic(publicDir, root, pages)) kept.add(f);
        const before = await listing?.catch((e: unknown) => {
          logger.info(`${e instanceof Error ? e.message : e}: the output folder is walked instead`);
          return undefined;
        });
        const deleted = pruneOutput(root, kept, started, leave, before);
        rmSync(join(cacheDir, 'output-incomplete'), { force: true });
        // Most are the last build's sitemap, which the sitemap integration writes again; the admin bundle and the search
        // index (`leave`) are made exact by their own steps.
        const left = leave.length ? `; ${leave.join(' and ')} are left to their own steps` : '';
        logger.info(`deleted ${deleted.length} file(s) this build did not write${left}`);
      },
    },
  };
}
