import { getNews, getReviews, getSettings, getVoices } from './content.ts';
import { getProposals } from './proposals.ts';

/**
 * What the home page shows: the lead story (the newest with a cover picture, else the newest), the six stories after
 * it, four key proposals and four others, with the reviews and voices as their queries order them.
 */
export async function getHome() {
  const [settings, news, reviews, proposals, voices] = await Promise.all([
    getSettings(),
    getNews(),
    getReviews(),
    getProposals(),
    getVoices(),
  ]);
  const lead = news.find((n) => n.data.cover) ?? news[0];
  return {
    settings,
    reviews,
    voices,
    lead,
    latestNews: news.filter((n) => n !== lead).slice(0, 6),
    keyProposals: proposals.filter((p) => p.data.key).slice(0, 4),
    latestProposals: proposals.filter((p) => !p.data.key).slice(0, 4),
  };
}
