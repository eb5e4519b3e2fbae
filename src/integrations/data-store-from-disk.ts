import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import {
  astroVersion,
  DATA_STORE_MODULE_ID,
  dataStoreShapeProblems,
  internalsError,
  storeFileShapeHolds,
} from './internals/astro-data-store.ts';

/** The resolved id of Astro's module holding every collection's entries (Vite's `\0` marks a virtual module). */
const DATA_STORE_MODULE = `\0${DATA_STORE_MODULE_ID}`;

/**
 * The build's server bundle reads the content data store from disk when the pages are rendered, instead of carrying
 * it as a string literal.
 *
 * Astro puts the whole store (`data-store.json` in the cache folder, tens of MB for a large archive) into the bundle,
 * and Vite then spent seconds on one core parsing, copying and writing that one string, before any page was rendered
 * (docs/benchmarks.md#store-from-disk). The
 * store is written by the content sync at the start of the same build and nothing changes it until the pages are
 * done, so reading the file at render time gives the same entries. The dev server is left as Astro made it.
 *
 * The module keeps Astro's "content data" mark, so the incremental build does not count the store as page code.
 */
export function dataStoreFromDisk(): AstroIntegration {
  let storeFile = '';
  let answered = false;
  return {
    name: 'czzx-data-store-from-disk',
    hooks: {
      'astro:config:done': ({ config }) => {
        storeFile = fileURLToPath(new URL('data-store.json', config.cacheDir));
      },
      // Before anything is bundled: Astro must still name, load and read the module the way this plugin answers it.
      'astro:build:start': () => {
        const problems = dataStoreShapeProblems();
        if (problems.length)
          throw internalsError('内容存储从磁盘读取（data-store-from-disk）', problems, astroVersion());
      },
      // Prepended here, not listed in `vite.plugins`: Astro's own loader of this module would otherwise answer first.
      'astro:build:setup': ({ vite, logger }) => {
        vite.plugins = [
          dataStorePlugin(storeFile, (bytes) => {
            answered = true;
            logger.info(
              `content store read from disk when pages render (${(bytes / 1e6).toFixed(1)} MB kept out of the bundle)`,
            );
          }),
          ...(vite.plugins ?? []),
        ];
      },
      // The store exists but the plugin was never asked for the module: Astro loads it some other way now.
      'astro:build:done': () => {
        if (existsSync(storeFile) && !answered) {
          throw internalsError(
            '内容存储从磁盘读取（data-store-from-disk）',
            [`构建没有请求模块 "${DATA_STORE_MODULE_ID}"`],
            astroVersion(),
          );
        }
      },
    },
  };
}

/** The first bytes of a file. */
function head(file: string, bytes = 16): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    return buf.subarray(0, readSync(fd, buf, 0, bytes, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
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
        if (!storeFileShapeHolds(head(storeFile))) {
          throw internalsError(
            '内容存储从磁盘读取（data-store-from-disk）',
            [`${storeFile} 不再是 devalue 扁平数组`],
            astroVersion(),
          );
        }
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
