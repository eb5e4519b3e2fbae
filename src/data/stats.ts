import { proposalStats } from '../lib/proposals/stats.ts';
import { getAllProposalsForStats, getTaxonomy } from './content.ts';

/** Statistics of all proposals, or of one session; withheld proposals are counted. */
export async function getStats(session?: string) {
  const [all, sessions] = await Promise.all([getAllProposalsForStats(), getTaxonomy('sessions')]);
  const scope = session ? all.filter((p) => p.data.session === session) : all;
  const used = sessions.filter((s) => (session ? s.id === session : all.some((p) => p.data.session === s.id)));
  return proposalStats(
    scope.map((p) => p.data),
    used,
  );
}

/** Sessions that have proposals, in taxonomy order: each has a statistics page. */
export async function getStatsSessions() {
  const [all, sessions] = await Promise.all([getAllProposalsForStats(), getTaxonomy('sessions')]);
  const used = new Set(all.map((p) => p.data.session));
  return sessions.filter((s) => used.has(s.id));
}
