import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * Builds the Pagefind index over the finished site in `astro:build:done`, so `astro build` alone yields a site whose
 * search works. Only regions marked `data-pagefind-body` are indexed (see `SearchRecord.astro`).
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'czzx-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // The benchmark indexes in a separate step to measure the build and the indexing apart.
        if (process.env.SKIP_SEARCH_INDEX === '1') return;
        const site = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: site });
          if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
          if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
          logger.info(`indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
