import { panelFilters, type FilterName } from '../../lib/search/filters.ts';
import { EVERY_YEAR, type SearchState } from './state.ts';

/**
 * The controls of a search panel: the query box, the filters and the sort. It puts a state into them, reads one out,
 * and shows beside each filter value how many results it would give.
 */
export class SearchForm {
  readonly element: HTMLFormElement;
  readonly input: HTMLInputElement;
  /** Whether every year is searched (`range`): kept in the form, so a new query keeps the reader's choice. */
  readonly range: HTMLInputElement;
  /** The totals the page was built with, per filter and value, shown while no query is made. */
  private readonly totals = new Map<string, Map<string, number>>();

  constructor(
    root: HTMLElement,
    readonly mode: 'all' | 'proposals',
  ) {
    this.element = root.querySelector('form')!;
    this.input = root.querySelector('input[name="q"]')!;
    this.range = root.querySelector('input[name="range"]')!;
    for (const n of this.filterNames) {
      const options = [...(this.select(n)?.options ?? [])].filter((o) => o.value);
      this.totals.set(n, new Map(options.map((o) => [o.value, Number(o.dataset['total'] ?? 0)])));
    }
  }

  /** Filters this panel offers. */
  get filterNames(): FilterName[] {
    return panelFilters(this.mode).map((f) => f.name);
  }

  select(name: string): HTMLSelectElement | null {
    return this.element.querySelector(`select[name="${name}"]`);
  }

  /** Puts a state into the form controls. */
  show(s: SearchState): void {
    this.input.value = s.q;
    this.range.value = s.everyYear ? EVERY_YEAR : '';
    for (const n of this.filterNames) {
      const sel = this.select(n);
      if (sel) {
        if (s.filters[n] && ![...sel.options].some((o) => o.value === s.filters[n]))
          sel.add(new Option(s.filters[n]!, s.filters[n]));
        sel.value = s.filters[n] ?? '';
      }
    }
    const sort = this.select('sort');
    if (sort) sort.value = s.sort === 'date' ? 'date' : '';
    // Show the filter controls when a filter or sort is in use, so the reader sees why results are narrowed.
    if (Object.keys(s.filters).length || s.sort === 'date')
      this.element.querySelector('details')?.setAttribute('open', '');
  }

  /** Reads the form into a state. */
  read(page: number): SearchState {
    const filters: SearchState['filters'] = {};
    for (const n of this.filterNames) {
      const v = this.select(n)?.value;
      if (v) filters[n] = v;
    }
    return {
      q: this.input.value.trim(),
      filters,
      sort: this.select('sort')?.value === 'date' ? 'date' : 'relevance',
      everyYear: this.range.value === EVERY_YEAR,
      page,
    };
  }

  /** Shows beside each filter value how many results it would give, or the built totals when there is no query. */
  updateCounts(counts?: Record<string, Record<string, number>>): void {
    for (const n of this.filterNames) {
      const sel = this.select(n);
      if (!sel) continue;
      const current = sel.value;
      const totals = this.totals.get(n)!;
      for (const o of [...sel.options]) {
        if (!o.value) continue;
        if (!totals.has(o.value) && o.value !== current) o.remove();
        else o.text = `${o.value}（${counts ? (counts[n]?.[o.value] ?? 0) : (totals.get(o.value) ?? 0)}）`;
      }
      sel.value = current;
    }
  }
}
