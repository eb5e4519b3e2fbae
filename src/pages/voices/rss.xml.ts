import type { APIRoute } from 'astro';
import { feed } from '../../data/feeds.ts';

/** RSS feed of voices. */
export const GET: APIRoute = ({ site }) => feed(site!, 'voices');
