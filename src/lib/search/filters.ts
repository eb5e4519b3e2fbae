import { KIND_LABELS } from '../../content/model/kind-labels.ts';

/**
 * The search filters, their Chinese labels and URL parameter names. The index (SearchRecord), the search page and the
 * tests all read this list. The proposal filters are named as the model names their fields; the browser bundles this
 * list and not the model, so `tests/unit/labels.test.ts` keeps the two equal.
 */
export const SEARCH_FILTERS = [
  { name: 'kind', label: '栏目' },
  { name: 'year', label: '年份' },
  { name: 'session', label: '届次' },
  { name: 'category', label: '类别' },
  { name: 'unit', label: KIND_LABELS.units },
  { name: 'sector', label: '界别' },
  { name: 'status', label: '办理状态' },
  { name: 'type', label: '提案类型' },
  { name: 'key', label: '重点提案' },
  // Stories printed in the paper (数字报): 第186期, 第1版. Not `page`: that parameter is the results page.
  { name: 'issue', label: '报纸期次' },
  { name: 'paperpage', label: '报纸版次' },
] as const;

export type FilterName = (typeof SEARCH_FILTERS)[number]['name'];

/** Filters that only proposals carry; the proposal search (提案检索) shows these. */
export const PROPOSAL_FILTERS: readonly FilterName[] = [
  'session',
  'category',
  'unit',
  'sector',
  'status',
  'type',
  'key',
  'year',
];

/** The filters a search panel offers, in the list's order: all of them, or in 提案检索 the proposal filters. */
export function panelFilters(mode: 'all' | 'proposals'): readonly (typeof SEARCH_FILTERS)[number][] {
  return mode === 'proposals' ? SEARCH_FILTERS.filter((f) => PROPOSAL_FILTERS.includes(f.name)) : SEARCH_FILTERS;
}

/**
 * Chinese names of the kinds of page, as the 栏目 filter shows them: the model's own, from a file that imports nothing,
 * so the search page's bundle takes the names and not the model.
 */
export { KIND_LABELS };

/** The value of the 重点提案 filter on key proposals (other proposals carry no value). */
export const KEY_VALUE = '重点提案';
