import type { PartEntry } from './parts.ts';
import { dealParts } from './shards.ts';

/** How the browser opens the parts of the index in Pagefind and joins the answers of several Pagefinds (workers). */

/** Result counts per filter and value. */
export type Counts = Record<string, Record<string, number>>;

/** Counts of several searches added up, per filter and value. */
export function sumCounts(all: readonly Counts[]): Counts {
  const out: Counts = {};
  for (const counts of all) {
    for (const [name, values] of Object.entries(counts)) {
      const into = (out[name] ??= {});
      for (const [v, n] of Object.entries(values)) into[v] = (into[v] ?? 0) + n;
    }
  }
  return out;
}

/** Splits the parts (newest first) between at most `n` workers by their pages, each worker keeping them newest first. */
export function shareParts(parts: readonly PartEntry[], n: number): PartEntry[][] {
  return dealParts(parts, n, (p) => p.pages).filter((share) => share.length > 0);
}

/** Pagefind's browser module (`/pagefind/pagefind.js`), as far as the site uses it; `S` is what a search answers. */
export interface PagefindModule<S> {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, o: Record<string, unknown>): Promise<void>;
  search(term: string | null, o: Record<string, unknown>): Promise<S>;
  filters(): Promise<Counts>;
}

/**
 * Opens `parts` (newest first) in one Pagefind: the first as its primary index, the others merged in. The primary must
 * be the newest: Pagefind skips merging any index whose path begins the primary's, and `/pagefind/` begins every other
 * part's path. With `tagged`, each part's results carry its id as the filter `part` (see `searchParts`).
 */
export async function openParts(
  pf: PagefindModule<unknown>,
  parts: readonly PartEntry[],
  options: Record<string, unknown>,
  tagged: boolean,
): Promise<void> {
  const tag = (p: PartEntry) => (tagged ? { mergeFilter: { part: p.id } } : {});
  const [first, ...rest] = parts;
  await pf.options({ ...options, ...(first ? { basePath: first.path, ...tag(first) } : {}) });
  await pf.init();
  await Promise.all(rest.map((p) => pf.mergeIndex(p.path, { ...options, ...tag(p) })));
}
