import type { APIRoute } from 'astro';
import { getOpenProposals } from '../data/proposals.ts';
import { proposalsCsv } from '../lib/proposals/opendata.ts';

/** Open data: public proposals and their replies' metadata as CSV (UTF-8 with BOM, for Excel). */
export const GET: APIRoute = async ({ site }) =>
  new Response(proposalsCsv(await getOpenProposals(site!)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
