/**
 * The publish record of one release (发布记录): who and what was published, how the pages differ from the release
 * before, and which URLs are gone. It is what the next publish compares against, so it also remembers every file's
 * size and time in the staging build (to hard-link unchanged files) and every page's source file and title (to keep a
 * URL from passing to another story).
 */

/** Where the manifest of a release lives, relative to the release folder (served, but only under the admin). */
export const MANIFEST_PATH = 'admin/releases/manifest.json';
/** The short history the admin's 发布记录 page shows, relative to the release folder. */
export const HISTORY_PATH = 'admin/releases.json';
/** Notice pages of gone URLs: `/a/b/` has its notice at `_gone/a/b/index.html` (nginx answers 410 with it). */
export const GONE_DIR = '_gone';

/** A page of the release: the hash of its HTML and, where known, the content file it was made from. */
export interface PageRecord {
  hash: string;
  source?: string | undefined;
  title?: string | undefined;
}

/** A URL that was published once and is gone now, with the file (and title) that last made it. */
export interface GoneRecord {
  source?: string | undefined;
  title?: string | undefined;
  /** The release in which it went. */
  since: string;
  /** Its file was deleted (not withdrawn or dated ahead): the same file name later holds another story. */
  deleted?: boolean;
}

export interface Manifest {
  release: string;
  commit: string;
  author: string;
  /** ISO time the release was made. */
  time: string;
  buildSeconds: number;
  added: string[];
  changed: string[];
  removed: string[];
  /** URL path (`/news/x/`) → page. */
  pages: Record<string, PageRecord>;
  gone: Record<string, GoneRecord>;
  /** Path in the release → size and mtime (ms) of the staging file it came from, and its fingerprint. */
  files: Record<string, [number, number, string?]>;
}

/** One line of the admin's history. */
export type HistoryEntry = Pick<Manifest, 'release' | 'commit' | 'author' | 'time' | 'buildSeconds'> & {
  added: number;
  changed: number;
  removed: number;
};

/** The URL path of a page file (`news/x/index.html` → `/news/x/`), or undefined for a file that is not a page. */
export function pageUrl(file: string): string | undefined {
  if (file.startsWith(`${GONE_DIR}/`) || file.startsWith('admin/')) return undefined;
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return undefined;
}

/** The notice file of a gone URL path, relative to the release. */
export function goneFile(url: string): string {
  return `${GONE_DIR}${url}index.html`;
}

/** Pages added, changed and removed from `before` to `after`, each sorted. */
export function diffPages(
  before: Record<string, PageRecord>,
  after: Record<string, PageRecord>,
): Pick<Manifest, 'added' | 'changed' | 'removed'> {
  const added: string[] = [];
  const changed: string[] = [];
  for (const [url, page] of Object.entries(after)) {
    const old = before[url];
    if (!old) added.push(url);
    else if (old.hash !== page.hash) changed.push(url);
  }
  const removed = Object.keys(before).filter((url) => !(url in after));
  return { added: added.sort(), changed: changed.sort(), removed: removed.sort() };
}

/**
 * The gone URLs of the new release: those of the previous release that did not come back, and the pages it had that
 * this one lacks. A gone URL stays gone in every later release, so a deleted story never answers 404. `exists` tells
 * whether a source file is still there (a withdrawn story's is; a deleted one's is not), and once deleted, it stays so.
 */
export function goneUrls(
  previous: Manifest | undefined,
  pages: Record<string, PageRecord>,
  release: string,
  exists: (source: string) => boolean,
): Record<string, GoneRecord> {
  const gone: Record<string, GoneRecord> = {};
  if (!previous) return gone;
  const deleted = (source: string | undefined) => Boolean(source && !exists(source));
  for (const [url, g] of Object.entries(previous.gone))
    if (!(url in pages)) gone[url] = { ...g, deleted: g.deleted || deleted(g.source) };
  for (const [url, p] of Object.entries(previous.pages)) {
    if (!(url in pages)) gone[url] = { source: p.source, title: p.title, since: release, deleted: deleted(p.source) };
  }
  return gone;
}

/** A URL taken over by another story, in Chinese, naming both files. */
export interface Reuse {
  url: string;
  message: string;
}

/**
 * URLs the new pages take from another story: a live URL now made from a different file, or a gone URL made again by
 * a different file, or by a deleted file's name holding another title (a new story saved under a deleted story's file
 * name). A deletion undone (same file, same title), or a withdrawn story published again, is not a reuse.
 */
export function urlReuses(previous: Manifest | undefined, pages: Record<string, PageRecord>): Reuse[] {
  if (!previous) return [];
  const reuses: Reuse[] = [];
  for (const [url, page] of Object.entries(pages)) {
    if (!page.source) continue;
    const live = previous.pages[url];
    if (live?.source && live.source !== page.source) {
      reuses.push({
        url,
        message: `网址 ${url} 已由 ${live.source} 发布，现在 ${page.source} 也生成这个网址：已发布的网址不能给另一篇稿件使用，请更改 ${page.source} 的文件名`,
      });
      continue;
    }
    const gone = previous.gone[url];
    if (
      gone?.source &&
      (gone.source !== page.source || (gone.deleted && gone.title && page.title && gone.title !== page.title))
    ) {
      const was = gone.title ? `${gone.source}（「${gone.title}」，自版本 ${gone.since} 起撤下）` : gone.source;
      reuses.push({
        url,
        message: `网址 ${url} 曾由 ${was} 发布，现在 ${page.source}${page.title ? `（「${page.title}」）` : ''} 又生成这个网址：已撤下的网址不能给另一篇稿件使用，请为新稿件换一个文件名`,
      });
    }
  }
  return reuses;
}

/** The history the admin shows: this release first, then up to `keep - 1` earlier ones. */
export function history(manifest: Manifest, earlier: readonly HistoryEntry[], keep = 30): HistoryEntry[] {
  const { release, commit, author, time, buildSeconds } = manifest;
  const entry = {
    release,
    commit,
    author,
    time,
    buildSeconds,
    added: manifest.added.length,
    changed: manifest.changed.length,
    removed: manifest.removed.length,
  };
  return [entry, ...earlier.filter((e) => e.release !== release)].slice(0, keep);
}

/** Parses a manifest, failing with the file named when it is not one. */
export function parseManifest(text: string, file: string): Manifest {
  const m = JSON.parse(text) as Manifest;
  if (
    typeof m?.release !== 'string' ||
    typeof m.pages !== 'object' ||
    typeof m.files !== 'object' ||
    typeof m.gone !== 'object'
  ) {
    throw new Error(`${file}：不是发布记录（缺少 release、pages、files 或 gone）`);
  }
  return m;
}
