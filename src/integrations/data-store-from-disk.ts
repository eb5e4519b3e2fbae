import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** Astro's id for the module holding every collection's entries (`astro/dist/content/consts.js`). */
const DATA_STORE_MODULE = '\0astro:data-layer-content';

/**
 * The build's server bundle reads the content data store from disk when the pages are rendered, instead of carrying
 * it as a string literal.
 *
 * Astro puts the whole store (`data-store.json` in the cache folder: 72 MB for the 20,000-document archive, 43 MB since
 * `loaders.ts` keeps no Markdown) into the bundle, and Vite then spent about 8 s on one core parsing, copying and
 * writing that one string, before any page was rendered (10 s for the bundle, against 1.9 s for the sample site). The
 * store is written by the content sync at the start of the same build and nothing changes it until the pages are
 * done, so reading the file at render time gives the same entries. The dev server is left as Astro made it.
 *
 * The module keeps Astro's "content data" mark, so the incremental build does not count the store as page code.
 */
export function dataStoreFromDisk(): AstroIntegration {
  let storeFile = '';
  return {
    name: 'czzx-data-store-from-disk',
    hooks: {
      'astro:config:done': ({ config }) => {
        storeFile = fileURLToPath(new URL('data-store.json', config.cacheDir));
      },
      // Prepended here, not listed in `vite.plugins`: Astro's own loader of this module would otherwise answer first.
      'astro:build:setup': ({ vite, logger }) => {
        vite.plugins = [dataStorePlugin(storeFile, (bytes) => logger.info(`content store read from disk when pages render (${(bytes / 1e6).toFixed(1)} MB kept out of the bundle)`)), ...(vite.plugins ?? [])];
      },
    },
  };
}

/** The Vite plugin: answers Astro's data store module with code that reads `storeFile`. */
function dataStorePlugin(storeFile: string, onUse: (bytes: number) => void = () => {}): Plugin {
  return {
    name: 'czzx-data-store-from-disk',
    enforce: 'pre',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name !== 'client',
    load: {
      filter: { id: new RegExp(`^${DATA_STORE_MODULE}$`) },
      handler() {
        // No store yet (a site without collections): Astro's loader answers with an empty one.
        if (!existsSync(storeFile)) return null;
        onUse(statSync(storeFile).size);
        return {
          code: [
            `import { readFileSync } from 'node:fs';`,
            `export default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));`,
          ].join('\n'),
          map: { mappings: '' },
          meta: { astroIncremental: { kind: 'content-data' } },
        };
      },
    },
  };
}
