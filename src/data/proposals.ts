import type { ProposalData } from '../content/types.ts';
import { getProposals, type Entry } from './content.ts';
import { memo } from './memo.ts';

type P = Entry<ProposalData>;

/**
 * Lookups built once per build. Asking "which proposals share this session / category / unit" of the whole list on
 * every proposal page made the build quadratic in the number of proposals (docs/benchmarks.md#related-proposals).
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
  const units = new Set([...p.data.leadUnits, ...p.data.coUnits]);
  const sharesUnit = (x: P) => x.data.leadUnits.some((u) => units.has(u)) || x.data.coUnits.some((u) => units.has(u));
  const sameCategory = (byCategory.get(p.data.category) ?? []).filter((x) => x.id !== p.id);
  // The lists are newest first, so the first matches found are the ones wanted: scan no further than needed (scoring
  // every candidate of every proposal page cost seconds on a large archive).
  const both: P[] = [];
  for (const x of sameCategory) if (sharesUnit(x) && both.push(x) === n) return both;
  const need = n - both.length;
  const one = new Map<string, P>();
  const firstOf = (list: P[], keep: (x: P) => boolean) => {
    let taken = 0;
    for (const x of list)
      if (x.id !== p.id && keep(x) && !one.has(x.id)) {
        one.set(x.id, x);
        if (++taken === need) return;
      }
  };
  firstOf(sameCategory, (x) => !sharesUnit(x));
  for (const u of units) firstOf(byUnit.get(u) ?? [], (x) => x.data.category !== p.data.category);
  const rest = [...one.values()].sort((a, b) => order.get(a.id)! - order.get(b.id)!).slice(0, need);
  return [...both, ...rest];
}

/** Public proposals marked 重点提案, in the archive's order. */
export async function getKeyProposals(): Promise<P[]> {
  return (await getProposals()).filter((p) => p.data.key);
}

/** A unit's public proposals by its role in them: lead (主办), co (协办) and joint (会办). */
export async function getUnitProposals(unit: string): Promise<{ lead: P[]; co: P[]; joint: P[] }> {
  const all = await getProposals();
  return {
    lead: all.filter((p) => p.data.leadUnits.includes(unit)),
    co: all.filter((p) => p.data.coUnits.includes(unit)),
    joint: all.filter((p) => p.data.jointUnits.includes(unit)),
  };
}
