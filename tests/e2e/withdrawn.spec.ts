import { expect, test } from '@playwright/test';
import { collections } from '../../src/content/model.ts';
import { rawEntries } from '../support/content.ts';

/** A withdrawn entry, served by the shipped nginx over the built site: HTTP 410 with its notice, and found nowhere. */
const withdrawn = ['news', 'notices', 'voices', 'reviews', 'proposals'].flatMap((name) =>
  rawEntries(collections.find((c) => c.name === name)!)
    .filter((e) => e.data.withdrawn && e.data.public !== false)
    .map((e) => ({
      path: `/${name}/${e.id}/`,
      title: String(e.data.title),
      reason: String((e.data.withdrawn as { reason: string }).reason),
    })),
);

test('the sample holds a withdrawn entry', () => {
  expect(withdrawn.length).toBeGreaterThan(0);
});

for (const w of withdrawn) {
  test(`${w.path} answers 410 with its notice through nginx, and no list, feed or sitemap shows it`, async ({
    page,
    request,
  }) => {
    const response = await page.goto(w.path);
    expect(response!.status()).toBe(410);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('撤回');
    await expect(page.locator('main')).toContainText(w.reason.trim().slice(0, 20));
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    for (const list of ['/', w.path.replace(/[^/]+\/$/, ''), '/rss.xml', '/sitemap-0.xml']) {
      expect(await (await request.get(list)).text(), list).not.toContain(w.path);
    }
    // The notices are served only at the old addresses.
    expect((await request.get('/_gone/')).status()).toBe(404);
  });
}
