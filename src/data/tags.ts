import { uniqueSlugs } from '../lib/slug.ts';
import { getNews } from './content.ts';
import { memo } from './memo.ts';

/** Every news tag with its ASCII slug (pinyin), unique across tags; spelt once per build, as every story page asks. */
export const getTagSlugs: () => Promise<Map<string, string>> = memo(async () =>
  uniqueSlugs((await getNews()).flatMap((n) => n.data.tags)),
);

/** Tags with their slug and stories (newest first), most used first. */
export async function getTags() {
  const [news, slugs] = await Promise.all([getNews(), getTagSlugs()]);
  return [...slugs]
    .map(([tag, slug]) => ({ tag, slug, items: news.filter((n) => n.data.tags.includes(tag)) }))
    .sort((a, b) => b.items.length - a.items.length || a.slug.localeCompare(b.slug));
}
