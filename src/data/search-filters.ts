import type { ProposalData } from '../content/types.ts';
import { beijingYear } from '../lib/dates.ts';
import { sessionShortName } from '../lib/numerals.ts';
import { KEY_VALUE, KIND_LABELS, SEARCH_FILTERS, type FilterName } from '../lib/search/filters.ts';
import { getMembers, getNews, getNotices, getReviews, getTaxonomy, getVoices } from './content.ts';
import { getProposals } from './proposals.ts';
import { getLookups, unitLabel } from './lookups.ts';
import { memo } from './memo.ts';
import { getPlacement } from './paper.ts';
import { getTopics } from './topics.ts';

/**
 * The search filters a page carries (栏目, 年份, the paper's 期次 and 版次, the proposal filters), and every filter's
 * values with their counts for the search form; the pages' search records (`search.ts`) carry the same filters.
 */

export type Kind = keyof typeof KIND_LABELS;

/** 栏目 and 年份 of any page; a page without a date (a member's, a unit's) has no year. */
export function baseFilters(kind: Kind, date?: Date | string): [FilterName, string][] {
  return date === undefined
    ? [['kind', KIND_LABELS[kind]]]
    : [
        ['kind', KIND_LABELS[kind]],
        ['year', String(beijingYear(date))],
      ];
}

/** The 报纸期次 and 报纸版次 filters of a story printed in the paper (none for one that was not). */
export async function paperFilters(kind: 'news' | 'voices', id: string): Promise<[FilterName, string][]> {
  const at = await getPlacement(kind, id);
  return at
    ? [
        ['issue', `第${at.issue.number}期`],
        ['paperpage', `第${at.page.number}版`],
      ]
    : [];
}

/** Every unit a proposal names: lead, co-handling, joint and replying units. */
export function proposalUnits(d: ProposalData): string[] {
  return [...new Set([...d.leadUnits, ...d.coUnits, ...d.jointUnits, ...d.replies.map((r) => r.unit)])];
}

/** The proposal filters (届次, 类别, 状态, 类型, 单位, 界别, 重点) of a proposal. */
export async function proposalFilters(d: ProposalData): Promise<[FilterName, string][]> {
  const l = await getLookups();
  const session = l.sessions.get(d.session)!;
  return [
    ['session', sessionShortName(session.term, session.meeting)],
    ['category', l.categories.get(d.category)!.name],
    ['status', d.status],
    ['type', d.proposerType],
    ...proposalUnits(d).map((u): [FilterName, string] => ['unit', unitLabel(l, u)]),
    ...(d.sector ? [['sector', l.sectors.get(d.sector)!.name] as [FilterName, string]] : []),
    ...(d.key ? [['key', KEY_VALUE] as [FilterName, string]] : []),
  ];
}

/** A filter value and how many pages carry it. */
export interface FilterValue {
  value: string;
  count: number;
}

/** Years and sessions newest first; names in pinyin order, as a Chinese reader looks them up. */
function orderValues(name: FilterName, values: FilterValue[], sessionRank: Map<string, number>): FilterValue[] {
  const pinyinOrder = new Intl.Collator('zh-Hans-CN-u-co-pinyin');
  if (name === 'year') return values.sort((a, b) => Number(b.value) - Number(a.value));
  // 第198期 before 第186期 (newest first); 第1版 before 第2版 … 第10版.
  const n = (v: string) => Number(/\d+/.exec(v)?.[0] ?? 0);
  if (name === 'issue') return values.sort((a, b) => n(b.value) - n(a.value));
  if (name === 'paperpage') return values.sort((a, b) => n(a.value) - n(b.value));
  if (name === 'session')
    return values.sort((a, b) => (sessionRank.get(b.value) ?? 0) - (sessionRank.get(a.value) ?? 0));
  return values.sort((a, b) => pinyinOrder.compare(a.value, b.value));
}

/**
 * Every value of every search filter with the number of indexed pages that carry it, computed from the content the
 * way the pages' search records are, so the search form can offer its choices without loading Pagefind's filter
 * index (docs/benchmarks.md#search-filter-counts).
 */
export const getFilterValues: () => Promise<Record<'all' | 'proposals', Record<FilterName, FilterValue[]>>> = memo(
  async () => {
    const all = new Map<FilterName, Map<string, number>>();
    const proposals = new Map<FilterName, Map<string, number>>();
    const adder =
      (counts: typeof all) =>
      ([name, value]: [FilterName, string]) => {
        const m = counts.get(name) ?? counts.set(name, new Map()).get(name)!;
        m.set(value, (m.get(value) ?? 0) + 1);
      };
    const add = adder(all);
    const addProposal = adder(proposals);
    for (const e of await getNews())
      [...baseFilters('news', e.data.date), ...(await paperFilters('news', e.id))].forEach(add);
    for (const e of await getNotices()) baseFilters('notices', e.data.date).forEach(add);
    for (const e of await getReviews()) baseFilters('reviews', e.data.date).forEach(add);
    for (const e of await getVoices())
      [...baseFilters('voices', e.data.date), ...(await paperFilters('voices', e.id))].forEach(add);
    for (const e of await getTopics()) baseFilters('topics', e.data.date).forEach(add);
    for (const _ of await getMembers()) baseFilters('members').forEach(add);
    for (const _ of await getTaxonomy('units')) baseFilters('units').forEach(add);
    for (const e of await getProposals()) {
      const filters = [...baseFilters('proposals', e.data.submitted), ...(await proposalFilters(e.data))];
      filters.forEach(add);
      filters.forEach(addProposal);
    }
    const sessionRank = new Map(
      [...(await getLookups()).sessions.values()].map((x) => [
        sessionShortName(x.term, x.meeting),
        x.term * 100 + x.meeting,
      ]),
    );
    const lists = (counts: typeof all) =>
      Object.fromEntries(
        SEARCH_FILTERS.map(({ name }) => [
          name,
          orderValues(
            name,
            [...(counts.get(name) ?? [])].map(([value, count]) => ({ value, count })),
            sessionRank,
          ),
        ]),
      ) as Record<FilterName, FilterValue[]>;
    return { all: lists(all), proposals: lists(proposals) };
  },
);
