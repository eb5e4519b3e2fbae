import { createHash } from 'node:crypto';
import { taxonomyCollections } from '../content/model.ts';
import { getAllMembersForNames, getSettings, getTaxonomy, type Entry } from './content.ts';
import { photoDigests } from './images.ts';
import { memo } from './memo.ts';

/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key and code are unchanged since
 * the last build is copied from it instead of rendered, so a rebuild after one edited story renders little more than
 * that story and the lists. A key must change whenever anything the page shows changes, so it is a digest of the
 * page's own entry, of the other entries it shows (related proposals, neighbours, a member's voices), and of what
 * every page may show (settings, every taxonomy, members' names and roles). The code is tracked by Astro itself.
 */
const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

/** Digest of what a page can show of an entry (never the Astro handle, which holds rendering state); once per entry. */
const entryDigests = new WeakMap<object, string>();
function entryDigest(value: Entry<unknown>): string {
  let d = entryDigests.get(value);
  if (d === undefined) {
    const { id, data, html } = value;
    d = digest({ id, data, html, photos: photoDigests(JSON.stringify(data) + html) });
    entryDigests.set(value, d);
  }
  return d;
}

/**
 * A value as its key sees it: entries (at any depth: a list page's props hold a page of them) by their digest, so the
 * twenty entries of a list page cost twenty cached digests rather than their text again for every list they are on.
 */
function shown(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shown);
  if (value instanceof Map) return [...value].map(shown);
  if (value && typeof value === 'object') {
    if ('entry' in value && 'data' in value) return entryDigest(value as Entry<unknown>);
    // Dates and other class instances are left to JSON.stringify, which writes them in full.
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null)
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shown(v)]));
  }
  return value;
}

const sharedKey = memo(async () =>
  digest([
    await getSettings(),
    await Promise.all(taxonomyCollections.map((t) => getTaxonomy(t.name))),
    (await getAllMembersForNames()).map((m) => [m.id, m.data]),
  ]),
);

/** The key of a page showing `parts`: entries, lists of entries, or any other value it renders. */
export async function cacheKey(...parts: unknown[]): Promise<string> {
  return digest([await sharedKey(), ...parts.map(shown)]);
}

/**
 * The static paths of a list route, each with its key: its props (the page of entries, its number and the list's
 * size, the list's name) and `extra`, what the route shows besides its page (facet counts, columns). After one edited
 * story only the list pages that show it are rendered again.
 */
export async function keyedPaths<P extends { props: Record<string, unknown> }>(
  paths: P[],
  ...extra: unknown[]
): Promise<(P & { cacheKey: string })[]> {
  return Promise.all(paths.map(async (p) => ({ ...p, cacheKey: await cacheKey(p.props, ...extra) })));
}
