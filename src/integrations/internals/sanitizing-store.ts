import type { LoaderContext } from 'astro/loaders';
import { sanitize } from '../../lib/sanitize.ts';
import { fenceError, packageVersion } from './package-version.ts';
import { storeView } from './store-view.ts';

type Store = LoaderContext['store'];
type Entry = Parameters<Store['set']>[0];

/** Set on every rendered body that went through `sanitize`, and stored with it, so a later build can tell. */
const MARK = 'czzxSanitised';

/**
 * The store as Astro's glob loader sees it, sanitising each entry's rendered HTML on the way in, so no body is ever
 * stored (or served) unsanitised, on first load or after an edit in dev. The frontmatter the Markdown renderer hands
 * back beside the HTML is dropped: it repeats the entry's data (docs/benchmarks.md#store-from-disk), and
 * the site never asks for it (`remarkPluginFrontmatter`).
 *
 * This leans on the glob loader rendering Markdown while it loads and handing each entry to `store.set` (Astro's
 * loader API gives no hook between rendering and storing). Should it ever store another way or render later, the
 * bodies would go out unsanitised with no error; `assertSanitised` stops the build instead.
 */
export function sanitizingStore(store: Store): Store {
  return storeView(store, { set: (target) => (entry: Entry) => target.set(sanitised(entry)) });
}

function sanitised(entry: Entry): Entry {
  if (!entry.rendered) return entry;
  const metadata = { ...entry.rendered.metadata, frontmatter: {}, [MARK]: true };
  return { ...entry, rendered: { ...entry.rendered, html: sanitize(entry.rendered.html), metadata } };
}

/** Stops the build if any Markdown entry in the store holds a body that did not pass through `sanitizingStore`. */
export function assertSanitised(store: Store, collection: string): void {
  const raw = [...store.values()].filter(
    (e) => (e.rendered?.metadata as Record<string, unknown> | undefined)?.[MARK] !== true,
  );
  if (raw.length === 0) return;
  throw fenceError(
    'astro',
    packageVersion('astro'),
    '正文消毒（src/integrations/internals/sanitizing-store.ts）',
    [
      `「${collection}」中 ${raw.length} 条内容（如 ${raw[0]!.filePath ?? raw[0]!.id}）的正文未经消毒就进入了内容存储：glob 加载器不再经由 store.set 写入已渲染的正文`,
    ],
    '不可发布：修复 sanitizing-store.ts 后再构建（见 docs/upgrading.md）。',
  );
}
