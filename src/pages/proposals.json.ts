import type { APIRoute } from 'astro';
import { getOpenProposals } from '../data/proposals.ts';

/** Open data: public proposals and their replies' metadata as JSON. */
export const GET: APIRoute = async ({ site }) =>
  new Response(
    JSON.stringify({ generated: new Date().toISOString(), proposals: await getOpenProposals(site!) }, null, 1),
    {
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    },
  );
