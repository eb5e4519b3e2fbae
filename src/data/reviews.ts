import { render } from 'astro:content';
import { tocSections } from '../lib/sections.ts';
import { getReviews, getTaxonomy } from './content.ts';
import { routes } from '../lib/routes.ts';

/** Each review's committee sections: the `##` headings whose id is a committee id. */
export async function getReviewSections() {
  const [reviews, committees] = await Promise.all([getReviews(), getTaxonomy('committees')]);
  const ids = new Set(committees.map((c) => c.id));
  return Promise.all(
    reviews.map(async (r) => {
      const { headings } = await render(r.entry);
      return {
        review: r,
        sections: tocSections(headings).map((s) => ({ ...s, committee: ids.has(s.id) ? s.id : undefined })),
      };
    }),
  );
}

/** Committees that have sections, each with the reviews that hold one (newest year first). */
export async function getCommitteeSections() {
  const [sections, committees] = await Promise.all([getReviewSections(), getTaxonomy('committees')]);
  return committees
    .map((c) => ({
      committee: c,
      items: sections
        .filter((s) => s.sections.some((x) => x.committee === c.id))
        .map((s) => ({ review: s.review, url: routes.reviewSection(s.review.id, c.id) })),
    }))
    .filter((c) => c.items.length > 0);
}
