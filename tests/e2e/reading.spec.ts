import { expect, test, type Page } from '@playwright/test';

/** The stories of a column in the order its list pages show them, following 下一页 to the end. */
async function columnOrder(page: Page, start: string): Promise<string[]> {
  const hrefs: string[] = [];
  let next: string | null = start;
  while (next) {
    await page.goto(next);
    const story = new RegExp(`^${start}\\d{4}-\\d{2}-\\d{2}[a-z0-9-]*/$`);
    const links = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const href of links) if (story.test(href) && !hrefs.includes(href)) hrefs.push(href);
    next = await page
      .locator('a[rel="next"]')
      .first()
      .getAttribute('href', { timeout: 1000 })
      .catch(() => null);
  }
  return hrefs;
}

async function tagsOf(page: Page, href: string): Promise<string[]> {
  await page.goto(href);
  return page.locator('article a[href^="/news/tags/"]').allTextContents();
}

for (const column of ['/news/', '/voices/']) {
  test(`a story in ${column} leads to the stories either side of it in its list`, async ({ page }) => {
    const order = await columnOrder(page, column);
    expect(order.length).toBeGreaterThan(2);
    const i = Math.floor(order.length / 2);
    await page.goto(order[i]!);
    const nav = page.getByRole('navigation', { name: '上一篇与下一篇' });
    await expect(nav.getByRole('link').first()).toHaveAttribute('href', order[i - 1]!);
    await expect(nav.getByRole('link').last()).toHaveAttribute('href', order[i + 1]!);
    // The first story has no 上一篇, the last no 下一篇, and each says so.
    await page.goto(order[0]!);
    await expect(nav).toContainText('上一篇：没有了');
    await page.goto(order.at(-1)!);
    await expect(nav).toContainText('下一篇：没有了');
  });
}

test('相关阅读 offers only stories sharing a tag, never the story itself', async ({ page }) => {
  const order = await columnOrder(page, '/news/');
  let checked = 0;
  for (const href of order) {
    const tags = await tagsOf(page, href);
    const related = await page
      .locator('section[aria-labelledby="related-reading"] a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(related).not.toContain(href);
    for (const r of related) {
      expect(
        (await tagsOf(page, r)).some((t) => tags.includes(t)),
        `${r} shares a tag with ${href}`,
      ).toBe(true);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(0);
});

test('a story names its 责任编辑 and can be shared by its address and a QR code', async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
  const [first] = await columnOrder(page, '/news/');
  await page.goto(first!);
  await expect(page.getByText(/（责任编辑：\S+）/)).toBeVisible();
  const share = page.locator('section[aria-labelledby="share"]');
  const address = (await share.locator('[data-share-url]').textContent())!;
  expect(new URL(address).pathname).toBe(first);
  await share.getByRole('button', { name: '复制链接' }).click();
  await expect(share.getByRole('status')).toHaveText('链接已复制');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
  await share.getByText('微信扫一扫分享').click();
  await expect(share.getByRole('img', { name: `本文地址的二维码：${address}` }).locator('svg')).toBeVisible();
});

test('a long work review has 返回目录 always at hand', async ({ page }) => {
  await page.goto('/reviews/');
  await page.locator('main a[href^="/reviews/"][href$="-gongzuo-huimou/"]').first().click();
  await page.locator('main h2').last().scrollIntoViewIfNeeded();
  await expect(page.getByRole('heading', { name: '目录' })).not.toBeInViewport();
  await page.getByRole('link', { name: '↑ 返回目录' }).click();
  await expect(page.getByRole('heading', { name: '目录' })).toBeInViewport();
});

for (const [list, feed] of [
  ['/news/', '/news/rss.xml'],
  ['/voices/', '/voices/rss.xml'],
  ['/reviews/', '/reviews/rss.xml'],
  ['/proposals/', '/proposals/rss.xml'],
]) {
  test(`${list} shows its RSS feed, which is a feed`, async ({ page, request }) => {
    await page.goto(list!);
    await expect(page.getByRole('link', { name: /RSS 订阅/ }).first()).toHaveAttribute('href', feed!);
    expect(await (await request.get(feed!)).text()).toMatch(/^<\?xml[\s\S]*<rss[\s\S]*<item>/);
  });
}

test('the site map lists the statistics pages and every feed', async ({ page }) => {
  await page.goto('/sitemap/');
  await expect(page.getByRole('link', { name: '历届提案统计' })).toHaveAttribute('href', '/proposals/stats/');
  expect(await page.locator('a[href^="/proposals/stats/"]').count()).toBeGreaterThan(1);
  for (const feed of ['/rss.xml', '/news/rss.xml', '/voices/rss.xml', '/reviews/rss.xml', '/proposals/rss.xml']) {
    await expect(page.locator(`a[href="${feed}"]`)).toHaveCount(1);
  }
});
