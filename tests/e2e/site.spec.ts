import { expect, test, type Page } from '@playwright/test';
import { collections } from '../../src/content/model.ts';
import { formatChineseDate, parseDateTime } from '../../src/lib/dates.ts';
import { publishedEntries } from '../support/content.ts';

const entries = (name: string) => publishedEntries(collections.find((c) => c.name === name)!);
const news = entries('news');
const proposals = entries('proposals');
const voices = entries('voices');
const members = entries('members');
const reviews = entries('reviews');

/** Requests a page makes to anything but the site's own origin. */
function watchForeignRequests(page: Page): string[] {
  const foreign: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:') foreign.push(r.url());
  });
  return foreign;
}

const templates = [
  '/',
  '/news/',
  `/news/${news[0]!.id}/`,
  '/news/tags/',
  '/reviews/',
  `/reviews/${reviews[0]!.id}/`,
  '/proposals/',
  `/proposals/${proposals.find((p) => p.data.public !== false)!.id}/`,
  '/voices/',
  `/voices/${voices[0]!.id}/`,
  '/members/',
  `/members/${members[0]!.id}/`,
  '/units/',
  '/units/kjj/',
  '/archive/',
  '/about/',
  '/about/organization/',
  '/sitemap/',
];

test('every template loads with a title, breadcrumbs on inner pages, and nothing from another origin', async ({
  page,
}) => {
  const foreign = watchForeignRequests(page);
  for (const path of templates) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await expect(page.locator('h1').first(), path).toBeVisible();
    await expect(page).toHaveTitle(/长治政协网/);
    if (path !== '/') await expect(page.getByRole('navigation', { name: '当前位置' }), path).toBeVisible();
    // Content pages ship no JavaScript but the elder-mode switch; the proposal list carries 提案检索.
    const scripts = await page
      .locator('script:not([type="application/ld+json"])')
      .evaluateAll((s) => s.map((x) => x.getAttribute('src')));
    if (path !== '/proposals/') expect(scripts, path).toEqual(['/elder-mode.js']);
  }
  expect(foreign).toEqual([]);
});

test('the home page leads with the latest news, key proposals and member voices', async ({ page }) => {
  await page.goto('/');
  const newest = [...news].sort(
    (a, b) => parseDateTime(String(b.data.date))!.getTime() - parseDateTime(String(a.data.date))!.getTime(),
  );
  await expect(page.getByRole('region', { name: '新闻简报' })).toContainText(String(newest[1]!.data.title));
  const key = proposals.filter((p) => p.data.key && p.data.public !== false);
  await expect(
    page.getByRole('region', { name: '重点提案' }).getByRole('link', { name: String(key[0]!.data.title) }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: '委员声音' }).locator('article')).toHaveCount(
    Math.min(4, voices.length),
  );
});

test('lists show their totals and every item', async ({ page }) => {
  await page.goto('/news/');
  await expect(page.locator('main header')).toContainText(`共 ${news.length} 条`);
  await expect(page.locator('main article')).toHaveCount(Math.min(20, news.length));
  await page.goto('/proposals/');
  const shown = proposals.filter((p) => p.data.public !== false);
  await expect(page.locator('main header')).toContainText(`共 ${shown.length} 件公开提案`);
});

test('a news story shows its Beijing date, byline, edition and breadcrumbs', async ({ page }) => {
  const story = news.find((n) => n.data.edition) ?? news[0]!;
  await page.goto(`/news/${story.id}/`);
  await expect(page.locator('h1')).toHaveText(String(story.data.title));
  const date = parseDateTime(String(story.data.date))!;
  await expect(page.locator('article header time')).toContainText(formatChineseDate(date));
  await expect(page.locator('article header')).toContainText(String(story.data.byline));
  const edition = story.data.edition as { date: string; page: string } | undefined;
  if (edition)
    await expect(page.locator('article header')).toContainText(`本报${formatChineseDate(edition.date)}${edition.page}`);
  const crumbs = page.getByRole('navigation', { name: '当前位置' });
  await expect(crumbs.getByRole('link', { name: '新闻简报' })).toHaveAttribute('href', '/news/');
});

test('a story written early in the morning is dated by Beijing, not UTC', async ({ page }) => {
  const early = news.find((n) => {
    const d = parseDateTime(String(n.data.date))!;
    return d.getUTCHours() >= 16; // before 08:00 in Beijing: the UTC day is the day before
  });
  expect(early, 'the sample holds a story written before 08:00 Beijing time').toBeDefined();
  await page.goto(`/news/${early!.id}/`);
  const day = String(early!.data.date).slice(0, 10).split('-').map(Number);
  await expect(page.locator('article header time')).toContainText(`${day[0]}年${day[1]}月${day[2]}日`);
});

test('a work review has an editor’s note and a table of contents linking each committee section by an ASCII id', async ({
  page,
}) => {
  const review = reviews[0]!;
  await page.goto(`/reviews/${review.id}/`);
  await expect(page.getByRole('complementary', { name: '编者按' })).toBeVisible();
  const toc = page.getByRole('navigation', { name: '目录' }).getByRole('link');
  const n = await toc.count();
  expect(n).toBeGreaterThanOrEqual(6);
  for (let i = 0; i < n; i++) {
    const href = (await toc.nth(i).getAttribute('href'))!;
    expect(href).toMatch(/^#[a-z0-9-]+$/);
    await expect(page.locator(`h2${href}`)).toHaveCount(1);
  }
  await page.goto(`/reviews/${review.id}/#proposals`);
  await expect(page.locator('h2#proposals')).toHaveText(/提案委员会/);
});

test('a proposal shows its record, linked proposers and units, and each reply at #reply-<unit>', async ({ page }) => {
  const p = proposals.find(
    (x) => x.data.public !== false && ((x.data.replies as unknown[] | undefined)?.length ?? 0) >= 2,
  )!;
  await page.goto(`/proposals/${p.id}/`);
  await expect(page.locator('h1')).toHaveText(String(p.data.title));
  await expect(page.locator('main')).toContainText(String(p.data.number));
  for (const r of p.data.replies as { unit: string; docNumber?: string }[]) {
    await expect(page.locator(`h3#reply-${r.unit}`)).toBeVisible();
    const reply = page.locator(`section[aria-labelledby="reply-${r.unit}"]`);
    if (r.docNumber) await expect(reply).toContainText(r.docNumber);
  }
  for (const m of (p.data.proposers as string[] | undefined) ?? []) {
    await expect(page.locator(`main a[href="/members/${m}/"]`).first()).toBeVisible();
  }
  for (const u of p.data.leadUnits as string[])
    await expect(page.locator(`main dl a[href="/units/${u}/"]`)).toBeVisible();
});

test('a proposal withheld from publication is neither listed nor built', async ({ page }) => {
  const hidden = proposals.find((p) => p.data.public === false);
  expect(hidden, 'the sample holds a withheld proposal').toBeDefined();
  const res = await page.goto(`/proposals/${hidden!.id}/`);
  expect(res?.status()).toBe(404);
  await page.goto('/proposals/');
  await expect(page.locator('main')).not.toContainText(String(hidden!.data.title));
});

test('a member page lists that member’s columns and proposals', async ({ page }) => {
  const author = voices[0]!.data.author as string;
  const member = members.find((m) => m.id === author)!;
  await page.goto(`/members/${author}/`);
  await expect(page.locator('h1')).toHaveText(String(member.data.name));
  const own = voices.filter((v) => v.data.author === author);
  await expect(page.getByRole('region', { name: /委员声音/ }).locator('article')).toHaveCount(own.length);
  const theirs = proposals.filter(
    (p) => p.data.public !== false && ((p.data.proposers as string[]) ?? []).includes(author),
  );
  await expect(page.getByRole('region', { name: /提案/ }).locator('article')).toHaveCount(theirs.length);
});

test('tag pages and year archives list what they promise', async ({ page }) => {
  await page.goto('/news/tags/');
  const first = page.locator('main li a').first();
  const [, label, count] = /^(.+)（(\d+)）$/.exec((await first.textContent())!.trim())!;
  await first.click();
  expect(new URL(page.url()).pathname).toMatch(/^\/news\/tags\/[a-z0-9-]+\/$/);
  await expect(page.locator('h1')).toHaveText(`标签：${label}`);
  await expect(page.locator('main article')).toHaveCount(Math.min(20, Number(count)));

  await page.goto('/archive/');
  await page.locator('main h2 a').first().click();
  await expect(page.locator('h1')).toHaveText(/^\d{4}年$/);
  expect(await page.locator('main ul li').count()).toBeGreaterThan(0);
});

test('an unknown address gets the 404 page with a way back', async ({ page }) => {
  const res = await page.goto('/no-such-page/');
  expect(res?.status()).toBe(404);
  await expect(page.locator('h1')).toContainText('页面不存在');
  await expect(page.getByRole('link', { name: '返回首页' })).toBeVisible();
});

test('articles and proposals print cleanly: no navigation, link targets written out, replies kept whole', async ({
  page,
}) => {
  const p = proposals.find((x) => x.data.public !== false && ((x.data.replies as unknown[]) ?? []).length > 0)!;
  await page.goto(`/proposals/${p.id}/`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: '当前位置' })).toBeHidden();
  await expect(page.locator('footer')).toBeHidden();
  await expect(page.locator('.elder-switch')).toBeHidden();
  const after = await page
    .locator('main dl a')
    .first()
    .evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toMatch(/^" \(\/(units|members)\/[a-z0-9-]+\/\)"$/); // the link's target is printed after it
  const reply = await page
    .locator('section[aria-labelledby^="reply-"]')
    .first()
    .evaluate((s) => getComputedStyle(s).breakInside);
  expect(reply).toBe('avoid');
});

test('articles carry the meta tags of Chinese public sites, Open Graph and JSON-LD; feeds and sitemap exist', async ({
  page,
  request,
}) => {
  const story = news[0]!;
  await page.goto(`/news/${story.id}/`);
  await expect(page.locator('meta[name="SiteName"]')).toHaveAttribute('content', '长治政协网');
  await expect(page.locator('meta[name="ColumnName"]')).toHaveAttribute('content', '新闻简报');
  await expect(page.locator('meta[name="ArticleTitle"]')).toHaveAttribute('content', String(story.data.title));
  await expect(page.locator('meta[name="PubDate"]')).toHaveAttribute('content', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await expect(page.locator('meta[name="ContentSource"]')).toHaveAttribute('content', /\S/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/news/${story.id}/$`));
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', String(story.data.title));
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld).toMatchObject({
    '@type': 'NewsArticle',
    headline: String(story.data.title),
    datePublished: expect.stringMatching(/\+08:00$/),
  });
  for (const feed of ['/rss.xml', '/news/rss.xml', '/proposals/rss.xml', '/voices/rss.xml', '/reviews/rss.xml']) {
    const res = await request.get(feed);
    expect(res.status(), feed).toBe(200);
    expect(await res.text(), feed).toContain('<rss');
  }
  const sitemap = await (await request.get('/sitemap-0.xml')).text();
  expect(sitemap).toContain(`/news/${story.id}/`);
  expect(sitemap).not.toContain('/admin/');
  expect(await (await request.get('/robots.txt')).text()).toContain('Disallow: /admin/');
  await page.goto('/');
  await expect(page.locator('footer')).toContainText('晋ICP备');
  await expect(page.locator('footer')).toContainText('网站标识码');
  await expect(page.locator('footer img[alt="党政机关网站标识"]')).toBeVisible();
});
