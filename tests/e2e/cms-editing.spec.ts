import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { collection } from '../../src/content/model.ts';
import { rawEntries } from '../support/content.ts';
import { changes, openEntry, publish, typeAddress, useCmsRepo } from '../support/cms.ts';

/**
 * What editors see around the editor (login page, 查看发布, previews, the member picker) and edits of the settings
 * and a taxonomy, each ending by comparing the files written.
 */
const repo = useCmsRepo();

test.describe('what editors see', () => {
  test('the login page shows the site’s emblem and name, not Decap’s logo', async ({ browser }) => {
    const context = await browser.newContext({ bypassCSP: true, baseURL: test.info().project.use.baseURL! });
    const page = await context.newPage();
    await page.goto(`/admin/?cms_port=${repo.port}`);
    const logo = page.locator('section img');
    await expect(logo).toBeVisible({ timeout: 20_000 });
    expect(decodeURIComponent((await logo.getAttribute('src'))!)).toContain('<title>长治政协网 内容管理</title>');
    await expect(page.locator('[class*="NetlifyCreditIcon"]')).toBeHidden();
    await expect(page.locator('svg[class*="DecapLogoIcon"], [class*="DecapLogoIcon"]')).toHaveCount(0);
    await context.close();
  });

  test('“查看发布” opens the site being edited, here on this machine', async ({ page, baseURL }) => {
    const story = rawEntries(collection('news'), repo.content()).at(0)!;
    await openEntry(page, 'news', story.id, '标题', String(story.data.title));
    await expect(page.getByRole('link', { name: /查看发布/ })).toHaveAttribute('href', `${baseURL}/news/${story.id}/`);
  });

  test('previews show what the page shows: a proposal’s 办理进程, a review’s 目录, an author’s 职务 and 界别', async ({
    page,
  }) => {
    const preview = page.frameLocator('#preview-pane');
    await openEntry(page, 'proposals', '14-4-0104', '提案编号', '14-4-0104');
    const timeline = preview.locator('section', { has: preview.getByRole('heading', { name: '办理进程' }) });
    await expect(timeline.locator('li[data-step="submitted"]')).toContainText('提交✓ 已完成');
    await expect(timeline.locator('li[data-step="answered"]')).toContainText('○ 待办');

    const review = rawEntries(collection('reviews'), repo.content()).find((r) => r.id.startsWith('2024'))!;
    await openEntry(page, 'reviews', review.id, '标题', String(review.data.title));
    const toc = preview.getByRole('navigation', { name: '目录' });
    await expect(toc.locator('li')).toHaveCount(9);
    await expect(toc.locator('li').nth(1)).toHaveText('2. 提案委员会');

    const voice = rawEntries(collection('voices'), repo.content()).find((v) => v.data.author === 'xie-huilan')!;
    await openEntry(page, 'voices', voice.id, '标题', String(voice.data.title));
    await expect(preview.getByText('作者：谢慧兰（市政协常委，科学技术界）')).toBeVisible();
  });

  test('the member picker shows each member’s 职务', async ({ page }) => {
    await typeAddress(page, '/collections/proposals/new');
    const input = page.getByLabel('提案人 (可选)', { exact: true });
    await input.click({ timeout: 20_000 });
    await input.fill('谢慧兰');
    await expect(page.getByRole('option', { name: '谢慧兰（市政协常委）' })).toBeVisible();
  });
});

test('editing the settings and a taxonomy writes those files and nothing else', async ({ page }) => {
  await openEntry(page, 'settings', 'site', '电话', '0355-2021234');
  const before = repo.snapshot();
  await page.getByLabel('电话').fill('0355-2021235');
  await publish(page);
  await expect(page.getByText('修改已保存')).toBeVisible();
  expect(changes(before, repo.snapshot())).toEqual({ added: [], removed: [], modified: ['content/settings/site.yml'] });
  expect(readFileSync(repo.content('settings', 'site.yml'), 'utf8')).toContain('phone: 0355-2021235');

  await typeAddress(page, '/collections/places/entries/places');
  await expect(page.getByRole('button', { name: /添加县区|新增县区/ })).toBeVisible({ timeout: 20_000 });
  const next = repo.snapshot();
  await page.getByRole('button', { name: /添加县区|新增县区/ }).click();
  await page.getByLabel('编号').last().fill('shangdang-test');
  await page.getByLabel('名称').last().fill('测试县');
  await publish(page);
  await expect(page.getByText('修改已保存')).toBeVisible();
  expect(changes(next, repo.snapshot())).toEqual({
    added: [],
    removed: [],
    modified: ['content/taxonomies/places.yml'],
  });
  expect(readFileSync(repo.content('taxonomies', 'places.yml'), 'utf8')).toContain('shangdang-test');
});
