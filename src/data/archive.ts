import { collection } from '../content/model.ts';
import { beijingYear } from '../lib/dates.ts';
import { noticeUrl } from '../lib/notices.ts';
import { getNews, getNotices, getReviews, getVoices } from './content.ts';
import { getProposals } from './proposals.ts';
import { routes } from '../lib/routes.ts';

/** One published item of any kind, as a year archive lists it. */
export interface ArchiveItem {
  kind: 'news' | 'notices' | 'reviews' | 'proposals' | 'voices';
  kindLabel: string;
  title: string;
  url: string;
  /** Publication moment, or the submission day of a proposal. */
  date: Date | string;
  year: number;
}

/** Every public item of every kind, newest first. */
export async function getArchiveItems(): Promise<ArchiveItem[]> {
  const [news, notices, reviews, proposals, voices] = await Promise.all([
    getNews(),
    getNotices(),
    getReviews(),
    getProposals(),
    getVoices(),
  ]);
  const items: ArchiveItem[] = [
    ...news.map((n) => ({
      kind: 'news' as const,
      kindLabel: collection('news').label,
      title: n.data.title,
      url: routes.news(n.id),
      date: n.data.date,
    })),
    ...notices.map((n) => ({
      kind: 'notices' as const,
      kindLabel: collection('notices').label,
      title: n.data.title,
      url: noticeUrl(n.id),
      date: n.data.date,
    })),
    ...reviews.map((r) => ({
      kind: 'reviews' as const,
      kindLabel: collection('reviews').label,
      title: r.data.title,
      url: routes.reviews(r.id),
      date: r.data.date,
    })),
    ...proposals.map((p) => ({
      kind: 'proposals' as const,
      kindLabel: collection('proposals').label,
      title: p.data.title,
      url: routes.proposals(p.id),
      date: p.data.submitted,
    })),
    ...voices.map((v) => ({
      kind: 'voices' as const,
      kindLabel: collection('voices').label,
      title: v.data.title,
      url: routes.voices(v.id),
      date: v.data.date,
    })),
  ].map((i) => ({ ...i, year: beijingYear(i.date) }));
  const t = (d: Date | string) => (typeof d === 'string' ? Date.parse(`${d}T00:00:00+08:00`) : d.getTime());
  return items.sort((a, b) => t(b.date) - t(a.date) || a.url.localeCompare(b.url));
}

/** The kinds the archive counts apart in each year's summary, in the order it names them. */
const SUMMARY_KINDS: ArchiveItem['kind'][] = ['news', 'reviews', 'proposals', 'voices'];

/** A year of the archive: its items, newest first, and how many of each kind the summary names. */
export interface ArchiveYear {
  year: number;
  items: ArchiveItem[];
  kinds: { label: string; count: number }[];
}

/** Years that have items, newest first, with the items of each and their counts by kind. */
export async function getArchiveYears(): Promise<ArchiveYear[]> {
  const byYear = Map.groupBy(await getArchiveItems(), (i) => i.year);
  return [...byYear]
    .sort((a, b) => b[0] - a[0])
    .map(([year, items]) => ({
      year,
      items,
      kinds: SUMMARY_KINDS.map((kind) => ({
        label: collection(kind).label,
        count: items.filter((i) => i.kind === kind).length,
      })),
    }));
}
