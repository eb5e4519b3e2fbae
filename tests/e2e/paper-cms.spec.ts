import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { collection } from '../../src/content/model.ts';
import { buildCopy, changes, publish, useCmsRepo } from '../support/cms.ts';
import { frontmatter, rawEntries } from '../support/content.ts';
import { siteSchema } from '../support/schema.ts';
import { freePort } from '../support/ports.ts';
import { startNginx } from '../../src/deploy/local-nginx.ts';

/**
 * An editor makes an issue of the 数字报 in the real Decap CMS and places two stories on its page: one area dragged
 * on the page image, one typed as numbers. Saved through a real decap-server into a throw-away copy of content/ and
 * public/, checked on disk through the site's schemas, then built: the page links both stories.
 */
const ROOT = join(import.meta.dirname, '../..');
const repo = useCmsRepo();
// A tall window shows the whole page image, so the drag stays inside the viewport.
test.use({ viewport: { width: 1280, height: 1400 } });
const content = (...parts: string[]) => repo.content(...parts);

const ISSUE_DATE = '2030-05-08';
const issueNumber = Math.max(...rawEntries(collection('paper')).map((e) => Number(e.data.number))) + 1;
/** Two stories not yet in the paper: a news brief without a 见报信息 (which would have to agree) and a member voice. */
const dragged = {
  kind: 'news' as const,
  ...rawEntries(collection('news')).find((e) => !e.data.paper && !e.data.edition)!,
};
const typed = { kind: 'voices' as const, ...rawEntries(collection('voices')).find((e) => !e.data.paper)! };

/** The entry's frontmatter through the site's own schema; fails the test with the schema's messages. */
function parsed(name: 'news' | 'voices' | 'paper', file: string) {
  const r = siteSchema(repo, name, frontmatter(file));
  expect(r.issues, file).toEqual([]);
  return r.data;
}

const open = (page: Page, hash: string) => page.goto(`/admin/?cms_port=${repo.port}#/collections/${hash}`);

/** Open a story and choose the new issue and its page 1 in 数字报版面; the widget then shows the page image. */
async function placeOnPage(page: Page, story: { kind: string; id: string }) {
  await open(page, `${story.kind}/entries/${story.id}`);
  const issue = page.getByLabel('报纸期次', { exact: true });
  await issue.click();
  await issue.fill(ISSUE_DATE);
  await page.getByRole('option', { name: ISSUE_DATE }).first().click();
  await page.getByLabel('所在版次', { exact: true }).fill('1');
  await expect(page.locator('[data-paper-sheet] img')).toBeVisible();
  await expect
    .poll(() => page.locator('[data-paper-sheet] img').evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
}

test('an editor creates an issue with a page and its page image', async ({ page }) => {
  // A page image as a newsroom would upload it: here, one of the sample pages under a new name.
  const upload = join(repo.dir, '..', `paper-cms-${Date.now()}-yaowen.webp`);
  copyFileSync(join(ROOT, 'public/media/paper/2025-04-18-1.webp'), upload);
  await open(page, 'paper/new');
  const before = repo.snapshot();
  await page.getByLabel('期号').fill(String(issueNumber));
  await page.getByLabel('出版日期').fill(ISSUE_DATE);
  await page.getByRole('button', { name: '新增版面' }).click();
  await page.getByLabel('版次', { exact: true }).fill('1');
  await page.getByLabel('版名').fill('要闻');
  await page.getByRole('button', { name: '选择图片' }).first().click();
  await page.locator('input[type="file"]').setInputFiles(upload);
  await page.getByRole('button', { name: '选用已选中项目' }).click();
  await publish(page);
  const file = content('paper', `${ISSUE_DATE}.md`);
  await expect.poll(() => existsSync(file)).toBe(true);
  expect(parsed('paper', file)).toMatchObject({
    number: issueNumber,
    date: ISSUE_DATE,
    pages: [{ number: 1, name: '要闻', image: `/media/${basename(upload)}` }],
  });
  expect(changes(before, repo.snapshot())).toEqual({
    added: [`content/paper/${ISSUE_DATE}.md`, `public/media/${basename(upload)}`],
    removed: [],
    modified: [],
  });
  rmSync(upload);
});

test('dragging a rectangle on the page image writes the story’s area in percent', async ({ page }) => {
  const before = repo.snapshot();
  await placeOnPage(page, dragged);
  await page.locator('[data-paper-sheet]').scrollIntoViewIfNeeded();
  const sheet = (await page.locator('[data-paper-sheet]').boundingBox())!;
  const at = (x: number, y: number) => [sheet.x + (sheet.width * x) / 100, sheet.y + (sheet.height * y) / 100] as const;
  await page.mouse.move(...at(10, 20));
  await page.mouse.down();
  await page.mouse.move(...at(40, 35), { steps: 5 });
  await page.mouse.move(...at(60, 50), { steps: 5 });
  await page.mouse.up();
  // The numbers are shown for keyboard editing as soon as the rectangle is drawn.
  await expect(page.getByRole('group', { name: '区域 1（百分比）' })).toBeVisible();
  await publish(page);
  const file = content('news', `${dragged.id}.md`);
  await expect.poll(() => readFileSync(file, 'utf8')).toContain('areas:');
  const { paper } = parsed('news', file) as {
    paper: { issue: string; page: number; areas: { x: number; y: number; w: number; h: number }[] };
  };
  expect(paper.issue).toBe(ISSUE_DATE);
  expect(paper.page).toBe(1);
  expect(paper.areas).toHaveLength(1);
  const [a] = paper.areas;
  // Within a pixel of where the mouse went, and rounded to a tenth of a percent.
  for (const [got, want] of [
    [a!.x, 10],
    [a!.y, 20],
    [a!.w, 50],
    [a!.h, 30],
  ] as const) {
    expect(Math.abs(got - want), JSON.stringify(a)).toBeLessThan(0.6);
    expect(Math.round(got * 10) / 10).toBe(got);
  }
  expect(changes(before, repo.snapshot())).toEqual({
    added: [],
    removed: [],
    modified: [`content/news/${dragged.id}.md`],
  });
});

test('an area can be typed instead of dragged', async ({ page }) => {
  const before = repo.snapshot();
  await placeOnPage(page, typed);
  await page.getByRole('button', { name: '添加区域（手动填写数值）' }).click();
  const area = page.getByRole('group', { name: '区域 1（百分比）' });
  for (const [label, value] of [
    ['左边距', '10'],
    ['上边距', '60'],
    ['宽度', '80'],
    ['高度', '30'],
  ] as const)
    await area.getByLabel(label).fill(value);
  await publish(page);
  const file = content('voices', `${typed.id}.md`);
  await expect.poll(() => readFileSync(file, 'utf8')).toContain('areas:');
  expect((parsed('voices', file) as { paper: unknown }).paper).toEqual({
    issue: ISSUE_DATE,
    page: 1,
    areas: [{ x: 10, y: 60, w: 80, h: 30 }],
  });
  expect(changes(before, repo.snapshot())).toEqual({
    added: [],
    removed: [],
    modified: [`content/voices/${typed.id}.md`],
  });
});

test('the site built from what the CMS wrote links both stories from the new page', async ({ page }) => {
  test.setTimeout(240_000);
  const out = buildCopy(repo);
  const sitePort = await freePort();
  const site = await startNginx({ port: sitePort, root: out });
  const url = `http://127.0.0.1:${sitePort}`;
  try {
    await page.goto(`${url}/paper/${ISSUE_DATE}/1/`);
    const areas = page.locator('.paper-area');
    await expect(areas).toHaveCount(2);
    for (const story of [dragged, typed]) {
      const link = page.getByRole('link', { name: String(story.data.title), exact: true }).and(areas);
      await expect(link).toHaveAttribute('href', `/${story.kind}/${story.id}/`);
      await expect(link).toBeVisible();
    }
    await page.goto(`${url}/voices/${typed.id}/`);
    await expect(page.getByRole('link', { name: `第${issueNumber}期 第1版` })).toHaveAttribute(
      'href',
      `/paper/${ISSUE_DATE}/1/`,
    );
  } finally {
    await site.stop();
  }
});

test('a story whose 见报信息 names another day or page cannot be saved onto the new page', async ({ page }) => {
  const printed = rawEntries(collection('news'), content()).find((e) => !e.data.paper && e.data.edition)!;
  const file = content('news', `${printed.id}.md`);
  const before = readFileSync(file, 'utf8');
  await placeOnPage(page, { kind: 'news', id: printed.id });
  const message = `见报信息写的是 ${(printed.data.edition as { date: string }).date}`;
  await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
  await publish(page);
  // Decap refuses to save and lists the widget's error above the field, besides the widget's own alert.
  await expect(page.getByRole('listitem').filter({ hasText: message })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(readFileSync(file, 'utf8')).toBe(before);
});
