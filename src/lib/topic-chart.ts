import type { ProposalStats } from './proposals/stats.ts';
import { STATS_BY } from './topic-components.ts';

/**
 * The bars of a 专题's `<StatsChart>` from a session's statistics: one function for the page
 * (`src/data/topics.ts`) and the CMS preview (`src/cms/preview-topic.ts`), so the editor sees the page's figures.
 */

export interface TopicChart {
  title: string;
  description: string;
  rows: { label: string; value: number }[];
}

/** Names of the items counted, by id (a unit by its short name, as on the statistics pages). */
export interface ChartNames {
  category(id: string): string;
  sector(id: string): string;
  unit(id: string): string;
}

export function topicChart(
  stats: ProposalStats,
  sessionName: string,
  by: keyof typeof STATS_BY,
  names: ChartNames,
): TopicChart {
  const rows =
    by === 'status'
      ? Object.entries(stats.byStatus).map(([label, value]) => ({ label, value }))
      : by === 'category'
        ? [...stats.byCategory].map(([id, value]) => ({ label: names.category(id), value }))
        : by === 'sector'
          ? [...stats.bySector].map(([id, value]) => ({ label: names.sector(id), value }))
          : stats.units.filter((u) => u.lead > 0).map((u) => ({ label: names.unit(u.unit), value: u.lead }));
  return {
    title: `${sessionName}提案按${STATS_BY[by]}统计`,
    description: `立案提案 ${stats.registered} 件（含未公开的提案）`,
    rows: rows.filter((r) => r.value > 0),
  };
}
