import { statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { notices } from '../../src/content/model.ts';
import { publishedEntries, rawEntries } from '../support/content.ts';
import { searchFor, shownExcerpts } from './search-support.ts';

/**
 * 通知公告 as a reader meets it: the list, a notice's 政府信息公开 table, its attachments downloaded from the web server
 * with their type and the size the page states, the newest on the home page, and the notices found by 发文字号.
 * Expected values are read from content/ and public/ here, not from the site's code.
 */

type Attachment = { name: string; file: string };
type Notice = {
  id: string;
  title: string;
  date: Date;
  written: string;
  docNumber?: string;
  indexNumber: string;
  topic: string;
  publisher: string;
  attachments?: Attachment[];
};
const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
const moment = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
const all = publishedEntries(notices)
  .map((e) => ({ id: e.id, ...e.data, date: moment(e.data.date), written: day(e.data.written) }) as Notice)
  .sort((a, b) => b.date.getTime() - a.date.getTime());
const ISSUER: Record<string, string> = {
  office: '中国人民政治协商会议长治市委员会办公室',
  proposals: '中国人民政治协商会议长治市委员会提案委员会',
};
const cn = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const beijingDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const TYPES: Record<string, [label: string, contentType: string]> = {
  pdf: ['PDF', 'application/pdf'],
  docx: ['Word', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  xlsx: ['Excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
};
const withFiles = all.filter((n) => (n.attachments ?? []).length > 0);

test('the sample has notices with and without 发文字号, and attachments of each common type', () => {
  expect(all.length).toBeGreaterThanOrEqual(5);
  expect(all.some((n) => !n.docNumber)).toBe(true);
  const exts = new Set(withFiles.flatMap((n) => n.attachments!.map((a) => a.file.split('.').pop())));
  for (const ext of Object.keys(TYPES)) expect(exts).toContain(ext);
});

test('a notice timed for later is on no page, feed or search until its moment', async ({ page, request }) => {
  const scheduled = rawEntries(notices).filter((e) => moment(e.data.date).getTime() > Date.now() && !e.data.withdrawn);
  expect(scheduled.length, 'the sample holds a scheduled notice').toBeGreaterThan(0);
  for (const s of scheduled) {
    expect((await request.get(`/notices/${s.id}/`)).status()).toBe(404);
    for (const list of ['/', '/notices/', '/notices/rss.xml', '/sitemap-0.xml'])
      expect(await (await request.get(list)).text(), list).not.toContain(`/notices/${s.id}/`);
    expect(await searchFor(page, { q: String(s.data.docNumber) })).not.toContain(`/notices/${s.id}/`);
  }
});

test('the list shows every published notice newest first, with its 发文字号, and lists by 主题分类', async ({
  page,
}) => {
  await page.goto('/notices/');
  await expect(page.getByRole('heading', { level: 1, name: '通知公告' })).toBeVisible();
  await expect(page.locator('main article h2 a')).toHaveText(all.map((n) => n.title));
  const first = page.locator('main article').first();
  if (all[0]!.docNumber) await expect(first).toContainText(all[0]!.docNumber!);
  await expect(page.locator('#list').getByRole('link', { name: /RSS 订阅/ })).toHaveAttribute(
    'href',
    '/notices/rss.xml',
  );
  const topic = all[0]!.topic;
  await page.getByRole('navigation', { name: '按主题分类' }).getByRole('link', { name: topic, exact: true }).click();
  await expect(page).toHaveURL(/\/notices\/topic\/[a-z-]+\/$/);
  await expect(page.locator('main article h2 a')).toHaveText(all.filter((n) => n.topic === topic).map((n) => n.title));
});

test('a notice shows the 政府信息公开 table above its text', async ({ page }) => {
  for (const n of all) {
    await page.goto(`/notices/${n.id}/`);
    const fact = (label: string) => page.locator(`[data-fact="${label}"]`);
    await expect(fact('索引号')).toHaveText(n.indexNumber);
    await expect(fact('主题分类')).toHaveText(n.topic);
    await expect(fact('发布机构')).toHaveText(ISSUER[n.publisher]!);
    await expect(fact('成文日期')).toHaveText(cn(n.written));
    await expect(fact('发文字号')).toHaveText(n.docNumber ?? '无');
    await expect(fact('发布日期')).toHaveText(cn(beijingDay(n.date)));
    const [table, h1] = await Promise.all([
      page.locator('dl[aria-label="信息公开要素"]').boundingBox(),
      page.locator('main h1').boundingBox(),
    ]);
    expect(table!.y, n.id).toBeLessThan(h1!.y);
  }
});

test('a repealed notice says so in its table; a notice past its term says it has lapsed', async ({ page }) => {
  await page.goto('/notices/2024-04-10/');
  await expect(page.locator('[data-fact="有效性"]')).toHaveText('已废止（2025年12月31日废止）');
  await page.goto('/notices/2025-06-16/');
  await expect(page.locator('[data-fact="有效性"]')).toHaveText('已失效（有效期至2025年7月31日）');
});

test('attachments download from the web server with their type, and the size shown is the real one', async ({
  page,
  request,
}) => {
  for (const n of withFiles) {
    await page.goto(`/notices/${n.id}/`);
    const links = page.locator('a[data-attachment]');
    await expect(links).toHaveText(n.attachments!.map((a) => a.name));
    for (const [i, a] of n.attachments!.entries()) {
      const ext = a.file.split('.').pop()!;
      const bytes = statSync(join('public', a.file)).size;
      const link = links.nth(i);
      await expect(link).toHaveAttribute('href', a.file);
      await expect(link).toHaveAttribute('download', `${a.name}.${ext}`);
      await expect(link.locator('xpath=following-sibling::*[@data-attachment-facts]')).toHaveText(
        `${TYPES[ext]![0]} · ${Math.max(1, Math.round(bytes / 1024))} KB`,
      );
      const res = await request.get(a.file);
      expect(res.status(), a.file).toBe(200);
      expect(res.headers()['content-type'], a.file).toBe(TYPES[ext]![1]);
      expect((await res.body()).length, a.file).toBe(bytes);
    }
  }
  // The browser's own download gets the display name.
  const n = withFiles[0]!;
  await page.goto(`/notices/${n.id}/`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('a[data-attachment]').first().click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${n.attachments![0]!.name}.${n.attachments![0]!.file.split('.').pop()}`);
});

test('the home page shows the five newest notices; the feed and the sitemap carry them', async ({ page, request }) => {
  await page.goto('/');
  const section = page.locator('section[aria-labelledby="home-notices"]');
  await expect(section.locator('h3 a')).toHaveText(all.slice(0, 5).map((n) => n.title));
  await expect(section.getByRole('link', { name: '更多通知公告' })).toHaveAttribute('href', '/notices/');
  await expect(
    page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '通知公告' }),
  ).toHaveAttribute('href', '/notices/');
  const feed = await (await request.get('/notices/rss.xml')).text();
  for (const n of all) expect(feed).toContain(`/notices/${n.id}/`);
  const sitemap = await (await request.get('/sitemap-0.xml')).text();
  for (const n of all) expect(sitemap).toContain(`/notices/${n.id}/`);
  // The year archive (按年份浏览 from the list) holds each notice under its year.
  const newest = all[0]!;
  await page.goto(`/archive/${beijingDay(newest.date).slice(0, 4)}/`);
  await expect(page.locator('main').getByRole('link', { name: newest.title })).toHaveAttribute(
    'href',
    `/notices/${newest.id}/`,
  );
  await page.goto('/sitemap/');
  await expect(page.locator('main').getByRole('link', { name: '通知公告', exact: true }).first()).toHaveAttribute(
    'href',
    '/notices/',
  );
});

test('a notice is found by its 发文字号 typed with or without 〔〕, and under the 栏目 通知公告', async ({ page }) => {
  const n = all.find((x) => x.docNumber)!;
  const m = /^(.+)〔(\d{4})〕(\d+)号$/.exec(n.docNumber!)!;
  for (const q of [n.docNumber!, `${m[1]}[${m[2]}]${m[3]}号`, `${m[1]}${m[2]}年${m[3]}号`]) {
    const results = await searchFor(page, { q });
    expect(results[0], q).toBe(`/notices/${n.id}/`);
    const first = page.locator('[data-results] > li').first();
    await expect(first.locator('.search-result-meta .badge')).toHaveText('通知公告');
    await expect(first.locator('.search-result-facts')).toHaveText(`发文字号 ${n.docNumber}`);
    // The hidden keys never show: the excerpt is the notice's own text.
    for (const e of await shownExcerpts(page))
      expect(e.excerpt, q).not.toMatch(/\bdn[a-z0-9]+y\d{4}n\d+\b|\bix[0-9a-z]{20,}/);
  }
  expect((await searchFor(page, { q: n.indexNumber }))[0]).toBe(`/notices/${n.id}/`);
  const listed = await searchFor(page, { q: '通知', kind: '通知公告' });
  expect(listed.length).toBeGreaterThan(0);
  expect(listed.every((u) => u.startsWith('/notices/'))).toBe(true);
});
