import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { collections } from '../../src/content/model.ts';
import { CONTENT, publishedEntries, rawEntries } from '../support/content.ts';

/**
 * 专题 pages as a reader sees them: each embedded component renders what the content says. The expected lists and
 * counts are worked out here from the files in content/, not asked of the site's code.
 */
const model = (name: string) => collections.find((c) => c.name === name)!;
const topics = publishedEntries(model('topics'));
const proposals = rawEntries(model('proposals'));
const taxonomy = (name: string) =>
  new Map<string, string>(
    (parse(readFileSync(join(CONTENT, `taxonomies/${name}.yml`), 'utf8')).items as { id: string; name: string }[]).map(
      (i) => [i.id, i.name],
    ),
  );

type Attrs = Record<string, string | true>;
/** Every `<Name …>` tag of a topic's MDX, with its attributes, in the order written. */
function tags(id: string, name: string): Attrs[] {
  const text = readFileSync(join(CONTENT, `topics/${id}.mdx`), 'utf8');
  return [...text.matchAll(new RegExp(`<${name}((?:\\s+[A-Za-z]+(?:="[^"]*")?)*)\\s*/?>`, 'g'))].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/([A-Za-z]+)(?:="([^"]*)")?/g)].map((a) => [a[1], a[2] ?? true])),
  );
}

const str = (v: unknown) => String(v ?? '');
function matching(f: Attrs) {
  return proposals.filter(
    ({ data: p }) =>
      p.public !== false &&
      (!f.session || str(p.session) === f.session) &&
      (!f.category || p.category === f.category) &&
      (!f.status || p.status === f.status) &&
      (!f.unit || (p.leadUnits as string[] | undefined)?.includes(str(f.unit))) &&
      (!f.sector || p.sector === f.sector) &&
      (!f.key || p.key === true),
  );
}

test('the sample has a 专题 for every 全会 of the sessions and for its 常委会议', () => {
  const sessions = [...taxonomy('sessions').keys()];
  const plenary = topics
    .filter((t) => (t.data.meeting as { kind: string }).kind === '全体会议')
    .map((t) => str((t.data.meeting as { session: string }).session));
  expect(plenary.sort()).toEqual(sessions.sort());
  expect(topics.some((t) => (t.data.meeting as { kind: string }).kind === '常委会议')).toBe(true);
});

test('the 专题 list links every topic, and the menu leads to it', async ({ page }) => {
  await page.goto('/');
  await page.locator('header nav').first().getByRole('link', { name: '专题', exact: true }).first().click();
  await expect(page).toHaveURL(/\/topics\/$/);
  const links = await page
    .locator('main h2 a')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(links.sort()).toEqual(topics.map((t) => `/topics/${t.id}/`).sort());
});

test('the home page shows the three newest 专题, newest first, each linking to its page', async ({ page }) => {
  const newest = [...topics]
    .sort((a, b) => String(b.data.date).localeCompare(String(a.data.date)))
    .slice(0, 3)
    .map((t) => `/topics/${t.id}/`);
  expect(newest.length).toBe(3);
  await page.goto('/');
  const section = page.locator('section[aria-labelledby="home-topics"]');
  const links = await section
    .locator('[data-topic-card] h3 a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(links).toEqual(newest);
  await expect(section.getByRole('link', { name: /更多专题/ })).toHaveAttribute('href', '/topics/');
});

for (const t of topics) {
  test(`${t.id}: every embedded component shows what the content says`, async ({ page }) => {
    await page.goto(`/topics/${t.id}/`);
    await expect(page.locator('h1')).toHaveText(str(t.data.title));

    const lists = tags(t.id, 'ProposalList');
    await expect(page.locator('[data-topic-component="ProposalList"]')).toHaveCount(lists.length);
    for (const [i, attrs] of lists.entries()) {
      const expected = matching(attrs).map((p) => `/proposals/${p.id}/`);
      const limit = Number(attrs.limit ?? 10);
      const shown = await page
        .locator('[data-topic-component="ProposalList"]')
        .nth(i)
        .locator('h3 a')
        .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(shown.length, JSON.stringify(attrs)).toBe(Math.min(limit, expected.length));
      expect(expected, JSON.stringify(attrs)).toEqual(expect.arrayContaining(shown));
    }

    const charts = tags(t.id, 'StatsChart');
    await expect(page.locator('[data-topic-component="StatsChart"]')).toHaveCount(charts.length);
    const names = { category: taxonomy('categories'), sector: taxonomy('sectors') } as Record<
      string,
      Map<string, string>
    >;
    for (const [i, { session, by }] of charts.entries()) {
      // Every proposal of the session counts, those not published too (as on the statistics pages).
      const counts = new Map<string, number>();
      for (const { data: p } of proposals.filter((p) => str(p.data.session) === session)) {
        const keys =
          by === 'status'
            ? [str(p.status)]
            : by === 'unit'
              ? []
              : p[str(by)]
                ? [names[str(by)]!.get(str(p[str(by)]))!]
                : [];
        for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      const rows = await page
        .locator('[data-topic-component="StatsChart"]')
        .nth(i)
        .locator('[data-chart-table] tbody tr')
        .evaluateAll((trs) =>
          trs.map(
            (tr) => [tr.querySelector('th')!.textContent!.trim(), Number(tr.querySelector('td')!.textContent)] as const,
          ),
        );
      if (by === 'unit') expect(rows.length).toBeGreaterThan(0);
      else expect(new Map(rows), `${session} ${by}`).toEqual(counts);
    }

    const photos = tags(t.id, 'Photo');
    const gallery = page.locator('[data-topic-component="Gallery"] img');
    await expect(gallery).toHaveCount(photos.length);
    for (const [i, p] of photos.entries()) {
      await expect(gallery.nth(i)).toHaveAttribute('alt', str(p.alt));
      await gallery.nth(i).scrollIntoViewIfNeeded();
      await expect
        .poll(() => gallery.nth(i).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
        .toBeGreaterThan(0);
    }

    const events = tags(t.id, 'Event');
    const items = page.locator('[data-topic-component="Timeline"] li');
    await expect(items).toHaveCount(events.length);
    for (const [i, e] of events.entries()) {
      await expect(items.nth(i).locator('time')).toHaveAttribute('datetime', str(e.date));
      await expect(items.nth(i)).toContainText(str(e.title));
    }
  });
}

test('a withheld proposal never shows in a 专题 list, though it counts in its chart', async ({ page }) => {
  const withheld = proposals.find((p) => p.data.public === false)!;
  const topic = topics.find((t) => tags(t.id, 'ProposalList').some((a) => a.session === str(withheld.data.session)))!;
  await page.goto(`/topics/${topic.id}/`);
  await expect(page.locator('[data-topic-component="ProposalList"]').first()).toBeVisible();
  await expect(page.locator(`[data-topic-component="ProposalList"] a[href="/proposals/${withheld.id}/"]`)).toHaveCount(
    0,
  );
});

test('search finds a 专题 under the 栏目 filter 专题', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('光伏产业')}&kind=${encodeURIComponent('专题')}`);
  await expect(page.locator('[data-status]')).toContainText('共找到');
  const found = await page
    .locator('[data-results] li a')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(found).toContain('/topics/14-guangfu-changweihui/');
  expect(found.every((p) => p.startsWith('/topics/'))).toBe(true);
});

test('a story plays its own video: poster, no preload, Chinese captions that load', async ({ page, request }) => {
  const story = publishedEntries(model('news')).find((n) => n.data.video)!;
  const video = story.data.video as { src: string; poster: string; captions: string };
  await page.goto(`/news/${story.id}/`);
  const el = page.locator('video');
  await expect(el).toHaveAttribute('controls', '');
  await expect(el).toHaveAttribute('preload', 'none');
  await expect(el).toHaveAttribute('poster', video.poster);
  await expect(el.locator('source')).toHaveAttribute('src', video.src);
  const track = el.locator('track');
  await expect(track).toHaveAttribute('kind', 'captions');
  await expect(track).toHaveAttribute('srclang', 'zh-CN');
  await expect(track).toHaveAttribute('src', video.captions);
  // The captions load under the site's own server and policy (nosniff wants text/vtt), and hold the file's cues.
  await el.evaluate((v: HTMLVideoElement) => (v.textTracks[0]!.mode = 'showing'));
  await expect
    .poll(() => el.evaluate((v: HTMLVideoElement) => v.textTracks[0]!.cues?.length ?? 0))
    .toBe((readFileSync(join('public', video.captions), 'utf8').match(/-->/g) ?? []).length);
  expect((await request.get(video.src)).headers()['content-type']).toBe('video/mp4');
  // A reader who does not press play downloads the poster, never the video.
  const fetched = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname),
  );
  expect(fetched).toContain(video.poster);
  expect(fetched).not.toContain(video.src);
  // Pressing play plays it.
  await el.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect.poll(() => el.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(0);
});
