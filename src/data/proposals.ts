import type { ProposalData } from '../content/types.ts';
import { getProposals, type Entry } from './content.ts';
import { memo } from './memo.ts';

type P = Entry<ProposalData>;

/**
 * Lookups built once per build. Asking "which proposals share this session / category / unit" of the whole list on
 * every proposal page made the build quadratic: 15 s of a 20,000-document build went to scoring 4,000 × 4,000 pairs.
 */
const getIndexes = memo(async () => {
  const all = await getProposals();
  const order = new Map(all.map((p, i) => [p.id, i]));
  const bySession = new Map<string, P[]>();
  const byCategory = new Map<string, P[]>();
  const byUnit = new Map<string, P[]>();
  const push = (m: Map<string, P[]>, k: string, p: P) => (m.get(k) ?? m.set(k, []).get(k)!).push(p);
  for (const p of all) {
    push(bySession, p.data.session, p);
    push(byCategory, p.data.category, p);
    for (const u of new Set([...p.data.leadUnits, ...p.data.coUnits])) push(byUnit, u, p);
  }
  for (const list of bySession.values()) list.sort((a, b) => a.data.number.localeCompare(b.data.number));
  return { order, bySession, byCategory, byUnit };
});

/** Previous and next public proposal of the same session, in number order. */
export async function getSessionNeighbours(p: P): Promise<{ prev?: P; next?: P }> {
  const same = (await getIndexes()).bySession.get(p.data.session) ?? [];
  const i = same.findIndex((x) => x.id === p.id);
  return { ...(i > 0 ? { prev: same[i - 1] } : {}), ...(i >= 0 && i < same.length - 1 ? { next: same[i + 1] } : {}) };
}

/** Up to `n` other public proposals sharing the category or a handling unit, those sharing both first, newest first. */
export async function getRelated(p: P, n = 5): Promise<P[]> {
  const { order, byCategory, byUnit } = await getIndexes();
  // One point for the same category, one for a shared unit (every proposal reached through a unit shares one).
  const score = new Map<string, { x: P; s: number; i: number }>();
  for (const x of byCategory.get(p.data.category) ?? []) score.set(x.id, { x, s: 1, i: order.get(x.id)! });
  for (const u of new Set([...p.data.leadUnits, ...p.data.coUnits])) {
    for (const x of byUnit.get(u) ?? []) score.set(x.id, { x, s: x.data.category === p.data.category ? 2 : 1, i: order.get(x.id)! });
  }
  score.delete(p.id);
  // The best n by a single pass: sorting every candidate of every proposal page cost seconds on a large archive.
  const best: { x: P; s: number; i: number }[] = [];
  const better = (a: { s: number; i: number }, b: { s: number; i: number }) => a.s > b.s || (a.s === b.s && a.i < b.i);
  for (const c of score.values()) {
    if (best.length === n && !better(c, best[n - 1]!)) continue;
    let at = best.length === n ? n - 1 : best.length;
    while (at > 0 && better(c, best[at - 1]!)) at--;
    best.splice(at, 0, c);
    if (best.length > n) best.pop();
  }
  return best.map((e) => e.x);
}
