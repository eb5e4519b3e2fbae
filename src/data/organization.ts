import { LEADERSHIP_POSTS } from '../content/model.ts';
import { getMembers, getTaxonomy } from './content.ts';
import { getProposals } from './proposals.ts';
import { getCommitteeSections } from './reviews.ts';

/** The committee's leadership: 主席, then 副主席, then 秘书长, each post in the members' pinyin order. */
export async function getLeaders() {
  const post = (p: string | undefined) => LEADERSHIP_POSTS.indexOf(p as (typeof LEADERSHIP_POSTS)[number]);
  return (await getMembers())
    .filter((m) => m.data.leadership)
    .sort((a, b) => post(a.data.leadership) - post(b.data.leadership));
}

/**
 * Each body of the committee (专门委员会 and the offices) in taxonomy order, with its members (leaders first) and the
 * work reviews that hold a section of it.
 */
export async function getCommitteeRoster() {
  const [committees, members, sections, proposals, categories] = await Promise.all([
    getTaxonomy('committees'),
    getMembers(),
    getCommitteeSections(),
    getProposals(),
    getTaxonomy('categories'),
  ]);
  return committees.map((c) => {
    const followed = new Set(c.categories);
    const own = proposals.filter((p) => followed.has(p.data.category));
    return {
      committee: c,
      members: members
        .filter((m) => m.data.committee === c.id)
        .sort((a, b) => Number(!a.data.leadership) - Number(!b.data.leadership)),
      reviews: sections.find((s) => s.committee.id === c.id)?.items ?? [],
      /** The proposal categories it follows, in the categories' own order, each with its published proposals' count. */
      categories: categories
        .filter((k) => followed.has(k.id))
        .map((k) => ({ category: k, count: own.filter((p) => p.data.category === k.id).length })),
      /** Its latest proposals (the list is newest first), for a glance; the category links lead to all of them. */
      latest: own.slice(0, COMMITTEE_LATEST),
    };
  });
}

/** How many of a committee's proposals the 机构设置 page shows. */
export const COMMITTEE_LATEST = 3;
