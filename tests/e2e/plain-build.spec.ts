import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { collections } from '../../src/content/model.ts';
import { rawEntries } from '../support/content.ts';
import { ContentFixture } from '../support/fixture.ts';
import { startNginx, type Nginx } from '../../src/deploy/local-nginx.ts';
import { searchFor } from './search-support.ts';

/**
 * The fast build leans on Astro's and Pagefind's insides (src/integrations/build-mode.ts); `PLAIN_BUILD=1` turns all
 * of that off. Both builds of the same content must give the same site: the same files with the same bytes, and the
 * same search results in Chromium for a battery of queries.
 */
let fixture: ContentFixture;
const servers: Nginx[] = [];
const FAST = 4396;
const PLAIN = 4397;
const out = (name: string) => join(fixture.dir, name);

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(600_000);
  fixture = new ContentFixture();
  // The fast build twice, so its second run reuses the first's pages and search parts, as a rebuild does.
  for (const env of [{}, {}, { PLAIN_BUILD: '1', OUT_DIR: out('plain'), ASTRO_CACHE_DIR: out('plain-cache') }]) {
    const built = fixture.astro('build', env);
    expect(built.status, built.output.slice(-3000)).toBe(0);
  }
  servers.push(
    await startNginx({ port: FAST, root: out('dist') }),
    await startNginx({ port: PLAIN, root: out('plain') }),
  );
});

test.afterAll(async () => {
  for (const s of servers) await s.stop();
  fixture?.dispose();
});

function files(root: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const e of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) found.set(relative(root, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name)));
  }
  return found;
}

test('both builds write the same files, byte for byte, but for the search index chunks', () => {
  const [fast, plain] = [files(out('dist')), files(out('plain'))];
  const site = (m: Map<string, Buffer>) => [...m.keys()].filter((f) => !f.startsWith('pagefind/')).sort();
  expect(site(fast)).toEqual(site(plain));
  expect(site(fast).length).toBeGreaterThan(100);
  // The open data says when it was made, which differs between two builds by design.
  const stamp = (b: Buffer) => b.toString('utf8').replace(/"generated": ?"[^"]+"/, '"generated":""');
  const differ = site(fast).filter((f) =>
    f.endsWith('.json') ? stamp(fast.get(f)!) !== stamp(plain.get(f)!) : !fast.get(f)!.equals(plain.get(f)!),
  );
  expect(differ).toEqual([]);
  // Each page's search record (Pagefind names a fragment by its content) is the same in both indexes; only the way
  // the word index is cut into chunks differs.
  const fragments = (m: Map<string, Buffer>) => [...m.keys()].filter((f) => /\/fragment\//.test(f)).sort();
  expect(fragments(fast)).toEqual(fragments(plain));
  expect(fragments(fast).length).toBeGreaterThan(10);
  expect(fast.get('pagefind/parts.json')!.equals(plain.get('pagefind/parts.json')!)).toBe(true);
});

const HAN = /\p{Script=Han}{2,4}/gu;
const queries = [
  ...new Set(
    ['news', 'reviews', 'voices', 'proposals'].flatMap((name) =>
      rawEntries(collections.find((c) => c.name === name)!)
        .filter((e) => e.data.public !== false)
        .flatMap((e) => (String(e.data.title).match(HAN) ?? []).slice(0, 2)),
    ),
  ),
].slice(0, 40);

test('both builds answer a battery of queries with the same results in the same order', async ({ page }) => {
  test.setTimeout(300_000);
  expect(queries.length).toBeGreaterThan(20);
  let found = 0;
  for (const q of queries) {
    const fast = await searchFor(page, { q }, `http://127.0.0.1:${FAST}/search/`);
    const plain = await searchFor(page, { q }, `http://127.0.0.1:${PLAIN}/search/`);
    expect(plain, q).toEqual(fast);
    found += fast.length;
  }
  expect(found).toBeGreaterThan(queries.length);
});
