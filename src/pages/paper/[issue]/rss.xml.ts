import type { APIRoute, GetStaticPaths } from 'astro';
import { getEdition, issueFeed } from '../../../data/paper.ts';
import type { Issue } from '../../../lib/paper/edition.ts';

/** RSS feed of one issue of the paper: its stories, page by page. */
export const getStaticPaths = (async () =>
  (await getEdition()).map((issue) => ({ params: { issue: issue.id }, props: { issue } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ issue: Issue }> = ({ site, props }) => issueFeed(site!, props.issue);
