import type {
  MemberData,
  NewsData,
  NoticeData,
  ProposalData,
  ReviewData,
  TopicData,
  VoiceData,
} from '../content/types.ts';
import { beijingDay, beijingYear, toBeijingIso } from '../lib/dates.ts';
import { sessionShortName } from '../lib/numerals.ts';
import { docNumberToken, indexNumberToken } from '../lib/search/doc-numbers.ts';
import { namesMeta, searchKeys, type SynonymGroup } from '../lib/search/keys.ts';
import { notePageYears } from '../lib/search/render-order.ts';
import { KEY_VALUE, KIND_LABELS, SEARCH_FILTERS, type FilterName } from '../lib/search/filters.ts';
import { getMembers, getNews, getNotices, getProposals, getReviews, getTaxonomy, getVoices } from './content.ts';
import { getLookups, unitLabel } from './lookups.ts';
import { getPlacement } from './paper.ts';
import { getTopics } from './topics.ts';
import { memo } from './memo.ts';

/** What a page tells the search index about itself besides its visible text. */
export interface SearchRecordData {
  filters: [FilterName, string][];
  meta: Record<string, string>;
  /** Sort key: ISO date in Beijing time. */
  sort: string;
}

const getSynonyms: () => Promise<SynonymGroup[]> = memo(async () =>
  (await getTaxonomy('synonyms')).map((s) => [s.name, ...s.terms]),
);

type Kind = keyof typeof KIND_LABELS;

/** 栏目 and 年份 of any page; a page without a date (a member's, a unit's) has no year. */
function baseFilters(kind: Kind, date?: Date | string): [FilterName, string][] {
  return date === undefined
    ? [['kind', KIND_LABELS[kind]]]
    : [
        ['kind', KIND_LABELS[kind]],
        ['year', String(beijingYear(date))],
      ];
}

async function record(
  kind: Kind,
  o: {
    title: string;
    /** The page's own date; a page without one (a member, a unit) gives none and shows none. */
    date?: Date | string;
    text: string;
    people?: string[];
    number?: string;
    /** Tokens standing for the page's numbers (see `KeySource.tokens`). */
    tokens?: string[];
    /** Other names the page itself goes by (a unit's short name): ranked like its title (see `tier` in scripts/search/rank.ts). */
    names?: string[];
    /** Words the page is about beyond its indexed text: tags, names, the summary (see `KeySource.terms`). */
    terms?: string[];
    filters?: [FilterName, string][];
    meta?: Record<string, string>;
  },
): Promise<SearchRecordData> {
  const day = o.date === undefined ? undefined : typeof o.date === 'string' ? o.date : beijingDay(o.date);
  const keys = searchKeys(
    {
      title: o.title,
      people: o.people,
      number: o.number,
      tokens: o.tokens,
      text: o.text,
      terms: [...(o.people ?? []), ...(o.terms ?? [])],
    },
    await getSynonyms(),
  );
  return {
    filters: baseFilters(kind, o.date).concat(o.filters ?? []),
    // The keys are metadata, which Pagefind (since 1.5) searches but never puts into excerpts; `keys` also lets the
    // search page rank pinyin and number matches of the title first. The title is given as written: Pagefind would
    // take it from the heading, which the indexed copy splits into words (segment.ts), and would then rank every page
    // with a query word in its title first (any "建议" for 科技服务 建议). 栏目 and 办理状态 are read from the filters,
    // not metadata, so their words (提案与答复, 办理中) match no query.
    meta: {
      title: o.title,
      ...(day ? { date: day } : {}),
      keys: keys.strong,
      ...(keys.weak ? { terms: keys.weak } : {}),
      ...(keys.sounds ? { sounds: keys.sounds } : {}),
      ...(o.names?.length ? { names: namesMeta(o.names) } : {}),
      ...(o.meta ?? {}),
    },
    // Same-day items (proposals share a submission day) are ordered by number so the order is stable.
    sort: sortKey(o.date ?? UNDATED_SORT_DAY) + (o.number ? ` ${o.number}` : ''),
  };
}

const sortKey = (d: Date | string) => (typeof d === 'string' ? `${d}T00:00:00+08:00` : toBeijingIso(d));

/** The 报纸期次 and 报纸版次 filters of a story printed in the paper (none for one that was not). */
async function paperFilters(kind: 'news' | 'voices', id: string): Promise<[FilterName, string][]> {
  const at = await getPlacement(kind, id);
  return at
    ? [
        ['issue', `第${at.issue.number}期`],
        ['paperpage', `第${at.page.number}版`],
      ]
    : [];
}

/** Search record of a news brief. */
export async function newsRecord(d: NewsData, bodyText: string, id: string) {
  return record('news', {
    title: d.title,
    date: d.date,
    text: `${d.summary} ${bodyText}`,
    terms: [...d.tags, d.summary],
    meta: { summary: d.summary },
    filters: await paperFilters('news', id),
  });
}

/**
 * Search record of a notice: found by its 发文字号 and 索引号 in the forms readers type them (doc-numbers.ts), by the
 * words of its attachments' names, and under the 栏目 通知公告.
 */
export async function noticeRecord(d: NoticeData, bodyText: string, issuer: string) {
  const tokens = [d.docNumber ? docNumberToken(d.docNumber) : undefined, indexNumberToken(d.indexNumber)].filter(
    (t): t is string => !!t,
  );
  const summary = d.summary ?? bodyText.slice(0, 100);
  return record('notices', {
    title: d.title,
    date: d.date,
    text: `${summary} ${bodyText}`,
    tokens,
    terms: [d.topic, issuer, ...(d.docNumber ? [d.docNumber] : []), ...d.attachments.map((a) => a.name)],
    meta: { summary, ...(d.docNumber ? { number: d.docNumber } : {}) },
  });
}

/** Search record of a work review. */
export async function reviewRecord(d: ReviewData, bodyText: string) {
  return record('reviews', {
    title: d.title,
    date: d.date,
    text: `${d.editorNote} ${bodyText}`,
    meta: { summary: d.editorNote.slice(0, 120) },
  });
}

/** Search record of a 专题: 栏目 专题, found by its summary as well as its text. */
export async function topicRecord(d: TopicData) {
  return record('topics', {
    title: d.title,
    date: d.date,
    text: d.summary,
    terms: [d.summary],
    meta: { summary: d.summary },
  });
}

/** Search record of a member voice, findable by its author's name in pinyin. */
export async function voiceRecord(d: VoiceData, bodyText: string, id: string) {
  const author = (await getLookups()).members.get(d.author)!.name;
  return record('voices', {
    title: d.title,
    date: d.date,
    text: `${d.summary} ${bodyText}`,
    people: [author],
    terms: [d.summary],
    meta: { author, summary: d.summary },
    filters: await paperFilters('voices', id),
  });
}

/**
 * The sort key of pages without a date (members). Pagefind leaves a page without a sort key out of every date-sorted
 * search, so an undated page still needs one: this key puts it after every dated page and into the oldest part of the
 * index. It is only an ordering key: it is never shown, never in the page's metadata, and no 年份 filter is derived
 * from it (tests/e2e/search.spec.ts checks a member's result shows no date).
 */
export const UNDATED_SORT_DAY = '2000-01-01';

/**
 * Notes, before rendering, the year each page of a route is indexed under (the year of its record's sort key), so the
 * build renders the index part by part (src/lib/search/render-order.ts). `base` is the route's path (`/news/`).
 */
export function noteSearchYears<T extends { id: string }>(
  base: string,
  items: readonly T[],
  date: (item: T) => Date | string,
): void {
  notePageYears(items.map((i) => [`${base}${i.id}/`, beijingYear(date(i))] as const));
}

/** Search record of a member's page. */
export async function memberRecord(d: MemberData, bodyText: string) {
  const l = await getLookups();
  const committee = d.committee ? l.committees.get(d.committee)?.name : undefined;
  const terms = [d.role, l.sectors.get(d.sector)?.name ?? '', committee ?? ''];
  return record('members', {
    title: d.name,
    text: `${d.bio} ${bodyText}`,
    people: [d.name],
    terms,
    meta: { summary: d.bio },
  });
}

/** A handling unit's page (`/units/<id>/`): found by its full and short names; it has no date, like a member's. */
export async function unitRecord(unit: { name: string; shortName?: string | undefined }, proposals: number) {
  const names = [unit.name, unit.shortName ?? ''];
  const summary = `共 ${proposals} 件公开提案`; // as the page says it
  // The short name (市卫健委) is the unit's own name as much as its title: without it ranked like the title, the
  // proposals whose reply headings name the unit outranked its page for 卫健委.
  return record('units', {
    title: unit.name,
    text: names.join(' '),
    terms: names,
    names: unit.shortName ? [unit.shortName] : [],
    meta: { summary },
  });
}

/** Every unit a proposal names: lead, co-handling, joint and replying units. */
function proposalUnits(d: ProposalData): string[] {
  return [...new Set([...d.leadUnits, ...d.coUnits, ...d.jointUnits, ...d.replies.map((r) => r.unit)])];
}

/** The proposal filters (届次, 类别, 状态, 类型, 单位, 界别, 重点) of a proposal. */
async function proposalFilters(d: ProposalData): Promise<[FilterName, string][]> {
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

/** Search record of a proposal with its replies: every proposal filter, its number in all forms, its proposers. */
export async function proposalRecord(d: ProposalData, bodyText: string) {
  const l = await getLookups();
  const people = d.proposers.map((m) => l.members.get(m)!.name);
  const units = proposalUnits(d);
  const filters = await proposalFilters(d);
  const unitNames = units.flatMap((u) => [l.units.get(u)!.name, unitLabel(l, u)]);
  return record('proposals', {
    title: d.title,
    date: d.submitted,
    number: d.number,
    people,
    text: [
      bodyText,
      ...d.replies.map((r) => r.body),
      d.rehandling?.reason ?? '',
      ...(d.rehandling?.replies ?? []).map((r) => r.body),
      ...unitNames,
      d.collective ?? '',
    ].join(' '),
    terms: [...unitNames, d.collective ?? '', l.categories.get(d.category)!.name],
    filters,
    // 主办单位 for the result's line of facts (案号 · 提案人 · 主办单位 · 状态); the status comes from the filters.
    meta: {
      number: d.number,
      author: d.collective ?? people.join('、'),
      lead: d.leadUnits.map((u) => unitLabel(l, u)).join('、'),
      summary: bodyText.slice(0, 100),
    },
  });
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
 * index (150 KB and most of a second per query at 20,000 documents).
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
