import { uniqueSlugs } from '../lib/slug.ts';
import { getNews } from './content.ts';

/** Every news tag with its ASCII slug (pinyin), unique across tags. */
let slugs: Promise<Map<string, string>> | undefined;
export function getTagSlugs(): Promise<Map<string, string>> {
  // Every story page asks; the tags of the whole archive are spelt in pinyin once per build (afresh in dev).
  if (import.meta.env.DEV || !slugs) slugs = getNews().then((news) => uniqueSlugs(news.flatMap((n) => n.data.tags)));
  return slugs;
}

/** Tags with their slug and stories (newest first), most used first. */
export async function getTags() {
  const [news, slugs] = await Promise.all([getNews(), getTagSlugs()]);
  return [...slugs]
    .map(([tag, slug]) => ({ tag, slug, items: news.filter((n) => n.data.tags.includes(tag)) }))
    .sort((a, b) => b.items.length - a.items.length || a.slug.localeCompare(b.slug));
}
