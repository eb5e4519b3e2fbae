import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';

/**
 * What the shipped nginx configuration (src/deploy/nginx.conf) sends for each kind of file. The browser tests run
 * against the real nginx with that configuration (src/deploy/local-nginx.ts), so these are the headers readers get.
 */

const DIST = process.env.OUT_DIR ?? 'dist';

async function headersOf(request: APIRequestContext, path: string) {
  const res = await request.get(path, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(res.status(), path).toBe(200);
  const all = res.headersArray();
  return {
    type: res.headers()['content-type'] ?? '',
    encoding: res.headers()['content-encoding'],
    // Every Cache-Control line: two lines (as `expires` beside `add_header` sends) would leave caches to pick one.
    cacheControl: all.filter((h) => h.name.toLowerCase() === 'cache-control').map((h) => h.value),
    nosniff: res.headers()['x-content-type-options'],
  };
}

/** A file of the bundle under `dir` (relative to dist/pagefind) whose name matches. */
function bundleFile(dir: string, pattern: RegExp): string {
  const name = readdirSync(join(DIST, 'pagefind', dir)).find((f) => pattern.test(f));
  expect(name, `${dir}: ${pattern}`).toBeTruthy();
  return `/pagefind/${dir ? `${dir}/` : ''}${name}`;
}

test('files named by their content are cached for a year, the rest is revalidated', async ({ request }) => {
  const part = readdirSync(join(DIST, 'pagefind/parts'))[0]!;
  const immutable = ['public, max-age=31536000, immutable'];
  const revalidated = ['no-cache'];
  const expected: [string, string[]][] = [
    ['/', revalidated],
    ['/proposals/14-3-0123/', revalidated],
    [`/_astro/${readdirSync(join(DIST, '_astro')).find((f) => f.endsWith('.css'))}`, immutable],
    // Pagefind's files that keep their name while their content changes with every build that changes the index.
    ['/pagefind/pagefind.js', revalidated],
    ['/pagefind/pagefind-entry.json', revalidated],
    ['/pagefind/parts.json', revalidated],
    [`/pagefind/parts/${part}/pagefind-entry.json`, revalidated],
    [bundleFile('', /^wasm\..*\.pagefind$/), revalidated],
    // Its files named by a hash of their content, in the primary part and in the others.
    [bundleFile('', /\.pf_meta$/), immutable],
    [bundleFile('index', /\.pf_index$/), immutable],
    [bundleFile('fragment', /\.pf_fragment$/), immutable],
    [bundleFile(`parts/${part}/index`, /\.pf_index$/), immutable],
    [bundleFile(`parts/${part}/fragment`, /\.pf_fragment$/), immutable],
  ];
  for (const [path, cacheControl] of expected) {
    const h = await headersOf(request, path);
    expect(h.cacheControl, path).toEqual(cacheControl);
    expect(h.nosniff, path).toBe('nosniff');
  }
});

test('scripts are served as JavaScript, compressed, so the search engine loads as a module', async ({ request }) => {
  const worker = `/_astro/${readdirSync(join(DIST, '_astro')).find((f) => f.startsWith('search-worker') && f.endsWith('.js'))}`;
  for (const path of ['/pagefind/pagefind.js', '/pagefind/pagefind-worker.js', worker]) {
    const h = await headersOf(request, path);
    expect(h.type, path).toMatch(/^(application|text)\/javascript/);
    expect(h.encoding, path).toBe('gzip');
  }
  // A worker is held to the policy sent with its own script: the search workers get the pages' policy.
  const publicPolicy = (await request.get('/')).headers()['content-security-policy'];
  expect(publicPolicy).toContain("script-src 'self'");
  for (const path of [worker, '/pagefind/pagefind-worker.js'])
    expect((await request.get(path)).headers()['content-security-policy'], path).toBe(publicPolicy);
  const page = await headersOf(request, '/search/');
  expect(page.type).toBe('text/html; charset=utf-8');
  expect(page.encoding).toBe('gzip');
});

test('the open data and the feeds go out with their own types, compressed and revalidated', async ({ request }) => {
  const expected: [string, RegExp][] = [
    ['/proposals.csv', /^text\/csv; charset=utf-8$/],
    ['/proposals.json', /^application\/json/],
    ['/rss.xml', /^(text|application)\/(rss\+)?xml/],
    ['/sitemap-index.xml', /^(text|application)\/xml/],
  ];
  for (const [path, type] of expected) {
    const h = await headersOf(request, path);
    expect(h.type, path).toMatch(type);
    expect(h.encoding, path).toBe('gzip');
    expect(h.cacheControl, path).toEqual(['no-cache']);
  }
});

test('an unknown address gets the site’s 404 page with status 404', async ({ request }) => {
  const res = await request.get('/no-such-page/');
  expect(res.status()).toBe(404);
  expect(await res.text()).toContain('页面不存在');
});
