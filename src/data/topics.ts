import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError } from '../content/errors.ts';
import type { ProposalData, TopicData } from '../content/types.ts';
import { meetingName } from '../lib/meeting-name.ts';
import { parseMdxForBuild } from '../lib/mdx-parse.ts';
import { publicDir } from '../lib/paths.ts';
import { filterFromProps, matchesFilter } from '../lib/proposals/filter.ts';
import { topicProblems } from '../lib/topic-check.ts';
import { topicChart } from '../lib/topic-chart.ts';
import type { STATS_BY, Domain } from '../lib/topic-components.ts';
import { topicUrl } from '../lib/topic-url.ts';
import { getTopicEntries, getTaxonomy, type Entry } from './content.ts';
import { getProposals, getStats } from './proposals.ts';
import { getLookups, unitLabel } from './lookups.ts';
import { memo } from './memo.ts';

/**
 * 专题 and what their embedded components show. Every topic's components are checked against the taxonomies when
 * the topics are first asked for, so an unknown 届次 or filter value stops the build naming the file, the line and the
 * component, before any page is written.
 */

const getDomain: () => Promise<Domain> = memo(async () => {
  const [sessions, categories, units, sectors] = await Promise.all([
    getTaxonomy('sessions'),
    getTaxonomy('categories'),
    getTaxonomy('units'),
    getTaxonomy('sectors'),
  ]);
  const ids = (l: { id: string }[]) => new Set(l.map((i) => i.id));
  return { session: ids(sessions), category: ids(categories), unit: ids(units), sector: ids(sectors) };
});

/** Published 专题, newest first; throws a `ContentError` for the first topic whose components are wrong. */
export const getTopics = memo(async () => {
  const [topics, domain] = await Promise.all([getTopicEntries(), getDomain()]);
  for (const t of topics) {
    // Read from the file, so the line numbers count from its top, frontmatter included.
    const problems = topicProblems(readFileSync(t.file, 'utf8'), domain, parseMdxForBuild, (p) =>
      existsSync(join(publicDir(), p)),
    );
    if (problems.length) throw new ContentError(t.file, problems.join('；'));
  }
  return topics;
});

/** The public proposals a `<ProposalList>` shows: those matching its attributes, in list order, at most `limit`. */
export async function getTopicProposals(
  props: Record<string, string | boolean | undefined>,
): Promise<Entry<ProposalData>[]> {
  const filter = filterFromProps(props);
  const limit = typeof props.limit === 'string' ? Number(props.limit) : 10;
  return (await getProposals()).filter((p) => matchesFilter(p.data, filter)).slice(0, limit);
}

/** The bars of a `<StatsChart>`: a session's registered proposals (withheld ones counted) by the chosen dimension. */
export async function getTopicChart(session: string, by: keyof typeof STATS_BY) {
  const [stats, l] = await Promise.all([getStats(session), getLookups()]);
  return topicChart(stats, l.sessions.get(session)?.name ?? session, by, {
    category: (id) => l.categories.get(id)?.name ?? id,
    sector: (id) => l.sectors.get(id)?.name ?? id,
    unit: (id) => unitLabel(l, id),
  });
}

/** The meeting a topic covers, by name (十四届四次会议, 十四届第十二次常委会议). */
export async function topicMeeting(t: { data: TopicData }): Promise<string> {
  const session = (await getLookups()).sessions.get(t.data.meeting.session)!;
  return meetingName(t.data.meeting, session);
}

/** What the 专题 list and the home page show of a topic. */
export type TopicCardData = Awaited<ReturnType<typeof getTopicCards>>[number];

/** What the 专题 list shows of each topic, newest first. */
export async function getTopicCards() {
  return Promise.all(
    (await getTopics()).map(async (t) => ({
      id: t.id,
      url: topicUrl(t.id),
      title: t.data.title,
      date: t.data.date,
      summary: t.data.summary,
      cover: t.data.cover,
      meeting: await topicMeeting(t),
    })),
  );
}

/** How many 专题 the home page shows. */
export const HOME_TOPICS = 3;

/** The newest 专题 for the home page. */
export async function getHomeTopicCards() {
  return (await getTopicCards()).slice(0, HOME_TOPICS);
}
