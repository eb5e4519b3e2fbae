// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { outputFolder } from './src/integrations/output-folder.ts';
import { cmsBundle, CMS_FOLDER } from './src/integrations/cms-bundle.ts';
import { dataStoreFromDisk } from './src/integrations/data-store-from-disk.ts';
import { postBuild } from './src/integrations/post-build.ts';
import { publishClock } from './src/integrations/publish-clock.ts';
import { sectionIds } from './src/integrations/section-ids.ts';
import { unusedMediaReport } from './src/integrations/unused-media.ts';
import { responsiveImages } from './src/integrations/images.ts';
import { footnoteLabels } from './src/integrations/footnote-labels.ts';
import { settingsCheck } from './src/integrations/settings-check.ts';
import { isPlainBuild } from './src/integrations/build-mode.ts';
import { batchedLogCheck } from './src/integrations/internals/astro-logger.ts';

/** Every fast path that reaches into Astro's or Pagefind's insides off (src/integrations/build-mode.ts). */
const plain = isPlainBuild();

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://www.czzx.gov.cn',
  trailingSlash: 'always',
  // The benchmark and the fixture tests build the real site over other content; they keep their output and caches apart.
  outDir: process.env.OUT_DIR ?? './dist',
  publicDir: process.env.PUBLIC_DIR ?? './public',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  // Four pages in flight: rendering waits on file writes, and overlapping them cut page generation by about a third
  // on a 5,000-document archive (2 cores); more gained nothing.
  build: { format: 'directory', concurrency: 4 },
  // A detail page whose cache key (src/data/cache-keys.ts) and code are unchanged is copied from the last build instead
  // of rendered: after one edited story, the rebuild renders that story, the lists and little else.
  experimental: plain ? {} : { incrementalBuild: true },
  // Astro's console log in batches: a write per page line held up the rendering thread (docs/benchmarks.md#batched-log).
  ...(plain ? {} : { logger: { entrypoint: './src/integrations/build-log.ts' } }),
  markdown: {
    processor: satteri({ hastPlugins: [sectionIds(), footnoteLabels()] }),
  },
  integrations: [
    settingsCheck(),
    publishClock(),
    // The admin bundle (admin/cms/) and the search index (pagefind/) are made exact by their own steps, which leave
    // what did not change in place.
    ...(plain
      ? []
      : [
          outputFolder({ leave: [CMS_FOLDER, '_img', ...(process.env.SKIP_SEARCH_INDEX === '1' ? [] : ['pagefind'])] }),
          dataStoreFromDisk(),
          batchedLogCheck(),
        ]),
    mdx(),
    cmsBundle(),
    // The admin, the error page and the notices of withdrawn entries (served with 410 at their old URLs) are not for
    // search engines.
    sitemap({
      filter: (page) =>
        !/\/(admin|404)\/?$/.test(new URL(page).pathname) && !/^\/(admin|_gone)\//.test(new URL(page).pathname),
    }),
    // Photo variants (_img/) are in place before the link check reads the pages.
    responsiveImages(),
    postBuild({ preindex: !plain }),
    unusedMediaReport(),
  ],
  vite: { plugins: [tailwindcss()] },
});
