import { hash } from 'node:crypto';
import { taxonomyCollections } from '../content/model.ts';
import { keyText } from '../lib/key-text.ts';
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
const digest = (text: string) => hash('sha256', text, 'base64url');

/**
 * Digest of what a page can show of an entry (never the Astro handle, which holds rendering state); once per entry.
 * Its parts are joined by NUL, which neither an id, a photo digest nor JSON holds, with the HTML last: no two entries
 * join to the same text.
 */
const entryDigests = new WeakMap<object, string>();
function entryDigest(value: Entry<unknown>): string {
  let d = entryDigests.get(value);
  if (d === undefined) {
    const { id, data, html } = value;
    const json = JSON.stringify(data);
    const photos = [...photoDigests(json), ...photoDigests(html)];
    d = digest(`${id}\0${photos.join(',')}\0${json}\0${html}`);
    entryDigests.set(value, d);
  }
  return d;
}

/** An entry a page shows, by its digest. */
const stands = (value: object) =>
  'entry' in value && 'data' in value ? entryDigest(value as Entry<unknown>) : undefined;
const text = (value: unknown) => keyText(value, stands);

const sharedKey = memo(async () =>
  digest(
    text([
      await getSettings(),
      await Promise.all(taxonomyCollections.map((t) => getTaxonomy(t.name))),
      (await getAllMembersForNames()).map((m) => [m.id, m.data]),
    ]),
  ),
);

/** The key of a page showing `parts`: entries, lists of entries, or any other value it renders. */
export async function cacheKey(...parts: unknown[]): Promise<string> {
  return digest(text([await sharedKey(), ...parts]));
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
