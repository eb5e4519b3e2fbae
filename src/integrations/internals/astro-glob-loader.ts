import type { LoaderContext } from 'astro/loaders';
import { fenceError, packageVersion } from './package-version.ts';
import { storeView } from './store-view.ts';

type Store = LoaderContext['store'];

/**
 * The store as Astro's glob loader sees it when it is given only the changed files of a folder as its patterns
 * (src/content/unchanged-files.ts). The loader deletes every entry it did not load, by `store.delete`, taking them for
 * files gone from disk; deleting the entries of unchanged files is left out here, so only those of deleted files go.
 *
 * This leans on how the loader removes what it did not find, which Astro does not document. Should it remove entries
 * another way, unchanged entries would vanish from the site; `assertKept` stops the build instead.
 */
export function keepingUnchanged(store: Store, unchanged: ReadonlySet<string>): Store {
  return storeView(store, {
    delete: (target) => (id: string) => (unchanged.has(id) ? undefined : target.delete(id)),
  });
}

/** Stops the build if an entry of an unchanged file is missing from the store after a partial load. */
export function assertKept(store: Store, unchanged: ReadonlySet<string>, collection: string): void {
  const lost = [...unchanged].filter((id) => !store.has(id));
  if (lost.length === 0) return;
  throw fenceError(
    'astro',
    packageVersion('astro'),
    '只读取改动过的内容文件（src/integrations/internals/astro-glob-loader.ts）',
    [
      `「${collection}」中 ${lost.length} 条未改动的内容（如 ${lost[0]}）在 glob 加载器只读取改动文件后从内容存储中消失`,
    ],
    'PLAIN_BUILD=1 构建不受影响；修复 astro-glob-loader.ts 后再构建（见 docs/upgrading.md）。',
  );
}
