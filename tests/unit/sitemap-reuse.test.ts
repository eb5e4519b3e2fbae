import { expect, it } from 'vitest';
import { sitemapKey } from '../../src/integrations/sitemap-reuse.ts';

const config = { site: 'https://www.czzx.gov.cn', base: '/', trailingSlash: 'always' as const, format: 'directory' };

it('the sitemap is reused only for the same pages, routes, settings and options', () => {
  const pages = ['news/a/', 'news/b/', 'proposals/14-3-0123/'];
  const key = sitemapKey(pages, ['page /news/[id]  0'], config, '{}', '3.7.4');
  // The order Astro lists pages in does not change the sitemap, which sorts them.
  expect(sitemapKey([...pages].reverse(), ['page /news/[id]  0'], config, '{}', '3.7.4')).toBe(key);
  for (const other of [
    sitemapKey([...pages, 'news/c/'], ['page /news/[id]  0'], config, '{}', '3.7.4'),
    sitemapKey(pages.slice(1), ['page /news/[id]  0'], config, '{}', '3.7.4'),
    sitemapKey(pages, ['page /news/[id]  0', 'page /about /about 0'], config, '{}', '3.7.4'),
    sitemapKey(pages, ['page /news/[id]  0'], { ...config, site: 'https://czzx.example' }, '{}', '3.7.4'),
    sitemapKey(pages, ['page /news/[id]  0'], config, '{"filter":"(p) => true"}', '3.7.4'),
    sitemapKey(pages, ['page /news/[id]  0'], config, '{}', '3.8.0'),
  ])
    expect(other).not.toBe(key);
});
