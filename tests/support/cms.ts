import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { runAstro } from './astro-run.ts';
import { CONTENT } from './content.ts';
import { startDecapServer } from './decap.ts';

const ROOT = join(import.meta.dirname, '../..');

/** A throw-away copy of content/ and public/ with a real decap-server editing it. */
export interface CmsRepo {
  dir: string;
  port: number;
  server: ChildProcess;
  /** Path of a file inside the copy's content/. */
  content(...parts: string[]): string;
  /** sha256 of every file in the copy (Git's own files aside), by path relative to it. */
  snapshot(): Map<string, string>;
  /** Run git in the copy (git mode); returns its output, throws with its message on failure. */
  git(...args: string[]): string;
  stop(): void;
}

export interface CmsRepoOptions {
  /** `fs` (default): decap-server writes files directly. `git`: the copy is a Git repository, drafts on branches. */
  mode?: 'fs' | 'git';
  /** Change the copy before decap-server starts (and before the first commit in git mode). */
  prepare?(dir: string): void;
}

export async function cmsRepo(options: CmsRepoOptions = {}): Promise<CmsRepo> {
  const dir = mkdtempSync(join(tmpdir(), 'czzx-cms-edit-'));
  cpSync(CONTENT, join(dir, 'content'), { recursive: true });
  cpSync(join(ROOT, 'public'), join(dir, 'public'), { recursive: true });
  options.prepare?.(dir);
  const git = (...args: string[]) => {
    const r = spawnSync('git', ['-C', dir, '-c', 'user.name=测试', '-c', 'user.email=test@czzx.invalid', ...args], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
  const mode = options.mode ?? 'fs';
  if (mode === 'git') {
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'content');
  }
  const { port, server } = await startDecapServer(dir, mode);
  return {
    dir,
    port,
    server,
    git,
    content: (...parts) => join(dir, 'content', ...parts),
    snapshot() {
      const files = new Map<string, string>();
      for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (!e.isFile()) continue;
        const path = join(e.parentPath, e.name);
        const rel = relative(dir, path);
        if (rel.split(sep)[0] === '.git') continue;
        files.set(rel, createHash('sha256').update(readFileSync(path)).digest('hex'));
      }
      return files;
    },
    stop() {
      server.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The set-up every CMS spec shares: its tests run in order against one throw-away copy with its own decap-server
 * (stopped afterwards), each test starts logged in to the admin with dialogs accepted, and CSP is bypassed for the
 * test's own scripts. The returned object is filled in before the first test.
 */
export function useCmsRepo(options: CmsRepoOptions & { login?: boolean } = {}): CmsRepo {
  const repo = {} as CmsRepo;
  test.describe.configure({ mode: 'serial' });
  test.use({ bypassCSP: true });
  test.beforeAll(async () => {
    Object.assign(repo, await cmsRepo(options));
  });
  test.afterAll(() => repo.stop?.());
  test.beforeEach(async ({ page }) => {
    page.on('dialog', (d) => void d.accept());
    if (options.login !== false) await login(page, repo);
  });
  return repo;
}

/** What changed between two snapshots, as `git diff --stat` would name it. */
export function changes(before: Map<string, string>, after: Map<string, string>) {
  return {
    added: [...after.keys()].filter((f) => !before.has(f)).sort(),
    removed: [...before.keys()].filter((f) => !after.has(f)).sort(),
    modified: [...after.keys()].filter((f) => before.has(f) && before.get(f) !== after.get(f)).sort(),
  };
}

/** Open the admin against the repo's decap-server and log in (no account in file-system mode). */
export async function login(page: Page, repo: CmsRepo): Promise<void> {
  await page.goto(`/admin/?cms_port=${repo.port}`);
  const button = page.getByRole('button', { name: '登录', exact: true });
  const list = page.getByRole('link', { name: '新闻简报' });
  // A second tab of the same browser is logged in already.
  await expect(button.or(list)).toBeVisible({ timeout: 20_000 });
  if (await button.isVisible()) await button.click();
  await expect(list).toBeVisible();
}

/** Change the address bar's hash, as an editor typing a new address does (no reload, a `hashchange`). */
export async function typeAddress(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
}

/** Open an entry by its address and wait until `label` shows `value` (moving reloads the admin: slow when busy). */
export async function openEntry(page: Page, collection: string, slug: string, label: string, value: string) {
  await typeAddress(page, `/collections/${collection}/entries/${slug}`);
  await expect(page.getByLabel(label, { exact: true })).toHaveValue(value, { timeout: 20_000 });
}

/** Choose in a select or relation field: type part of the wanted option's text, click the option. */
export async function choose(page: Page, label: string, text: string, nth: 'first' | 'last' = 'first') {
  const input = page.getByLabel(label, { exact: true })[nth]();
  await input.click();
  await input.fill(text);
  await page.getByRole('option', { name: text }).first().click();
}

/**
 * Type into a date or date-time field as an editor does (any form it accepts: 2025-03-12 09:30, 2025年3月12日 9:30),
 * then leave it and see it shown as `shown` (年-月-日 and a 24-hour clock in Beijing time).
 */
export async function fillDate(
  page: Page,
  label: string,
  typed: string,
  shown: string,
  nth: 'first' | 'last' = 'first',
) {
  const input = page.getByLabel(label, { exact: true })[nth]();
  await input.fill('');
  await input.pressSequentially(typed);
  await input.blur();
  await expect(input).toHaveValue(shown);
}

/** The rich-text editor of a Markdown field, by its label (the last one when a list repeats it). */
export const markdown = (page: Page, label: string) =>
  page
    .locator('[aria-label="markdown field"]', { has: page.locator('label', { hasText: new RegExp(`^${label}$`) }) })
    .last()
    .locator('[contenteditable="true"]');

/** Press 发布 → 立即发布 (file-system mode has no drafts). */
export async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByRole('menuitem', { name: '立即发布' }).click();
}

/**
 * Build the site from the copy's content with the project's own Astro (loaders, schemas, link check: the real build)
 * into the copy's `.dist`, and return that folder; fails the test with the end of the build's output. `env` adds or
 * overrides variables (the copy's public/ is used unless it says otherwise).
 */
export function buildCopy(repo: CmsRepo, env: Record<string, string> = {}, timeout = 230_000): string {
  const out = join(repo.dir, '.dist');
  const r = runAstro(
    ['build'],
    {
      ...process.env,
      CONTENT_DIR: repo.content(),
      PUBLIC_DIR: join(repo.dir, 'public'),
      OUT_DIR: out,
      ASTRO_CACHE_DIR: join(repo.dir, '.cache'),
      NO_COLOR: '1',
      ASTRO_TELEMETRY_DISABLED: '1',
      ...env,
    },
    { timeout },
  );
  expect(r.status, r.output.slice(-4000)).toBe(0);
  return out;
}
