import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page, type Route } from '@playwright/test';

/**
 * Responsive photos (src/integrations/images.ts) in Chromium against the built site served by nginx: a phone loads a
 * small variant, a desktop a larger one, nothing moves as photos arrive, and a tap opens the original.
 */
const STORY = '/news/2025-06-05-zhuozhang-he-shengtai-shicha/';
const ORIGINAL = '/media/2025-zhuozhang-he-shicha.jpg';
const DIST = 'dist';
const bytesOf = (url: string) => statSync(join(DIST, decodeURIComponent(new URL(url, 'http://x').pathname))).size;

async function open(browser: Browser, viewport: { width: number; height: number }, scale: number, mobile: boolean) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: scale, isMobile: mobile, hasTouch: mobile });
  const page = await context.newPage();
  await page.goto(STORY);
  return page;
}

/** The body photo once loaded: the file the browser chose, its bytes over the wire, its box. */
async function bodyPhoto(page: Page) {
  const img = page.locator(`article .prose-zh a[href="${ORIGINAL}"] img`);
  await img.scrollIntoViewIfNeeded();
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
  return img.evaluate((i: HTMLImageElement) => {
    const entry = performance.getEntriesByName(i.currentSrc)[0] as PerformanceResourceTiming | undefined;
    return {
      currentSrc: new URL(i.currentSrc).pathname,
      bytes: entry?.encodedBodySize ?? -1,
      height: i.getBoundingClientRect().height,
      width: i.getBoundingClientRect().width,
    };
  });
}

test('a phone loads a small WebP variant of a large photo, a fraction of the original', async ({ browser }) => {
  const page = await open(browser, { width: 360, height: 740 }, 2, true);
  const photo = await bodyPhoto(page);
  // 328 CSS pixels at 2 device pixels each: the 960 variant, never the 2400-pixel original.
  expect(photo.currentSrc).toMatch(/^\/_img\/2025-zhuozhang-he-shicha\.[0-9a-f]+\.960\.webp$/);
  expect(photo.bytes).toBe(bytesOf(photo.currentSrc));
  expect(photo.bytes * 8).toBeLessThan(bytesOf(ORIGINAL));
  await page.context().close();

  const plain = await open(browser, { width: 360, height: 740 }, 1, true);
  expect((await bodyPhoto(plain)).currentSrc).toMatch(/\.480\.webp$/);
  await plain.context().close();
});

test('a desktop loads a larger variant than a phone', async ({ browser }) => {
  const page = await open(browser, { width: 1440, height: 900 }, 2, false);
  const photo = await bodyPhoto(page);
  expect(photo.currentSrc).toMatch(/\.1600\.webp$/);
  expect(photo.bytes).toBe(bytesOf(photo.currentSrc));
  expect(photo.bytes).toBeLessThan(bytesOf(ORIGINAL));
  await page.context().close();
});

test('a photo holds its place before it loads: the page does not jump', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
  });
  // The variants are held back, as on slow mobile data, until the box of the photo has been measured.
  const held: Route[] = [];
  let released = false;
  await context.route('**/_img/**', (r) => (released ? r.continue() : void held.push(r)));
  const page = await context.newPage();
  await page.goto(STORY);
  const img = page.locator(`article .prose-zh a[href="${ORIGINAL}"] img`);
  const box = () =>
    img.evaluate((i: HTMLImageElement) => ({ loaded: i.naturalWidth > 0, ...i.getBoundingClientRect().toJSON() }));
  const before = await box();
  expect(before.loaded).toBe(false);
  expect(before.height / before.width).toBeCloseTo(1600 / 2400, 2);
  released = true;
  for (const r of held) await r.continue();
  await img.scrollIntoViewIfNeeded();
  await expect.poll(async () => (await box()).loaded).toBe(true);
  const after = await box();
  expect([after.width, after.height]).toEqual([before.width, before.height]);
  const shift = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
            if (!e.hadRecentInput) total += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
      }),
  );
  expect(shift).toBeLessThan(0.01);
  await context.close();
});

test('a tap on a photo opens the original as uploaded', async ({ page, request }) => {
  await page.goto(STORY);
  const link = page.locator(`article .prose-zh a[href="${ORIGINAL}"]`);
  await expect(link.getByRole('img')).toHaveAttribute('alt', /浊漳河/);
  await link.scrollIntoViewIfNeeded();
  const [response] = await Promise.all([
    page.waitForEvent('response', (r) => r.url().endsWith(ORIGINAL)),
    link.click(),
  ]);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/jpeg');
  expect((await response.body()).length).toBe(bytesOf(ORIGINAL));
  await expect(page).toHaveURL(new RegExp(`${ORIGINAL}$`));

  const variant = await request.get(
    `/_img/${readdirSync(join(DIST, '_img')).find((f) => f.startsWith('2025-zhuozhang-he-shicha.'))}`,
  );
  expect(variant.headers()['cache-control']).toContain('immutable');
});

test('the cover of a 专题 and its gallery photos are responsive and linked to their originals', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/topics/14-4-quanhui/');
  // Share cards get an absolute address of a fallback variant, not the upload itself.
  const og = new URL((await page.locator('meta[property="og:image"]').getAttribute('content'))!);
  expect(og.pathname).toMatch(/^\/_img\/14-4-cover\.[0-9a-f]+\.\d+\.jpg$/);
  expect((await request.get(og.pathname)).status()).toBe(200);
  const pictures = page.locator('article a.photo-link');
  await expect(pictures).toHaveCount(3);
  for (const a of await pictures.all()) {
    const img = a.locator('picture img');
    const href = (await a.getAttribute('href'))!;
    const stem = href
      .split('/')
      .pop()!
      .replace(/\.jpg$/, '');
    await expect(a.locator('picture source[type="image/webp"]')).toHaveAttribute(
      'srcset',
      new RegExp(`/_img/${stem}\\.`),
    );
    await expect(img).toHaveAttribute('width', /^\d+$/);
    await expect(img).toHaveAttribute('height', /^\d+$/);
    await img.scrollIntoViewIfNeeded();
    await expect
      .poll(() => img.evaluate((i: HTMLImageElement) => (i.naturalWidth > 0 ? new URL(i.currentSrc).pathname : '')))
      .toMatch(new RegExp(`^/_img/${stem}\\.[0-9a-f]+\\.\\d+\\.webp$`));
  }
});

test('no built page shows an uploaded photo without its variants, width and height', () => {
  const pages = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter(
    // The 数字报 page images are left as uploaded (a zoom to 3× needs the whole scan); see README.
    (f) => f.endsWith('.html') && !f.startsWith('paper/') && !f.startsWith('admin/'),
  );
  expect(pages.length).toBeGreaterThan(100);
  const bare: string[] = [];
  for (const f of pages) {
    const html = readFileSync(join(DIST, f), 'utf8');
    for (const [tag] of html.matchAll(/<img\b[^>]*>/g)) {
      const raster = /\ssrc="\/media\/[^"]+\.(?:jpe?g|png|webp|avif)"/i.test(tag);
      const variant = /\ssrc="\/_img\//.test(tag);
      if (raster || (variant && !(/\swidth="\d+"/.test(tag) && /\sheight="\d+"/.test(tag) && /\ssrcset="/.test(tag))))
        bare.push(`${f}: ${tag}`);
    }
  }
  expect(bare).toEqual([]);
});
