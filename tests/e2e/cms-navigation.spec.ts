import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { collection } from '../../src/content/model.ts';
import { rawEntries } from '../support/content.ts';
import { changes, login, openEntry, publish, typeAddress, useCmsRepo } from '../support/cms.ts';

/**
 * Which file an edit lands in: moving between entries by the address bar and the back button, leaving with unsaved
 * changes, deleting after a move, and two tabs on one entry. Each ends by comparing the files written.
 */
const repo = useCmsRepo();

test('switching entries by the address bar shows and saves the second entry', async ({ page }) => {
  const [a, b] = rawEntries(collection('news'), repo.content());
  await typeAddress(page, `/collections/news/entries/${a!.id}`);
  await expect(page.getByLabel('标题')).toHaveValue(String(a!.data.title));
  await typeAddress(page, `/collections/news/entries/${b!.id}`);
  await expect(page.getByLabel('标题')).toHaveValue(String(b!.data.title), { timeout: 20_000 });
  const before = repo.snapshot();
  await page.getByLabel('标题').fill(`${String(b!.data.title)}（改）`);
  await publish(page);
  await expect(page.getByText('修改已保存')).toBeVisible();
  expect(changes(before, repo.snapshot())).toEqual({ added: [], removed: [], modified: [`content/news/${b!.id}.md`] });
  expect(readFileSync(repo.content('news', `${b!.id}.md`), 'utf8')).toContain('（改）');
});

test.describe('moving between entries never edits the wrong file', () => {
  const news = () => rawEntries(collection('news'), repo.content());
  const title = (e: { data: Record<string, unknown> }) => String(e.data.title);

  test('the back button returns to the first entry, and its save writes that entry', async ({ page }) => {
    const [, a, b] = news();
    await openEntry(page, 'news', a!.id, '标题', title(a!));
    await openEntry(page, 'news', b!.id, '标题', title(b!));
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`/entries/${a!.id}$`));
    await expect(page.getByLabel('标题')).toHaveValue(title(a!), { timeout: 20_000 });
    const before = repo.snapshot();
    await page.getByLabel('标题').fill(`${title(a!)}（返回后修改）`);
    await publish(page);
    await expect(page.getByText('修改已保存')).toBeVisible();
    expect(changes(before, repo.snapshot())).toEqual({
      added: [],
      removed: [],
      modified: [`content/news/${a!.id}.md`],
    });
  });

  test('with unsaved changes, saying no to leaving keeps the first entry and its address', async ({ page }) => {
    const [, , a, b] = news();
    await openEntry(page, 'news', a!.id, '标题', title(a!));
    await page.getByLabel('标题').fill(`${title(a!)}（未保存）`);
    page.removeAllListeners('dialog');
    const asked: string[] = [];
    page.on('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await typeAddress(page, `/collections/news/entries/${b!.id}`);
    await expect.poll(() => asked).toEqual(['你确定要离开此页面吗？']);
    await expect(page).toHaveURL(new RegExp(`/entries/${a!.id}$`));
    await expect(page.getByLabel('标题')).toHaveValue(`${title(a!)}（未保存）`);
    page.removeAllListeners('dialog');
    page.on('dialog', (d) => void d.accept());
    const before = repo.snapshot();
    await publish(page);
    await expect(page.getByText('修改已保存')).toBeVisible();
    expect(changes(before, repo.snapshot())).toEqual({
      added: [],
      removed: [],
      modified: [`content/news/${a!.id}.md`],
    });
  });

  test('with unsaved changes, agreeing to leave opens the second entry and writes nothing', async ({ page }) => {
    const [, , , a, b] = news();
    const before = repo.snapshot();
    await openEntry(page, 'news', a!.id, '标题', title(a!));
    await page.getByLabel('标题').fill(`${title(a!)}（放弃）`);
    const asked: string[] = [];
    page.on('dialog', (d) => asked.push(d.type()));
    await typeAddress(page, `/collections/news/entries/${b!.id}`);
    await expect(page.getByLabel('标题')).toHaveValue(title(b!), { timeout: 20_000 });
    await expect(page.getByText('含未保存的修改')).toHaveCount(0);
    // Asked once, by Decap; the reload that follows does not ask again.
    expect(asked).toEqual(['confirm']);
    expect(changes(before, repo.snapshot())).toEqual({ added: [], removed: [], modified: [] });
  });

  test('an address of a new entry opens an empty form, not the entry before', async ({ page }) => {
    const [a] = news();
    await openEntry(page, 'news', a!.id, '标题', title(a!));
    await typeAddress(page, '/collections/news/new');
    await expect(page.getByLabel('署名')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByLabel('标题')).toHaveValue('');
    await expect(page.getByLabel('署名')).toHaveValue('');
  });

  test('an address in another collection opens that collection’s entry', async ({ page }) => {
    const [a] = news();
    const voice = rawEntries(collection('voices'), repo.content())[0]!;
    await openEntry(page, 'news', a!.id, '标题', title(a!));
    await typeAddress(page, `/collections/voices/entries/${voice.id}`);
    await expect(page.getByLabel('标题')).toHaveValue(title(voice), { timeout: 20_000 });
    await expect(page.getByLabel('栏目')).toHaveCount(1);
  });

  test('deleting after moving by the address deletes the entry shown, and only it', async ({ page }) => {
    const all = news();
    const a = all.at(-2)!;
    const b = all.at(-1)!;
    await openEntry(page, 'news', a.id, '标题', title(a));
    await openEntry(page, 'news', b.id, '标题', title(b));
    const before = repo.snapshot();
    await page.getByRole('button', { name: '删除内容' }).click();
    await expect(page).toHaveURL(/\/collections\/news$/);
    await expect
      .poll(() => changes(before, repo.snapshot()))
      .toEqual({ added: [], removed: [`content/news/${b.id}.md`], modified: [] });
  });
});

/** The error Decap shows beside a field, by the field's label (optional fields' labels end in “(可选)”). */
test('two tabs on one entry: the later save does not undo the earlier one', async ({ page, context }) => {
  const voice = rawEntries(collection('voices'), repo.content())[0]!;
  const file = repo.content('voices', `${voice.id}.md`);
  const title = String(voice.data.title);
  await openEntry(page, 'voices', voice.id, '标题', title);
  const other = await context.newPage();
  other.on('dialog', (d) => void d.accept());
  await login(other, repo);
  await openEntry(other, 'voices', voice.id, '标题', title);

  // The second tab saves twice; its own first save is no conflict for its second.
  const before = repo.snapshot();
  await other.getByLabel('标题').fill(`${title}（二）`);
  await publish(other);
  await expect(other.getByText('修改已保存')).toBeVisible();
  await other.getByLabel('摘要').fill('第二个窗口改写的摘要。');
  await publish(other);
  await expect.poll(() => readFileSync(file, 'utf8')).toContain('第二个窗口改写的摘要。');
  const saved = readFileSync(file, 'utf8');

  // The first tab still holds the text it opened: its save is refused, and the file keeps the second tab's work.
  await page.getByLabel('标题').fill(`${title}（一）`);
  await publish(page);
  await expect(page.getByText(`文件 content/voices/${voice.id}.md 在您打开之后已被修改`)).toBeVisible();
  expect(readFileSync(file, 'utf8')).toBe(saved);
  expect(changes(before, repo.snapshot())).toEqual({
    added: [],
    removed: [],
    modified: [`content/voices/${voice.id}.md`],
  });
  await expect(page.getByLabel('标题')).toHaveValue(`${title}（一）`);
  await other.close();
});
