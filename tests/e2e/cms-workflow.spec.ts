import { expect, test } from '@playwright/test';
import { fillDate, markdown, useCmsRepo } from '../support/cms.ts';

/**
 * The editorial workflow (三审: 草稿 → 审核中 → 就绪 → 发布) in the real Decap UI, against decap-server in git mode on
 * a throw-away repository (never the working tree). A draft lives on its own branch; publishing lands one commit on
 * the main branch with the new file.
 */
// Logged in by the test itself, with the workflow switched on (`?workflow=1`).
const repo = useCmsRepo({ mode: 'git', login: false });
const git = (...args: string[]) => repo.git(...args);
/** Whether `path` is on the main branch. */
const onMain = (path: string) => {
  try {
    git('cat-file', '-e', `main:${path}`);
    return true;
  } catch {
    return false;
  }
};

test('a story goes from draft through review and ready to published, landing one commit on main', async ({ page }) => {
  test.setTimeout(120_000);
  const commitsBefore = Number(git('rev-list', '--count', 'main'));

  await page.goto(`/admin/?cms_port=${repo.port}&workflow=1`);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('link', { name: '工作流' })).toBeVisible();

  await page.goto(`/admin/?cms_port=${repo.port}&workflow=1#/collections/news/new`);
  await page.getByLabel('标题').fill('编辑工作流中的新闻');
  await fillDate(page, '发布时间', '2031-05-06 10:00', '2031-05-06 10:00');
  await page.getByLabel('摘要').fill('经过三审后发布。');
  await page.getByLabel('署名').fill('本报记者 王磊');
  await markdown(page, '正文').fill('本报讯 三审流程测试。');

  // 草稿: saved on its own branch, not on main.
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('修改已保存')).toBeVisible();
  await expect.poll(() => git('branch', '--list', 'cms/*')).toContain('cms/news/2031-05-06');
  expect(onMain('content/news/2031-05-06.md')).toBe(false);

  // 审核中, then 就绪.
  await page.getByRole('button', { name: /状态: 草稿/ }).click();
  await page.getByRole('menuitem', { name: '审核中' }).click();
  await expect(page.getByRole('button', { name: /状态: 审核中/ })).toBeVisible();
  await page.getByRole('button', { name: /状态: 审核中/ }).click();
  await page.getByRole('menuitem', { name: '就绪' }).click();
  await expect(page.getByRole('button', { name: /状态: 就绪/ })).toBeVisible();

  // 发布: one commit on main holding the story.
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByRole('menuitem', { name: '立即发布' }).click();
  await expect.poll(() => onMain('content/news/2031-05-06.md'), { timeout: 20_000 }).toBe(true);
  expect(Number(git('rev-list', '--count', 'main'))).toBeGreaterThan(commitsBefore);
  expect(git('show', 'main:content/news/2031-05-06.md')).toContain('title: 编辑工作流中的新闻');
  expect(git('diff', '--name-only', `main~1`, 'main')).toBe('content/news/2031-05-06.md');
});
