import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ContentFixture } from '../support/fixture.ts';
import { startNginx, type Nginx } from '../../src/deploy/local-nginx.ts';

/** Phones at 360×740 in every text size of 长辈模式: what an elderly reader on a small screen meets first. */
const SIZES = { m: '标准', l: '大', xl: '特大' } as const;
const templates = [
  '/',
  '/news/',
  '/notices/',
  '/notices/2026-11-25/',
  '/proposals/',
  '/proposals/stats/',
  '/voices/',
  '/reviews/',
  '/members/',
  '/search/',
];

/** Lines of an element's text that hold a single character (where the text has more than one). */
function loneGlyphs(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((els) =>
    els.flatMap((el) => {
      const text = el.textContent?.replace(/\s+/g, '') ?? '';
      // Skipped: hidden text and text kept for screen readers only (a 1 px box).
      if (text.length < 2 || (el as HTMLElement).offsetParent === null || el.getBoundingClientRect().width < 2)
        return [];
      const lines = new Map<number, string>();
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // Text for screen readers only (a 1 px box) is not on any visible line.
        if (node.parentElement!.getBoundingClientRect().width < 2) continue;
        for (let i = 0; i < node.textContent!.length; i++) {
          if (/\s/.test(node.textContent![i]!)) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const top = Math.round(range.getBoundingClientRect().top);
          if (range.getBoundingClientRect().width === 0) continue;
          lines.set(top, (lines.get(top) ?? '') + node.textContent![i]);
        }
      }
      return lines.size > 1
        ? [...lines.values()].filter((l) => l.length === 1).map((l) => `${el.outerHTML.slice(0, 80)} ${text} → “${l}”`)
        : [];
    }),
  );
}

for (const [size, name] of Object.entries(SIZES)) {
  test.describe(`phone, ${name}字号`, () => {
    test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    test.beforeEach(async ({ page }) => {
      await page.addInitScript((s) => localStorage.setItem('czzx-font', s), size);
    });

    test('the header takes at most a quarter of the screen, and no menu item or heading breaks badly', async ({
      page,
    }) => {
      for (const path of templates) {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('data-font', size);
        const height = await page
          .locator('body > header, header')
          .first()
          .evaluate((h) => h.getBoundingClientRect().height);
        expect(height, `${path}: header height`).toBeLessThanOrEqual(740 / 4);
        // Each menu item on one line, not “提案与答/复”.
        const menuLines = await page
          .getByRole('navigation', { name: '主导航' })
          .getByRole('link')
          .evaluateAll((as) =>
            as.map((a) => {
              const r = document.createRange();
              r.selectNodeContents(a);
              return {
                text: a.textContent!.trim(),
                lines: new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size,
              };
            }),
          );
        expect(
          menuLines.filter((m) => m.lines !== 1),
          path,
        ).toEqual([]);
        expect(await loneGlyphs(page, 'main h1, main h2, main h3, main a, [data-chart] > span, main th'), path).toEqual(
          [],
        );
      }
    });

    test('the size buttons open from the 字号 menu and change the size', async ({ page }) => {
      await page.goto('/news/');
      const larger = page.getByRole('button', { name: '增大字号' });
      await expect(larger).toBeHidden();
      await page.locator('summary', { hasText: '字号' }).click();
      await expect(larger).toBeVisible();
      if (size !== 'xl') {
        await larger.click();
        await expect(page.locator('html')).not.toHaveAttribute('data-font', size);
      } else await expect(larger).toBeDisabled();
    });

    test('the statistics are readable: chart labels at least 12 px, nothing wider than the screen', async ({
      page,
    }) => {
      await page.goto('/proposals/stats/');
      const sizes = await page
        .locator('[data-chart] > span')
        .evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
      expect(sizes.length).toBeGreaterThan(3);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
      const wide = await page
        .locator('[data-chart]')
        .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).length);
      expect(wide).toBe(0);
    });
  });
}

test.describe('a list of more than one page', () => {
  // The sample has fewer stories than a list page holds, so a copy of it gains a year of short stories.
  let fixture: ContentFixture;
  let server: Nginx | undefined;
  const PORT = 4395;
  test.beforeAll(async () => {
    test.setTimeout(300_000);
    fixture = new ContentFixture();
    for (let day = 1; day <= 25; day++) {
      const d = String(day).padStart(2, '0');
      fixture.write(
        `news/2022-03-${d}-lvzhi-diaoyan.md`,
        `---\ntitle: 市政协第${day}调研组赴基层开展履职调研\ndate: '2022-03-${d}T09:00:00+08:00'\nsummary: 调研组围绕民生实事听取群众意见。\nbyline: 本报记者 王婧\n---\n\n本报讯 调研组深入社区和企业，听取群众和企业对民生实事的意见建议。\n`,
      );
    }
    const built = fixture.astro('build', { SKIP_SEARCH_INDEX: '1' });
    expect(built.status, built.output.slice(-3000)).toBe(0);
    server = await startNginx({ port: PORT, root: join(fixture.dir, 'dist') });
  });
  test.afterAll(async () => {
    await server?.stop();
    fixture?.dispose();
  });

  test('moving to another page of it puts the reader at the top of that list, focused', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`http://127.0.0.1:${PORT}/news/`);
    const pager = page.getByRole('navigation', { name: '分页' });
    await pager.getByRole('link', { name: '下一页' }).click();
    await expect(page).toHaveURL(/\/news\/page\/2\/#list$/);
    const list = page.locator('#list');
    await expect(list).toBeFocused();
    expect(await list.evaluate((e) => e.getBoundingClientRect().top)).toBeLessThan(100);
    // A page number too, and the next Tab goes on from the list, not from the pager at the foot.
    await pager.getByRole('link', { name: /^第\s*1\s*页$/ }).click();
    await expect(page).toHaveURL(/\/news\/#list$/);
    await expect(list).toBeFocused();
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(
        () =>
          document.activeElement!.compareDocumentPosition(document.querySelector('#list')!) &
          Node.DOCUMENT_POSITION_PRECEDING,
      ),
    ).toBeTruthy();
  });
});
