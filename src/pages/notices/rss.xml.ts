import type { APIRoute } from 'astro';
import { feed } from '../../data/feeds.ts';

/** RSS feed of notices (通知公告). */
export const GET: APIRoute = ({ site }) => feed(site!, 'notices');
