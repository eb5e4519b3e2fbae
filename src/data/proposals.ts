import type { ProposalData } from '../content/types.ts';
import { FACETS, STATUS_SLUGS, TYPE_SLUGS, groupByFacet, type Facet } from '../lib/proposals/facets.ts';
import { openProposal, type OpenProposal } from '../lib/proposals/opendata.ts';
import { proposalStats } from '../lib/proposals/stats.ts';
import { routes } from '../lib/routes.ts';
import { all, getTaxonomy, type Entry } from './content.ts';
import { getLookups, unitLabel } from './lookups.ts';
import { memo } from './memo.ts';

/**
 * Every query about proposals, in one place: the collection as the site may show it, a proposal's neighbours and
 * related ones, a unit's proposals, the facets (届次, 类别 … beside the list), the statistics and the open data. What
 * they compute is plain logic under `lib/proposals/` (`facets.ts`, `stats.ts`, `opendata.ts`, `course.ts`), unit
 * tested without a build; this module feeds it the collection.
 */

type P = Entry<ProposalData>;

/** Proposal ordering: newest session first, then by number. */
const bySessionThenNumber = (a: P, b: P) =>
  b.data.submitted.localeCompare(a.data.submitted) || a.data.number.localeCompare(b.data.number);

/** Every published proposal including withheld ones: for statistics only, never for listing. */
export const getAllProposalsForStats: () => Promise<P[]> = memo(async () => {
  return (await all<ProposalData>('proposals')).sort(bySessionThenNumber);
});

/** Proposals whose proposers agreed to publication, newest first. */
export const getProposals: () => Promise<P[]> = memo(async () =>
  (await getAllProposalsForStats()).filter((p) => p.data.public),
);

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

// Facets: the static pages per value of /proposals/<facet>/<value>/ and the links beside the list.

const invert = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k]));
const STATUS_BY_SLUG = invert(STATUS_SLUGS);
const TYPE_BY_SLUG = invert(TYPE_SLUGS);

/** What a facet value's count counts, in the words of Count.astro (status and type by their Chinese names). */
function countOf(f: Facet, v: string): string {
  const term =
    f.name === 'unit'
      ? `lead=${v}`
      : f.name === 'status'
        ? `status=${STATUS_BY_SLUG[v]}`
        : f.name === 'type'
          ? `type=${TYPE_BY_SLUG[v]}`
          : `${f.name}=${v}`;
  return `proposals public ${term}`;
}

/** Every facet with its values (label, URL, proposals), values ordered as their taxonomy or by count. */
export async function getFacets() {
  const [proposals, l] = await Promise.all([getProposals(), getLookups()]);
  const label = (f: Facet, v: string): string => {
    switch (f.name) {
      case 'session':
        return l.sessions.get(v)!.name.replace(/^政协第(.+)长治市委员会(.+)$/, '$1$2');
      case 'category':
        return l.categories.get(v)!.name;
      case 'unit':
        return l.units.get(v)!.shortName ?? l.units.get(v)!.name;
      case 'sector':
        return l.sectors.get(v)!.name;
      case 'status':
        return STATUS_BY_SLUG[v]!;
      case 'type':
        return TYPE_BY_SLUG[v]!;
    }
  };
  const order = (f: Facet): string[] => {
    switch (f.name) {
      case 'session':
        return [...l.sessions.keys()].reverse();
      case 'category':
        return [...l.categories.keys()];
      case 'unit':
        return [...l.units.keys()];
      case 'sector':
        return [...l.sectors.keys()];
      case 'status':
        return Object.values(STATUS_SLUGS);
      case 'type':
        return Object.values(TYPE_SLUGS);
    }
  };
  return FACETS.map((facet) => {
    const groups = groupByFacet(proposals, facet);
    return {
      facet,
      values: order(facet)
        .filter((v) => groups.has(v))
        .map((v) => ({
          value: v,
          label: label(facet, v),
          url: routes.proposalFacet(facet.name, v),
          items: groups.get(v)!,
          of: countOf(facet, v),
        })),
    };
  });
}

/**
 * What the facet links beside the proposal list show (ProposalFacetNav): each value's label, URL and count, and the
 * number of key proposals. Also the part of the list pages' cache key that is not their own page of proposals.
 */
export async function getFacetNav() {
  const [facets, proposals] = await Promise.all([getFacets(), getProposals()]);
  return {
    facets: facets.map(({ facet, values }) => ({
      name: facet.name,
      label: facet.label,
      values: values.map(({ value, label, url, items, of }) => ({ value, label, url, count: items.length, of })),
    })),
    keyCount: proposals.filter((p) => p.data.key).length,
  };
}

// Statistics (统计), withheld proposals counted.

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

// Open data (proposals.json, proposals.csv).

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
