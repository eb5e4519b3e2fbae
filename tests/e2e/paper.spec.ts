import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { collection } from '../../src/content/model.ts';
import { rawEntries } from '../support/content.ts';

/**
 * The electronic edition (数字报) as readers use it, in Chromium against the built site served by nginx with the
 * production Content-Security-Policy: the calendar, issues, pages with their linked areas, the way back from a story
 * to its page, the phone layout, and the 期/版 search filters. Expectations come from the content files.
 */
const DIST = process.env.OUT_DIR ?? join(import.meta.dirname, '../../dist');

type Area = { x: number; y: number; w: number; h: number };
interface Story {
  href: string;
  title: string;
  issue: string;
  page: number;
  areas: Area[];
}
const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
const issues = rawEntries(collection('paper'))
  .map((e) => ({
    id: e.id,
    number: Number(e.data.number),
    pages: e.data.pages as { number: number; name: string; image: string; pdf?: string }[],
  }))
  .sort((a, b) => b.id.localeCompare(a.id));
const stories: Story[] = (['news', 'voices'] as const).flatMap((kind) =>
  rawEntries(collection(kind)).flatMap((e) => {
    const p = e.data.paper as { issue: unknown; page: number; areas?: Area[] } | undefined;
    return p
      ? [
          {
            href: `/${kind}/${e.id}/`,
            title: String(e.data.title),
            issue: day(p.issue),
            page: p.page,
            areas: p.areas ?? [],
          },
        ]
      : [];
  }),
);
const on = (issue: string, page: number) => stories.filter((s) => s.issue === issue && s.page === page);
/** A page with two stories, each with an area: the journey's page. */
const busy = issues
  .flatMap((i) => i.pages.map((p) => ({ issue: i, page: p })))
  .find(({ issue, page }) => on(issue.id, page.number).filter((s) => s.areas.length).length >= 2)!;
const pagePath = (issue: string, page: number) => `/paper/${issue}/${page}/`;

test('the built edition has every issue, page and feed, and every area is a named link to its story', () => {
  expect(issues.length).toBeGreaterThanOrEqual(3);
  expect(existsSync(join(DIST, 'paper/index.html'))).toBe(true);
  for (const issue of issues) {
    expect(existsSync(join(DIST, `paper/${issue.id}/index.html`)), issue.id).toBe(true);
    const feed = readFileSync(join(DIST, `paper/${issue.id}/rss.xml`), 'utf8');
    for (const p of issue.pages) {
      const html = readFileSync(join(DIST, `paper/${issue.id}/${p.number}/index.html`), 'utf8');
      const links = [
        ...html.matchAll(
          /<a class="paper-area[^"]*" href="([^"]+)" data-area="([^"]+)"[^>]*><span class="sr-only"[^>]*>([^<]+)<\/span>/g,
        ),
      ].map((m) => ({
        href: m[1]!,
        title: m[3]!,
      }));
      const expected = on(issue.id, p.number).flatMap((s) => s.areas.map(() => ({ href: s.href, title: s.title })));
      expect(
        links.sort((a, b) => a.href.localeCompare(b.href)),
        `${issue.id} 第${p.number}版`,
      ).toEqual(expected.sort((a, b) => a.href.localeCompare(b.href)));
      for (const l of links) expect(existsSync(join(DIST, l.href, 'index.html')), l.href).toBe(true);
      expect(existsSync(join(DIST, p.image)), p.image).toBe(true);
      if (p.pdf) expect(html).toContain(`href="${p.pdf}"`);
    }
    for (const s of stories.filter((x) => x.issue === issue.id))
      expect(feed, `${issue.id} feed`).toContain(`${s.href}</link>`);
  }
});

test('a reader goes from the calendar to an issue, a page, a story by keyboard, and back to its page', async ({
  page,
}) => {
  const { issue, page: p } = busy;
  const [y, m, d] = issue.id.split('-').map(Number);
  await page.goto('/paper/');
  await page
    .getByRole('navigation', { name: '按月份查看往期' })
    .getByRole('link', { name: `${y}年${m}月` })
    .click();
  await page
    .getByRole('table')
    .getByRole('link', { name: `${y}年${m}月${d}日 第${issue.number}期` })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`第${issue.number}期`);
  await page
    .getByRole('main')
    .getByRole('link', { name: `第${p.number}版　${p.name}` })
    .click();
  await expect(page).toHaveURL(pagePath(issue.id, p.number));

  // Tab to the first area on the image: a real link named by its story's title.
  const first = on(issue.id, p.number)
    .filter((s) => s.areas.length)
    .sort((a, b) => a.areas[0]!.y - b.areas[0]!.y || a.areas[0]!.x - b.areas[0]!.x)[0]!;
  await page.locator('[data-paper-image] input').first().focus();
  let name = '';
  for (let i = 0; i < 20 && name !== first.title; i++) {
    await page.keyboard.press('Tab');
    name = await page.evaluate(
      () => (document.activeElement?.matches('.paper-area') ? document.activeElement.textContent?.trim() : '') ?? '',
    );
  }
  expect(name).toBe(first.title);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(first.href);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.title);
  await page.getByRole('link', { name: `第${issue.number}期 第${p.number}版` }).click();
  await expect(page).toHaveURL(pagePath(issue.id, p.number));
});

/** Where the image and an area link are drawn, in CSS pixels. */
const box = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!;

test('areas sit where their percentages say (under the production CSP), and are outlined on hover and focus', async ({
  page,
}) => {
  const { issue, page: p } = busy;
  await page.goto(pagePath(issue.id, p.number));
  const img = await box(page, '[data-paper-image] img');
  const story = on(issue.id, p.number).find((s) => s.areas.length)!;
  const link = page.getByRole('link', { name: story.title, exact: true }).and(page.locator('.paper-area')).first();
  const a = story.areas[0]!;
  const b = (await link.boundingBox())!;
  expect(Math.abs(b.x - (img.x + (img.width * a.x) / 100))).toBeLessThan(2);
  expect(Math.abs(b.y - (img.y + (img.height * a.y) / 100))).toBeLessThan(2);
  expect(Math.abs(b.width - (img.width * a.w) / 100)).toBeLessThan(2);
  expect(Math.abs(b.height - (img.height * a.h) / 100)).toBeLessThan(2);

  const outline = () => link.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(await outline()).toBe('none');
  await link.hover();
  expect(await outline()).toBe('solid');
  await page.mouse.move(0, 0);
  expect(await outline()).toBe('none');
  await link.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  expect(await outline()).toBe('solid');

  // Pointing at the story in the list beside the image shows where it is on the page.
  await page.mouse.move(0, 0);
  await link.blur();
  const border = () => link.evaluate((el) => getComputedStyle(el).borderTopColor);
  expect(await border()).toBe('rgba(0, 0, 0, 0)');
  await page.locator('[data-paper-list]').getByRole('link', { name: story.title, exact: true }).hover();
  expect(await border()).not.toBe('rgba(0, 0, 0, 0)');
});

test('on a phone (360×740) the list of stories comes before the page image, which zooms inside its frame', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const { issue, page: p } = busy;
  await page.goto(pagePath(issue.id, p.number));
  const list = await box(page, '[data-paper-list]');
  const image = await box(page, '[data-paper-image]');
  expect(list.y + list.height).toBeLessThanOrEqual(image.y);
  const frame = await box(page, '.paper-frame');
  await page.getByLabel('放大 2 倍').check();
  // Twice the frame's inner width (its 1 px borders aside).
  await expect
    .poll(async () => Math.abs((await box(page, '.paper-sheet')).width - (frame.width - 2) * 2))
    .toBeLessThan(2);
  // The page itself does not scroll sideways: only the frame does.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // Areas scale with the image, so a zoomed area still covers its story.
  const img = await box(page, '[data-paper-image] img');
  expect(img.width).toBeGreaterThan(frame.width * 1.9);
  await context.close();
});

test('no axe violations on the edition’s pages (latest issue, an issue, a page)', async ({ page }) => {
  for (const path of ['/paper/', `/paper/${issues.at(-1)!.id}/`, pagePath(busy.issue.id, busy.page.number)]) {
    await page.goto(path);
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(
      r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
      path,
    ).toEqual([]);
  }
});

test('search filters by 报纸期次 and 报纸版次 find exactly the stories on that page', async ({ page }) => {
  const { issue, page: p } = busy;
  const expected = on(issue.id, p.number)
    .map((s) => s.href)
    .sort();
  // 的 is in every story, so the filters alone decide which are found.
  await page.goto(
    `/search/?issue=${encodeURIComponent(`第${issue.number}期`)}&paperpage=${encodeURIComponent(`第${p.number}版`)}&sort=date&q=${encodeURIComponent('的')}`,
  );
  await page.waitForFunction(() =>
    ['results', 'empty'].includes(document.querySelector<HTMLElement>('[data-search-panel]')?.dataset.state ?? ''),
  );
  const found = await page
    .locator('[data-results] .search-result-title a')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(found.sort()).toEqual(expected);
  // The choices are in the form, with their totals.
  await expect(page.getByLabel('报纸期次')).toHaveValue(`第${issue.number}期`);
  await expect(page.getByLabel('报纸版次')).toHaveValue(`第${p.number}版`);
});
