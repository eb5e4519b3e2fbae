import { LEADERSHIP_POSTS } from '../content/model.ts';
import { getMembers, getTaxonomy } from './content.ts';
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
  const [committees, members, sections] = await Promise.all([
    getTaxonomy('committees'),
    getMembers(),
    getCommitteeSections(),
  ]);
  return committees.map((c) => ({
    committee: c,
    members: members
      .filter((m) => m.data.committee === c.id)
      .sort((a, b) => Number(!a.data.leadership) - Number(!b.data.leadership)),
    reviews: sections.find((s) => s.committee.id === c.id)?.items ?? [],
  }));
}
