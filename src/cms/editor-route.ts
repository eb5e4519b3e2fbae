/**
 * Which entry an address of the admin opens. Plain TypeScript (no DOM, no Decap), so the rules the route guard
 * (`route-guard.ts`) acts on are unit tested.
 */

/** The entry an editor route opens: a collection's new entry, or one entry by its slug. */
export interface EditorRoute {
  collection: string;
  /** The entry's slug, or `null` for `/collections/<name>/new`. */
  slug: string | null;
}

/**
 * The entry a Decap address (`#/collections/news/entries/2025-02-23`) opens, or `null` when it opens no editor (a
 * list, the media library, the workflow board). The query (`?ref=workflow`) does not change the entry.
 */
export function editorRoute(hash: string): EditorRoute | null {
  const path = hash.replace(/^#/, '').split('?')[0]!;
  const m = /^\/collections\/([^/]+)\/(?:(new)\/?|entries\/(.+?)\/?)$/.exec(path);
  if (!m) return null;
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  return { collection: decode(m[1]!), slug: m[2] ? null : decode(m[3]!) };
}

/** Whether two editor routes open the same entry (a new entry is one entry per collection). */
export function sameEntry(a: EditorRoute | null, b: EditorRoute | null): boolean {
  return !!a && !!b && a.collection === b.collection && a.slug === b.slug;
}

/**
 * Whether moving from one address to another leaves Decap's editor showing the first entry. Decap keeps its editor
 * mounted while the address moves from one editor route to another, so it never loads the second entry: it shows the
 * first one's draft and saves it under the first one's name while the address names the second. Decap itself moves
 * between editor routes only by replacing the address (a new entry's slug after its first save, 新建 or 复制 after a
 * save), and then its draft already is the entry of the new address.
 */
export function leavesStaleEditor(
  from: string,
  to: string,
  navigation: 'push' | 'traverse' | 'replace' | 'reload',
): boolean {
  if (navigation === 'replace' || navigation === 'reload') return false;
  const a = editorRoute(from);
  const b = editorRoute(to);
  return !!a && !!b && !sameEntry(a, b);
}

/** What an entry about to be saved is: its collection, its slug (none before the first save) and whether it is new. */
export interface SavedEntry {
  collection: string;
  slug: string;
  newRecord: boolean;
}

/**
 * Why saving `entry` from the address `hash` would write a file other than the one the address names, or `undefined`
 * when it would not. The last guard against an edit landing in another entry's file, whatever the cause.
 */
export function wrongFileProblem(entry: SavedEntry, hash: string): string | undefined {
  const route = editorRoute(hash);
  if (!route) return undefined;
  const expected = route.slug === null ? '新建的条目' : `“${route.slug}”`;
  const shown = entry.newRecord ? '新建的条目' : `“${entry.slug}”`;
  if (
    route.collection === entry.collection &&
    (route.slug === null ? entry.newRecord : !entry.newRecord && route.slug === entry.slug)
  )
    return undefined;
  return `编辑区中的内容是${shown}，而地址栏打开的是${expected}，为免写入错误的文件，本次未保存。请刷新页面（F5）后重新编辑`;
}
