import { expect, test } from '@playwright/test';
import { collections } from '../../src/content/model.ts';
import { rawEntries } from '../support/content.ts';
import { searchFor } from './search-support.ts';

/**
 * The search battery: what readers type, and where the page they want must land: `rank: 1` (nothing ranks above it)
 * where the query is in the title, `rank: 3` (top three) where it is in the text, a reply or a filter, `rank: 5` for a tag many stories carry.
 */
interface Case {
  q: string;
  url: string;
  rank: 1 | 3 | 5;
  why: string;
  params?: Record<string, string>;
}

const P = (n: string) => `/proposals/${n}/`;
const N = (n: string) => `/news/${n}/`;
const V = (n: string) => `/voices/${n}/`;
const newestProposal = rawEntries(collections.find((c) => c.name === 'proposals')!)
  .filter((p) => p.data.public !== false)
  .sort((a, b) => String(b.data.submitted).localeCompare(String(a.data.submitted)) || b.id.localeCompare(a.id))[0]!.id;

const cases: Case[] = [
  // two-, three- and four-character words
  { q: '托育', url: P('14-3-0058'), rank: 3, why: 'two-character word in two titles (a proposal and a voice)' },
  { q: '农田', url: P('14-2-0021'), rank: 1, why: 'two-character word in a title' },
  { q: '古建筑', url: P('14-1-0036'), rank: 3, why: 'three-character word in two titles' },
  { q: '中医药', url: P('14-4-0104'), rank: 1, why: 'three-character word in a title' },
  { q: '智慧停车', url: P('14-1-0158'), rank: 1, why: 'four-character phrase in a title' },
  { q: '老旧小区', url: P('14-1-0158'.replace('14-1-0158', '13-5-0047')), rank: 1, why: 'four-character phrase' },
  { q: '出口创汇', url: P('14-4-0139'), rank: 1, why: 'four-character phrase in a title' },
  { q: '农村电商', url: P('14-4-0062'), rank: 1, why: 'four-character phrase in a title' },
  { q: '日间照料', url: P('14-3-0177'), rank: 3, why: 'four-character phrase in three titles' },
  // single characters: match anywhere in a title, not only at the start of a word
  { q: '汇', url: P('14-4-0139'), rank: 3, why: 'last character of a word (创汇)' },
  { q: '湿', url: P('14-4-0187'), rank: 3, why: 'single character inside 湿地' },
  { q: '托', url: P('14-3-0058'), rank: 3, why: 'single character' },
  // substrings across word boundaries
  { q: '技服务业', url: P('14-3-0123'), rank: 3, why: 'substring across the words 科技|服务业' },
  { q: '标准农田建', url: P('14-2-0021'), rank: 1, why: 'substring across words' },
  { q: '漳河流域', url: P('13-5-0112'), rank: 3, why: 'substring across words, in a proposal and a news title' },
  // quoted phrases
  { q: '"高标准农田"', url: P('14-2-0021'), rank: 1, why: 'ASCII-quoted phrase' },
  { q: '“普惠托育”', url: P('14-3-0058'), rank: 3, why: 'Chinese-quoted phrase' },
  // news, voices and reviews
  { q: '光伏产业', url: N('2023-06-08-guangfu-diaoyan'), rank: 1, why: 'news title' },
  { q: '新年茶话会', url: N('2025-01-01-xinnian-chahuahui'), rank: 1, why: 'news title' },
  { q: '爱心助学', url: N('2023-09-26-aixin-zhuxue'), rank: 1, why: 'news title' },
  { q: '密云', url: N('2024-03-27-huguan-miyun-kaocha'), rank: 1, why: 'place in a news title' },
  { q: '一盘棋', url: V('2025-06-10-zhuozhang-he-yipanqi'), rank: 1, why: 'voice title' },
  { q: '新农具', url: V('2024-10-22-zhibojian-xinnongju'), rank: 1, why: 'voice title' },
  { q: '最后一百米', url: V('2025-04-28-yiyang-jiehe'), rank: 1, why: 'voice title' },
  { q: '协商聚共识', url: '/reviews/2023-gongzuo-huimou/', rank: 1, why: 'review title' },
  // proposal numbers
  { q: '14-3-0123', url: P('14-3-0123'), rank: 1, why: 'full proposal number' },
  { q: '0123', url: P('14-3-0123'), rank: 1, why: 'serial of a proposal number' },
  { q: '第123号', url: P('14-3-0123'), rank: 1, why: 'number as written in prose' },
  { q: '14-2-0021', url: P('14-2-0021'), rank: 1, why: 'full proposal number' },
  // units
  { q: '市发改委', url: P('14-3-0123'), rank: 3, why: 'unit short name in a reply' },
  { q: '市科技局', url: P('14-3-0123'), rank: 3, why: 'lead unit' },
  { q: '市文物局', url: P('14-1-0036'), rank: 3, why: 'lead unit' },
  // members and collectives
  { q: '谢慧兰', url: '/members/xie-huilan/', rank: 1, why: 'member name' },
  { q: '张志强', url: '/members/zhang-zhiqiang/', rank: 1, why: 'member name' },
  { q: '九三学社', url: P('13-5-0112'), rank: 3, why: 'collective proposer' },
  { q: '民盟', url: P('14-3-0058'), rank: 3, why: 'abbreviation of a collective proposer' },
  // pinyin and initials
  { q: 'keji fuwu', url: P('14-3-0123'), rank: 3, why: 'full pinyin of title words (three titles)' },
  { q: 'kjfw', url: P('14-3-0123'), rank: 3, why: 'initials of 科技服务 (three titles)' },
  { q: 'xiehuilan', url: '/members/xie-huilan/', rank: 1, why: 'full pinyin of a name' },
  { q: 'tuoyu', url: P('14-3-0058'), rank: 3, why: 'pinyin of 托育' },
  { q: 'zhihui tingche', url: P('14-1-0158'), rank: 1, why: 'full pinyin of 智慧停车' },
  { q: 'xinnian chahuahui', url: N('2025-01-01-xinnian-chahuahui'), rank: 1, why: 'full pinyin of a news title' },
  { q: 'zhtc', url: P('14-1-0158'), rank: 1, why: 'initials of 智慧停车 (zh-tc)' },
  { q: 'gjz', url: P('14-1-0036'), rank: 3, why: 'initials of 古建筑' },
  // synonyms and abbreviations
  { q: '发展和改革委员会', url: P('14-3-0123'), rank: 3, why: 'full name of 市发改委' },
  { q: '市场监管局', url: P('14-3-0123'), rank: 3, why: 'abbreviation of 市场监督管理局' },
  // The unit's own page first, above the proposals whose replies and opinions name it in headings.
  { q: '卫健委', url: '/units/wjw/', rank: 1, why: 'abbreviation of 卫生健康委员会: the unit’s own page' },
  { q: '市卫健委', url: '/units/wjw/', rank: 1, why: 'a unit’s short name: the unit’s own page' },
  { q: '市科技局', url: '/units/kjj/', rank: 1, why: 'a unit’s short name: the unit’s own page' },
  { q: '卫生健康委员会', url: '/units/wjw/', rank: 1, why: 'a unit’s full name: the unit’s own page' },
  { q: '农工党', url: P('14-4-0104'), rank: 3, why: 'abbreviation of 中国农工民主党 / 农工党长治市委' },
  // traditional characters (converted with opencc-js at query time)
  { q: '農田', url: P('14-2-0021'), rank: 1, why: 'traditional 农田' },
  { q: '智慧停車', url: P('14-1-0158'), rank: 1, why: 'traditional 智慧停车' },
  { q: '中醫藥', url: P('14-4-0104'), rank: 1, why: 'traditional 中医药' },
  { q: '新年茶話會', url: N('2025-01-01-xinnian-chahuahui'), rank: 1, why: 'traditional news title' },
  { q: '協商聚共識', url: '/reviews/2023-gongzuo-huimou/', rank: 1, why: 'traditional review title' },
  { q: '謝慧蘭', url: '/members/xie-huilan/', rank: 1, why: 'traditional name' },
  // slips of the input method: one character of the same sound
  { q: '对伍', url: V('2024-09-20-keji-fuwuye-jiasuqi'), rank: 3, why: '对伍 for 队伍 (人才队伍)' },
  { q: '谢惠兰', url: '/members/xie-huilan/', rank: 1, why: '惠 for 慧 in a name' },
  { q: '智会停车', url: P('14-1-0158'), rank: 1, why: '会 for 慧 in a title' },
  { q: '中医要', url: P('14-4-0104'), rank: 1, why: '要 for 药' },
  { q: '农天', url: P('14-2-0021'), rank: 1, why: '天 for 田' },
  { q: '托玉', url: P('14-3-0058'), rank: 3, why: '玉 for 育' },
  { q: '光扶产业', url: N('2023-06-08-guangfu-diaoyan'), rank: 1, why: '扶 for 伏' },
  // pinyin and initials of phrases in the text, not the title
  { q: 'gonggong tingche', url: P('14-1-0158'), rank: 1, why: 'pinyin of 公共停车 in the text' },
  { q: 'tcsf', url: P('14-1-0158'), rank: 1, why: 'initials of 停车收费 in the text' },
  { q: 'rencai duiwu', url: V('2024-09-20-keji-fuwuye-jiasuqi'), rank: 3, why: 'pinyin of 人才队伍 in the text' },
  { q: 'gjzbh', url: P('14-1-0036'), rank: 1, why: 'initials of 古建筑保护' },
  // tags
  { q: '有事来商量', url: V('2025-01-14-youshi-laishangliang'), rank: 3, why: 'a tag, in a title too' },
  // The story titled so first; search-trust.spec.ts checks every story tagged so comes before those merely naming it.
  { q: '委员之家', url: N('2025-06-03-xiangyuan-weiyuan-zhijia'), rank: 1, why: 'a tag, in a title too' },
  { q: '委员之家', url: N('2024-10-16-chengxizhuang-dianshang-xiaozhen'), rank: 5, why: 'a tag' },
  // filters and sort
  { q: '建议', url: P('14-3-0123'), rank: 3, why: 'filter by unit', params: { unit: '市科技局' } },
  { q: '', url: P('14-2-0021'), rank: 3, why: 'filter by category alone', params: { category: '农业农村', kind: '提案与答复' } },
  { q: '', url: P('14-4-0187'), rank: 1, why: 'filter by status', params: { status: '立案' } },
  { q: '', url: P('14-4-0139'), rank: 1, why: 'filter by status', params: { status: '交办' } },
  { q: '', url: P('13-5-0112'), rank: 3, why: 'filter by session', params: { session: '十三届五次会议', key: '重点提案' } },
  { q: '', url: P('14-1-0036'), rank: 3, why: 'filter by sector-less collective and year', params: { year: '2022', type: '集体提案' } },
  { q: '建议', url: P(newestProposal), rank: 1, why: 'newest first', params: { sort: 'date', kind: '提案与答复' } },
];

/** A Chinese query with no filters: every page ranked above the one wanted must show the query (nothing unrelated). */
const related = (c: Case) => !c.params && /^\p{Script=Han}{2,}$/u.test(c.q) && !/slip|traditional|abbreviation|full name|collective/.test(c.why) && !c.why.includes(' for ');

for (const c of cases) {
  test(`${c.q || '(筛选)'} ${JSON.stringify(c.params ?? {})} → ${c.url}: ${c.why}`, async ({ page }) => {
    const results = await searchFor(page, { ...(c.q ? { q: c.q } : {}), ...(c.params ?? {}) });
    const at = results.indexOf(c.url);
    expect(at, `results: ${results.slice(0, 5).join(' ')}`).toBeGreaterThanOrEqual(0);
    expect(at, `results: ${results.slice(0, 5).join(' ')}`).toBeLessThan(c.rank);
    if (related(c)) {
      for (const above of results.slice(0, at)) expect(await (await page.request.get(above)).text(), `${above} ranks above ${c.url}`).toContain(c.q);
    }
  });
}

test('filters narrow results and show counts; sort by date orders newest first', async ({ page }) => {
  const results = await searchFor(page, { q: '建议', kind: '提案与答复', sort: 'date' });
  const dates = await page.locator('[data-results] .search-result-meta span:nth-child(2)').allTextContents();
  const asNumbers = dates.map((d) => Number(d.replace(/(\d+)年(\d+)月(\d+)日/, (_, y, m, dd) => `${y}${m.padStart(2, '0')}${dd.padStart(2, '0')}`)));
  expect(asNumbers).toEqual([...asNumbers].sort((a, b) => b - a));
  expect(results.every((u) => u.startsWith('/proposals/'))).toBe(true);
  await expect(page.locator('select[name="unit"] option', { hasText: /市科技局（\d+）/ })).toHaveCount(1);
});

const publicProposals = rawEntries(collections.find((c) => c.name === 'proposals')!).filter((p) => p.data.public !== false);
const countOf = (label: string) => Number(/（(\d+)）$/.exec(label)?.[1]);

test('the filter choices come with the page, with totals, and Pagefind’s filter index loads only when the filters are opened', async ({ page }) => {
  const filterRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/pagefind/filter/')) filterRequests.push(r.url());
  });
  await searchFor(page, { q: '托育' });
  const kind = page.locator('select[name="kind"]');
  expect(countOf(await kind.locator('option[value="提案与答复"]').textContent() ?? '')).toBe(publicProposals.length);
  const key = publicProposals.filter((p) => p.data.key === true).length;
  expect(countOf(await page.locator('select[name="key"] option[value="重点提案"]').textContent() ?? '')).toBe(key);
  expect(filterRequests, 'no filter index before the reader asks for filters').toEqual([]);

  // Opened: the counts become those of the query, and add up to the number of results.
  await page.locator('summary', { hasText: '筛选与排序' }).click();
  await expect.poll(() => filterRequests.length).toBeGreaterThan(0);
  // Opening the filters searches again, so the status and the counts are read together until both have settled.
  const status = page.locator('[data-status]');
  const totals = async () => ({
    found: Number(/共找到 (\d+) 条/.exec((await status.textContent()) ?? '')?.[1]),
    counted: (await kind.locator('option').allTextContents()).filter((t) => t !== '全部').reduce((n, t) => n + countOf(t), 0),
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
  for (const p of publicProposals) byYear.set(String(p.data.submitted).slice(0, 4), (byYear.get(String(p.data.submitted).slice(0, 4)) ?? 0) + 1);
  expect(years.filter((t) => t !== '全部')).toEqual([...byYear].sort((a, b) => Number(b[0]) - Number(a[0])).map(([y, n]) => `${y}（${n}）`));
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

// `npm run bench` reads this measure for its search figures, so it must say what the reader typed and waited for.
test('each search records how long the reader waited, after the pause and since the last keystroke', async ({ page }) => {
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

test('the search begins during the typing pause, and the results shown when it ends are that search’s', async ({ page }) => {
  await page.goto('/search/');
  await expect(page.locator('[data-search-panel]')).toHaveAttribute('data-ready', 'true');
  const box = page.getByRole('searchbox', { name: '搜索关键词' });
  const entries = () =>
    page.evaluate(() => ({
      early: performance.getEntriesByName('search-early').map((m) => (m as PerformanceMark).detail.query),
      shown: performance.getEntriesByName('search').map((m) => (m as PerformanceMeasure).detail as { query: string; begunEarly: boolean }),
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
  for (const key of ['kjfw', 'keji', 'pn0123', '1430123']) await expect(first.locator('.search-result-excerpt')).not.toContainText(key);
  const replyLinks = first.locator('.search-result-replies a');
  if ((await replyLinks.count()) > 0) await expect(replyLinks.first()).toHaveAttribute('href', /#reply-[a-z]+$/);
});

test('a member’s page, which has no date, shows none in the results, in relevance and in date order', async ({ page }) => {
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
  const urls = await panel.locator('[data-results] .search-result-title a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(urls.length).toBeGreaterThan(0);
  expect(urls.every((u) => u.startsWith('/proposals/'))).toBe(true);
  await expect(panel.locator('select[name="status"]')).toHaveCount(1);
  await expect(panel.locator('select[name="kind"]')).toHaveCount(0);
});
