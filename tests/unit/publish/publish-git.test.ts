import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listFiles } from '../../../src/lib/publish/materialise.ts';
import { HISTORY_PATH, type HistoryEntry } from '../../../src/lib/publish/manifest.ts';
import { type Nginx, startNginx } from '../../../src/deploy/local-nginx.ts';
import { freePort } from '../../support/ports.ts';
import { CHROMIUM } from '../../../src/cli/chromium.ts';

/**
 * The whole path from a CMS save to the public site, with real Git, the real build and the shipped nginx: editors'
 * commits (as decap-server makes them in git mode) pushed to a bare repository whose post-receive hook runs
 * `npm run publish`; nginx serves `SITE_ROOT/current`. Broken commits never reach the reader, a deleted story answers
 * 410, its URL cannot pass to a new story, and a rollback brings the last release back.
 */
const ROOT = join(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'czzx-publish-'));
const bare = join(dir, 'site.git');
const checkout = join(dir, 'checkout');
const editor = join(dir, 'editor');
const siteRoot = join(dir, 'site');
const STORY = 'content/news/2026-11-30.md';
const URL_PATH = '/news/2026-11-30/';
let nginx: Nginx;
/** Every file served once the fix went live: the release a rollback returns to, made before the later ones. */
let fixed = '';

const git = (cwd: string, ...args: string[]) => {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

/** Commits in the editor's clone as decap-server does for a CMS save, then pushes; resolves with the hook's output. */
function save(message: string, change: () => void): Promise<string> {
  change();
  git(editor, 'add', '-A');
  git(editor, '-c', 'user.name=张编辑', '-c', 'user.email=zhang@czzx.gov.cn', 'commit', '-q', '-m', message);
  return new Promise((resolve) => {
    const push = spawn('git', ['push', '-q', 'origin', 'main'], { cwd: editor });
    let out = '';
    push.stdout.on('data', (c: Buffer) => (out += c.toString()));
    push.stderr.on('data', (c: Buffer) => (out += c.toString()));
    push.once('close', () => resolve(out));
  });
}

const story = (title: string, body: string) =>
  `---\ntitle: ${title}\ndate: '2026-11-30T09:30:00+08:00'\nsummary: 市政协组织委员视察城区老旧小区改造，提出加装电梯与停车管理建议。\nbyline: 本报记者 刘婷婷\n---\n\n${body}\n`;
const get = async (path: string) => {
  const r = await fetch(`${nginx.url}${path}`);
  return { status: r.status, body: await r.text() };
};
/** A hash of every file nginx serves (through `current`), to prove a failed publish changed nothing. */
function servedHash(): string {
  const live = realpathSync(join(siteRoot, 'current'));
  const h = createHash('sha256');
  for (const f of listFiles(live)) h.update(f).update(readFileSync(join(live, f)));
  return `${readlinkSync(join(siteRoot, 'current'))}:${h.digest('hex')}`;
}

beforeAll(async () => {
  git(dir, 'init', '-q', '--bare', '-b', 'main', bare);
  git(dir, 'clone', '-q', bare, editor);
  cpSync(join(ROOT, 'content'), join(editor, 'content'), { recursive: true });
  cpSync(join(ROOT, 'public'), join(editor, 'public'), { recursive: true });
  git(editor, 'add', '-A');
  git(editor, '-c', 'user.name=Decap', '-c', 'user.email=decap@czzx.gov.cn', 'commit', '-q', '-m', '初始内容');
  git(editor, 'push', '-q', 'origin', 'main');
  git(dir, 'clone', '-q', bare, checkout);
  // The hook the README gives: bring the web server's checkout up to the pushed commit, then publish it.
  const hook = join(bare, 'hooks/post-receive');
  writeFileSync(
    hook,
    `#!/bin/sh\nunset GIT_DIR\ncd ${checkout} && git fetch -q origin && git reset -q --hard origin/main || exit 1\n` +
      `cd ${ROOT} && CONTENT_DIR=${checkout}/content PUBLIC_DIR=${checkout}/public SITE_ROOT=${siteRoot} ASTRO_CACHE_DIR=${dir}/cache NO_COLOR=1 PUBLISH_KEEP=2 exec node src/cli/publish.ts publish --quiet\n`,
  );
  chmodSync(hook, 0o755);
  const first = await save('Create News “2026-11-30”', () =>
    writeFileSync(join(editor, STORY), story('市政协视察老旧小区改造', '委员们走进三个小区，察看加装电梯进展。')),
  );
  expect(first).toContain('发布成功');
  nginx = await startNginx({ port: await freePort(), root: join(siteRoot, 'current') });
}, 300_000);
afterAll(async () => {
  await nginx?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('publishing editors’ commits', { timeout: 300_000 }, () => {
  test('a CMS save pushed to the repository is live: nginx serves the new story and the admin lists the release', async () => {
    const page = await get(URL_PATH);
    expect(page.status).toBe(200);
    expect(page.body).toContain('市政协视察老旧小区改造');
    const history = JSON.parse((await get(`/${HISTORY_PATH}`)).body) as HistoryEntry[];
    expect(history[0]).toMatchObject({ author: '张编辑', commit: git(editor, 'rev-parse', 'HEAD').trim() });
    expect(history[0]!.added).toBeGreaterThan(100);
    // The admin's 发布记录 page, in Chromium under the admin's Content-Security-Policy as nginx sends it.
    const browser = await chromium.launch(CHROMIUM);
    try {
      const tab = await browser.newPage();
      const refused: string[] = [];
      tab.on('console', (m) => m.type() === 'error' && refused.push(m.text()));
      await tab.goto(`${nginx.url}/admin/`);
      await tab.getByRole('link', { name: '发布记录' }).click();
      await expect.poll(() => tab.getByRole('status').textContent()).toBe('共 1 次发布。');
      // biome-ignore lint/performance/useDomNodeTextContent: innerText gives the tabs between cells, which this splits on.
      const row = (await tab.getByRole('row').nth(1).innerText()).split('\t');
      expect(row.slice(1, 3)).toEqual(['张编辑', history[0]!.commit.slice(0, 7)]);
      expect(row[0]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d（线上）$/);
      // The admin on localhost looks for a local decap-server, which its policy rightly refuses (as in security.spec.ts).
      expect(refused.filter((t) => !t.includes('127.0.0.1:8081'))).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  test('a broken link, then bad frontmatter: publish fails in Chinese naming the page and the file, and the served tree is unchanged', async () => {
    const before = servedHash();
    const link = await save('Update News “2026-11-30”', () =>
      writeFileSync(join(editor, STORY), story('市政协视察老旧小区改造', '详见[调研报告](/news/no-such-report/)。')),
    );
    expect(link).toContain('发布失败：构建未通过');
    expect(link).toContain('线上网站未改动');
    expect(link).toContain(`${URL_PATH} → /news/no-such-report/`);
    expect(servedHash()).toBe(before);
    const bad = await save('Update News “2026-11-30”', () =>
      writeFileSync(
        join(editor, STORY),
        story('市政协视察老旧小区改造', '正文').replace("date: '2026-11-30T09:30:00+08:00'", 'date: 昨天上午'),
      ),
    );
    expect(bad).toContain('发布失败：构建未通过');
    expect(bad).toContain(STORY);
    expect(bad).toMatch(/date/);
    expect(servedHash()).toBe(before);
    expect((await get(URL_PATH)).body).toContain('委员们走进三个小区');
    // The half-made release (linked ahead from the live one while the build ran) is gone.
    expect(readdirSync(join(siteRoot, 'releases')).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  test('while a fix is published, every request gets a whole page, the old one until the switch and the new one after', async () => {
    const publishing = save('Update News “2026-11-30”', () =>
      writeFileSync(join(editor, STORY), story('市政协视察老旧小区改造（续）', '委员们建议统一规划停车位。')),
    );
    let done = false;
    void publishing.then(() => (done = true));
    let sawNew = false;
    let requests = 0;
    while (!done && requests < 5000) {
      const page = await get(URL_PATH);
      requests++;
      expect(page.status).toBe(200);
      const isNew = page.body.includes('委员们建议统一规划停车位');
      const isOld = page.body.includes('委员们走进三个小区');
      expect(isNew !== isOld, 'exactly one version of the story').toBe(true);
      if (sawNew) expect(isNew, 'never back to the old page once the new one was served').toBe(true);
      sawNew ||= isNew;
      const css = /href="(\/_astro\/[^"]+\.css)"/.exec(page.body)?.[1];
      expect((await fetch(`${nginx.url}${css}`)).status, `stylesheet of the page served (${css})`).toBe(200);
    }
    expect(await publishing).toContain('发布成功');
    expect(requests).toBeGreaterThan(1);
    expect((await get(URL_PATH)).body).toContain('委员们建议统一规划停车位');
    fixed = servedHash();
  });

  test('an hourly run with nothing new makes no release and leaves the live one', () => {
    const live = readlinkSync(join(siteRoot, 'current'));
    const r = spawnSync(process.execPath, ['src/cli/publish.ts', 'publish', '--quiet'], {
      cwd: ROOT,
      env: {
        ...process.env,
        CONTENT_DIR: `${checkout}/content`,
        PUBLIC_DIR: `${checkout}/public`,
        SITE_ROOT: siteRoot,
        ASTRO_CACHE_DIR: `${dir}/cache`,
        NO_COLOR: '1',
      },
      encoding: 'utf8',
    });
    expect(r.stdout, r.stderr).toContain(`无改动：网站内容与线上版本 ${live.split('/').pop()} 相同，未生成新版本`);
    expect(readlinkSync(join(siteRoot, 'current'))).toBe(live);
  });

  test('a deleted story answers 410 with a notice; a new story saved under its file name is refused naming both', async () => {
    const deleted = await save('Delete News “2026-11-30”', () => unlinkSync(join(editor, STORY)));
    expect(deleted).toContain('发布成功');
    const gone = await get(URL_PATH);
    expect(gone.status).toBe(410);
    // The build's own notice (src/pages/[...gone].astro).
    expect(gone.body).toContain('此页面已不再提供');
    const before = servedHash();
    const reuse = await save('Create News “2026-11-30”', () =>
      writeFileSync(join(editor, STORY), story('市政协召开民主评议会', '会议听取了承办单位汇报。')),
    );
    expect(reuse).toContain('发布失败：网址被另一篇稿件占用');
    expect(reuse).toContain(`网址 ${URL_PATH} 曾由 ${STORY}（「市政协视察老旧小区改造（续）」`);
    expect(servedHash()).toBe(before);
    expect((await get(URL_PATH)).status).toBe(410);
  });

  test('rollback serves the release before; only the last PUBLISH_KEEP releases are kept', async () => {
    const r = spawnSync(process.execPath, ['src/cli/publish.ts', 'rollback'], {
      cwd: ROOT,
      env: { ...process.env, SITE_ROOT: siteRoot },
      encoding: 'utf8',
    });
    expect(r.stdout, r.stderr).toContain('已回退');
    const page = await get(URL_PATH);
    expect(page.status).toBe(200);
    expect(page.body).toContain('委员们建议统一规划停车位');
    // Byte for byte as it was when it went live: the later release, made of links to its files, changed none of them.
    expect(servedHash()).toBe(fixed);
    const list = spawnSync(process.execPath, ['src/cli/publish.ts', 'releases'], {
      cwd: ROOT,
      env: { ...process.env, SITE_ROOT: siteRoot },
      encoding: 'utf8',
    }).stdout;
    expect(list.split('\n').filter((l) => /^[* ] \d{8}-\d{6}-[0-9a-f]{7}/.test(l))).toHaveLength(2);
    expect(list).toMatch(/^\* .*张编辑.*\+0 ~\d+ -0/m);
    expect(existsSync(join(siteRoot, 'build'))).toBe(true);
  });
});
