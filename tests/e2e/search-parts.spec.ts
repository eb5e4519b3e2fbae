import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test, type Worker } from '@playwright/test';
import { collections } from '../../src/content/model.ts';
import { pageMonth, type PartEntry } from '../../src/lib/search/parts.ts';
import { INDEX_LANGUAGE } from '../../src/lib/search/segment.ts';
import { ContentFixture } from '../support/fixture.ts';
import { startNginx, type Nginx } from '../../src/deploy/local-nginx.ts';
import { rawEntries } from '../support/content.ts';
import { searchFor } from './search-support.ts';

/**
 * A large archive is indexed in parts, runs of whole months packed up to a cap (Pagefind's memory grows with the
 * pages of one index), and the browser merges them. The sample content is built with parts of at most 12 pages, so it
 * splits as a large archive does (runs across years, the newest year apart, a month alone), and searched in
 * Chromium: results from every part, date order across parts, counts, and the rebuild after one edit, which indexes
 * only the part that changed.
 */
let fixture: ContentFixture;
let server: Nginx | undefined;
let parts: PartEntry[];
const PORT = 4393;
const base = `http://127.0.0.1:${PORT}`;
const dist = () => join(fixture.dir, 'dist');
const partOf = (month: string) => parts.find((p) => p.from <= month && month <= p.to)!;
const monthOfPage = (path: string) => pageMonth(readFileSync(join(dist(), path, 'index.html'), 'utf8'));

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  fixture = new ContentFixture();
  // Two parts indexed at once, as a build machine with memory to spare would: the parts are the same either way.
  const built = fixture.astro('build', { SEARCH_PART_PAGES: '12', SEARCH_PART_CONCURRENCY: '2' });
  expect(built.status, built.output.slice(-3000)).toBe(0);
  parts = (JSON.parse(readFileSync(join(dist(), 'pagefind/parts.json'), 'utf8')) as { parts: PartEntry[] }).parts;
  // A full build renders the pages part by part and indexes each part while it renders the next
  // (src/integrations/search-preindex.ts); every test below searches those parts.
  expect(built.output).toMatch(
    new RegExp(
      `in ${parts.length} part\\(s\\), 0 reused from the last build, ${parts.length} written while the pages were rendered`,
    ),
  );
  server = await startNginx({ port: PORT, root: dist() });
});

test.afterAll(async () => {
  await server?.stop();
  fixture?.dispose();
});

test('the index is written in parts of whole years or months, newest first, each a bundle of its own', () => {
  expect(parts.length).toBeGreaterThanOrEqual(3);
  expect(
    parts.map((p) => p.id).filter((id) => /^\d{4}-\d{2}(_\d{2})?$/.test(id)).length,
    'parts of months',
  ).toBeGreaterThan(1);
  expect(parts[0]!.path).toBe('/pagefind/');
  for (const [i, p] of parts.entries()) {
    expect(p.from <= p.to, `${p.from} to ${p.to}`).toBe(true);
    if (i > 0) expect(p.to < parts[i - 1]!.from, 'parts do not overlap and run newest first').toBe(true);
    // One language: the one Pagefind neither segments nor stems, as the text comes split into words (segment.ts).
    const { languages } = JSON.parse(readFileSync(join(dist(), p.path, 'pagefind-entry.json'), 'utf8'));
    expect(Object.keys(languages)).toEqual([INDEX_LANGUAGE]);
    expect(languages[INDEX_LANGUAGE].page_count).toBe(p.pages);
  }
});

const cases = [
  { q: '智慧停车', url: '/proposals/14-1-0158/' },
  { q: '农田', url: '/proposals/14-2-0021/' },
  // Not 普惠托育 alone: a member voice of 2025 has it in its title too, and which ranks first depends on how the years
  // fall into parts (the 数字报 sample added 2025 stories).
  { q: '普惠托育服务', url: '/proposals/14-3-0058/' },
  { q: '中医药', url: '/proposals/14-4-0104/' },
  // The newest part holds only notices (2026).
  { q: '信息公开工作年度报告', url: '/notices/2026-01-20/' },
  { q: 'xinnian chahuahui', url: '/news/2025-01-01-xinnian-chahuahui/' },
  { q: 'xiehuilan', url: '/members/xie-huilan/' },
  // Runs of months: 2025 and 2024 hold more pages than the cap.
  { q: '走进沁县', url: '/news/2025-09-18-qinxian-weiyuan-jinjiceng/' },
  { q: '城隍庙', url: '/news/2025-07-06-chenghuangmiao-huahua/' },
  { q: '上党梆子', url: '/news/2025-04-14-shangdang-bangzi/' },
  { q: '电商小镇', url: '/news/2024-10-16-chengxizhuang-dianshang-xiaozhen/' },
];

test('one search finds the best page whichever part holds it', async ({ page }) => {
  expect(new Set(cases.map((c) => partOf(monthOfPage(c.url)).id)).size, 'the cases come from every part').toBe(
    parts.length,
  );
  for (const c of cases) {
    const results = await searchFor(page, { q: c.q }, `${base}/search/`);
    expect(results[0], c.q).toBe(c.url);
  }
});

test('the parts are searched in two workers of the site, each loading only its own parts', async ({ page }) => {
  const workers: Worker[] = [];
  page.on('worker', (w) => workers.push(w));
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  expect((await searchFor(page, { q: cases[0]!.q }, `${base}/search/`))[0]).toBe(cases[0]!.url);
  const urls = workers.map((w) => new URL(w.url()).pathname);
  expect(urls.filter((u) => /^\/_astro\/search-worker.*\.js$/.test(u))).toHaveLength(2);
  expect(urls, "not Pagefind's own worker").not.toContain('/pagefind/pagefind-worker.js');
  // What each worker fetched: the entry file of each of its parts.
  const loaded = await Promise.all(
    workers.map((w) =>
      w.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => new URL(e.name).pathname)
          .filter((p) => p.endsWith('/pagefind-entry.json')),
      ),
    ),
  );
  expect(
    loaded.every((l) => l.length > 0),
    'both workers search',
  ).toBe(true);
  expect(loaded.flat().sort(), 'each part is loaded once, by one worker').toEqual(
    parts.map((p) => `${p.path}pagefind-entry.json`).sort(),
  );
  expect(warnings).toEqual([]);
});

test('where workers cannot run, Pagefind searches in the page and finds the same', async ({ page }) => {
  const inWorkers = [];
  for (const c of cases) inWorkers.push(await searchFor(page, { q: c.q }, `${base}/search/`));
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.addInitScript(() => {
    // A browser without module workers: constructing one fails.
    (window as { Worker: unknown }).Worker = class {
      constructor() {
        throw new Error('no workers here');
      }
    };
  });
  for (const [i, c] of cases.entries()) {
    const results = await searchFor(page, { q: c.q }, `${base}/search/`);
    expect(results[0], c.q).toBe(c.url);
    // The same results; pages of equal score (e.g. two naming the same member) may come in another order, as each
    // engine joins the parts' answers in its own order.
    expect(results.toSorted(), c.q).toEqual(inWorkers[i]!.toSorted());
  }
  expect(warnings[0]).toContain('搜索改在页面中运行');
});

test('a word the archive holds is required in every part, as in one index', async ({ page }) => {
  // Pagefind ignores a word its index lacks; 查询 and 词语 are missing from some parts, and without the check those
  // parts answered with pages matching only 没有, 这种, 内容.
  for (const sort of [{}, { sort: 'date' }]) {
    expect(await searchFor(page, { q: '没有这种内容的查询词语', ...sort }, `${base}/search/`)).toEqual([]);
    await expect(page.getByRole('status')).toContainText('没有找到');
  }
});

for (const how of ['pasted', 'typed with an input method'] as const) {
  test(`the words of a query ${how} are looked up during the typing pause, before the search starts`, async ({
    page,
  }) => {
    await page.goto(`${base}/search/`);
    await expect(page.locator('[data-search-panel]')).toHaveAttribute('data-ready', 'true');
    // Index chunks load only for query words: the first request for one shows when the lookups began.
    const chunkRequests: number[] = [];
    page.context().on('request', (r) => {
      if (r.url().endsWith('.pf_index')) chunkRequests.push(Date.now());
    });
    const box = page.getByRole('searchbox', { name: '搜索关键词' });
    if (how === 'pasted') await box.fill('老旧小区 改造');
    else {
      // Pinyin composed, then committed as Chinese, as a Chinese input method does in Chromium.
      await box.focus();
      const cdp = await page.context().newCDPSession(page);
      for (const [pinyin, words] of [
        ['laojiuxiaoqu', '老旧小区'],
        ['gaizao', ' 改造'],
      ] as const) {
        await cdp.send('Input.imeSetComposition', {
          text: pinyin,
          selectionStart: pinyin.length,
          selectionEnd: pinyin.length,
        });
        await cdp.send('Input.insertText', { text: words });
      }
    }
    await expect(page.locator('[data-status]')).toContainText('“老旧小区 改造”共找到');
    const searchStarted = await page.evaluate(
      () => performance.timeOrigin + performance.getEntriesByName('search').at(-1)!.startTime,
    );
    expect(chunkRequests.length).toBeGreaterThan(0);
    expect(Math.min(...chunkRequests)).toBeLessThan(searchStarted);
    expect(await page.locator('[data-results] h2 a').first().getAttribute('href')).toBe('/proposals/13-5-0047/');
  });
}

test('sorted by date, results run newest first across parts, none lost or repeated', async ({ page }) => {
  const proposals = rawEntries(collections.find((c) => c.name === 'proposals')!).filter((p) => p.data.public !== false);
  const seen: string[] = [];
  for (let n = 1; n <= Math.ceil(proposals.length / 10); n++) {
    seen.push(...(await searchFor(page, { kind: '提案与答复', sort: 'date', page: String(n) }, `${base}/search/`)));
  }
  expect(seen.toSorted()).toEqual(proposals.map((p) => `/proposals/${p.id}/`).toSorted());
  const days = seen.map((u) => String(proposals.find((p) => `/proposals/${p.id}/` === u)!.data.submitted));
  expect(days).toEqual(days.toSorted().reverse());
  expect(new Set(seen.map((u) => partOf(monthOfPage(u)).id)).size).toBeGreaterThanOrEqual(2);
});

test('with the filters open, the counts of all parts add up to the results', async ({ page }) => {
  await searchFor(page, { q: '建议' }, `${base}/search/`);
  await page.locator('summary', { hasText: '筛选与排序' }).click();
  // Opening the filters searches again, so the status and the counts are read together until both have settled.
  const status = page.locator('[data-status]');
  const kinds = page.locator('select[name="kind"] option');
  await expect
    .poll(async () => {
      const found = Number(/共找到 (\d+) 条/.exec((await status.textContent()) ?? '')?.[1]);
      const counted = (await kinds.allTextContents())
        .filter((t) => t !== '全部')
        .reduce((n, t) => n + Number(/（(\d+)）$/.exec(t)?.[1]), 0);
      return Number.isInteger(found) && found > 0 && found === counted;
    })
    .toBe(true);
});

test('a rebuild after one edited story indexes only its part, and the edit is found', async ({ page }) => {
  test.setTimeout(300_000);
  const story = '2025-04-17-zhangzi-rijian-zhaoliao';
  fixture.edit(`news/${story}.md`, /本报讯/, '本报讯 萤火虫夜校开课。');
  const oldPart = parts.find((p) => p.path !== partOf(monthOfPage(`news/${story}`)).path)!;
  // Deleting or linking a file again changes its inode's change time; leaving it in place does not.
  const inode = () => statSync(join(dist(), oldPart.path, 'pagefind-entry.json'), { bigint: true }).ctimeNs;
  const before = inode();
  const rebuilt = fixture.astro('build', { SEARCH_PART_PAGES: '12', SEARCH_PART_CONCURRENCY: '2' });
  expect(rebuilt.status, rebuilt.output.slice(-3000)).toBe(0);
  // Only the edited story is rendered, so no part is indexed early.
  expect(rebuilt.output).toContain(
    `in ${parts.length} part(s), ${parts.length - 1} reused from the last build, 0 written while the pages were rendered`,
  );
  // A part that did not change is left in place, not deleted and linked again; the index is still file for file
  // that of a fresh build.
  expect(inode()).toBe(before);
  const fresh = join(fixture.dir, 'fresh');
  const full = fixture.astro('build', {
    SEARCH_PART_PAGES: '12',
    SEARCH_PART_CONCURRENCY: '2',
    OUT_DIR: fresh,
    ASTRO_CACHE_DIR: `${fresh}-cache`,
  });
  expect(full.status, full.output.slice(-3000)).toBe(0);
  const tree = (root: string) =>
    Object.fromEntries(
      readdirSync(join(root, 'pagefind'), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => [
          relative(root, join(e.parentPath, e.name)),
          readFileSync(join(e.parentPath, e.name)).toString('base64'),
        ]),
    );
  const [got, want] = [tree(dist()), tree(fresh)];
  expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
  expect(
    Object.keys(want).filter((f) => got[f] !== want[f]),
    'index files that differ from a fresh build',
  ).toEqual([]);
  const results = await searchFor(page, { q: '萤火虫夜校' }, `${base}/search/`);
  expect(results[0]).toBe(`/news/${story}/`);
  // A story of another part is still found from its reused bundle.
  expect((await searchFor(page, { q: '老旧小区' }, `${base}/search/`))[0]).toBe('/proposals/13-5-0047/');
});
