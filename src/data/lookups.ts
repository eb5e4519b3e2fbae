import { getAllMembersForNames, getMembers, getTaxonomyMap } from './content.ts';
import { memo } from './memo.ts';

/**
 * Names behind every id a page may show (units, members, sessions …), read once per build.
 */
async function load() {
  const [sessions, units, categories, sectors, committees, places, members, published] = await Promise.all([
    getTaxonomyMap('sessions'),
    getTaxonomyMap('units'),
    getTaxonomyMap('categories'),
    getTaxonomyMap('sectors'),
    getTaxonomyMap('committees'),
    getTaxonomyMap('places'),
    getAllMembersForNames(),
    getMembers(),
  ]);
  return {
    sessions,
    units,
    categories,
    sectors,
    committees,
    places,
    members: new Map(members.map((m) => [m.id, m.data])),
    /** Members whose page is published; a withdrawn member's name is shown without a link. */
    memberPages: new Set(published.map((m) => m.id)),
  };
}

export type Lookups = Awaited<ReturnType<typeof load>>;

/** All lookup maps, read once per build; ids are validated at load time, so every lookup of an entry's id succeeds. */
export const getLookups: () => Promise<Lookups> = memo(load);

/** Short name of a unit (市发改委) where one is set, else its full name. */
export function unitLabel(l: Lookups, id: string): string {
  const u = l.units.get(id);
  return u?.shortName ?? u?.name ?? id;
}
