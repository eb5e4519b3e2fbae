import { openProposal, type OpenProposal } from '../lib/proposals/opendata.ts';
import { getProposals } from './content.ts';
import { getLookups, unitLabel } from './lookups.ts';

/** Every public proposal as open data. */
export async function getOpenProposals(site: URL): Promise<OpenProposal[]> {
  const [proposals, l] = await Promise.all([getProposals(), getLookups()]);
  const names = {
    session: (id: string) => l.sessions.get(id)!.name,
    category: (id: string) => l.categories.get(id)!.name,
    sector: (id: string) => l.sectors.get(id)!.name,
    unit: (id: string) => unitLabel(l, id),
    member: (id: string) => l.members.get(id)!.name,
  };
  return [...proposals]
    .sort((a, b) => a.data.number.localeCompare(b.data.number))
    .map((p) => openProposal(p.id, p.data, names, site));
}
