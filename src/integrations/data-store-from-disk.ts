import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { collections } from '../content/model.ts';
import { HELD_STORES_KEY, heldStores } from '../content/held-stores.ts';
import {
  astroVersion,
  DATA_STORE_MODULE_ID,
  dataStoreShapeProblems,
  internalsError,
  storeFileShapeHolds,
} from './internals/astro-data-store.ts';

/** The resolved id of Astro's module holding every collection's entries (Vite's `\0` marks a virtual module). */
const DATA_STORE_MODULE = `\0${DATA_STORE_MODULE_ID}`;

/** Where the module notes how the pages got the store: `memory` or `disk`. */
const USED_KEY = 'czzx.content-store-used';
const used = () => (globalThis as { [key: symbol]: string | undefined })[Symbol.for(USED_KEY)];

/**
 * The build's server bundle hands the pages the content store the sync holds in memory, or reads it from disk, instead
 * of carrying it as a string literal.
 *
 * Astro puts the whole store (`data-store.json` in the cache folder, tens of MB for a large archive) into the bundle,
 * and Vite then spent seconds on one core parsing, copying and writing that one string, before any page was rendered
 * (docs/benchmarks.md#store-from-disk). The store is written by the content sync at the start of the same build and
 * nothing changes it until the pages are done, so the file at render time gives the same entries. So do the entries
 * the sync holds: each loader keeps the store it was handed (src/content/held-stores.ts), and when every collection's
 * is there the module builds Astro's map of collections from them (Astro takes a Map as well as the flattened file),
 * which spares reading and parsing the file a second time (1.3 s and a second copy of every entry in memory at
 * 100,000 documents). Where the pages render in another process or thread, the module finds no stores and reads the
 * file; the build then says so. The dev server is left as Astro made it.
 *
 * The module keeps Astro's "content data" mark, so the incremental build does not count the store as page code.
 */
export function dataStoreFromDisk(): AstroIntegration {
  let storeFile = '';
  let answered = false;
  let offered = false;
  return {
    name: 'czzx-data-store-from-disk',
    hooks: {
      'astro:config:done': ({ config }) => {
        storeFile = fileURLToPath(new URL('data-store.json', config.cacheDir));
        // Stores a sync of an earlier build in this process held (a test running several builds) are not this one's.
        heldStores().clear();
        (globalThis as { [key: symbol]: unknown })[Symbol.for(USED_KEY)] = undefined;
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
          dataStorePlugin(storeFile, (bytes, fromMemory) => {
            answered = true;
            offered = fromMemory;
            const kept = `${(bytes / 1e6).toFixed(1)} MB kept out of the bundle`;
            logger.info(
              fromMemory
                ? `content store handed to the pages from memory when they render (${kept})`
                : `content store read from disk when pages render (${kept})`,
            );
          }),
          ...(vite.plugins ?? []),
        ];
      },
      // The store exists but the plugin was never asked for the module: Astro loads it some other way now.
      'astro:build:done': ({ logger }) => {
        // Right either way, but the memory and time the handover saves are gone: tests/unit/incremental-build.test.ts
        // fails on this line.
        if (offered && used() !== 'memory')
          logger.warn(
            `pages read the content store ${used() === 'disk' ? 'from disk' : 'some other way'}: they no longer render in the process that synced it`,
          );
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

/**
 * The names of the collections whose stores the sync left (src/content/held-stores.ts), when it left every content
 * collection's; otherwise none, and the pages read the file.
 */
function heldCollections(): string[] {
  const held = heldStores();
  return collections.every((c) => held.has(c.name)) ? [...held.keys()] : [];
}

/**
 * The module's code: the map of collections built from the held stores when they are all there where the pages
 * render, else the store file as Astro wrote it (a devalue-flattened array, which Astro unflattens).
 */
function dataStoreModuleCode(storeFile: string, names: readonly string[]): string {
  return [
    `import { readFileSync } from 'node:fs';`,
    `const held = globalThis[Symbol.for(${JSON.stringify(HELD_STORES_KEY)})];`,
    `const names = ${JSON.stringify(names)};`,
    `const fromMemory = names.length > 0 && names.every((n) => held?.has(n));`,
    `globalThis[Symbol.for(${JSON.stringify(USED_KEY)})] = fromMemory ? 'memory' : 'disk';`,
    // In the order Astro writes the file, collections and entries sorted by name: the sync's maps hold them in the
    // order they were loaded, which changes with what was read again.
    `const byName = ([a], [b]) => a.localeCompare(b);`,
    `export default fromMemory`,
    `  ? new Map(names.map((n) => [n, [...held.get(n).entries()].sort(byName)]).sort(byName).map(([n, e]) => [n, new Map(e)]))`,
    `  : JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));`,
  ].join('\n');
}

/** The Vite plugin: answers Astro's data store module with code that hands over the held stores or reads `storeFile`. */
function dataStorePlugin(storeFile: string, onUse: (bytes: number, fromMemory: boolean) => void = () => {}): Plugin {
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
        const names = heldCollections();
        onUse(statSync(storeFile).size, names.length > 0);
        return {
          code: dataStoreModuleCode(storeFile, names),
          map: { mappings: '' },
          meta: { astroIncremental: { kind: 'content-data' } },
        };
      },
    },
  };
}
