import { holds, parseQuery, queryTerms, settledText, type Attempt, type Query } from './query.ts';
import type { PartEntry, PartsManifest } from '../../lib/search/parts.ts';
import { toSimplified } from './traditional.ts';
import { sumCounts, type Counts } from '../../lib/search/merge.ts';
import type { PagefindData, PagefindSearch } from './engine.ts';
import { Archive } from './archive.ts';

/**
 * How the search panel asks Pagefind (`panel.ts`): the parts a query may draw on, its searches in order (a phrase, a
 * check of loaded results, a slip's sound), with counts that always equal the results kept.
 */

/** How many of Pagefind's best results are loaded to re-rank; more costs bytes on the first query. */
export const RERANK_DEPTH = 20;
/**
 * The search keys are metadata (see SearchRecord): `keys` (pinyin, initials and number forms of the title, names)
 * weigh like a heading, and so do `names` (a unit's short name), `terms` (tags, names, synonyms) like text, `sounds` (for slips) a little, and the date, which
 * Pagefind also searches, not.
 */
const OPTIONS = {
  excerptLength: 36,
  ranking: { metaWeights: { keys: 4, names: 4, terms: 1, sounds: 0.5, date: 0, summary: 0.5 } },
};
/**
 * How many results of a search whose text must be checked (a quoted phrase with symbols, a slip) are loaded to check:
 * each costs a fragment, and the first query must stay within its transfer budget (docs/benchmarks.md#search-transfer).
 */
const CHECK_DEPTH = 40;

let loading: Promise<Archive> | undefined;
/** Pagefind over the parts listed in `/pagefind/parts.json`, started once per page with its recent parts open. */
export function loadPagefind(): Promise<Archive> {
  loading ??= (async () => {
    const manifest = await fetch('/pagefind/parts.json').then((r) =>
      r.ok ? (r.json() as Promise<PartsManifest>) : { parts: [] },
    );
    const archive = new Archive(manifest, OPTIONS);
    await archive.start();
    return archive;
  })();
  return loading;
}

type Filters = Record<string, string | { any: string[] }>;
/** What a search asks: filters, an order, and whether every year is searched or only the recent parts. */
export interface SearchOptions {
  filters: Filters;
  sort?: Record<string, string>;
  everyYear?: boolean;
}

/**
 * The parts a search draws on: the recent ones (`Archive`), or every part when the reader asks for every year; with a
 * 年份 filter, every part holding that year, as the reader asked for it.
 */
function pool(archive: Archive, o: SearchOptions): readonly PartEntry[] {
  const year = o.filters['year'];
  if (typeof year === 'string')
    return archive.parts.filter((p) => p.from.slice(0, 4) <= year && year <= p.to.slice(0, 4));
  return o.everyYear ? archive.parts : archive.recent;
}

/**
 * The parts of `pool` a query may draw results from. Pagefind ignores a query word its index lacks (so a typo does
 * not empty the results); each part is an index of its own, so a word missing from one part would loosen the search
 * there and pages matching only the other words would appear. A word the archive holds somewhere is therefore
 * required everywhere: parts lacking it are left out.
 */
async function partsFor(archive: Archive, pool: readonly PartEntry[], text: string | null): Promise<PartEntry[]> {
  if (!text || archive.parts.length < 2) return [...pool];
  const terms = queryTerms(text);
  if (terms.length < 2) return [...pool];
  const perTerm = await archive.lookUp(pool, terms);
  const known = perTerm.filter((counts) => Object.values(counts).some((n) => n > 0));
  return pool.filter((p) => known.every((counts) => (counts[p.id] ?? 0) > 0));
}

/**
 * While the reader types, the finished words of a query that will need the lookups above are looked up at once, so
 * the search after the pause does not wait for them (their index chunks load on the way).
 */
export function prepare(raw: string, everyYear = false): void {
  // The words of a traditional query are looked up once converted, as it is searched: looked up as typed (農業 發展),
  // they cost index chunks of words the search never asks for (docs/benchmarks.md#search-transfer).
  toSimplified(raw)
    .then(async (simplified) => {
      const text = parseQuery(simplified).text;
      if (text.startsWith('"') || text.startsWith('pn')) return; // a phrase or proposal number is searched whole
      const settled = settledText(text);
      if (!settled || queryTerms(text).length < 2) return;
      const archive = await loadPagefind();
      if (archive.parts.length > 1)
        await archive.lookUp(everyYear ? archive.parts : archive.recent, queryTerms(settled));
    })
    .catch(() => {}); // the search itself reports what went wrong
}

const NOTHING: PagefindSearch = { results: [], filters: {}, unfilteredResultCount: 0 };

/**
 * A search over every part of its pool that may hold results (see `pool`, `partsFor`). By relevance, one merged
 * search. By date, Pagefind orders each part on its own and the merged list interleaves them by position, so each part
 * is asked alone and the answers are joined newest part first (parts are runs of whole months, so that order is the
 * date order).
 */
async function searchParts(archive: Archive, text: string | null, o: SearchOptions): Promise<PagefindSearch> {
  const usable = await partsFor(archive, pool(archive, o), text);
  if (usable.length === 0) return NOTHING;
  const { everyYear: _, ...asked } = o;
  if (!o.sort || archive.parts.length < 2) {
    const only = usable.length < archive.parts.length ? { part: { any: usable.map((p) => p.id) } } : {};
    return (await archive.engine(usable)).search(text, { ...asked, filters: { ...o.filters, ...only } });
  }
  // Each part is asked of its own tier's engine only: the other would fetch the query's chunks for nothing.
  const each = await Promise.all(
    usable.map(async (p) =>
      (await archive.engine([p])).search(text, { ...asked, filters: { ...o.filters, part: p.id } }),
    ),
  );
  return {
    results: each.flatMap((s) => s.results),
    filters: sumCounts(each.map((s) => s.filters)),
    unfilteredResultCount: each.reduce((n, s) => n + s.unfilteredResultCount, 0),
  };
}

/**
 * What a search found; `spelled` when it found it by the sound of a Chinese query (a slip, see sounds.ts), `widened`
 * when it found nothing in the recent parts and searched every year by itself.
 */
export type Found = PagefindSearch & { spelled?: string; widened?: boolean };

/** Whether a search leaves parts of the archive out (the older ones, until the reader asks for every year). */
export function recentOnly(archive: Archive, o: SearchOptions): boolean {
  return pool(archive, o).length < archive.parts.length && !o.everyYear && typeof o.filters['year'] !== 'string';
}

const CHINESE = /^\p{Script=Han}{2,}$/u;

/**
 * A search in the parts its options ask for. A Chinese query that finds nothing is searched again by its sound, in
 * case a character was a slip of the input method (对伍 for 队伍). Where only the recent parts were searched and
 * neither found anything, every year is searched the same way, as the reader would ask next. The slip is tried in the
 * recent parts first: a slip found nothing only because it is one, and opening every part of a large archive for it
 * cost a first query over a megabyte (docs/benchmarks.md#search-tiers).
 */
export async function searchQuery(archive: Archive, query: Query | null, o: SearchOptions): Promise<Found> {
  const found = await searchIn(archive, query, o);
  if (found.results.length > 0 || !recentOnly(archive, o)) return found;
  return { ...(await searchIn(archive, query, { ...o, everyYear: true })), widened: true };
}

async function searchIn(archive: Archive, query: Query | null, o: SearchOptions): Promise<Found> {
  if (!query) return searchParts(archive, null, o);
  const found = await attempts(archive, query, o);
  if (found.results.length > 0 || !CHINESE.test(query.compact)) return found;
  const spelled = (await import('./spell.ts')).spell(query.compact);
  if (!spelled) return found;
  // Pagefind falls back to words that begin the query when none begins with it (meiyou for meiyouzhezhong…): only
  // pages with a key spelled as the query are kept.
  const keyed = (d: PagefindData) =>
    `${d.meta.keys ?? ''} ${d.meta.sounds ?? ''}`.split(' ').some((k) => k.startsWith(spelled));
  // The best RERANK_DEPTH by sound, not CHECK_DEPTH: a slip's results are a guess, shown as one, and the searches
  // before it have loaded their own fragments (docs/benchmarks.md#search-transfer).
  return { ...(await checked(await searchParts(archive, spelled, o), keyed, RERANK_DEPTH)), spelled };
}

/**
 * The first of a query's searches (`parseQuery`'s attempts) that finds something. Where the results must hold a text
 * (a quoted phrase with symbols), the best `CHECK_DEPTH` are loaded and checked, and the counts are those of the
 * results kept, so the number stated is the number listed.
 */
async function attempts(archive: Archive, query: Query, o: SearchOptions): Promise<PagefindSearch> {
  let found = NOTHING;
  let joined: Attempt | undefined;
  for (const a of query.attempts) {
    // An attempt already searched and checked as the one before's `also` is not searched again more deeply: for a
    // slip (对伍: 对 and 伍 anywhere) that loaded more fragments to find nothing (docs/benchmarks.md#search-transfer).
    if (a === joined) continue;
    found = await attempt(archive, a, o, CHECK_DEPTH);
    // Joined results would break the order by date, which is Pagefind's.
    if (a.also && !o.sort) {
      found = await join(found, await attempt(archive, a.also, o, RERANK_DEPTH));
      joined = a.also;
    }
    if (found.results.length > 0) return found;
  }
  return found;
}

async function attempt(archive: Archive, a: Attempt, o: SearchOptions, depth: number): Promise<PagefindSearch> {
  const found = await searchParts(archive, a.text, o);
  const mustHold = a.mustHold;
  if (mustHold === undefined) return found;
  return checked(found, (d) => holds(`${d.meta.title ?? ''} ${d.content} ${d.meta.terms ?? ''}`, mustHold), depth);
}

/** The best `depth` results, loaded, that pass `keep` (a quoted phrase held, a key spelled as the query). */
async function checked(
  found: PagefindSearch,
  keep: (d: PagefindData) => boolean,
  depth: number,
): Promise<PagefindSearch> {
  const head = await Promise.all(found.results.slice(0, depth).map(async (r) => ({ r, d: await r.data() })));
  const kept = head.filter(({ d }) => keep(d));
  const counts: Counts = {};
  for (const { d } of kept) addFilters(counts, d);
  return {
    results: kept.map(({ r, d }) => ({ ...r, data: () => Promise.resolve(d) })),
    filters: counts,
    totalFilters: counts,
    unfilteredResultCount: kept.length,
  };
}

function addFilters(counts: Counts, d: PagefindData): void {
  for (const [name, values] of Object.entries(d.filters))
    for (const v of values) (counts[name] ??= {})[v] = (counts[name][v] ?? 0) + 1;
}

/** A search's results followed by the checked (loaded) results of another that it lacks, with their counts added. */
async function join(first: PagefindSearch, more: PagefindSearch): Promise<PagefindSearch> {
  const have = new Set(first.results.map((r) => r.id));
  const added = more.results.filter((r) => !have.has(r.id));
  if (added.length === 0) return first;
  const counts = sumCounts([first.filters]);
  for (const r of added) addFilters(counts, await r.data());
  return {
    ...first,
    results: [...first.results, ...added],
    filters: counts,
    unfilteredResultCount: first.unfilteredResultCount + added.length,
  };
}
