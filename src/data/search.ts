import type {
  MemberData,
  NewsData,
  NoticeData,
  ProposalData,
  ReviewData,
  TopicData,
  VoiceData,
} from '../content/types.ts';
import { beijingDay, toBeijingIso } from '../lib/dates.ts';
import { docNumberToken, indexNumberToken } from '../lib/search/doc-numbers.ts';
import { namesMeta, searchKeys, type SynonymGroup } from '../lib/search/keys.ts';
import { notePageMonths } from '../lib/search/render-order.ts';
import { sortKeyMonth } from '../lib/search/parts.ts';
import type { FilterName } from '../lib/search/filters.ts';
import { getTaxonomy } from './content.ts';
import { getLookups, unitLabel } from './lookups.ts';
import { memo } from './memo.ts';
import { baseFilters, paperFilters, proposalFilters, proposalUnits, type Kind } from './search-filters.ts';

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
 * The sort key of pages without a date (members, units). Pagefind leaves a page without a sort key out of every
 * date-sorted search, so an undated page still needs one: year 0000 puts it after every dated page, and into the index
 * part of undated pages (`planParts`), which the browser searches with the newest. It is only an ordering key: it is
 * never shown, never in the page's metadata, and no 年份 filter is derived from it (tests/e2e/search.spec.ts checks a
 * member's result shows no date).
 */
export const UNDATED_SORT_DAY = '0000-01-01';

/**
 * Notes, before rendering, the month each page of a route is indexed under (the month of its record's sort key, which
 * gives its index part: whole years, or months of a large year), so the build renders the index part by part
 * (src/lib/search/render-order.ts). `base` is the route's path (`/news/`).
 */
export function noteSearchYears<T extends { id: string }>(
  base: string,
  items: readonly T[],
  date: (item: T) => Date | string,
): void {
  notePageMonths(items.map((i) => [`${base}${i.id}/`, sortKeyMonth(sortKey(date(i)))] as const));
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
