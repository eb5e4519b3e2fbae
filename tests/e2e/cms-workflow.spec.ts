import { spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startDecapServer } from '../support/decap.ts';
import { CONTENT } from '../support/content.ts';

/**
 * The editorial workflow (三审: 草稿 → 审核中 → 就绪 → 发布) in the real Decap UI, against decap-server in git mode on
 * a throw-away repository (never the working tree). A draft lives on its own branch; publishing lands one commit on
 * the main branch with the new file.
 */
test.describe.configure({ mode: 'serial' });

const ROOT = join(import.meta.dirname, '../..');
let repo = '';
let port = 0;
let server: ChildProcess | undefined;

const git = (...args: string[]) => {
  const r = spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};

test.beforeAll(async () => {
  repo = mkdtempSync(join(tmpdir(), 'czzx-workflow-'));
  cpSync(CONTENT, join(repo, 'content'), { recursive: true });
  cpSync(join(ROOT, 'public'), join(repo, 'public'), { recursive: true });
  git('init', '-q', '-b', 'main');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'content');
  ({ port, server } = await startDecapServer(repo, 'git'));
});

test.afterAll(() => {
  server?.kill();
  if (repo) rmSync(repo, { recursive: true, force: true });
});

test.use({ bypassCSP: true }); // decap-server on another local port; production never has it

test('a story goes from draft through review and ready to published, landing one commit on main', async ({ page }) => {
  test.setTimeout(120_000);
  page.on('dialog', (d) => void d.accept()); // publishing asks a native confirm()
  const commitsBefore = Number(git('rev-list', '--count', 'main'));

  await page.goto(`/admin/?cms_port=${port}&workflow=1`);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('link', { name: '工作流' })).toBeVisible();

  await page.goto(`/admin/?cms_port=${port}&workflow=1#/collections/news/new`);
  await page.getByLabel('标题').fill('编辑工作流中的新闻');
  await page.getByLabel('发布时间').fill('2031-05-06T10:00');
  await page.getByLabel('摘要').fill('经过三审后发布。');
  await page.getByLabel('署名').fill('本报记者 王磊');
  await page
    .locator('[aria-label="markdown field"]', { has: page.locator('label', { hasText: /^正文$/ }) })
    .locator('[contenteditable="true"]')
    .fill('本报讯 三审流程测试。');

  // 草稿: saved on its own branch, not on main.
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('修改已保存')).toBeVisible();
  await expect.poll(() => git('branch', '--list', 'cms/*')).toContain('cms/news/2031-05-06');
  expect(spawnSync('git', ['-C', repo, 'cat-file', '-e', 'main:content/news/2031-05-06.md']).status).not.toBe(0);

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
  await expect
    .poll(() => spawnSync('git', ['-C', repo, 'cat-file', '-e', 'main:content/news/2031-05-06.md']).status, {
      timeout: 20_000,
    })
    .toBe(0);
  expect(Number(git('rev-list', '--count', 'main'))).toBeGreaterThan(commitsBefore);
  expect(git('show', 'main:content/news/2031-05-06.md')).toContain('title: 编辑工作流中的新闻');
  expect(git('diff', '--name-only', `main~1`, 'main')).toBe('content/news/2031-05-06.md');
});
