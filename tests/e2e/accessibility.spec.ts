import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { collections } from '../../src/content/model.ts';
import { publishedEntries, rawEntries } from '../support/content.ts';

/** Accessibility (WCAG 2.1 AA with axe), elder mode, phones: every template, in normal and in elder mode. */
const first = (name: string) =>
  publishedEntries(collections.find((c) => c.name === name)!).find((e) => e.data.public !== false)!.id;
/** The notice of the withdrawn sample story (撤回), which the web server answers with at its old URL. */
const withdrawn = rawEntries(collections.find((c) => c.name === 'news')!).find((e) => e.data.withdrawn)!.id;

const templates = [
  '/',
  '/news/',
  `/news/${first('news')}/`,
  '/news/tags/',
  '/notices/',
  `/notices/${first('notices')}/`,
  '/notices/topic/ti-an-gong-zuo/',
  '/reviews/',
  `/reviews/${first('reviews')}/`,
  '/proposals/',
  `/proposals/${first('proposals')}/`,
  '/proposals/stats/',
  '/proposals/category/agriculture/',
  '/voices/',
  `/voices/${first('voices')}/`,
  '/topics/',
  `/topics/${first('topics')}/`,
  `/news/${publishedEntries(collections.find((c) => c.name === 'news')!).find((e) => e.data.video)!.id}/`,
  // A story with a photo in its body: a picture linked to its original (src/lib/images/body.ts).
  '/news/2025-06-05-zhuozhang-he-shengtai-shicha/',
  '/members/',
  `/members/${first('members')}/`,
  '/units/',
  '/units/kjj/',
  '/archive/',
  '/about/',
  '/about/organization/',
  '/sitemap/',
  '/paper/',
  `/paper/${first('paper')}/`,
  `/paper/${first('paper')}/1/`,
  '/search/?q=%E6%89%98%E8%82%B2',
  '/no-such-page/',
  `/_gone/news/${withdrawn}/`,
];

async function waitForSearch(page: Page, path: string) {
  if (path.startsWith('/search/')) {
    await page.waitForFunction(() =>
      ['results', 'empty'].includes(document.querySelector<HTMLElement>('[data-search-panel]')?.dataset.state ?? ''),
    );
  }
}

async function axe(page: Page) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
}

test('no axe violations on any template, in normal and in elder mode (A+ and high contrast)', async ({ page }) => {
  test.setTimeout(240_000);
  for (const mode of ['normal', 'elder'] as const) {
    await page.goto('/');
    await page.evaluate((m) => {
      localStorage.setItem('czzx-font', m === 'elder' ? 'xl' : 'm');
      localStorage.setItem('czzx-contrast', m === 'elder' ? 'high' : 'normal');
    }, mode);
    for (const path of templates) {
      await page.goto(path);
      await waitForSearch(page, path);
      expect(await axe(page), `${mode} ${path}`).toEqual([]);
    }
  }
});

test('no horizontal overflow at 360 px on any template, even at the largest text size', async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  for (const size of ['m', 'xl']) {
    await page.goto('/');
    await page.evaluate((s) => localStorage.setItem('czzx-font', s), size);
    for (const path of templates) {
      await page.goto(path);
      await waitForSearch(page, path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${size} ${path}`).toBeLessThanOrEqual(0);
    }
  }
  await context.close();
});

test('tap targets on phones are at least 44 px', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  for (const path of ['/', `/proposals/${first('proposals')}/`, '/news/']) {
    await page.goto(path);
    const small = await page
      .locator('header a, header button, nav a, footer a, .elder-btn, main nav a')
      .evaluateAll((els) =>
        els
          .filter((e) => (e as HTMLElement).offsetParent !== null)
          .map((e) => ({ text: e.textContent?.trim(), h: e.getBoundingClientRect().height }))
          .filter((r) => r.h > 0 && r.h < 44),
      );
    expect(small, path).toEqual([]);
  }
  await context.close();
});

test('elder mode: text size steps and high contrast are remembered across pages and applied before first paint', async ({
  page,
}) => {
  await page.goto('/');
  const base = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await page.getByRole('button', { name: '增大字号' }).click();
  await page.getByRole('button', { name: '增大字号' }).click();
  await expect(page.getByRole('button', { name: '增大字号' })).toBeDisabled();
  await page.getByRole('button', { name: '高对比度' }).click();
  await expect(page.getByRole('button', { name: '高对比度' })).toHaveAttribute('aria-pressed', 'true');
  // On the next page the setting is already there when the first style is computed: no flash of normal text.
  await page.goto('/news/');
  // The switch is a classic script in <head>, before any stylesheet, neither async nor deferred: it runs before the
  // body exists, so the first paint already has the reader's size and contrast.
  const loader = await page.evaluate(() => {
    const s = document.querySelector<HTMLScriptElement>('head script[src="/elder-mode.js"]');
    const firstStyle = document.querySelector('head link[rel="stylesheet"], head style');
    return (
      s && {
        async: s.async,
        defer: s.defer,
        type: s.type,
        beforeStyles: !firstStyle || Boolean(s.compareDocumentPosition(firstStyle) & Node.DOCUMENT_POSITION_FOLLOWING),
      }
    );
  });
  expect(loader).toEqual({ async: false, defer: false, type: '', beforeStyles: true });
  expect(await page.evaluate(() => document.documentElement.getAttribute('data-font'))).toBe('xl');
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(size / base).toBeCloseTo(1.375, 2);
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
  await page.getByRole('button', { name: 'A 标准字号' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-font', 'm');
});

test('keyboard: the skip link is first and moves focus to the main content', async ({ page }) => {
  await page.goto(`/proposals/${first('proposals')}/`);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到正文' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});
