import { PROPOSAL_STATUSES, REPLY_RESULTS, SATISFACTION } from '../../content/model.ts';
import type { ProposalData } from '../../content/types.ts';
import { answersOf, hasAnswered, isAnswered } from './course.ts';

/**
 * Proposal statistics, computed from every proposal including those withheld from publication (they count, but are
 * never shown).
 */

export interface SessionCounts {
  /** 征集提案：proposals received, as recorded for the session (registered ones if unrecorded). */
  received?: number;
  /** 并案：proposals merged into others. */
  merged?: number;
}

export interface UnitStats {
  unit: string;
  lead: number;
  co: number;
  /** 会办: proposals this unit handles jointly, advising the lead unit. */
  joint: number;
  /** Proposals this unit leads that have its answer to the proposer (opinions of co- and joint units never count). */
  leadReplied: number;
  /** 办理结果 of this unit's answers as lead unit: the answer given again in a 重办 where there was one. */
  results: Record<(typeof REPLY_RESULTS)[number], number>;
  satisfaction: Record<(typeof SATISFACTION)[number], number>;
}

export interface ProposalStats {
  registered: number;
  received: number;
  merged: number;
  published: number;
  withheld: number;
  byType: Record<string, number>;
  byStatus: Record<(typeof PROPOSAL_STATUSES)[number], number>;
  byCategory: Map<string, number>;
  bySector: Map<string, number>;
  /** Proposals answered (办复) by every lead unit, after the 重办 where there was one (course.ts). */
  answered: number;
  /** 重办: proposals handled again after 不满意. */
  rehandled: number;
  /** 办复率: share of registered proposals answered (已办复), 0–1. */
  answeredRate: number;
  /** 满意率: share of rated proposals rated 满意 or 基本满意, 0–1 (0 when none rated). */
  satisfiedRate: number;
  rated: number;
  satisfaction: Record<(typeof SATISFACTION)[number], number>;
  units: UnitStats[];
  key: { total: number; byStatus: Record<(typeof PROPOSAL_STATUSES)[number], number>; answeredRate: number };
}

const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const inc = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
const rate = (n: number, d: number) => (d === 0 ? 0 : n / d);

/** Statistics over `proposals`; `sessions` supplies received/merged figures of the sessions involved. */
export function proposalStats(
  proposals: readonly ProposalData[],
  sessions: readonly SessionCounts[] = [],
): ProposalStats {
  const byStatus = zero(PROPOSAL_STATUSES);
  const keyByStatus = zero(PROPOSAL_STATUSES);
  const satisfaction = zero(SATISFACTION);
  const byType: Record<string, number> = {};
  const byCategory = new Map<string, number>();
  const bySector = new Map<string, number>();
  const units = new Map<string, UnitStats>();
  const unit = (id: string) => {
    let u = units.get(id);
    if (!u)
      units.set(
        id,
        (u = {
          unit: id,
          lead: 0,
          co: 0,
          joint: 0,
          leadReplied: 0,
          results: zero(REPLY_RESULTS),
          satisfaction: zero(SATISFACTION),
        }),
      );
    return u;
  };
  let answered = 0;
  let rehandled = 0;
  for (const p of proposals) {
    byStatus[p.status]++;
    byType[p.proposerType] = (byType[p.proposerType] ?? 0) + 1;
    inc(byCategory, p.category);
    if (p.sector) inc(bySector, p.sector);
    if (p.satisfaction) satisfaction[p.satisfaction]++;
    if (p.key) keyByStatus[p.status]++;
    if (isAnswered(p)) answered++;
    if (p.rehandling) rehandled++;
    for (const id of p.leadUnits) {
      const u = unit(id);
      u.lead++;
      if (hasAnswered(p, id)) u.leadReplied++;
      if (p.satisfaction) u.satisfaction[p.satisfaction]++;
      const final = p.rehandling?.replies.find((r) => r.unit === id) ?? answersOf(p).find((r) => r.unit === id);
      if (final) u.results[final.result]++;
    }
    for (const id of p.coUnits) unit(id).co++;
    for (const id of p.jointUnits) unit(id).joint++;
  }
  const registered = proposals.length;
  const rated = SATISFACTION.reduce((n, s) => n + satisfaction[s], 0);
  const keyTotal = proposals.filter((p) => p.key).length;
  const recordedReceived = sessions.every((s) => s.received !== undefined) && sessions.length > 0;
  return {
    registered,
    received: recordedReceived ? sessions.reduce((n, s) => n + s.received!, 0) : registered,
    merged: sessions.reduce((n, s) => n + (s.merged ?? 0), 0),
    published: proposals.filter((p) => p.public).length,
    withheld: proposals.filter((p) => !p.public).length,
    byType,
    byStatus,
    byCategory,
    bySector,
    answered,
    rehandled,
    answeredRate: rate(answered, registered),
    satisfiedRate: rate(satisfaction.满意 + satisfaction.基本满意, rated),
    rated,
    satisfaction,
    units: [...units.values()].sort(
      (a, b) => b.lead - a.lead || b.co - a.co || b.joint - a.joint || a.unit.localeCompare(b.unit),
    ),
    key: { total: keyTotal, byStatus: keyByStatus, answeredRate: rate(keyByStatus.已办复, keyTotal) },
  };
}

/** A share as readers see it: 0.8333 → 83.3%. */
export function percent(x: number): string {
  return `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
}
