import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { partPath, type Part } from '../lib/search/parts.ts';
import { isPlainBuild } from './build-mode.ts';
import { linkTree } from './site-files.ts';
import { discard } from './trash.ts';

// The search index's parts put in place in the site, as hard links to the cached parts.

/** The file of a part that Pagefind's browser script opens first; placed last, so its presence means the part is whole. */
const ENTRY = 'pagefind-entry.json';

/**
 * Whether the part's folder in the site holds the cached part as it is now: its entry file is the cached file itself
 * (a hard link). Pagefind writes every file of a part anew, so a part indexed again has a new entry file; the entry
 * is linked last and the folder emptied before, so a folder whose entry is the cached one holds exactly its files.
 */
function isPlaced(cached: string, target: string): boolean {
  try {
    const [a, b] = [statSync(join(cached, ENTRY)), statSync(join(target, ENTRY))];
    return a.ino === b.ino && a.dev === b.dev;
  } catch {
    return false;
  }
}

/**
 * Puts every part's bundle in place under the site's `pagefind/` as hard links to the cache (the primary part's folder
 * holds the others under `parts/`). A part already in place from the last build is left as it is: relinking all
 * of them made a one-story rebuild at 20,000 documents delete and link again some 24,000 files. The plain build
 * (build-mode.ts), whose output folder is new each time, links every part.
 */
export function placeParts(site: string, cache: string, parts: readonly Part[], trash: string): void {
  const root = join(site, 'pagefind');
  if (isPlainBuild()) rmSync(root, { recursive: true, force: true });
  const paths = parts.map((p, i) => partPath(p, i).replace(/^\/pagefind\/?/, ''));
  for (const [i, part] of parts.entries()) {
    const from = join(cache, part.id);
    const to = join(root, paths[i]!);
    if (isPlaced(from, to)) continue;
    // The primary part's folder also holds the other parts and the list of parts.
    if (existsSync(to))
      for (const e of readdirSync(to)) if (i > 0 || (e !== 'parts' && e !== 'parts.json')) discard(join(to, e), trash);
    linkTree(from, to, (rel) => rel === '.digest' || rel === ENTRY);
    linkTree(from, to, (rel) => rel !== ENTRY);
  }
  // Parts of the last build that are no longer parts (their years or months were regrouped).
  const others = join(root, 'parts');
  if (existsSync(others))
    for (const d of readdirSync(others)) if (!paths.includes(`parts/${d}/`)) discard(join(others, d), trash);
}
