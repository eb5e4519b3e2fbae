import { digestOf } from '../build-inputs.ts';

/**
 * The search index is built in parts, because Pagefind holds every page of an index in memory while it writes it
 * (docs/benchmarks.md, "index-parts"). Parts cap that memory, and a part whose pages did not change is reused from the
 * last build instead of being indexed again. The browser merges the parts into one search.
 *
 * A part is a run of whole months (often whole years): parts never overlap in time, so the browser can join
 * date-sorted answers part after part (newest first).
 */

/** A page Pagefind will index. */
export interface IndexedPage {
  /** Path of the HTML file under the output folder, with forward slashes (`news/x/index.html`). */
  file: string;
  /** Month of the page's date (`2025-03`), from its sort key; `0000-00` when it has none. */
  month: string;
  /** Digest of the page's HTML, so an unchanged part can be reused. */
  digest: string;
}

/** One part of the index: a run of whole months and its pages. */
export interface Part {
  /** `2024`, `2019-2020` (whole years), `2025-07`, `2025-01_04` or `2024-10_2025-02` (whole months). */
  id: string;
  /** First and last month holding a page (`2025-01`), so parts sort and never overlap. */
  from: string;
  to: string;
  pages: IndexedPage[];
  /** Digest of every page of the part and of the indexer, to tell whether the last build's part can be reused. */
  digest: string;
}

/** As the manifest `/pagefind/parts.json` lists a part for the browser. */
export interface PartEntry {
  id: string;
  /** Base path of the part's bundle; the newest part is the primary index at `/pagefind/`. */
  path: string;
  from: string;
  to: string;
  pages: number;
}

/** The month key of a page without a date (a member, a unit). */
export const UNDATED = '0000-00';
/** The id of the part of undated pages, where they are a part of their own (see `planParts`). */
const UNDATED_ID = 'undated';

const SORT_KEY = 'data-pagefind-sort="date:';

/**
 * Month of a built page (`2025-03`), read from the `data-pagefind-sort="date:…"` key every indexed page carries. Takes
 * the file's bytes as they are, so finding the month of 20,000 pages decodes none of them.
 */
export function pageMonth(html: string | Buffer): string {
  const at = html.indexOf(SORT_KEY);
  if (at < 0) return UNDATED;
  const from = at + SORT_KEY.length;
  const key = typeof html === 'string' ? html.slice(from, from + 8) : html.subarray(from, from + 8).toString('latin1');
  return sortKeyMonth(key);
}

/**
 * The month (`2025-03`) of a search sort key (`2025-03-08T…`), as `pageMonth` reads it from a built page. Year 0000
 * is the key of pages without a date (`UNDATED_SORT_DAY` in src/data/search.ts): their month is `UNDATED`.
 */
export function sortKeyMonth(key: string): string {
  return /^\d{4}-(0[1-9]|1[0-2])-/.test(key) && !key.startsWith('0000') ? key.slice(0, 7) : UNDATED;
}

/** How `planParts` cuts the pages into parts. */
export interface PartLimits {
  /** Most pages in a part; a month larger than that is a part alone. */
  maxPages: number;
  /**
   * The newest `recentYears` calendar years (the current one and those before it) are packed to `recentPages` a part
   * instead of `maxPages`: editors correct recent stories and add replies to last year's proposals, and an edit
   * re-indexes its whole part, so where the edits land the parts stay small even when the site's old years are packed
   * into large ones. None by default.
   */
  recentYears?: number;
  recentPages?: number;
  /** Most pages of the newest year as a part of its own; past that its newest month is a part alone (see below). */
  newestPages?: number;
  /** Undated pages (members, units) in a part of their own rather than with the oldest months (see below). */
  undatedApart?: boolean;
}

/**
 * Groups pages into parts. Months are packed oldest first into runs of at most `maxPages` pages (a month larger than
 * that alone); filling from the oldest keeps old boundaries where they are as stories are published, and a change in an
 * old month moves only the boundaries after it. Runs may span years: fewer, fuller parts cost the browser less (one
 * index chunk per query word and part). The recent years (`recentYears`) are packed to their own, smaller cap, in runs
 * that never take in an older month (undated pages aside), so they change only when a new year begins. The newest year
 * is apart from the older ones: editors publish and correct recent stories, so an edit re-indexes that year, not older
 * months; when it has more than `newestPages` pages (by default the cap), its newest month alone is a part and its
 * other months are packed with the older ones, so the rebuild after an edit of a new story re-indexes a month. Pages
 * without a date (members, units) sort before every month and go with the oldest; with `undatedApart` (an archive
 * larger than the browser searches at first) they are a part of their own, last: they belong to no period, so the
 * browser searches them with the newest parts (`recentParts`), and an edit of one re-indexes only them. Not below that
 * size: every query word costs a chunk per part, and the extra part put the heaviest first query at 20,000 documents
 * over its budget (docs/benchmarks.md#search-tiers). `limits` is the cap alone or every limit. Returns the parts newest
 * first (the first is the primary index). `salt` names the indexer, so a new version of it invalidates every part.
 */
export function planParts(pages: readonly IndexedPage[], limits: number | PartLimits, salt = ''): Part[] {
  const {
    maxPages,
    recentYears = 0,
    recentPages = maxPages,
    newestPages = maxPages,
    undatedApart = false,
  } = typeof limits === 'number' ? { maxPages: limits } : limits;
  const byMonth = Map.groupBy(pages, (p) => p.month);
  const undated = undatedApart ? byMonth.get(UNDATED) : undefined;
  const months = [...byMonth.keys()].filter((m) => !(undated && m === UNDATED)).sort();
  const sizeOf = (ms: readonly string[]) => ms.reduce((n, m) => n + byMonth.get(m)!.length, 0);
  const newestYear = months.at(-1)?.slice(0, 4);
  const firstRecent = Number(newestYear) - recentYears + 1;
  const isRecent = (m: string) => m !== UNDATED && Number(m.slice(0, 4)) >= firstRecent;
  const capOf = (m: string) => (isRecent(m) ? recentPages : maxPages);
  const newest = months.filter((m) => m.slice(0, 4) === newestYear);
  const newestApart =
    newest.length && sizeOf(newest) <= Math.min(capOf(newest[0]!), newestPages) ? newest : newest.slice(-1);
  const runs: string[][] = [];
  let size = 0;
  for (const m of months.slice(0, months.length - newestApart.length)) {
    const n = byMonth.get(m)!.length;
    const last = runs.at(-1);
    // Undated pages (packed with the oldest months on a small site) go with whichever months follow them.
    const joins = last && (last.at(-1) === UNDATED || isRecent(last.at(-1)!) === isRecent(m));
    if (joins && size + n <= capOf(m)) {
      last.push(m);
      size += n;
    } else {
      runs.push([m]);
      size = n;
    }
  }
  if (newestApart.length) runs.push(newestApart);
  const yearsOf = Map.groupBy(months, (m) => m.slice(0, 4));
  const parts = runs
    .map((run) =>
      makePart(
        runId(run, yearsOf),
        run.flatMap((m) => byMonth.get(m)!),
        salt,
      ),
    )
    .reverse();
  return undated ? [...parts, makePart(UNDATED_ID, undated, salt)] : parts;
}

/**
 * A run's id: its years (`2024`, `2019-2020`) when it holds every month of them that has pages, else its months
 * (`2025-07`, `2025-01_04`, `2024-10_2025-02`).
 */
function runId(run: readonly string[], yearsOf: ReadonlyMap<string, string[]>): string {
  const [first, last] = [run[0]!, run.at(-1)!];
  const [y1, y2] = [first.slice(0, 4), last.slice(0, 4)];
  if (yearsOf.get(y1)![0] === first && yearsOf.get(y2)!.at(-1) === last) return y1 === y2 ? y1 : `${y1}-${y2}`;
  if (first === last) return first;
  return y1 === y2 ? `${first}_${last.slice(5)}` : `${first}_${last}`;
}

/**
 * The part `id` holding exactly `pages`: its months, its pages in a stable order, and its digest, the same whichever
 * order the pages come in, so a part indexed while the pages were rendered is recognised afterwards.
 */
export function makePart(id: string, pages: readonly IndexedPage[], salt = ''): Part {
  const sorted = [...pages].sort((a, b) => a.file.localeCompare(b.file));
  const months = sorted.map((p) => p.month).sort();
  return {
    id,
    from: months[0] ?? UNDATED,
    to: months.at(-1) ?? UNDATED,
    pages: sorted,
    digest: digestOf(`${salt}\n${id}\n${sorted.map((p) => `${p.file}\n${p.digest}\n`).join('')}`),
  };
}

/**
 * Pages per part when `SEARCH_PART_PAGES` does not say (docs/benchmarks.md, "index-parts"), and the calendar years
 * whose parts keep the least cap however large the site: the current one, where editors publish and correct, and the
 * last, whose proposals get their replies this year (docs/benchmarks.md#recent-parts).
 */
export const PART_PAGES = { least: 4000, most: 10000, newest: 2500, recentYears: 2 };

/**
 * The cap on a part's pages for a site of `pages` searchable pages: 4,000 up to 40,000 pages, then doubled each time
 * the site doubles, up to 10,000. Pagefind's memory grows with a part's pages (about 0.28 GB per 1,000) and the
 * browser's cost with the number of parts (one index chunk per query word and part, and each part's metadata), so
 * small sites get small parts and large ones larger parts for their old years (the recent years keep `partCap(0)`, so
 * an edit there re-indexes no more than on a small site). The cap moves only when the site doubles, so parts stay put
 * as stories are published; `fixed` (the operator's `SEARCH_PART_PAGES`) wins.
 */
export function partCap(pages: number, fixed?: number): number {
  if (fixed && fixed > 0) return fixed;
  let cap = PART_PAGES.least;
  while (cap < PART_PAGES.most && pages > cap * 10) cap = Math.min(PART_PAGES.most, cap * 2);
  return cap;
}

/** Where a part's bundle lives in the site. */
export function partPath(part: Part, index: number): string {
  return index === 0 ? '/pagefind/' : `/pagefind/parts/${part.id}/`;
}

/** Pages the browser searches first, unless the reader asks for every year (`SEARCH_RECENT_PAGES` overrides). */
export const RECENT_PAGES = 30_000;

/** `/pagefind/parts.json`: every part, newest first, and the ids of those searched first (`recentParts`). */
export interface PartsManifest {
  parts: PartEntry[];
  recent?: string[];
}

/**
 * The parts the browser searches first: the newest dated parts while together they hold at most `budget` pages (the
 * newest always), and the undated part where there is one. A query costs an index chunk per word and part, and each part's metadata
 * loads before its first search, so on a large archive (100,000 pages) searching every year would transfer about a
 * megabyte; the reader widens the search to every year with one tap, and a search that finds nothing recent widens by
 * itself. Up to `budget` pages everything is searched at once, as before.
 */
export function recentParts(parts: readonly PartEntry[], budget: number): string[] {
  const recent: string[] = [];
  let pages = 0;
  for (const p of parts) {
    if (p.id === UNDATED_ID) continue;
    if (recent.length > 0 && pages + p.pages > budget) break;
    recent.push(p.id);
    pages += p.pages;
  }
  for (const p of parts) if (p.id === UNDATED_ID) recent.push(p.id);
  return recent;
}
