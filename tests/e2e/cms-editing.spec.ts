import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { collection } from '../../src/content/model.ts';
import { rawEntries } from '../support/content.ts';
import { changes, cmsRepo, login, publish, typeAddress, type CmsRepo } from '../support/cms.ts';

test.describe.configure({ mode: 'serial' });
test.use({ bypassCSP: true });

let repo: CmsRepo;
test.beforeAll(async () => {
  repo = await cmsRepo();
});
test.afterAll(() => repo?.stop());
test.beforeEach(async ({ page }) => {
  page.on('dialog', (d) => void d.accept());
  await login(page, repo);
});

test('switching entries by the address bar shows and saves the second entry', async ({ page }) => {
  const [a, b] = rawEntries(collection('news'), repo.content());
  await typeAddress(page, `/collections/news/entries/${a!.id}`);
  await expect(page.getByLabel('标题')).toHaveValue(String(a!.data.title));
  await typeAddress(page, `/collections/news/entries/${b!.id}`);
  await expect(page.getByLabel('标题')).toHaveValue(String(b!.data.title));
  const before = repo.snapshot();
  await page.getByLabel('标题').fill(`${String(b!.data.title)}（改）`);
  await publish(page);
  await expect(page.getByText('修改已保存')).toBeVisible();
  expect(changes(before, repo.snapshot())).toEqual({ added: [], removed: [], modified: [`content/news/${b!.id}.md`] });
  expect(readFileSync(repo.content('news', `${b!.id}.md`), 'utf8')).toContain('（改）');
});
