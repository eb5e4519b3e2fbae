import { expect, test } from '@playwright/test';
import { collections } from '../../src/content/model.ts';
import { rawEntries } from '../support/content.ts';
import { cases, type Case } from './search-cases.ts';
import { searchFor, statedCount } from './search-support.ts';

/** A Chinese query with no filters: every page ranked above the one wanted must show the query (nothing unrelated). */
const related = (c: Case) =>
  !c.params &&
  /^\p{Script=Han}{2,}$/u.test(c.q) &&
  !/slip|traditional|abbreviation|full name|collective/.test(c.why) &&
  !c.why.includes(' for ');

for (const c of cases) {
  test(`${c.q || '(筛选)'} ${JSON.stringify(c.params ?? {})} → ${c.url}: ${c.why}`, async ({ page }) => {
    const results = await searchFor(page, { ...(c.q ? { q: c.q } : {}), ...(c.params ?? {}) });
    const at = results.indexOf(c.url);
    expect(at, `results: ${results.slice(0, 5).join(' ')}`).toBeGreaterThanOrEqual(0);
    expect(at, `results: ${results.slice(0, 5).join(' ')}`).toBeLessThan(c.rank);
    const shows = c.shows?.split('|') ?? (related(c) ? [c.q] : []);
    if (shows.length > 0) {
      for (const above of results.slice(0, at)) {
        const html = await (await page.request.get(above)).text();
        expect(
          shows.some((s) => html.includes(s)),
          `${above} ranks above ${c.url} and shows none of ${shows.join(' ')}`,
        ).toBe(true);
      }
    }
  });
}

test('filters narrow results and show counts; sort by date orders newest first', async ({ page }) => {
  const results = await searchFor(page, { q: '建议', kind: '提案与答复', sort: 'date' });
  const dates = await page.locator('[data-results] .search-result-meta span:nth-child(2)').allTextContents();
  const asNumbers = dates.map((d) =>
    Number(d.replace(/(\d+)年(\d+)月(\d+)日/, (_, y, m, dd) => `${y}${m.padStart(2, '0')}${dd.padStart(2, '0')}`)),
  );
  expect(asNumbers).toEqual([...asNumbers].sort((a, b) => b - a));
  expect(results.every((u) => u.startsWith('/proposals/'))).toBe(true);
  await expect(page.locator('select[name="unit"] option', { hasText: /市科技局（\d+）/ })).toHaveCount(1);
});

const publicProposals = rawEntries(collections.find((c) => c.name === 'proposals')!).filter(
  (p) => p.data.public !== false,
);
const countOf = (label: string) => Number(/（(\d+)）$/.exec(label)?.[1]);

test('the filter choices come with the page, with totals, and Pagefind’s filter index loads only when the filters are opened', async ({
  page,
}) => {
  const filterRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/pagefind/filter/')) filterRequests.push(r.url());
  });
  await searchFor(page, { q: '托育' });
  const kind = page.locator('select[name="kind"]');
  expect(countOf((await kind.locator('option[value="提案与答复"]').textContent()) ?? '')).toBe(publicProposals.length);
  const key = publicProposals.filter((p) => p.data.key === true).length;
  expect(countOf((await page.locator('select[name="key"] option[value="重点提案"]').textContent()) ?? '')).toBe(key);
  expect(filterRequests, 'no filter index before the reader asks for filters').toEqual([]);

  // Opened: the counts become those of the query, and add up to the number of results.
  await page.locator('summary', { hasText: '筛选与排序' }).click();
  await expect.poll(() => filterRequests.length).toBeGreaterThan(0);
  // Opening the filters searches again, so the status and the counts are read together until both have settled.
  const status = page.locator('[data-status]');
  const totals = async () => ({
    found: Number(/共找到 (\d+) 条/.exec((await status.textContent()) ?? '')?.[1]),
    counted: (await kind.locator('option').allTextContents())
      .filter((t) => t !== '全部')
      .reduce((n, t) => n + countOf(t), 0),
  });
  await expect
    .poll(async () => {
      const t = await totals();
      return Number.isInteger(t.found) && t.found === t.counted;
    })
    .toBe(true);
  expect((await totals()).found).toBeLessThan(publicProposals.length);
});

test('提案检索 offers the totals of proposals only', async ({ page }) => {
  await page.goto('/proposals/');
  const years = await page.locator('[data-mode="proposals"] select[name="year"] option').allTextContents();
  const byYear = new Map<string, number>();
  for (const p of publicProposals)
    byYear.set(String(p.data.submitted).slice(0, 4), (byYear.get(String(p.data.submitted).slice(0, 4)) ?? 0) + 1);
  expect(years.filter((t) => t !== '全部')).toEqual(
    [...byYear].sort((a, b) => Number(b[0]) - Number(a[0])).map(([y, n]) => `${y}（${n}）`),
  );
});

test('the search state lives in the URL: typing updates it, the back button restores it', async ({ page }) => {
  await page.goto('/search/');
  await page.getByRole('searchbox', { name: '搜索关键词' }).fill('托育');
  await expect(page).toHaveURL(/q=%E6%89%98%E8%82%B2/);
  await expect(page.locator('[data-results] li').first()).toBeVisible();
  await page.locator('summary', { hasText: '筛选与排序' }).click();
  await page.getByLabel('排序').selectOption('date');
  await expect(page).toHaveURL(/sort=date/);
  await page.goBack();
  await expect(page).not.toHaveURL(/sort=date/);
  await expect(page.locator('select[name="sort"]')).toHaveValue('');
});

test('the results have the list pages’ pager: the first and last page, two either side of the current one, … between', async ({
  page,
}) => {
  await searchFor(page, { q: '政协' });
  const pages = Math.ceil((await statedCount(page)) / 10);
  expect(pages, 'a search with pages left out of the pager').toBeGreaterThanOrEqual(6);
  // A number's link reads 第 n 页 to a screen reader; the page shown is a plain number.
  const items = async () =>
    (await page.locator('[data-pager] li').allTextContents()).map((t) => t.trim().replace(/^第(\d+)页$/, '$1'));
  expect(await items()).toEqual(['1', '2', '3', '…', String(pages), '下一页']);
  await expect(page.locator('[data-pager] li', { hasText: '…' })).toHaveAttribute('aria-hidden', 'true');
  await page.locator(`[data-pager] a[data-page="${pages}"]`).click();
  await expect(page.locator('[data-status]')).toContainText(`第 ${pages}/${pages} 页`);
  expect(await items()).toEqual(['上一页', '1', '…', String(pages - 2), String(pages - 1), String(pages)]);
});

// `npm run bench` reads this measure for its search figures, so it must say what the reader typed and waited for.
test('each search records how long the reader waited, after the pause and since the last keystroke', async ({
  page,
}) => {
  await page.goto('/search/');
  await expect(page.locator('[data-search-panel]')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('searchbox', { name: '搜索关键词' }).fill('托育 服务');
  await expect(page.locator('[data-status]')).toContainText('共找到');
  const measures = await page.evaluate(() =>
    performance.getEntriesByName('search').map((m) => ({ duration: m.duration, ...(m as PerformanceMeasure).detail })),
  );
  const shown = Number(/共找到 (\d+) 条/.exec((await page.locator('[data-status]').textContent()) ?? '')?.[1]);
  const last = measures.at(-1)!;
  expect(last).toMatchObject({ query: '托育 服务', results: shown });
  expect(last.duration).toBeGreaterThan(0);
  // The pause before a typed query is searched (300 ms) is counted only in the time since the last keystroke.
  expect(last.sinceTyping).toBeGreaterThan(last.duration + 250);
  // Its two steps, finding the results and loading their data, fit within it.
  expect(last.phases.search).toBeGreaterThanOrEqual(0);
  expect(last.phases.data).toBeGreaterThan(0);
  expect(last.phases.search + last.phases.data).toBeLessThanOrEqual(last.duration);
});

test('the search begins during the typing pause, and the results shown when it ends are that search’s', async ({
  page,
}) => {
  await page.goto('/search/');
  await expect(page.locator('[data-search-panel]')).toHaveAttribute('data-ready', 'true');
  const box = page.getByRole('searchbox', { name: '搜索关键词' });
  const entries = () =>
    page.evaluate(() => ({
      early: performance.getEntriesByName('search-early').map((m) => (m as PerformanceMark).detail.query),
      shown: performance
        .getEntriesByName('search')
        .map((m) => (m as PerformanceMeasure).detail as { query: string; begunEarly: boolean }),
    }));
  // Typed, then a pause: the search begins before the results are due and is the one shown.
  await box.fill('托育 服务');
  await expect(page.locator('[data-status]')).toContainText('“托育 服务”共找到');
  expect(await entries()).toMatchObject({ early: ['托育 服务'], shown: [{ query: '托育 服务', begunEarly: true }] });
  // Enter with no pause before it searches at once (the value is set without an input event, so no pause begins).
  await box.evaluate((el: HTMLInputElement) => (el.value = '农田'));
  await box.press('Enter');
  await expect(page.locator('[data-status]')).toContainText('“农田”共找到');
  const after = await entries();
  expect(after.early).toEqual(['托育 服务']);
  expect(after.shown.at(-1)).toMatchObject({ query: '农田', begunEarly: false });
});

test('results show kind, date, title, a marked excerpt, and replies as sub-results', async ({ page }) => {
  await searchFor(page, { q: '科技服务' });
  const first = page.locator('[data-results] > li', { has: page.locator('a[href="/proposals/14-3-0123/"]') });
  await expect(first.locator('.badge')).toHaveText('提案与答复');
  await expect(first.locator('.search-result-meta')).toContainText(/\d{4}年\d{1,2}月\d{1,2}日/);
  await expect(first.locator('mark').first()).toBeVisible();
  for (const key of ['kjfw', 'keji', 'pn0123', '1430123'])
    await expect(first.locator('.search-result-excerpt')).not.toContainText(key);
  const replyLinks = first.locator('.search-result-replies a');
  if ((await replyLinks.count()) > 0) await expect(replyLinks.first()).toHaveAttribute('href', /#reply-[a-z]+$/);
});

test('a member’s page, which has no date, shows none in the results, in relevance and in date order', async ({
  page,
}) => {
  const member = rawEntries(collections.find((c) => c.name === 'members')!)[0]!;
  const name = String(member.data.name);
  for (const params of [{ q: name }, { q: name, sort: 'date' }]) {
    const results = await searchFor(page, params);
    expect(results, JSON.stringify(params)).toContain(`/members/${member.id}/`);
    const hit = page.locator('[data-results] > li', { has: page.locator(`a[href="/members/${member.id}/"]`) });
    await expect(hit.locator('.badge')).toHaveText('委员');
    await expect(hit.locator('.search-result-meta')).not.toContainText(/\d{4}年/);
  }
});

test('an empty result explains what to try', async ({ page }) => {
  const results = await searchFor(page, { q: '没有这种内容的查询词语' });
  expect(results).toEqual([]);
  await expect(page.getByRole('status')).toContainText('没有找到');
  await expect(page.locator('[data-empty]')).toContainText('拼音');
  await expect(page.locator('[data-empty]')).toContainText('清除全部筛选');
});

test('the header search box works without JavaScript as a GET form to /search/', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/news/');
  await page.getByRole('searchbox', { name: '搜索全站' }).fill('托育');
  await page.getByRole('button', { name: '搜索' }).first().click();
  await expect(page).toHaveURL(/\/search\/\?q=%E6%89%98%E8%82%B2/);
  await context.close();
});

test('提案检索 on /proposals/ searches only proposals with the proposal filters', async ({ page }) => {
  await page.goto('/proposals/');
  const panel = page.locator('[data-search-panel][data-mode="proposals"]');
  await panel.getByRole('searchbox').fill('养老');
  await expect(panel.locator('[data-results] li').first()).toBeVisible();
  const urls = await panel
    .locator('[data-results] .search-result-title a')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(urls.length).toBeGreaterThan(0);
  expect(urls.every((u) => u.startsWith('/proposals/'))).toBe(true);
  await expect(panel.locator('select[name="status"]')).toHaveCount(1);
  await expect(panel.locator('select[name="kind"]')).toHaveCount(0);
});
