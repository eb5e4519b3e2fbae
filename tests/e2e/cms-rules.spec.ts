import { expect, test, type Page } from '@playwright/test';
import { collection } from '../../src/content/model.ts';
import { rawEntries } from '../support/content.ts';
import { changes, choose, openEntry, publish, useCmsRepo } from '../support/cms.ts';

/**
 * The build's rules in the CMS: each rule across fields, a title over its length and HTML the site would drop refuse
 * the save with the build's Chinese message beside the field, and nothing is written.
 */
const repo = useCmsRepo();

const fieldError = (page: Page, label: string) =>
  page.locator(`label:text-matches("^${label}( \\\\(可选\\\\))?$") + ul li`);

/** Press 发布 and see the save refused: the message beside the field, and no file written. */
async function refused(page: Page, label: string, message: string | RegExp) {
  const before = repo.snapshot();
  await publish(page);
  await expect(fieldError(page, label)).toContainText(message);
  await expect(page.getByText('修改已保存')).toHaveCount(0);
  expect(changes(before, repo.snapshot())).toEqual({ added: [], removed: [], modified: [] });
}

test.describe('the build’s rules across fields refuse a save in the CMS', () => {
  test('a number not of its session', async ({ page }) => {
    await openEntry(page, 'proposals', '14-3-0123', '提案编号', '14-3-0123');
    await choose(page, '届次', '第四次会议');
    await refused(page, '提案编号', '提案编号“14-3-0123”应以届次“14-4-”开头');
  });

  test('a 联名提案 with one proposer', async ({ page }) => {
    await openEntry(page, 'proposals', '14-3-0123', '提案编号', '14-3-0123');
    await choose(page, '提案类型', '联名提案');
    await refused(page, '提案人', '联名提案至少选择两位「提案人」');
  });

  test('a 集体提案 without its proposing body', async ({ page }) => {
    await openEntry(page, 'proposals', '14-3-0123', '提案编号', '14-3-0123');
    await choose(page, '提案类型', '集体提案');
    await refused(page, '提案单位', '集体提案必须填写「提案单位」');
  });

  test('a unit both lead and co-unit', async ({ page }) => {
    await openEntry(page, 'proposals', '14-3-0123', '提案编号', '14-3-0123');
    await choose(page, '协办单位 (可选)', '长治市科学技术局');
    await refused(page, '协办单位', '“kjj”已是主办单位，不能同时是协办单位');
  });

  test('a reply from a unit that does not handle the proposal', async ({ page }) => {
    await openEntry(page, 'proposals', '14-3-0123', '提案编号', '14-3-0123');
    await page.getByRole('button', { name: 'Remove 长治市市场监督管理局' }).click();
    await refused(page, '答复与办理意见', '第3条答复与办理意见：答复单位“scjgj”不在主办、协办或会办单位中');
  });

  test('已办复 without a reply, and an evaluation before any reply', async ({ page }) => {
    await openEntry(page, 'proposals', '14-4-0104', '提案编号', '14-4-0104');
    await choose(page, '办理状态', '已办复');
    await choose(page, '委员评价 (可选)', '满意');
    await refused(page, '答复与办理意见', '办理状态为“已办复”，但主办单位');
    await expect(fieldError(page, '委员评价')).toHaveText('主办单位答复之前不能填写「委员评价」');
  });

  test('a changed number, which would leave the file under the old one', async ({ page }) => {
    await openEntry(page, 'proposals', '14-3-0123', '提案编号', '14-3-0123');
    await page.getByLabel('提案编号').fill('14-3-0124');
    await refused(
      page,
      '提案编号',
      '本条保存在 content/proposals/14-3-0123.md，网址由「提案编号」而来，保存后不能改为“14-3-0124”',
    );
  });

  test('a duplicated proposal keeping its number is refused, not saved as -1', async ({ page }) => {
    await openEntry(page, 'proposals', '14-3-0058', '提案编号', '14-3-0058');
    await page.getByRole('button', { name: '已发布' }).click();
    await page.getByRole('menuitem', { name: '复制' }).click();
    await expect(page).toHaveURL(/\/collections\/proposals\/new/);
    await refused(page, '提案编号', '「提案编号」“14-3-0058”已被 content/proposals/14-3-0058.md 使用，不能重复');
    await page.getByLabel('提案编号').fill('14-3-0059');
    const before = repo.snapshot();
    await publish(page);
    await expect(page.getByText('修改已保存')).toBeVisible();
    expect(changes(before, repo.snapshot())).toEqual({
      added: ['content/proposals/14-3-0059.md'],
      removed: [],
      modified: [],
    });
  });

  test('a second review of the same year', async ({ page }) => {
    await openEntry(page, 'reviews', '2024-gongzuo-huimou', '回顾年度', '2024');
    await page.getByRole('button', { name: '已发布' }).click();
    await page.getByRole('menuitem', { name: '复制' }).click();
    await expect(page).toHaveURL(/\/collections\/reviews\/new/);
    await refused(page, '回顾年度', '「回顾年度」“2024”已被 content/reviews/2024-gongzuo-huimou.md 使用，不能重复');
  });
});

test('a 372-character title is counted as it is typed and refused, with the build’s message', async ({ page }) => {
  const story = rawEntries(collection('news'), repo.content()).at(3)!;
  await openEntry(page, 'news', story.id, '标题', String(story.data.title));
  const counter = page.locator('[data-counter^="title-field"]');
  await expect(counter).toHaveText(`${[...String(story.data.title)].length} / 60 字`);
  await page.getByLabel('标题').fill('关'.repeat(372));
  await expect(counter).toHaveText('372 / 60 字，超出 312 字');
  await refused(page, '标题', '「标题」不能超过 60 字，现有 372 字');
});

test('HTML the site would drop is refused with a message, not stripped without a word', async ({ page }) => {
  const story = rawEntries(collection('news'), repo.content()).at(4)!;
  await openEntry(page, 'news', story.id, '标题', String(story.data.title));
  const field = page.locator('[aria-label="markdown field"]', { has: page.locator('label', { hasText: /^正文$/ }) });
  // From 富文本 to Markdown: HTML is typed as it is.
  await field.getByRole('switch').click();
  const raw = field.locator('[contenteditable="true"]');
  await raw.fill('本报讯 <font color="red">重要通知</font>，会议<span style="color:red">如期</span>召开。');
  await refused(page, '正文', '「正文」含有网站不保留的 HTML：<font>、style 属性。请删除，或改用编辑器的格式按钮');
  await expect(page.getByText('可直接写的 HTML 标签：p、br')).toBeVisible();
});
