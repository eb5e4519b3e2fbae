import rss from '@astrojs/rss';
import { formatChineseDate } from '../lib/dates.ts';
import { answeredOn, lastActivity } from '../lib/proposals/course.ts';
import { noticeUrl } from '../lib/notices.ts';
import { getNews, getNotices, getReviews, getSettings, getVoices } from './content.ts';
import { getProposals } from './proposals.ts';
import { FEED_COLLECTIONS, type FeedKind, routes } from '../lib/routes.ts';

/** Kinds that have their own feed, with the feed's title suffix. */
/** The feeds by collection, labelled as in the model. */
export const FEEDS = Object.fromEntries(FEED_COLLECTIONS.map((c) => [c.name, c.label])) as Record<FeedKind, string>;

interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
}

async function items(kind: FeedKind): Promise<FeedItem[]> {
  switch (kind) {
    case 'news':
      return (await getNews()).map((n) => ({
        title: n.data.title,
        link: routes.news(n.id),
        pubDate: n.data.date,
        description: n.data.summary,
      }));
    case 'notices':
      return (await getNotices()).map((n) => ({
        title: n.data.docNumber ? `${n.data.title}（${n.data.docNumber}）` : n.data.title,
        link: noticeUrl(n.id),
        pubDate: n.data.date,
        description: n.data.summary ?? n.text.slice(0, 120),
      }));
    case 'reviews':
      return (await getReviews()).map((r) => ({
        title: r.data.title,
        link: routes.reviews(r.id),
        pubDate: r.data.date,
        description: r.data.editorNote,
      }));
    case 'voices':
      return (await getVoices()).map((v) => ({
        title: v.data.title,
        link: routes.voices(v.id),
        pubDate: v.data.date,
        description: v.data.summary,
      }));
    case 'proposals':
      return (await getProposals()).map((p) => ({
        title: `第${p.data.number}号 ${p.data.title}`,
        link: routes.proposals(p.id),
        // Dated by its latest step (答复, 重办 …), so a proposal comes back to the top of the feed when answered.
        pubDate: new Date(`${lastActivity(p.data) ?? p.data.submitted}T00:00:00+08:00`),
        description: `${p.data.status}${answeredOn(p.data) ? `（${formatChineseDate(answeredOn(p.data)!)}答复）` : ''}${p.data.rehandling ? '，已重办' : ''}${p.data.key ? '，重点提案' : ''}`,
      }));
  }
}

/** An RSS response for one kind, or for the whole site when `kind` is omitted (newest 50). */
export type { FeedKind };

export async function feed(site: URL, kind?: FeedKind): Promise<Response> {
  const settings = await getSettings();
  const all = kind ? await items(kind) : (await Promise.all((Object.keys(FEEDS) as FeedKind[]).map(items))).flat();
  return rss({
    title: kind ? `${settings.siteName} - ${FEEDS[kind]}` : settings.siteName,
    description: settings.description,
    site,
    items: all.sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime()).slice(0, 50),
    customData: '<language>zh-cn</language>',
  });
}
