import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { SiteRoot } from '../../../src/lib/publish/releases.ts';
import { type Nginx, startNginx } from '../../../src/deploy/local-nginx.ts';
import { freePort } from '../../support/ports.ts';

/**
 * The shipped nginx configuration (src/deploy/nginx.conf) serves the site root's `current` symlink: a gone URL
 * answers 410 with its release's notice, an unknown one 404, the notices are never pages of their own, and switching
 * `current` changes what the next request gets.
 */
const dir = mkdtempSync(join(tmpdir(), 'czzx-gone-'));
const root = new SiteRoot(dir);
let nginx: Nginx;

function release(name: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const file = join(root.dir(name), rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

beforeAll(async () => {
  release('r1', {
    'index.html': '首页一',
    '404.html': '页面不存在',
    'news/a/index.html': '稿件甲',
    'news/b/index.html': '稿件乙',
  });
  release('r2', {
    'index.html': '首页二',
    '404.html': '页面不存在',
    'news/a/index.html': '稿件甲',
    '_gone/news/b/index.html': '该页面已撤下',
  });
  root.switchTo('r2');
  nginx = await startNginx({ port: await freePort(), root: root.currentLink });
});
afterAll(async () => {
  await nginx?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (path: string) => {
  const r = await fetch(`${nginx.url}${path}`, { redirect: 'manual' });
  return {
    status: r.status,
    body: await r.text(),
    csp: r.headers.get('content-security-policy'),
    cache: r.headers.get('cache-control'),
  };
};

test('a page deleted since the last release answers 410 with its notice, with or without the closing slash', async () => {
  for (const path of ['/news/b/', '/news/b']) {
    const r = await get(path);
    expect(r.status, path).toBe(410);
    expect(r.body).toBe('该页面已撤下');
    expect(r.csp).toMatch(/^default-src 'self'/);
    expect(r.cache).toBe('no-cache');
  }
});

test('a URL that never existed answers 404 with the 404 page; a live one 200', async () => {
  expect(await get('/news/c/')).toMatchObject({ status: 404, body: '页面不存在' });
  expect(await get('/news/a/')).toMatchObject({ status: 200, body: '稿件甲' });
});

test('the notices are not served as pages of their own', async () => {
  expect(await get('/_gone/news/b/')).toMatchObject({ status: 404, body: '页面不存在' });
  expect(await get('/_gone/news/b/index.html')).toMatchObject({ status: 404, body: '页面不存在' });
});

test('switching current changes the very next response: rollback serves the older release', async () => {
  root.switchTo('r1');
  expect(await get('/')).toMatchObject({ status: 200, body: '首页一' });
  expect(await get('/news/b/')).toMatchObject({ status: 200, body: '稿件乙' });
  root.switchTo('r2');
  expect(await get('/')).toMatchObject({ status: 200, body: '首页二' });
});
