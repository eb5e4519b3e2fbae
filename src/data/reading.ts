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

/** The links a page shows for reading on, from entries of a column under `base` (`/news/`). */
export function readingLinks<D extends { title: string; date: Date }>(reading: Reading<D>, base: string) {
  const link = (e: Entry<D>) => ({ href: `${base}${e.id}/`, title: e.data.title, date: e.data.date });
  return {
    previous: reading.previous && link(reading.previous),
    next: reading.next && link(reading.next),
    related: reading.related.map(link),
  };
}
