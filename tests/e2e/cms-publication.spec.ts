import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { changes, login, publish, useCmsRepo } from '../support/cms.ts';
import { frontmatter } from '../support/content.ts';
import { siteSchema } from '../support/schema.ts';

/**
 * Editors see in the real Decap UI what the build will do with an entry: one timed for later is marked 定时发布 with
 * its time, one withdrawn is marked 已撤回 with its reason, in the list and above the preview. The browser's clock is
 * fixed at 2027-01-15 08:00 Beijing time, an hour before the scheduled story's moment.
 */
const SCHEDULED = { id: '2027-01-15-xinchun-tuanbai', title: '市政协举行二〇二七年新春团拜会' };
const WITHDRAWN = 'news/2025-07-09-licheng-youshi-laishangliang.md';
const REASON = '经核实，文中部分数据有误，现予撤回。';
/** A story an editor marked to lead the home page (首页头条). */
const HEADLINE = 'news/2024-09-12-keji-fuwuye-zhuanti-yizheng.md';
let withdrawnTitle = '';
let headlineTitle = '';
// Logged in by each test once the browser's clock is set.
const repo = useCmsRepo({
  login: false,
  prepare(dir) {
    writeFileSync(
      join(dir, 'content/news', `${SCHEDULED.id}.md`),
      `---\ntitle: ${SCHEDULED.title}\ndate: '2027-01-15T09:00:00+08:00'\nsummary: 市政协举行新春团拜会。\nbyline: 本报记者 王婧\n---\n\n本报讯 1月14日，市政协举行新春团拜会。\n`,
    );
    const file = join(dir, 'content', WITHDRAWN);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/\ntitle: .*/, `$&\nwithdrawn:\n  date: '2025-10-01'\n  reason: ${REASON}`),
    );
    withdrawnTitle = String(frontmatter(file).title);
    const marked = join(dir, 'content', HEADLINE);
    writeFileSync(marked, readFileSync(marked, 'utf8').replace(/\ntitle: .*/, '$&\nheadline: true'));
    headlineTitle = String(frontmatter(marked).title);
  },
});

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2027-01-15T08:00:00+08:00'));
  await login(page, repo);
});

test('the news list shows each story’s time and marks the withdrawn one and the 首页头条', async ({ page }) => {
  await page.goto(`/admin/?cms_port=${repo.port}#/collections/news`);
  await expect(page.getByText(`2027-01-15 09:00　${SCHEDULED.title}`, { exact: true })).toBeVisible();
  await expect(page.getByText(`${withdrawnTitle}　【已撤回】`)).toBeVisible();
  await expect(page.getByText(`${headlineTitle}　【首页头条】`)).toBeVisible();
  await expect(page.getByText('【首页头条】')).toHaveCount(1);
});

test('a story timed for later says 定时发布 with its time above the preview, until the editor moves it to the past', async ({
  page,
}) => {
  await page.goto(`/admin/?cms_port=${repo.port}#/collections/news/entries/${SCHEDULED.id}`);
  const preview = page.frameLocator('#preview-pane');
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText(SCHEDULED.title);
  const notice = preview.locator('[data-publication]');
  await expect(notice).toHaveText(/^定时发布：2027年1月15日 09:00（北京时间）。此前网站不显示此文/);
  await expect(notice).toHaveAttribute('data-publication', 'scheduled');
  // The same rule as the build's: a moment already past is published, and the notice goes.
  await page.getByLabel('发布时间').fill('2027-01-15T07:30');
  await expect(notice).toHaveCount(0);
  await page.getByLabel('发布时间').fill('2027-02-01T10:00');
  await expect(notice).toHaveText(/^定时发布：2027年2月1日 10:00（北京时间）/);
});

test('a withdrawn story says 已撤回 with its day and reason above the preview', async ({ page }) => {
  await page.goto(`/admin/?cms_port=${repo.port}#/collections/news/entries/${WITHDRAWN.slice(5, -3)}`);
  const notice = page.frameLocator('#preview-pane').locator('[data-publication]');
  await expect(notice).toHaveText(
    `已撤回（2025年10月1日）：网站各处不再显示此文，原网址显示撤回说明。撤回原因：${REASON}`,
  );
  await expect(page.getByLabel('撤回原因')).toHaveValue(REASON);
});

test('an editor withdraws a story: the file keeps it with 撤回日期 and 撤回原因, as the build reads them', async ({
  page,
}) => {
  const id = '2023-04-12-tian-an-jiaoban';
  const file = repo.content('news', `${id}.md`);
  const before = readFileSync(file, 'utf8');
  const files = repo.snapshot();
  await page.goto(`/admin/?cms_port=${repo.port}#/collections/news/entries/${id}`);
  await page.getByLabel('撤回日期').fill('2027-01-15');
  await page.getByLabel('撤回原因').fill('当事单位反映报道中的职务表述有误，现予撤回。');
  await expect(page.frameLocator('#preview-pane').locator('[data-publication]')).toHaveText(/^已撤回（2027年1月15日）/);
  await publish(page);
  await expect.poll(() => readFileSync(file, 'utf8')).not.toBe(before);
  expect(changes(files, repo.snapshot())).toEqual({ added: [], removed: [], modified: [`content/news/${id}.md`] });

  const parsed = siteSchema(repo, 'news', frontmatter(file));
  expect(parsed.issues).toEqual([]);
  expect(parsed.data.withdrawn).toEqual({
    date: '2027-01-15',
    reason: '当事单位反映报道中的职务表述有误，现予撤回。',
  });
  // The body is kept: withdrawing is not deleting.
  expect(
    readFileSync(file, 'utf8')
      .split(/\n---\n/)[1]!
      .trim(),
  ).toBe(before.split(/\n---\n/)[1]!.trim());
});
