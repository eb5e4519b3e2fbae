import { createHash } from 'node:crypto';
import { taxonomyCollections } from '../content/model.ts';
import { getMembers, getSettings, getTaxonomy, type Entry } from './content.ts';
import { memo } from './memo.ts';

/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key and code are unchanged since
 * the last build is copied from it instead of rendered, so a rebuild after one edited story renders little more than
 * that story and the lists. A key must change whenever anything the page shows changes, so it is a digest of the
 * page's own entry, of the other entries it shows (related proposals, neighbours, a member's voices), and of what
 * every page may show (settings, every taxonomy, members' names and roles). The code is tracked by Astro itself.
 */
const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

/** What of an entry a page can show: never the Astro handle, which holds rendering state. */
function shown(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shown);
  if (value && typeof value === 'object' && 'entry' in value) {
    const { id, data, body } = value as Entry<unknown>;
    return { id, data, body };
  }
  return value;
}

const sharedKey = memo(async () =>
  digest([await getSettings(), await Promise.all(taxonomyCollections.map((t) => getTaxonomy(t.name))), (await getMembers()).map((m) => [m.id, m.data])]),
);

/** The key of a page showing `parts`: entries, lists of entries, or any other value it renders. */
export async function cacheKey(...parts: unknown[]): Promise<string> {
  return digest([await sharedKey(), ...parts.map(shown)]);
}
