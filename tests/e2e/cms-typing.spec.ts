import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { collection } from '../../src/content/model.ts';
import { rawEntries } from '../support/content.ts';
import { changes, publish, typeAddress, useCmsRepo } from '../support/cms.ts';

/**
 * Nothing an editor types is lost (src/cms/typing.ts): keys sent with no delay at all, as a barcode scanner or a
 * paste-by-typing tool sends them, on a slow computer (the CPU slowed fourfold), into string and text fields, at the
 * end, the start and over a selection. The file saved holds every key.
 */
const repo = useCmsRepo();

test('keys sent with no delay into several fields all reach the saved file', async ({ page }) => {
  const [entry] = rawEntries(collection('news'), repo.content());
  const file = `content/news/${entry!.id}.md`;
  const title = String(entry!.data.title);
  await typeAddress(page, `/collections/news/entries/${entry!.id}`);
  await expect(page.getByLabel('标题', { exact: true })).toHaveValue(title, { timeout: 20_000 });
  const before = repo.snapshot();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

  const fields = {
    标题: { keys: 'End', typed: '（续）', expected: `${title}（续）` },
    摘要: { keys: 'ControlOrMeta+Home', typed: '据悉，', expected: `据悉，${String(entry!.data.summary ?? '')}` },
    署名: {
      keys: 'ControlOrMeta+A',
      typed: '本报记者 程立新 通讯员 郝雅琴',
      expected: '本报记者 程立新 通讯员 郝雅琴',
    },
  };
  for (const [label, { keys, typed }] of Object.entries(fields)) {
    const input = page.getByLabel(label, { exact: true });
    await input.click();
    await input.press(keys);
    await input.pressSequentially(typed, { delay: 0 });
  }
  for (const [label, { expected }] of Object.entries(fields)) {
    await expect(page.getByLabel(label, { exact: true })).toHaveValue(expected);
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await publish(page);
  await expect(page.getByText('修改已保存')).toBeVisible();

  expect(changes(before, repo.snapshot())).toEqual({ added: [], removed: [], modified: [file] });
  const text = readFileSync(repo.content('news', `${entry!.id}.md`), 'utf8');
  expect(text).toContain(`title: ${fields.标题.expected}`);
  expect(text).toContain('byline: 本报记者 程立新 通讯员 郝雅琴');
  expect(text.replace(/\n\s+/g, '')).toContain(fields.摘要.expected.replace(/\s+/g, ''));
});

test('a new entry’s first field has the cursor after its default, so what is typed goes after it', async ({ page }) => {
  await typeAddress(page, '/collections/proposals/new');
  const number = page.getByLabel('提案编号');
  await expect(number).toHaveValue('14-4-', { timeout: 20_000 });
  await expect(number).toBeFocused();
  // The field lights up as it takes the cursor; that render must not send the caret back to the start.
  await page.keyboard.type('0304', { delay: 0 });
  await expect(number).toHaveValue('14-4-0304');
});
