import type { CmsCollection, CmsField } from 'decap-cms-core';
import { PROPOSAL_STATUSES } from '../content/model.ts';
import type { CmsOptions } from './config.ts';

/** What a new proposal starts with and how the proposal list is filtered, from the sessions (`config.ts`). */

/** The newest session by its number (`14-4` after `14-3`, `15-1` after `14-5`). */
export function latestSession(sessions: CmsOptions['sessions']): string | undefined {
  const key = (id: string) =>
    id
      .split('-')
      .map((n) => n.padStart(3, '0'))
      .join('-');
  return [...(sessions ?? [])]
    .map((s) => s.id)
    .sort((a, b) => key(a).localeCompare(key(b)))
    .at(-1);
}

/**
 * A new proposal starts as most do, so the office types less: the newest session, its number prefix (the rule that a
 * number belongs to its session catches a mismatch), a member's proposal, status 立案.
 */
export function proposalDefaults(fields: CmsField[], sessions: CmsOptions['sessions']): CmsField[] {
  const session = latestSession(sessions);
  const defaults: Record<string, string> = {
    proposerType: '委员提案',
    status: '立案',
    ...(session ? { session, number: `${session}-` } : {}),
  };
  return fields.map((f) => (defaults[f.name] ? ({ ...f, default: defaults[f.name] } as CmsField) : f));
}

export function proposalFilters(sessions: CmsOptions['sessions']): CmsCollection['view_filters'] {
  return [
    ...PROPOSAL_STATUSES.map((s) => ({ label: s, field: 'status', pattern: `^${s}$` })),
    { label: '重点提案', field: 'key', pattern: true },
    { label: '不公开', field: 'public', pattern: false },
    ...(sessions ?? []).map((s) => ({ label: s.name, field: 'session', pattern: `^${s.id}$` })),
  ];
}
