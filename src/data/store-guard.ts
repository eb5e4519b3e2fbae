import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { collections, type FolderCollection } from '../content/model.ts';
import { contentDir } from '../lib/paths.ts';

/**
 * Stops the build when a collection comes back empty while its folder holds entries. Astro answers any failure to
 * load its content store with an empty store and no error, so without this a broken store (an upgrade, a fast path
 * gone stale) would publish a site with empty lists and no stories.
 */
export function assertCollectionLoaded(name: string, count: number): void {
  if (count > 0) return;
  const c = collections.find((x): x is FolderCollection => x.name === name && x.kind === 'folder');
  if (!c) return;
  const dir = join(contentDir(), c.folder);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md') || f.endsWith('.mdx')) : [];
  if (files.length === 0) return;
  throw new Error(
    `content/${c.folder}/ 中有 ${files.length} 个文件，但内容存储中「${c.label}」没有任何条目：页面将缺失，构建停止。` +
      '可能是 Astro 的内容存储未能读取（升级后内部接口改变）；可先用 PLAIN_BUILD=1 构建。',
  );
}
