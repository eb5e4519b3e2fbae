import { digestOf } from '../build-inputs.ts';

/**
 * The search index is built in parts, because Pagefind holds every page of an index in memory while it writes it
 * (docs/benchmarks.md, "index-parts"). Parts cap that memory, and a part whose pages did not change is reused from the
 * last build instead of being indexed again. The browser merges the parts into one search.
 *
 * A part is a run of whole years, or, for a year with more pages than the cap, a run of whole months of that year:
 * parts never overlap in time, so the browser can join date-sorted answers part after part (newest first).
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

/** One part of the index: a run of months (whole years, or months of one year) and its pages. */
export interface Part {
  /** `2024`, `2019-2020` (whole years), `2025-07` or `2025-01_04` (months of one year). */
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

/** The month key of a page without a date. */
export const UNDATED = '0000-00';

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
  return /^\d{4}-(0[1-9]|1[0-2])-$/.test(key) ? key.slice(0, 7) : UNDATED;
}

/** A part in the making: its months, and whether whole years may still join it. */
interface Group {
  months: string[];
  size: number;
  /** Made of whole years: the next whole year joins while the cap allows. */
  years: boolean;
}

/**
 * Groups pages into parts. Older years are grouped whole, oldest first, each part holding at most `maxPages` pages;
 * a year with more pages than that is cut into runs of whole months, oldest first, each at most `maxPages` (a month
 * larger than the cap alone). Filling from the oldest keeps old boundaries where they are as stories are published.
 * The newest year is a part of its own: editors publish and correct recent stories, so an edit re-indexes one year,
 * not the newest few; when it is larger than the cap, its newest month is a part of its own too, so the rebuild after
 * an edit of a new story re-indexes a month, not the months beside it. Returns the parts newest first (the first is
 * the primary index). `salt` names the indexer, so a new version of it invalidates every part.
 */
export function planParts(pages: readonly IndexedPage[], maxPages: number, salt = ''): Part[] {
  const byMonth = Map.groupBy(pages, (p) => p.month);
  const byYear = Map.groupBy([...byMonth.keys()].sort(), (m) => m.slice(0, 4));
  const sizeOf = (months: readonly string[]) => months.reduce((n, m) => n + byMonth.get(m)!.length, 0);
  const years = [...byYear.keys()];
  const newest = years.pop();
  const groups: Group[] = [];
  for (const y of years) {
    const months = byYear.get(y)!;
    const size = sizeOf(months);
    const last = groups.at(-1);
    if (size > maxPages) groups.push(...monthRuns(months, sizeOf, maxPages));
    else if (last?.years && last.size + size <= maxPages)
      [last.months, last.size] = [[...last.months, ...months], last.size + size];
    else groups.push({ months: [...months], size, years: true });
  }
  if (newest !== undefined) {
    const months = byYear.get(newest)!;
    if (sizeOf(months) <= maxPages) groups.push({ months, size: 0, years: true });
    else
      groups.push(...monthRuns(months.slice(0, -1), sizeOf, maxPages), {
        months: months.slice(-1),
        size: 0,
        years: false,
      });
  }
  return groups
    .map((g) =>
      makePart(
        groupId(g),
        g.months.flatMap((m) => byMonth.get(m)!),
        salt,
      ),
    )
    .reverse();
}

/** Runs of whole months, oldest first, each of at most `maxPages` pages unless a single month has more. */
function monthRuns(months: readonly string[], sizeOf: (m: readonly string[]) => number, maxPages: number): Group[] {
  const runs: Group[] = [];
  for (const m of months) {
    const n = sizeOf([m]);
    const last = runs.at(-1);
    if (last && last.size + n <= maxPages) [last.months, last.size] = [[...last.months, m], last.size + n];
    else runs.push({ months: [m], size: n, years: false });
  }
  return runs;
}

function groupId({ months, years }: Group): string {
  const [first, last] = [months[0]!, months.at(-1)!];
  if (years)
    return first.slice(0, 4) === last.slice(0, 4) ? first.slice(0, 4) : `${first.slice(0, 4)}-${last.slice(0, 4)}`;
  return first === last ? first : `${first}_${last.slice(5)}`;
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

/** Where a part's bundle lives in the site. */
export function partPath(part: Part, index: number): string {
  return index === 0 ? '/pagefind/' : `/pagefind/parts/${part.id}/`;
}
