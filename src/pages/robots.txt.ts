import type { APIRoute } from 'astro';

/** Search engines may read everything but the CMS; the sitemap lists the pages. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nDisallow: /admin/\n\nSitemap: ${new URL('/sitemap-index.xml', site)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
