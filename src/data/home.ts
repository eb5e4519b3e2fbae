import { getNews, getReviews, getSettings, getVoices } from './content.ts';
import { getProposals } from './proposals.ts';
import { leadStory } from '../lib/lead-story.ts';

/**
 * What the home page shows: the lead story (`leadStory`: the newest marked 首页头条, else the newest with a cover
 * picture, else the newest), the six newest stories besides it, four key proposals and four others, with the reviews
 * and voices as their queries order them.
 */
export async function getHome() {
  const [settings, news, reviews, proposals, voices] = await Promise.all([
    getSettings(),
    getNews(),
    getReviews(),
    getProposals(),
    getVoices(),
  ]);
  const lead = leadStory(news);
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
