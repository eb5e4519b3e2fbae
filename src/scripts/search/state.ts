import { SEARCH_FILTERS, type FilterName } from '../../lib/search/filters.ts';

/**
 * Everything a search shows lives in the URL (`q`, each filter, `sort`, `range`, `page`), so a search can be shared,
 * bookmarked and walked back with the back button.
 */
export interface SearchState {
  q: string;
  filters: Partial<Record<FilterName, string>>;
  sort: 'relevance' | 'date';
  /** Whether every year is searched (`range=all`), not only the recent parts of a large archive (`Archive`). */
  everyYear: boolean;
  page: number;
}

/** The `range` parameter's value when every year is searched. */
export const EVERY_YEAR = 'all';

const NAMES = new Set<string>(SEARCH_FILTERS.map((f) => f.name));

export function readState(search: string): SearchState {
  const p = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const [k, v] of p) if (NAMES.has(k) && v) filters[k as FilterName] = v;
  const page = Number(p.get('page'));
  return {
    q: p.get('q')?.trim() ?? '',
    filters,
    sort: p.get('sort') === 'date' ? 'date' : 'relevance',
    everyYear: p.get('range') === EVERY_YEAR,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The query string of a state, with defaults left out so URLs stay short. */
export function writeState(s: SearchState): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const f of SEARCH_FILTERS) {
    const v = s.filters[f.name];
    if (v) p.set(f.name, v);
  }
  if (s.sort === 'date') p.set('sort', 'date');
  if (s.everyYear) p.set('range', EVERY_YEAR);
  if (s.page > 1) p.set('page', String(s.page));
  const qs = p.toString();
  return qs ? `?${qs}` : '';
}
