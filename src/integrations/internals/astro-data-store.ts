import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * What `data-store-from-disk.ts` relies on in Astro's insides, checked before a build uses it. Each check names the
 * package, its version and what changed, and the way out (`PLAIN_BUILD=1`, which does not use this fast path), so an
 * upgrade stops the build loudly instead of rendering pages from an empty store: Astro's loader of this module
 * swallows every error and falls back to an empty store (`ImmutableDataStore.fromModule`).
 */

/** Astro's id for the module holding every collection's entries. */
export const DATA_STORE_MODULE_ID = 'astro:data-layer-content';

const astroRoot = () => dirname(createRequire(import.meta.url).resolve('astro/package.json'));

/** Installed Astro version. */
export function astroVersion(root = astroRoot()): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The shapes the fast path needs, as problems in Chinese; empty when they all hold. */
export function dataStoreShapeProblems(root = astroRoot()): string[] {
  const problems: string[] = [];
  const read = (rel: string) => (existsSync(join(root, rel)) ? readFileSync(join(root, rel), 'utf8') : undefined);
  const consts = read('dist/content/consts.js');
  if (!consts?.includes(`DATA_STORE_VIRTUAL_ID = "${DATA_STORE_MODULE_ID}"`)) {
    problems.push(`dist/content/consts.js 不再把内容存储模块命名为 "${DATA_STORE_MODULE_ID}"`);
  }
  const store = read('dist/content/data-store.js');
  // The module's default export is the parsed data-store.json, a devalue-flattened array that Astro unflattens.
  if (
    !store ||
    !/import\("astro:data-layer-content"\)/.test(store) ||
    !/Array\.isArray\(data\.default\)[\s\S]{0,120}devalue\.unflatten\(data\.default\)/.test(store)
  ) {
    problems.push('dist/content/data-store.js 读取内容存储模块的方式已改变（不再接受 devalue 扁平数组）');
  }
  // Or, when the sync's stores are handed over in memory, a Map of collections taken as it is.
  if (
    !store ||
    !/data\.default instanceof Map\)\s*\{\s*return ImmutableDataStore\.fromMap\(data\.default\)/.test(store)
  ) {
    problems.push('dist/content/data-store.js 读取内容存储模块的方式已改变（不再直接接受集合的 Map）');
  }
  // The map handed over is sorted as Astro sorts the file it writes, so that the pages see entries in the same order.
  const writer = read('dist/content/data-store-writer.js');
  if (!writer || (writer.match(/\.sort\(\(\[a\], \[b\]\) => a\.localeCompare\(b\)\)/g) ?? []).length !== 2) {
    problems.push('dist/content/data-store-writer.js 写入内容存储时不再按名称（localeCompare）排列集合和条目');
  }
  const plugin = read('dist/content/vite-plugin-content-virtual-mod.js');
  if (!plugin?.includes('RESOLVED_DATA_STORE_VIRTUAL_ID'))
    problems.push('dist/content/vite-plugin-content-virtual-mod.js 不再解析该模块');
  return problems;
}

/** Whether a data-store file holds what the module hands Astro: a devalue-flattened array whose root is a Map. */
export function storeFileShapeHolds(text: string): boolean {
  return text.startsWith('[["Map",');
}

/** The error stopping a build whose fast path no longer fits Astro. */
export function internalsError(what: string, problems: string[], version: string): Error {
  return new Error(
    [
      `astro ${version}：${what}依赖的 Astro 内部接口已改变，构建停止以免页面从空的内容存储生成：`,
      ...problems.map((p) => `  - ${p}`),
      '可先用 PLAIN_BUILD=1 构建（只用公开接口），再按 docs/upgrading.md 更新 src/integrations/data-store-from-disk.ts。',
    ].join('\n'),
  );
}
