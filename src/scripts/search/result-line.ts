import { KIND_LABELS } from '../../lib/search/filters.ts';

/** What a search result shows besides its title and excerpt, from Pagefind's data for the page. */
export interface ResultSource {
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** The kind of page (栏目), read from its filter: kinds are filters, not metadata, so their words match no query. */
export function resultKind(d: ResultSource): string {
  return d.filters['kind']?.[0] ?? '';
}

/**
 * A proposal's line of facts, in the order readers scan them: 案号 · 提案人 · 主办单位 · 状态 (each pair a label and a
 * value; missing values are left out); a notice's 发文字号. Empty for other pages.
 */
export function resultLine(d: ResultSource): [label: string, value: string][] {
  // A notice is looked up by its 发文字号, so the result shows it.
  if (resultKind(d) === KIND_LABELS.notices) return d.meta['number'] ? [['发文字号', d.meta['number']]] : [];
  if (resultKind(d) !== KIND_LABELS.proposals) return [];
  const line: [string, string | undefined][] = [
    ['案号', d.meta['number']],
    ['提案人', d.meta['author']],
    ['主办单位', d.meta['lead']],
    ['状态', d.filters['status']?.[0]],
  ];
  return line.filter((x): x is [string, string] => Boolean(x[1]));
}
