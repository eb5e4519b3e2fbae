import type { APIRoute, GetStaticPaths } from 'astro';
import { getEdition } from '../../../data/paper.ts';
import { areasStylesheet } from '../../../lib/paper/areas.ts';
import type { Issue } from '../../../lib/paper/edition.ts';

/** Positions of the article areas of one issue's pages (see `areasStylesheet`). */
export const getStaticPaths = (async () =>
  (await getEdition()).map((issue) => ({ params: { issue: issue.id }, props: { issue } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ issue: Issue }> = ({ props }) =>
  new Response(areasStylesheet(props.issue.pages.map((p) => ({ number: p.number, stories: p.articles }))), {
    headers: { 'Content-Type': 'text/css; charset=utf-8' },
  });
