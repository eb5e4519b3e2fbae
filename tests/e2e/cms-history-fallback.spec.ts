import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { collection } from '../../src/content/model.ts';
import { rawEntries } from '../support/content.ts';
import { changes, fillDate, login, markdown, publish, typeAddress, useCmsRepo } from '../support/cms.ts';

/**
 * No wrong file in a browser without the Navigation API (`window.navigation` removed before the admin loads): the
 * route guard tells typed addresses, the back button and Decap's own moves apart from the session history
 * (src/cms/history-moves.ts), so the editor always shows, saves and deletes the entry its address names.
 */
const repo = useCmsRepo({ login: false });
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    delete (window as { navigation?: unknown }).navigation;
  });
  await login(page, repo);
  expect(await page.evaluate(() => 'navigation' in window)).toBe(false);
});

const news = () => rawEntries(collection('news'), repo.content());
const title = (e: { data: Record<string, unknown> }) => String(e.data.title);
const open = async (page: Page, e: { id: string; data: Record<string, unknown> }) => {
  await typeAddress(page, `/collections/news/entries/${e.id}`);
  await expect(page.getByLabel('标题', { exact: true })).toHaveValue(title(e), { timeout: 20_000 });
};

test('the back button returns to the first entry, and its save writes that entry', async ({ page }) => {
  const [a, b] = news();
  await open(page, a!);
  await open(page, b!);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/entries/${a!.id}$`));
  await expect(page.getByLabel('标题')).toHaveValue(title(a!), { timeout: 20_000 });
  const before = repo.snapshot();
  await page.getByLabel('标题').fill(`${title(a!)}（返回后修改）`);
  await publish(page);
  await expect(page.getByText('修改已保存')).toBeVisible();
  expect(changes(before, repo.snapshot())).toEqual({ added: [], removed: [], modified: [`content/news/${a!.id}.md`] });
});

test('an address typed after going back opens that entry, though the history did not grow', async ({ page }) => {
  const [, a, b, c] = news();
  await open(page, a!);
  await open(page, b!);
  await page.goBack();
  await expect(page.getByLabel('标题')).toHaveValue(title(a!), { timeout: 20_000 });
  await open(page, c!);
  await page.goForward();
  await expect(page).toHaveURL(new RegExp(`/entries/${c!.id}$`));
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/entries/${a!.id}$`));
  await expect(page.getByLabel('标题')).toHaveValue(title(a!), { timeout: 20_000 });
});

test('deleting after the back button deletes the entry shown, and only it', async ({ page }) => {
  const all = news();
  const a = all.at(-2)!;
  const b = all.at(-1)!;
  await open(page, a);
  await open(page, b);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/entries/${a.id}$`));
  await expect(page.getByLabel('标题')).toHaveValue(title(a), { timeout: 20_000 });
  const before = repo.snapshot();
  await page.getByRole('button', { name: '删除内容' }).click();
  await expect(page).toHaveURL(/\/collections\/news$/);
  await expect
    .poll(() => changes(before, repo.snapshot()))
    .toEqual({ added: [], removed: [`content/news/${a.id}.md`], modified: [] });
});

test('deleting after moving by the address deletes the entry shown, and only it', async ({ page }) => {
  const all = news();
  const a = all.at(-3)!;
  const b = all.at(-2)!;
  await open(page, a);
  await open(page, b);
  const before = repo.snapshot();
  await page.getByRole('button', { name: '删除内容' }).click();
  await expect(page).toHaveURL(/\/collections\/news$/);
  await expect
    .poll(() => changes(before, repo.snapshot()))
    .toEqual({ added: [], removed: [`content/news/${b.id}.md`], modified: [] });
});

test('a new story’s first save moves to its own address without a reload, and a second save writes that file', async ({
  page,
}) => {
  await typeAddress(page, '/collections/news/new');
  await expect(page.getByLabel('署名')).toBeVisible({ timeout: 20_000 });
  // Gone after a reload: Decap's own move to the saved story's address must not be taken for a typed one.
  await page.evaluate(() => {
    (window as { czzxSameDocument?: boolean }).czzxSameDocument = true;
  });
  const before = repo.snapshot();
  await page.getByLabel('标题').fill('无导航接口时新建的新闻');
  await fillDate(page, '发布时间', '2030-05-06 08:15', '2030-05-06 08:15');
  await page.getByLabel('摘要').fill('一句话摘要。');
  await page.getByLabel('署名').fill('本报记者 王磊');
  await markdown(page, '正文').fill('本报讯 首次保存。');
  await publish(page);
  await expect(page).toHaveURL(/\/collections\/news\/entries\/2030-05-06$/, { timeout: 20_000 });
  expect(await page.evaluate(() => (window as { czzxSameDocument?: boolean }).czzxSameDocument)).toBe(true);
  await page.getByLabel('摘要').fill('一句话摘要，第二次保存。');
  await publish(page);
  await expect
    .poll(() => changes(before, repo.snapshot()))
    .toEqual({
      added: ['content/news/2030-05-06.md'],
      removed: [],
      modified: [],
    });
  await expect.poll(() => readFileSync(repo.content('news', '2030-05-06.md'), 'utf8')).toContain('第二次保存');
});
