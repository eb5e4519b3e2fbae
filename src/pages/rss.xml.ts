import type { APIRoute } from 'astro';
import { feed } from '../data/feeds.ts';

/** The whole site's RSS feed. */
export const GET: APIRoute = ({ site }) => feed(site!);
