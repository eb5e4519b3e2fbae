import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page, type Worker } from '@playwright/test';
import { collections } from '../../src/content/model.ts';
import { pageMonth, type PartEntry, type PartsManifest } from '../../src/lib/search/parts.ts';
import { startNginx, type Nginx } from '../../src/deploy/local-nginx.ts';
import { rawEntries } from '../support/content.ts';
import { ContentFixture } from '../support/fixture.ts';
import { searchFor, statedCount } from './search-support.ts';

/**
 * A large archive (100,000 pages) is searched first in its recent parts and the undated pages, and in every year when
 * the reader asks or nothing recent is found: opening every part would cost the first search about a megabyte. The
 * sample content is built with parts of at most 12 pages and a recent budget of 20, so that it splits as such an
 * archive does, and searched in Chromium, watching which parts' files the browser fetches.
 */
let fixture: ContentFixture;
let server: Nginx | undefined;
let manifest: PartsManifest;
let older: PartEntry[];
const PORT = 4394;
const base = `http://127.0.0.1:${PORT}`;
const dist = () => join(fixture.dir, 'dist');
const monthOf = (path: string) => pageMonth(readFileSync(join(dist(), path, 'index.html'), 'utf8'));
const partOf = (path: string) => {
  const month = monthOf(path);
  return manifest.parts.find((p) => p.from <= month && month <= p.to)!;
};
const isOlder = (path: string) => older.includes(partOf(path));
const proposals = () =>
  rawEntries(collections.find((c) => c.name === 'proposals')!).filter((p) => p.data.public !== false);

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  fixture = new ContentFixture();
  const built = fixture.astro('build', { SEARCH_PART_PAGES: '12', SEARCH_RECENT_PAGES: '20' });
  expect(built.status, built.output.slice(-3000)).toBe(0);
  manifest = JSON.parse(readFileSync(join(dist(), 'pagefind/parts.json'), 'utf8')) as PartsManifest;
  older = manifest.parts.filter((p) => !manifest.recent!.includes(p.id));
  server = await startNginx({ port: PORT, root: dist() });
});

test.afterAll(async () => {
  await server?.stop();
  fixture?.dispose();
});

/**
 * The parts whose index the page's search workers have opened so far (each part's entry file is fetched once, when
 * it is opened), read from the workers' own record of what they fetched.
 */
function openedParts(page: Page): () => Promise<string[]> {
  const workers: Worker[] = [];
  page.on('worker', (w) => workers.push(w));
  return async () => {
    const paths = await Promise.all(
      workers.map((w) =>
        w.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)),
      ),
    );
    const fetched = new Set(paths.flat());
    return manifest.parts
      .filter((p) => fetched.has(`${p.path}pagefind-entry.json`))
      .map((p) => p.id)
      .sort();
  };
}

test('the recent parts are the newest ones up to the budget, and the undated pages', () => {
  const recent = manifest.parts.filter((p) => manifest.recent!.includes(p.id));
  expect(recent[0]).toBe(manifest.parts[0]);
  expect(recent.at(-1)!.id).toBe('undated');
  expect(older.length, 'the sample splits into recent and older parts').toBeGreaterThan(0);
  expect(recent.filter((p) => p.id !== 'undated').reduce((n, p) => n + p.pages, 0)).toBeLessThanOrEqual(20);
  // Recent means newest: every older part is older than every recent dated part.
  const oldestRecent = recent.filter((p) => p.id !== 'undated').at(-1)!;
  for (const p of older) expect(p.to < oldestRecent.from, p.id).toBe(true);
});

test('a search looks in the recent parts only, says so, and searches every year at one tap', async ({ page }) => {
  const opened = openedParts(page);
  const recentOnly = await searchFor(page, { q: '政协' }, `${base}/search/`);
  const status = page.getByRole('status');
  const since = /在(\d{4}年\d{1,2}月)以来的内容中共找到/;
  await expect(status).toContainText(since);
  const notice = page.locator('[data-scope]');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('未检索');
  expect(recentOnly.some(isOlder), 'no result from an older part').toBe(false);
  expect(await opened(), 'only the recent parts were opened').toEqual([...manifest.recent!].sort());
  const fewer = await statedCount(page);

  await page.getByRole('button', { name: '检索全部年份' }).click();
  await expect(page).toHaveURL(/range=all/);
  await expect(status).not.toContainText('以来的内容中');
  await expect(notice).toBeHidden();
  expect(await statedCount(page)).toBeGreaterThan(fewer);
  expect(await opened()).toEqual(manifest.parts.map((p) => p.id).sort());
  // The choice stays for the next query, and in the URL a reader shares.
  const everywhere = await searchFor(page, { q: '政协', range: 'all', sort: 'date', page: '2' }, `${base}/search/`);
  expect(everywhere.length).toBeGreaterThan(0);
  await page.getByRole('searchbox', { name: '搜索关键词' }).fill('建议');
  await expect(page).toHaveURL(/q=%E5%BB%BA%E8%AE%AE.*range=all|range=all.*q=%E5%BB%BA%E8%AE%AE/);
});

test('a search that finds nothing recent searches every year by itself', async ({ page }) => {
  const old = proposals().find((p) => isOlder(`proposals/${p.id}`))!;
  expect(old, 'a proposal in an older part').toBeDefined();
  const results = await searchFor(page, { q: old.id }, `${base}/search/`);
  expect(results[0]).toBe(`/proposals/${old.id}/`);
  await expect(page.getByRole('status')).toContainText('以来的内容中没有找到，在全部年份中共找到');
  await expect(page.locator('[data-scope]')).toBeHidden();
});

test('a member’s own page is among the recent parts', async ({ page }) => {
  const member = rawEntries(collections.find((c) => c.name === 'members')!)[0]!;
  const opened = openedParts(page);
  const results = await searchFor(page, { q: String(member.data.name) }, `${base}/search/`);
  expect(results[0]).toBe(`/members/${member.id}/`);
  await expect(page.getByRole('status')).toContainText('以来的内容中共找到');
  expect(await opened()).toEqual([...manifest.recent!].sort());
});

test('a slip is searched by its sound in the recent parts before every year is opened', async ({ page }) => {
  const opened = openedParts(page);
  // 惠 for 慧: nothing holds 谢惠兰, and the member's page, among the recent parts, is found by its sound.
  const results = await searchFor(page, { q: '谢惠兰' }, `${base}/search/`);
  expect(results[0]).toBe('/members/xie-huilan/');
  await expect(page.getByRole('status')).toContainText(/以来的内容中共找到 \d+ 条结果（没有完全相同的内容，按读音/);
  expect(await opened()).toEqual([...manifest.recent!].sort());
});

test('a year filter searches the parts of that year, recent or not', async ({ page }) => {
  const old = proposals().find((p) => isOlder(`proposals/${p.id}`))!;
  const year = String(new Date(String(old.data.submitted)).getFullYear());
  const results = await searchFor(page, { year }, `${base}/search/`);
  expect(results.length).toBeGreaterThan(0);
  expect(results).toContain(`/proposals/${old.id}/`);
  for (const r of results) expect(monthOf(r).startsWith(year), r).toBe(true);
  await expect(page.getByRole('status')).not.toContainText('以来的内容中');
  await expect(page.locator('[data-scope]')).toBeHidden();
});
