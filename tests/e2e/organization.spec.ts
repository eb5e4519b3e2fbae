import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { collections, LEADERSHIP_POSTS } from '../../src/content/model.ts';
import { CONTENT, publishedEntries } from '../support/content.ts';

/** 机构设置: the leadership, each committee with its members, the county committees; checked against content/. */
const members = publishedEntries(collections.find((c) => c.name === 'members')!);
const committees = (
  parse(readFileSync(join(CONTENT, 'taxonomies/committees.yml'), 'utf8')) as { items: { id: string; name: string }[] }
).items;
const settings = parse(readFileSync(join(CONTENT, 'settings/site.yml'), 'utf8')) as {
  counties?: { name: string; url?: string }[];
  about?: string;
  phone: string;
  address: string;
  officeHours?: string;
};
const post = (m: (typeof members)[number]) =>
  LEADERSHIP_POSTS.indexOf(m.data.leadership as (typeof LEADERSHIP_POSTS)[number]);

test('the leaders stand in order of post, each with the work they lead', async ({ page }) => {
  const leaders = members.filter((m) => m.data.leadership);
  expect(leaders.length, 'the sample names the leadership').toBeGreaterThan(2);
  expect(leaders.filter((m) => m.data.photo).length, 'the sample leaders have photos').toBe(leaders.length);
  await page.goto('/about/organization/');
  const shown = await page
    .locator('[data-leader]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-leader')!));
  expect(shown.sort()).toEqual(leaders.map((m) => m.id).sort());
  const posts = await page
    .locator('[data-leader]')
    .evaluateAll((els) => els.map((e) => e.querySelector('p')!.textContent!.trim()));
  expect(posts).toEqual(
    [...posts].sort((a, b) => LEADERSHIP_POSTS.indexOf(a as never) - LEADERSHIP_POSTS.indexOf(b as never)),
  );
  for (const m of leaders) {
    const card = page.locator(`[data-leader="${m.id}"]`);
    await expect(card.getByRole('link', { name: String(m.data.name) })).toHaveAttribute('href', `/members/${m.id}/`);
    await expect(card).toContainText(String(m.data.leadership));
    if (m.data.duties) await expect(card).toContainText(String(m.data.duties));
    const photo = m.data.photo as { src: string; alt: string } | undefined;
    if (photo) {
      const img = card.getByRole('img', { name: photo.alt });
      // A variant of the member's photo (src/lib/images/plan.ts), named after its file.
      const stem = photo.src
        .split('/')
        .pop()!
        .replace(/\.[^.]+$/, '');
      await expect(img).toHaveAttribute('src', new RegExp(`^/_img/${stem}\\.`));
      // The file is served and decodes, not a broken image beside the name.
      expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
    }
  }
  expect(post(leaders.find((m) => m.data.leadership === '主席')!)).toBe(0);
});

test('each committee lists exactly its members', async ({ page }) => {
  await page.goto('/about/organization/');
  for (const c of committees) {
    const block = page.locator(`[data-committee="${c.id}"]`);
    await expect(block.getByRole('heading', { name: c.name })).toBeVisible();
    const want = members
      .filter((m) => m.data.committee === c.id)
      .map((m) => `/members/${m.id}/`)
      .sort();
    const got = (
      await block.locator('a[href^="/members/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
    ).sort();
    expect(got, c.name).toEqual(want);
  }
});

test('the county committees from the settings are listed, linked where they have a site', async ({ page }) => {
  const counties = settings.counties ?? [];
  expect(counties.length).toBeGreaterThan(0);
  await page.goto('/about/organization/');
  const list = page.locator('section[aria-labelledby="counties"] li');
  await expect(list).toHaveCount(counties.length);
  for (const [i, c] of counties.entries()) {
    await expect(list.nth(i)).toHaveText(c.name);
    if (c.url) await expect(list.nth(i).getByRole('link')).toHaveAttribute('href', c.url);
  }
  await page.goto('/about/');
  await expect(page.getByRole('link', { name: /机构设置/ })).toHaveAttribute('href', '/about/organization/');
});

test('committees stand in the order the editors gave them in the file', async ({ page }) => {
  await page.goto('/about/organization/');
  const shown = await page
    .locator('[data-committee]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-committee')!));
  expect(shown).toEqual(committees.map((c) => c.id));
});

test('each committee shows the proposals of the categories it follows, counted and newest first', async ({ page }) => {
  const proposals = publishedEntries(collections.find((c) => c.name === 'proposals')!).filter(
    (p) => p.data.public !== false,
  );
  const followed = (committees as { id: string; categories?: string[] }[]).filter((c) => c.categories?.length);
  expect(followed.length, 'the sample maps committees to proposal categories').toBeGreaterThan(2);
  await page.goto('/about/organization/');
  for (const c of followed) {
    const block = page.locator(`[data-committee="${c.id}"] [data-committee-proposals]`);
    for (const k of c.categories!) {
      const n = proposals.filter((p) => p.data.category === k).length;
      await expect(block.locator(`[data-count-of="proposals public category=${k}"]`), `${c.id} ${k}`).toHaveText(
        String(n),
      );
    }
    const own = proposals.filter((p) => c.categories!.includes(String(p.data.category)));
    const newest = own
      .sort(
        (a, b) =>
          String(b.data.submitted).localeCompare(String(a.data.submitted)) ||
          String(a.data.number).localeCompare(String(b.data.number)),
      )
      .slice(0, 3)
      .map((p) => `/proposals/${p.id}/`);
    const got = await block.locator('li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(got, c.id).toEqual(newest);
  }
});

test('关于我们 shows the text editors wrote in the settings, with its sections, and how to reach the office', async ({
  page,
}) => {
  const headings = [...(settings.about ?? '').matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());
  expect(headings.length, 'the sample settings hold a sectioned 关于我们 text').toBeGreaterThan(1);
  await page.goto('/about/');
  await expect(page.locator('article h2')).toContainText([...headings, '了解更多', '联系我们']);
  const contact = page.locator('section[aria-labelledby="contact"]');
  await expect(contact).toContainText(settings.address);
  await expect(contact.getByRole('link', { name: settings.phone })).toHaveAttribute(
    'href',
    `tel:${settings.phone.replace(/[^\d+]/g, '')}`,
  );
  if (settings.officeHours) await expect(contact).toContainText(settings.officeHours);
});
