import { fieldLabel, type PROPOSAL_STATUSES, type PROPOSER_TYPES } from '../../content/model.ts';
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

/** Each facet is a field of a proposal, named by the field's label in the model. */
export const FACETS: readonly Facet[] = [
  { name: 'session', label: fieldLabel('proposals', 'session'), values: (p) => [p.session] },
  { name: 'category', label: fieldLabel('proposals', 'category'), values: (p) => [p.category] },
  { name: 'unit', label: fieldLabel('proposals', 'leadUnits'), values: (p) => p.leadUnits },
  { name: 'status', label: fieldLabel('proposals', 'status'), values: (p) => [STATUS_SLUGS[p.status]] },
  { name: 'type', label: fieldLabel('proposals', 'proposerType'), values: (p) => [TYPE_SLUGS[p.proposerType]] },
  { name: 'sector', label: fieldLabel('proposals', 'sector'), values: (p) => (p.sector ? [p.sector] : []) },
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
