import { digestOf } from '../build-inputs.ts';

/**
 * The search index is built in parts, each covering a run of whole years, because Pagefind holds every page of an
 * index in memory while it writes it (about 0.28 GB per 1,000 of this site's pages: every word with its positions,
 * each an allocation of its own). Parts cap that memory, and a part whose pages did not change is reused from the
 * last build instead of being indexed again. The browser merges the parts into one search.
 */

/** A page Pagefind will index. */
export interface IndexedPage {
  /** Path of the HTML file under the output folder, with forward slashes (`news/x/index.html`). */
  file: string;
  /** Year of the page's date, from its sort key; 0 when it has none. */
  year: number;
  /** Digest of the page's HTML, so an unchanged part can be reused. */
  digest: string;
}

/** One part of the index: a run of years and its pages. */
export interface Part {
  /** `2019-2020`, or `2024` for a single year. */
  id: string;
  from: number;
  to: number;
  pages: IndexedPage[];
  /** Digest of every page of the part and of the indexer, to tell whether the last build's part can be reused. */
  digest: string;
}

/** As the manifest `/pagefind/parts.json` lists a part for the browser. */
export interface PartEntry {
  id: string;
  /** Base path of the part's bundle; the newest part is the primary index at `/pagefind/`. */
  path: string;
  from: number;
  to: number;
  pages: number;
}

const SORT_KEY = 'data-pagefind-sort="date:';

/**
 * Year of a built page, read from the `data-pagefind-sort="date:…"` key every indexed page carries. Takes the file's
 * bytes as they are, so finding the year of 20,000 pages decodes none of them.
 */
export function pageYear(html: string | Buffer): number {
  const at = html.indexOf(SORT_KEY);
  if (at < 0) return 0;
  const from = at + SORT_KEY.length;
  const year = typeof html === 'string' ? html.slice(from, from + 5) : html.subarray(from, from + 5).toString('latin1');
  return /^\d{4}-$/.test(year) ? Number(year.slice(0, 4)) : 0;
}

/**
 * Groups pages into parts of whole years. The newest year is always a part of its own: editors publish and correct
 * recent stories, so the rebuild after an edit re-indexes one year, not the newest few. Older years are grouped oldest
 * first, each part holding at most `maxPages` pages unless a single year has more; filling from the oldest year keeps
 * old parts stable as new years are published. Returns the parts newest first (the first is the primary index).
 * `salt` names the indexer, so a new version of it invalidates every part.
 */
export function planParts(pages: readonly IndexedPage[], maxPages: number, salt = ''): Part[] {
  const byYear = new Map<number, IndexedPage[]>();
  for (const p of pages) (byYear.get(p.year) ?? byYear.set(p.year, []).get(p.year)!).push(p);
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const newest = years.pop();
  const groups: number[][] = [];
  let size = 0;
  for (const y of years) {
    const n = byYear.get(y)!.length;
    if (groups.length === 0 || size + n > maxPages) {
      groups.push([y]);
      size = n;
    } else {
      groups.at(-1)!.push(y);
      size += n;
    }
  }
  if (newest !== undefined) groups.push([newest]);
  return groups
    .map((ys) =>
      makePart(
        ys.flatMap((y) => byYear.get(y)!),
        salt,
      ),
    )
    .reverse();
}

/**
 * The part holding exactly `pages` (whole years): its id and years, its pages in a stable order, and its digest, the
 * same whichever order the pages come in, so a part indexed while the pages were rendered is recognised afterwards.
 */
export function makePart(pages: readonly IndexedPage[], salt = ''): Part {
  let from = Infinity;
  let to = -Infinity;
  for (const p of pages) [from, to] = [Math.min(from, p.year), Math.max(to, p.year)];
  const sorted = [...pages].sort((a, b) => a.file.localeCompare(b.file));
  return {
    id: from === to ? String(from) : `${from}-${to}`,
    from,
    to,
    pages: sorted,
    digest: digestOf(salt + sorted.map((p) => `${p.file}\n${p.digest}\n`).join('')),
  };
}

/** Where a part's bundle lives in the site. */
export function partPath(part: Part, index: number): string {
  return index === 0 ? '/pagefind/' : `/pagefind/parts/${part.id}/`;
}
