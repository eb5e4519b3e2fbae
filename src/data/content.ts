import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type {
  CategoryData,
  CommitteeData,
  MemberData,
  NewsData,
  NoticeData,
  PaperIssueData,
  PlaceData,
  ReviewData,
  SectorData,
  SessionData,
  SettingsData,
  SynonymData,
  TopicData,
  UnitData,
  VoiceData,
} from '../content/types.ts';
import { htmlText } from '../lib/html-text.ts';
import { publishNow, visibility, type Withdrawal } from '../lib/publication.ts';
import { memo } from './memo.ts';
import { assertCollectionLoaded } from './store-guard.ts';
import { collection, FILE_POSITION, type FolderCollection, sectionLabel } from '../content/model.ts';
import { entryUrl } from '../lib/routes.ts';

/**
 * Every content query of the site, those of proposals in `proposals.ts`. Pages ask these modules and never filter or
 * sort entries themselves, so ordering and the rules that withheld proposals are never shown, that an entry dated in
 * the future is absent until its moment (定时发布) and that a withdrawn one (撤回) is absent for good live in one place:
 * every query starts from `all()`.
 */

/** An entry with its id, its data typed from the content model, its body, and the handle `render()` needs. */
export interface Entry<D> {
  id: string;
  data: D;
  /** The body as the page shows it: rendered from Markdown and sanitised by the content sync (`loaders.ts`). */
  readonly html: string;
  /** The body's words without markup, for search keys and summaries; worked out when asked for. */
  readonly text: string;
  /** The Astro entry, for `render()`. */
  entry: CollectionEntry<never>;
}

type Name = 'news' | 'notices' | 'reviews' | 'proposals' | 'voices' | 'members' | 'paper' | 'topics';

type Stored<D> = { id: string; data: D; rendered?: { html: string }; filePath?: string };

class ContentEntry<D> implements Entry<D> {
  readonly id: string;
  readonly data: D;
  readonly entry: CollectionEntry<never>;
  constructor(stored: Stored<D>) {
    this.id = stored.id;
    this.data = stored.data;
    this.entry = stored as unknown as CollectionEntry<never>;
  }
  get html(): string {
    return (this.entry as unknown as Stored<D>).rendered?.html ?? '';
  }
  get text(): string {
    return htmlText(this.html);
  }
}

/** The clock of this build: fixed once (`PUBLISH_NOW`, set for the whole build by `publish-clock.ts`). */
const buildNow = memo(async () => publishNow());

async function stored<D>(name: Name): Promise<Stored<D>[]> {
  const entries = (await getCollection(name as never)) as unknown as Stored<D>[];
  assertCollectionLoaded(name, entries.length);
  return entries;
}

/**
 * The entries of a collection that are public now: neither scheduled for later nor withdrawn. Every query starts here
 * (the proposals' in `proposals.ts`).
 */
export async function all<D>(name: Name): Promise<Entry<D>[]> {
  const [entries, now] = await Promise.all([stored<D>(name), buildNow()]);
  return entries.filter((e) => visibility(name, e.data as object, now) === 'published').map((e) => new ContentEntry(e));
}

/** A withdrawn entry as its notice shows it: where it was, what kind it was, when and why it was taken down. */
export interface WithdrawnEntry {
  /** Its URL, which answers 410 with the notice. */
  path: string;
  kindLabel: string;
  withdrawn: Withdrawal;
}

/** The kinds whose entries have a page of their own, and so a notice once withdrawn. */
const WITHDRAWABLE = ['news', 'notices', 'reviews', 'proposals', 'voices', 'topics', 'members'] as const;

/**
 * Every withdrawn entry that had a URL, by path. A withheld proposal (`public: false`) never had one, so it gets no
 * notice that would reveal it.
 */
export const getWithdrawn: () => Promise<WithdrawnEntry[]> = memo(async () => {
  const lists = await Promise.all(
    WITHDRAWABLE.map(async (name) =>
      (await stored<{ withdrawn?: Withdrawal; public?: boolean }>(name))
        .filter((e) => e.data.withdrawn && e.data.public !== false)
        .map((e) => ({
          path: entryUrl((collection(name) as FolderCollection).folder, e.id),
          kindLabel: sectionLabel(name),
          withdrawn: e.data.withdrawn!,
        })),
    ),
  );
  return lists.flat().sort((a, b) => a.path.localeCompare(b.path));
});

const newestFirst = <D extends { date: Date }>(a: Entry<D>, b: Entry<D>) =>
  b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id);

/** News briefs, newest first. */
export const getNews: () => Promise<Entry<NewsData>[]> = memo(async () => {
  return (await all<NewsData>('news')).sort(newestFirst);
});

/** Notices (通知公告), newest first. */
export const getNotices: () => Promise<Entry<NoticeData>[]> = memo(async () => {
  return (await all<NoticeData>('notices')).sort(newestFirst);
});

/** Work reviews, newest year first. */
export const getReviews: () => Promise<Entry<ReviewData>[]> = memo(async () => {
  return (await all<ReviewData>('reviews')).sort((a, b) => b.data.year - a.data.year || newestFirst(a, b));
});

/** Member voices, newest first. */
export const getVoices: () => Promise<Entry<VoiceData>[]> = memo(async () => {
  return (await all<VoiceData>('voices')).sort(newestFirst);
});

/** 专题, newest first, each with its file (whose components `src/data/topics.ts` checks). */
export const getTopicEntries: () => Promise<(Entry<TopicData> & { file: string })[]> = memo(async () => {
  const [entries, now] = await Promise.all([stored<TopicData>('topics'), buildNow()]);
  return entries
    .filter((e) => visibility('topics', e.data as object, now) === 'published')
    .map((e) => Object.assign(new ContentEntry(e), { file: e.filePath ?? `content/topics/${e.id}.mdx` }))
    .sort(newestFirst);
});

/** Members, by pinyin order of name. */
export const getMembers: () => Promise<Entry<MemberData>[]> = memo(async () => {
  return (await all<MemberData>('members')).sort((a, b) =>
    a.data.name.localeCompare(b.data.name, 'zh-Hans-CN-u-co-pinyin'),
  );
});

/**
 * Every member, withdrawn ones too, for their names only: a withdrawn member's name stays on the proposals and voices
 * they wrote, without a link to the page that is gone.
 */
export const getAllMembersForNames: () => Promise<Entry<MemberData>[]> = memo(async () =>
  (await stored<MemberData>('members')).map((e) => new ContentEntry(e)),
);
/** Issues of the newspaper (数字报), newest first. */
export const getPaperIssues: () => Promise<Entry<PaperIssueData>[]> = memo(async () => {
  return (await all<PaperIssueData>('paper')).sort((a, b) => b.data.date.localeCompare(a.data.date));
});

type TaxonomyName = 'sessions' | 'units' | 'categories' | 'sectors' | 'committees' | 'places' | 'synonyms';
interface TaxonomyMap {
  sessions: SessionData;
  units: UnitData;
  categories: CategoryData;
  sectors: SectorData;
  committees: CommitteeData;
  places: PlaceData;
  synonyms: SynonymData;
}

/** Items of a taxonomy in file order (the order editors gave them). */
export async function getTaxonomy<N extends TaxonomyName>(name: N): Promise<TaxonomyMap[N][]> {
  const entries = (await getCollection(name as never)) as unknown as {
    id: string;
    data: TaxonomyMap[N] & { [FILE_POSITION]: number };
  }[];
  return entries
    .toSorted((a, b) => a.data[FILE_POSITION] - b.data[FILE_POSITION])
    .map(({ data: { [FILE_POSITION]: _, ...item } }) => item as unknown as TaxonomyMap[N]);
}

/** Items of a taxonomy by id. */
export async function getTaxonomyMap<N extends TaxonomyName>(name: N): Promise<Map<string, TaxonomyMap[N]>> {
  return new Map((await getTaxonomy(name)).map((i) => [i.id, i]));
}

/** Site settings from `content/settings/site.yml`. */
export async function getSettings(): Promise<SettingsData> {
  const entry = (await Promise.resolve(getEntry('settings' as never, 'site' as never))) as unknown as
    | { data: SettingsData }
    | undefined;
  if (!entry) throw new Error('content/settings/site.yml：网站设置缺失');
  return entry.data;
}
