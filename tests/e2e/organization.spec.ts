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
};
const post = (m: (typeof members)[number]) =>
  LEADERSHIP_POSTS.indexOf(m.data.leadership as (typeof LEADERSHIP_POSTS)[number]);

test('the leaders stand in order of post, each with the work they lead', async ({ page }) => {
  const leaders = members.filter((m) => m.data.leadership);
  expect(leaders.length, 'the sample names the leadership').toBeGreaterThan(2);
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
