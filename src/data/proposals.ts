import type { ProposalData } from '../content/types.ts';
import { getProposals, type Entry } from './content.ts';

type P = Entry<ProposalData>;

/** Previous and next public proposal of the same session, in number order. */
export async function getSessionNeighbours(p: P): Promise<{ prev?: P; next?: P }> {
  const same = (await getProposals()).filter((x) => x.data.session === p.data.session).sort((a, b) => a.data.number.localeCompare(b.data.number));
  const i = same.findIndex((x) => x.id === p.id);
  return { ...(i > 0 ? { prev: same[i - 1] } : {}), ...(i < same.length - 1 ? { next: same[i + 1] } : {}) };
}

/** Up to `n` other public proposals sharing the category or a handling unit, those sharing both first, newest first. */
export async function getRelated(p: P, n = 5): Promise<P[]> {
  const units = new Set([...p.data.leadUnits, ...p.data.coUnits]);
  const score = (x: P) =>
    (x.data.category === p.data.category ? 1 : 0) + ([...x.data.leadUnits, ...x.data.coUnits].some((u) => units.has(u)) ? 1 : 0);
  return (await getProposals())
    .filter((x) => x.id !== p.id && score(x) > 0)
    .map((x, i) => ({ x, i, s: score(x) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .slice(0, n)
    .map((e) => e.x);
}
