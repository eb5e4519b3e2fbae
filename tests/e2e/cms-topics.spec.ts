import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, test, type Page } from '@playwright/test';
import { collection } from '../../src/content/model.ts';
import { bodyOf, guardMdx } from '../../src/lib/mdx-guard.ts';
import { parseMdxForBuild } from '../../src/lib/mdx-parse.ts';
import { buildCopy, changes, choose, publish, useCmsRepo } from '../support/cms.ts';
import { rawEntries } from '../support/content.ts';
import { freePort } from '../support/ports.ts';
import { startNginx } from '../../src/deploy/local-nginx.ts';

/**
 * Editors write 专题 in the real Decap CMS: the embedded components are editor components with forms, saved as the
 * MDX the site renders; code typed into the body is refused before anything is written.
 */
const ROOT = join(import.meta.dirname, '../..');
const TOPIC = '14-1-quanhui';
const repo = useCmsRepo();

const file = () => repo.content('topics', `${TOPIC}.mdx`);
const tagCount = (text: string) => (text.match(/<[A-Z][A-Za-z]*/g) ?? []).length;

async function openTopic(page: Page) {
  await page.goto(`/admin/?cms_port=${repo.port}#/collections/topics/entries/${TOPIC}`);
  await expect(page.getByLabel('标题', { exact: true })).toHaveValue('市政协十四届一次会议专题', { timeout: 20_000 });
}

test('the body offers the 专题 components, and the story body does not', async ({ page }) => {
  await openTopic(page);
  await page.getByRole('button', { name: '添加组件' }).click();
  await expect(page.getByRole('menuitem')).toHaveText(['提案列表', '统计图', '图集', '会议日程', '视频']);
  await page.keyboard.press('Escape');
  const story = rawEntries(collection('news'), repo.content())[0]!;
  // A fresh load: Decap keeps an open editor when only the address's hash changes.
  await page.goto('about:blank');
  await page.goto(`/admin/?cms_port=${repo.port}#/collections/news/entries/${story.id}`);
  await expect(page.getByLabel('标题', { exact: true })).toHaveValue(String(story.data.title), { timeout: 20_000 });
  await page.getByRole('button', { name: '添加组件' }).click();
  await expect(page.getByRole('menuitem', { name: '提案列表' })).toHaveCount(0);
});

test('the preview shows the 专题 as its page does: the meeting, the proposal list and the chart from the proposals', async ({
  page,
}) => {
  await openTopic(page);
  const preview = page.frameLocator('#preview-pane');
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('市政协十四届一次会议专题');
  await expect(preview.getByText('十四届一次会议', { exact: true })).toBeVisible();
  // Worked out here from content/, as tests/e2e/topics.spec.ts does for the page.
  const proposals = rawEntries(collection('proposals'), repo.content()).filter(
    (p) => String(p.data.session) === '14-1',
  );
  const listed = proposals.filter((p) => p.data.public !== false).map((p) => `/proposals/${p.id}/`);
  const list = preview.locator('[data-topic-component="ProposalList"]');
  await expect(list.locator('h3 a')).toHaveCount(Math.min(10, listed.length), { timeout: 20_000 });
  const shown = await list.locator('h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(listed).toEqual(expect.arrayContaining(shown));
  const categories = new Map(
    (
      parse(readFileSync(repo.content('taxonomies', 'categories.yml'), 'utf8')).items as { id: string; name: string }[]
    ).map((i) => [i.id, i.name]),
  );
  const counts = new Map<string, number>();
  for (const p of proposals) {
    const name = categories.get(String(p.data.category))!;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const rows = await preview
    .locator('[data-topic-component="StatsChart"] [data-chart-table] tbody tr')
    .evaluateAll((trs) =>
      trs.map(
        (tr) => [tr.querySelector('th')!.textContent!.trim(), Number(tr.querySelector('td')!.textContent)] as const,
      ),
    );
  expect(new Map(rows)).toEqual(counts);
  const agenda = preview.locator('[data-topic-component="Timeline"] li');
  await expect(agenda).toHaveCount(4);
  await expect(agenda.nth(2)).toContainText('2022年1月8日 09:00选举大会');
  // No tag is shown as text.
  await expect(preview.locator('body')).not.toContainText('<ProposalList');
});

test('a 提案列表 inserted with its form is saved as MDX, and the built page lists the proposals it asks for', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const original = readFileSync(file(), 'utf8');
  await openTopic(page);
  await page.getByRole('button', { name: '添加组件' }).click();
  await page.getByRole('menuitem', { name: '提案列表' }).click();
  // The new component's form is the last 提案列表 of the body.
  await choose(page, '届次 (可选)', '第十四届长治市委员会第三次会议', 'last');
  await page.getByLabel('只列重点提案 (可选)').last().click();
  await page.getByLabel('最多显示（件） (可选)').last().fill('5');
  await page.getByLabel('小标题 (可选)').last().fill('重点提案选登');
  const before = repo.snapshot();
  await publish(page);
  await expect(page.getByText('修改已保存')).toBeVisible();
  expect(changes(before, repo.snapshot())).toEqual({
    added: [],
    removed: [],
    modified: [`content/topics/${TOPIC}.mdx`],
  });

  const saved = readFileSync(file(), 'utf8');
  expect(saved).toContain('<ProposalList session="14-3" key limit="5" title="重点提案选登" />');
  // Nothing else of the body was lost on the way through the editor, and the whole still passes the build's guard.
  expect(tagCount(saved)).toBe(tagCount(original) + 1);
  expect(guardMdx(bodyOf(saved), parseMdxForBuild).problems).toEqual([]);

  // The copy's public/ holds only media/: the site's own files (favicon, scripts) come from the project's.
  const out = buildCopy(repo, { PUBLIC_DIR: join(ROOT, 'public'), SKIP_SEARCH_INDEX: '1' }, 280_000);
  const expected = rawEntries(collection('proposals'), repo.content())
    .filter((p) => String(p.data.session) === '14-3' && p.data.key === true && p.data.public !== false)
    .map((p) => `/proposals/${p.id}/`);
  expect(expected.length).toBeGreaterThan(0);
  const port = await freePort();
  const site = await startNginx({ port, root: out });
  try {
    await page.goto(`http://127.0.0.1:${port}/topics/${TOPIC}/`);
    const list = page.locator('[data-topic-component="ProposalList"]', {
      has: page.getByRole('heading', { name: '重点提案选登' }),
    });
    const shown = await list
      .locator('h3 a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(shown.sort()).toEqual(expected.sort());
  } finally {
    await site.stop();
  }
});

test('code typed into the body is refused before saving, with the build’s message', async ({ page }) => {
  await openTopic(page);
  const field = page.locator('[aria-label="markdown field"]', { has: page.locator('label', { hasText: /^正文$/ }) });
  // From 富文本 to Markdown (the toolbar's switch, before the components' own yes/no switches): code typed as it is.
  await field.getByRole('switch').first().click();
  const raw = field.locator('[contenteditable="true"]').first();
  await raw.fill(
    "import fs from 'node:fs'\n\n<script>alert(1)</script>\n\n共收到提案 {fs.readFileSync('/etc/passwd')} 件。",
  );
  const before = repo.snapshot();
  await publish(page);
  const error = page.locator('label:text-matches("^正文$") + ul li');
  await expect(error).toContainText('「正文」不能保存');
  await expect(error).toContainText('不能使用 import 或 export 语句');
  await expect(error).toContainText('不能使用 <script>');
  await expect(error).toContainText('花括号');
  await expect(page.getByText('修改已保存')).toHaveCount(0);
  expect(changes(before, repo.snapshot())).toEqual({ added: [], removed: [], modified: [] });
});
