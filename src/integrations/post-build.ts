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
 */
export function postBuild({ preindex = true }: { preindex?: boolean } = {}): AstroIntegration {
  let site = 'https://example.invalid/';
  let cacheDir = '';
  let outDir = '';
  let preindexer: PreIndexer | undefined;
  return {
    name: 'czzx-post-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (config.site) site = config.site;
        cacheDir = fileURLToPath(config.cacheDir);
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        if (process.env.SKIP_SEARCH_INDEX === '1') return;
        clearStaging(cacheDir);
        // The plain build (build-mode.ts) does not wrap Astro's prerenderer: every part is indexed after the pages.
        if (!preindex) return;
        assertPrerendererHolds();
        const pre = (preindexer = new PreIndexer(outDir, cacheDir, logger.fork('search-index')));
        setPrerenderer((base) => pre.wrap(base));
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const root = fileURLToPath(dir);
        const started = performance.now();
        const outcomes = await Promise.allSettled([
          process.env.SKIP_SEARCH_INDEX === '1'
            ? Promise.resolve()
            : (async () =>
                indexSite(
                  root,
                  cacheDir,
                  logger.fork('search-index'),
                  await preindexer?.settled(),
                  assetFiles(root, assets).filter((f) => f.endsWith('.html')),
                ))(),
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
