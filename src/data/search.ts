import type { MemberData, NewsData, ProposalData, ReviewData, VoiceData } from '../content/types.ts';
import { beijingDay, beijingYear, toBeijingIso } from '../lib/dates.ts';
import { sessionShortName } from '../lib/numerals.ts';
import { searchKeys, type SynonymGroup } from '../lib/search/keys.ts';
import { KEY_VALUE, KIND_LABELS, type FilterName } from '../lib/search/filters.ts';
import { getTaxonomy } from './content.ts';
import { getLookups, unitLabel } from './lookups.ts';
import { memo } from './memo.ts';

/** What a page tells the search index about itself besides its visible text. */
export interface SearchRecordData {
  filters: [FilterName, string][];
  meta: Record<string, string>;
  /** Sort key: ISO date in Beijing time. */
  sort: string;
  /** Keys from the title, names and number, and synonyms of terms in the text (see `searchKeys`). */
  keys: { strong: string; weak: string };
}

/** Markdown reduced to its words, for a summary. */
function plainText(md: string): string {
  return md.replace(/[#>*_`~\[\]()!|-]+/g, ' ').replace(/\s+/g, ' ').trim();
}

const getSynonyms: () => Promise<SynonymGroup[]> = memo(async () => (await getTaxonomy('synonyms')).map((s) => [s.name, ...s.terms]));

type Kind = keyof typeof KIND_LABELS;

async function record(
  kind: Kind,
  o: { title: string; date: Date | string; text: string; people?: string[]; number?: string; filters?: [FilterName, string][]; meta?: Record<string, string> },
): Promise<SearchRecordData> {
  const day = typeof o.date === 'string' ? o.date : beijingDay(o.date);
  const keys = searchKeys({ title: o.title, people: o.people, number: o.number, text: o.text }, await getSynonyms());
  return {
    filters: [['kind', KIND_LABELS[kind]], ['year', String(beijingYear(o.date))], ...(o.filters ?? [])],
    // `keys` travels with the result so the search page can rank pinyin and number matches of the title first.
    meta: { kind: KIND_LABELS[kind], date: day, keys: keys.strong, ...(o.meta ?? {}) },
    // Same-day items (proposals share a submission day) are ordered by number so the order is stable.
    sort: (typeof o.date === 'string' ? `${o.date}T00:00:00+08:00` : toBeijingIso(o.date)) + (o.number ? ` ${o.number}` : ''),
    keys,
  };
}

/** Search record of a news brief. */
export async function newsRecord(d: NewsData, body: string) {
  return record('news', { title: d.title, date: d.date, text: `${d.summary} ${body}`, meta: { summary: d.summary } });
}

/** Search record of a work review. */
export async function reviewRecord(d: ReviewData, body: string) {
  return record('reviews', { title: d.title, date: d.date, text: `${d.editorNote} ${body}`, meta: { summary: d.editorNote.slice(0, 120) } });
}

/** Search record of a member voice, findable by its author's name in pinyin. */
export async function voiceRecord(d: VoiceData, body: string) {
  const author = (await getLookups()).members.get(d.author)!.name;
  return record('voices', { title: d.title, date: d.date, text: `${d.summary} ${body}`, people: [author], meta: { author, summary: d.summary } });
}

/** Search record of a member's page. */
export async function memberRecord(d: MemberData, body: string) {
  return record('members', { title: d.name, date: '2000-01-01', text: `${d.bio} ${body}`, people: [d.name], meta: { summary: d.bio } });
}

/** Search record of a proposal with its replies: every proposal filter, its number in all forms, its proposers. */
export async function proposalRecord(d: ProposalData, body: string) {
  const l = await getLookups();
  const session = l.sessions.get(d.session)!;
  const people = d.proposers.map((m) => l.members.get(m)!.name);
  const units = [...new Set([...d.leadUnits, ...d.coUnits, ...d.replies.map((r) => r.unit)])];
  const filters: [FilterName, string][] = [
    ['session', sessionShortName(session.term, session.meeting)],
    ['category', l.categories.get(d.category)!.name],
    ['status', d.status],
    ['type', d.proposerType],
    ...units.map((u): [FilterName, string] => ['unit', unitLabel(l, u)]),
    ...(d.sector ? [['sector', l.sectors.get(d.sector)!.name] as [FilterName, string]] : []),
    ...(d.key ? [['key', KEY_VALUE] as [FilterName, string]] : []),
  ];
  const unitNames = units.flatMap((u) => [l.units.get(u)!.name, unitLabel(l, u)]);
  return record('proposals', {
    title: d.title,
    date: d.submitted,
    number: d.number,
    people,
    text: [body, ...d.replies.map((r) => r.body), ...unitNames, d.collective ?? ''].join(' '),
    filters,
    meta: { number: d.number, author: d.collective ?? people.join('、'), status: d.status, summary: plainText(body).slice(0, 100) },
  });
}
