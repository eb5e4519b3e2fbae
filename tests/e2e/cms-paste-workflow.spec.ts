import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { fillDate, markdown, useCmsRepo } from '../support/cms.ts';

/**
 * Pasting under the editorial workflow (production's mode): the pasted image is not uploaded at once but kept with
 * the draft, and saving the draft commits the story and the image together on the draft's branch, nothing on main.
 */
const ROOT = join(import.meta.dirname, '../..');
// Logged in by the test itself, with the workflow switched on (`?workflow=1`).
const repo = useCmsRepo({ mode: 'git', login: false });
const git = (...args: string[]) => repo.git(...args);

test('a draft with a pasted web page commits the story and its uploaded image together on the draft’s branch', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(`/admin/?cms_port=${repo.port}&workflow=1`);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('link', { name: '工作流' })).toBeVisible();

  await page.goto(`/admin/?cms_port=${repo.port}&workflow=1#/collections/news/new`);
  await page.getByLabel('标题').fill('工作流中粘贴网页');
  await fillDate(page, '发布时间', '2031-06-01 10:00', '2031-06-01 10:00');
  await page.getByLabel('摘要').fill('草稿中粘贴的图片随草稿保存。');
  await page.getByLabel('署名').fill('本报记者 王磊');
  const editor = markdown(page, '正文');
  await editor.click();
  const html = readFileSync(join(ROOT, 'tests/fixtures/paste/web-page.html'), 'utf8');
  await editor.evaluate((el, html) => {
    const dt = new DataTransfer();
    dt.setData('text/html', html);
    const at = window.getSelection()?.anchorNode;
    const target = (at?.nodeType === 1 ? (at as Element) : at?.parentElement) ?? el;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, html);
  await expect(editor).toContainText('![会场](/media/paste-');

  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('修改已保存')).toBeVisible();
  await expect.poll(() => git('branch', '--list', 'cms/*')).toContain('cms/news/2031-06-01');
  const files = git('diff', '--name-only', 'main', 'cms/news/2031-06-01').split('\n').sort();
  expect(files).toEqual([
    'content/news/2031-06-01.md',
    expect.stringMatching(/^public\/media\/paste-\d{8}-[a-z0-9]{6}\.png$/),
  ]);
  const story = git('show', 'cms/news/2031-06-01:content/news/2031-06-01.md');
  expect(story).toContain(`![会场](/${files[1]!.replace(/^public\//, '')})`);
  // Nothing reached main before publishing.
  expect(git('ls-tree', '-r', '--name-only', 'main', 'public/media')).not.toContain('paste-');
});
