import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { collection } from '../../src/content/model.ts';
import { rawEntries } from '../support/content.ts';
import { changes, fillDate, markdown, publish, typeAddress, useCmsRepo } from '../support/cms.ts';

/**
 * The CMS's date and date-time fields in an English browser in New York: Decap's native `datetime-local` would show
 * mm/dd/yyyy, a 12-hour clock and New York's time there. Ours shows 年-月-日 and 24-hour 时:分 in Beijing time, takes
 * typed dates in the usual Chinese forms and a calendar, and writes what the model expects.
 */
const repo = useCmsRepo();
test.use({ locale: 'en-US', timezoneId: 'America/New_York' });

const news = () => rawEntries(collection('news'), repo.content());

test('an existing moment is shown in Beijing time on a 24-hour clock, and a save of another field keeps its value', async ({
  page,
}) => {
  // An afternoon story: a 12-hour clock would say 03:20 PM, New York's clock 02:20 AM.
  const story = news().find((e) => String(e.data.date).includes('T15:20:00+08:00'))!;
  const file = repo.content('news', `${story.id}.md`);
  const dateLine = readFileSync(file, 'utf8').match(/^date: .*$/m)![0];
  await typeAddress(page, `/collections/news/entries/${story.id}`);
  const field = page.getByLabel('发布时间');
  await expect(field).toHaveValue(`${dateLine.slice(7, 17)} 15:20`, { timeout: 20_000 });
  await expect(field).toHaveAttribute('type', 'text');
  await expect(page.getByText('北京时间（24 小时制）').first()).toBeVisible();

  const before = repo.snapshot();
  await page.getByLabel('标题').fill(`${String(story.data.title)}（改）`);
  await publish(page);
  await expect(page.getByText('修改已保存')).toBeVisible();
  expect(changes(before, repo.snapshot())).toEqual({
    added: [],
    removed: [],
    modified: [`content/news/${story.id}.md`],
  });
  // Decap's YAML writer drops the quotes of every value it rewrites; the value itself is untouched.
  expect(readFileSync(file, 'utf8').match(/^date: .*$/m)![0]).toBe(dateLine.replace(/'/g, ''));
});

test('a moment typed the Chinese way is written in Beijing time, and the file is named by the Beijing day', async ({
  page,
}) => {
  const before = repo.snapshot();
  await typeAddress(page, '/collections/news/new');
  await page.getByLabel('标题').fill('市政协召开主席会议', { timeout: 20_000 });
  // 07:30 in Beijing is the evening before in New York: the file is still named by the Beijing day.
  await fillDate(page, '发布时间', '2030年3月4日 7:30', '2030-03-04 07:30');
  await page.getByLabel('摘要').fill('市政协召开主席会议，研究部署下一阶段重点工作。');
  await page.getByLabel('署名').fill('本报记者 李娜');
  await markdown(page, '正文').fill('本报讯 3月4日上午，市政协召开主席会议。');
  await publish(page);
  await expect(page.getByText('修改已保存')).toBeVisible();
  expect(changes(before, repo.snapshot())).toEqual({
    added: ['content/news/2030-03-04.md'],
    removed: [],
    modified: [],
  });
  expect(readFileSync(repo.content('news', '2030-03-04.md'), 'utf8')).toContain('date: 2030-03-04T07:30:00+08:00');
});

test('the calendar picks a day, an hour and a minute on a 24-hour clock', async ({ page }) => {
  const story = news()[0]!;
  const file = repo.content('news', `${story.id}.md`);
  await typeAddress(page, `/collections/news/entries/${story.id}`);
  await expect(page.getByLabel('标题')).toHaveValue(String(story.data.title), { timeout: 20_000 });
  const before = repo.snapshot();
  await page.getByRole('button', { name: '日历' }).first().click();
  const calendar = page.getByRole('dialog', { name: '发布时间：选择日期' });
  await expect(calendar.getByRole('columnheader')).toHaveText(['一', '二', '三', '四', '五', '六', '日']);
  const shown = /(\d{4})年(\d{1,2})月/.exec((await calendar.locator('strong').textContent()) ?? '')!;
  await calendar.getByRole('button', { name: '下个月' }).click();
  const next = +shown[2]! === 12 ? { y: +shown[1]! + 1, m: 1 } : { y: +shown[1]!, m: +shown[2]! + 1 };
  await expect(calendar.locator('strong')).toHaveText(`${next.y}年${next.m}月`);
  await calendar.getByRole('button', { name: `${next.y}年${next.m}月15日` }).click();
  // The field and its open calendar pass axe (WCAG 2.1 AA), the widget alone (Decap's own page is not ours to fix).
  const axe = await new AxeBuilder({ page })
    .include('.bj-datetime')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await calendar.getByLabel('时').selectOption('21');
  await calendar.getByLabel('分').selectOption('45');
  await calendar.getByRole('button', { name: '完成' }).click();
  const day = `${next.y}-${String(next.m).padStart(2, '0')}-15`;
  await expect(page.getByLabel('发布时间')).toHaveValue(`${day} 21:45`);
  await publish(page);
  await expect(page.getByText('修改已保存')).toBeVisible();
  expect(changes(before, repo.snapshot())).toEqual({
    added: [],
    removed: [],
    modified: [`content/news/${story.id}.md`],
  });
  expect(readFileSync(file, 'utf8')).toContain(`date: ${day}T21:45:00+08:00`);
});

test('a day that does not exist is refused beside the field, the typed text stays and nothing is written', async ({
  page,
}) => {
  const story = news()[1]!;
  await typeAddress(page, `/collections/news/entries/${story.id}`);
  await expect(page.getByLabel('标题')).toHaveValue(String(story.data.title), { timeout: 20_000 });
  const before = repo.snapshot();
  await page.getByLabel('发布时间').fill('2025-02-30 09:30');
  await expect(page.getByRole('alert').filter({ hasText: '没有2025年2月30日这一天' })).toBeVisible();
  await publish(page);
  await expect(page.getByText('「发布时间」没有2025年2月30日这一天')).toBeVisible();
  await expect(page.getByText('修改已保存')).toHaveCount(0);
  await expect(page.getByLabel('发布时间')).toHaveValue('2025-02-30 09:30');
  expect(changes(before, repo.snapshot())).toEqual({ added: [], removed: [], modified: [] });
});

test('a day field takes 2025年3月20日 and writes 2025-03-20', async ({ page }) => {
  const proposal = rawEntries(collection('proposals'), repo.content()).find((p) => p.data.status === '立案')!;
  const file = repo.content('proposals', `${proposal.id}.md`);
  await typeAddress(page, `/collections/proposals/entries/${proposal.id}`);
  await expect(page.getByLabel('案由')).toHaveValue(String(proposal.data.title), { timeout: 20_000 });
  const before = repo.snapshot();
  await fillDate(page, '立案日期 (可选)', '2025年3月20日', '2025-03-20');
  await publish(page);
  await expect(page.getByText('修改已保存')).toBeVisible();
  expect(changes(before, repo.snapshot())).toEqual({
    added: [],
    removed: [],
    modified: [`content/proposals/${proposal.id}.md`],
  });
  expect(readFileSync(file, 'utf8')).toMatch(/^registered: '?2025-03-20'?$/m);
});

test('moving a story to another day keeps its file and address: only the date in it changes', async ({ page }) => {
  const story = news().find((e) => /^\d{4}-\d{2}-\d{2}-/.test(e.id))!;
  const file = repo.content('news', `${story.id}.md`);
  const text = readFileSync(file, 'utf8');
  await typeAddress(page, `/collections/news/entries/${story.id}`);
  await expect(page.getByLabel('标题')).toHaveValue(String(story.data.title), { timeout: 20_000 });
  const before = repo.snapshot();
  await fillDate(page, '发布时间', '2024年12月31日 16:45', '2024-12-31 16:45');
  await publish(page);
  await expect(page.getByText('修改已保存')).toBeVisible();
  // The file name (and so the URL) was fixed when the story was made; a new day does not rename it.
  expect(changes(before, repo.snapshot())).toEqual({
    added: [],
    removed: [],
    modified: [`content/news/${story.id}.md`],
  });
  const after = readFileSync(file, 'utf8');
  expect(after).toContain('date: 2024-12-31T16:45:00+08:00');
  expect(after.replace(/^date: .*$/m, '')).toBe(text.replace(/'/g, '').replace(/^date: .*$/m, ''));
});

test('the lists show each entry’s time in Beijing, not New York’s (a morning story is not put on the day before)', async ({
  page,
}) => {
  for (const kind of ['news', 'notices'] as const) {
    const morning = rawEntries(collection(kind), repo.content()).find((e) =>
      /T(0\d|1[01]):\d\d:00\+08:00/.test(String(e.data.date)),
    )!;
    const moment = String(morning.data.date);
    await typeAddress(page, `/collections/${kind}`);
    // The summary starts with the moment as stored: its Beijing day and 24-hour time.
    await expect(
      page.getByText(`${moment.slice(0, 10)} ${moment.slice(11, 16)}　${String(morning.data.title)}`),
    ).toBeVisible({ timeout: 20_000 });
  }
});

test('the calendar works from the keyboard: arrows, Page Down, Enter to pick, Escape to close', async ({ page }) => {
  // A story of 2025-03-12 09:30 would do; take the first one whose day is the 12th or earlier, so the moves stay simple.
  const story = news().find((e) => /^\d{4}-\d{2}-(0\d|1[0-2])T\d\d:\d\d/.test(String(e.data.date)))!;
  const stored = String(story.data.date);
  const file = repo.content('news', `${story.id}.md`);
  await typeAddress(page, `/collections/news/entries/${story.id}`);
  await expect(page.getByLabel('标题')).toHaveValue(String(story.data.title), { timeout: 20_000 });
  const before = repo.snapshot();
  const opener = page.getByRole('button', { name: '日历' }).first();
  await opener.focus();
  await page.keyboard.press('Enter');
  const calendar = page.getByRole('dialog', { name: '发布时间：选择日期' });
  const label = (y: number, m: number, d: number) => `${y}年${m}月${d}日`;
  const [y, m, d] = [+stored.slice(0, 4), +stored.slice(5, 7), +stored.slice(8, 10)];
  // Opened with the story's own day focused, the only day in the Tab order.
  await expect(calendar.getByRole('button', { name: label(y, m, d) })).toBeFocused();
  await expect(calendar.locator('td button[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(calendar.getByRole('button', { name: label(y, m, d + 8) })).toBeFocused();
  await page.keyboard.press('PageDown');
  const next = m === 12 ? { y: y + 1, m: 1 } : { y, m: m + 1 };
  await expect(calendar.locator('strong')).toHaveText(`${next.y}年${next.m}月`);
  await expect(calendar.getByRole('button', { name: label(next.y, next.m, d + 8) })).toBeFocused();
  await page.keyboard.press('Enter');
  const day = `${next.y}-${String(next.m).padStart(2, '0')}-${String(d + 8).padStart(2, '0')}`;
  // The time is kept; Enter picked the day and left the calendar open for the time.
  await expect(page.getByLabel('发布时间', { exact: true })).toHaveValue(`${day} ${stored.slice(11, 16)}`);
  await expect(calendar).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(calendar).toHaveCount(0);
  await expect(opener).toBeFocused();
  await publish(page);
  await expect(page.getByText('修改已保存')).toBeVisible();
  expect(changes(before, repo.snapshot())).toEqual({
    added: [],
    removed: [],
    modified: [`content/news/${story.id}.md`],
  });
  expect(readFileSync(file, 'utf8')).toContain(`date: ${day}T${stored.slice(11, 16)}:00+08:00`);
});
