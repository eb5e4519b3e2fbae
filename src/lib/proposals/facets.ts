import type { PROPOSAL_STATUSES, PROPOSER_TYPES } from '../../content/model.ts';
import type { ProposalData } from '../../content/types.ts';

/**
 * Ways to browse proposals (by session, category, unit …), each a static page per value that works without
 * JavaScript: `/proposals/<facet>/<value>/`.
 */

/** ASCII URL values of the statuses. */
export const STATUS_SLUGS: Record<(typeof PROPOSAL_STATUSES)[number], string> = {
  立案: 'registered',
  交办: 'assigned',
  办理中: 'in-progress',
  已办复: 'answered',
};

/** ASCII URL values of the proposer types. */
export const TYPE_SLUGS: Record<(typeof PROPOSER_TYPES)[number], string> = {
  委员提案: 'member',
  集体提案: 'collective',
  联名提案: 'joint',
};

export interface Facet {
  /** URL segment and name. */
  name: 'session' | 'category' | 'unit' | 'status' | 'type' | 'sector';
  label: string;
  /** The facet values (URL-safe ids) a proposal has. */
  values(p: ProposalData): string[];
}

export const FACETS: readonly Facet[] = [
  { name: 'session', label: '届次', values: (p) => [p.session] },
  { name: 'category', label: '类别', values: (p) => [p.category] },
  { name: 'unit', label: '主办单位', values: (p) => p.leadUnits },
  { name: 'status', label: '办理状态', values: (p) => [STATUS_SLUGS[p.status]] },
  { name: 'type', label: '提案类型', values: (p) => [TYPE_SLUGS[p.proposerType]] },
  { name: 'sector', label: '界别', values: (p) => (p.sector ? [p.sector] : []) },
];

/** Proposals grouped by each value of a facet, values in first-seen order. */
export function groupByFacet<T extends { data: ProposalData }>(items: readonly T[], facet: Facet): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    for (const v of new Set(facet.values(item.data))) {
      const list = out.get(v) ?? [];
      list.push(item);
      out.set(v, list);
    }
  }
  return out;
}
