import { hash } from 'node:crypto';
import type { NewsData, VoiceData } from '../content/types.ts';
import { columnReading, type ReadingOf } from '../lib/reading.ts';
import { getNews, getVoices, type Entry } from './content.ts';
import { memo } from './memo.ts';

/** What a story offers after its text: 上一篇 / 下一篇 within its column and 相关阅读. */
export type Reading<D> = ReadingOf<Entry<D>>;

const news = memo(async () => columnReading(await getNews(), (n) => n.data.tags));
// A voice relates to others by the same member and in the same column (委员论坛, 快评 …).
const voices = memo(async () =>
  columnReading(await getVoices(), (v) => [`author:${v.data.author}`, `column:${v.data.column}`]),
);

/** Neighbours and related reading of a news story. */
export async function newsReading(id: string): Promise<Reading<NewsData>> {
  return (await news())(id);
}

/** Neighbours and related reading of a member-voice piece. */
export async function voiceReading(id: string): Promise<Reading<VoiceData>> {
  return (await voices())(id);
}

type Linked = { title: string; date: Date };

/** The link to an entry of a column under `base`, as a page shows it for reading on. */
const linkTo = <D extends Linked>(e: Entry<D>, base: string) => ({
  href: `${base}${e.id}/`,
  title: e.data.title,
  date: e.data.date,
});

/** The links a page shows for reading on, from entries of a column under `base` (`/news/`). */
export function readingLinks<D extends Linked>(reading: Reading<D>, base: string) {
  const link = (e: Entry<D>) => linkTo(e, base);
  return {
    previous: reading.previous && link(reading.previous),
    next: reading.next && link(reading.next),
    related: reading.related.map(link),
  };
}

/** Digests of links, by column and entry. */
const linkDigests = new Map<string, WeakMap<object, string>>();

/**
 * For a page's cache key (src/data/cache-keys.ts): what `readingLinks` shows, in one short text. Each link is digested
 * once, however many pages link to its entry (two neighbours and up to four related stories each); written out for
 * every page, these links were half the time spent on keys at 100,000 documents.
 */
export function readingKey<D extends Linked>(reading: Reading<D>, base: string): string {
  let digests = linkDigests.get(base);
  if (!digests) linkDigests.set(base, (digests = new WeakMap()));
  const known = digests;
  const digest = (e: Entry<D> | undefined) => {
    if (!e) return '';
    let d = known.get(e);
    if (d === undefined) known.set(e, (d = hash('sha256', JSON.stringify(linkTo(e, base)), 'base64url')));
    return d;
  };
  return [digest(reading.previous), digest(reading.next), ...reading.related.map(digest)].join(',');
}
