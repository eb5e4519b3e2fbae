import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLinksInWorker } from './link-check.ts';
import { indexSite } from './search-index.ts';
import { clearStaging } from './search-stage.ts';
import { assertPrerendererHolds } from './internals/astro-prerenderer.ts';
import { PreIndexer } from './search-preindex.ts';
import { assetFiles } from './site-files.ts';

/**
 * After every build: the search index and the link check, side by side (Pagefind indexes in its own process while
 * the links are checked in a thread of their own), so `astro build` alone yields a checked site whose search works.
 * Either failing fails the build, once both have finished.
 *
 * The index step starts as soon as every page is written (`astro:build:generated`), from the pages Astro lists on the
 * routes, so Pagefind works while the other integrations' `astro:build:done` hooks run on the main thread: the output
 * folder's prune alone walks 230,000 entries at 100,000 documents. The link check still waits for the prune, which
 * removes the pages of deleted entries. In `astro:build:done` the pages the index used are checked against the
 * hook's `assets`; should they differ, the site is indexed again from `assets`, with a warning.
 */
export function postBuild({ preindex = true }: { preindex?: boolean } = {}): AstroIntegration {
  let site = 'https://example.invalid/';
  let cacheDir = '';
  let outDir = '';
  let preindexer: PreIndexer | undefined;
  /** The index step started when the pages were written, and the pages it indexes. */
  let early: { pages: string[]; summary: Promise<unknown> } | undefined;
  const skipped = () => process.env.SKIP_SEARCH_INDEX === '1';
  return {
    name: 'czzx-post-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (config.site) site = config.site;
        cacheDir = fileURLToPath(config.cacheDir);
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        if (skipped()) return;
        clearStaging(cacheDir);
        // The plain build (build-mode.ts) does not wrap Astro's prerenderer: every part is indexed after the pages.
        if (!preindex) return;
        assertPrerendererHolds();
        const pre = (preindexer = new PreIndexer(outDir, cacheDir, logger.fork('search-index')));
        setPrerenderer((base) => pre.wrap(base));
      },
      'astro:build:generated': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = skipped() ? undefined : preindexer?.pageFiles(root);
        if (!preindexer || !pages) return;
        const pre = preindexer;
        logger.info(`search index started on the ${pages.length} pages as written, beside the last build steps`);
        const summary = (async () =>
          indexSite(root, cacheDir, logger.fork('search-index'), await pre.settled(), pages))();
        // Awaited in astro:build:done; a build that stops before it must not also die of an unhandled rejection.
        summary.catch(() => {});
        early = { pages, summary };
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const root = fileURLToPath(dir);
        const started = performance.now();
        const pages = assetFiles(root, assets).filter((f) => f.endsWith('.html'));
        const index = async () => {
          if (early) {
            const summary = await early.summary;
            if (samePages(early.pages, pages)) return summary;
            logger.warn(
              'the pages listed when they were written differ from astro:build:done’s assets: indexing again',
            );
          }
          return indexSite(root, cacheDir, logger.fork('search-index'), await preindexer?.settled(), pages);
        };
        const outcomes = await Promise.allSettled([
          skipped() ? Promise.resolve() : index(),
          checkLinksInWorker(
            { root, site, scanFile: join(cacheDir, 'link-scans.json'), threads: 2 },
            logger.fork('link-check'),
          ),
        ]);
        const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
        if (failed) throw failed.reason;
        logger.info(`search index and link check done in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}

/** Whether two lists hold the same files, in any order. */
export function samePages(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((f) => set.has(f));
}
