import { FACETS, STATUS_SLUGS, TYPE_SLUGS, groupByFacet, type Facet } from '../lib/proposals/facets.ts';
import { getProposals } from './content.ts';
import { getLookups } from './lookups.ts';
import { routes } from '../lib/routes.ts';

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
