import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { afterAll, expect, test } from 'vitest';
import { checkLinks, checkLinksInWorker } from '../../src/integrations/link-check.ts';

const tmp = mkdtempSync(join(tmpdir(), 'czzx-link-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const site = join(tmp, 'dist');
const scans = join(tmp, 'cache/link-scans.json');
const SITE = 'https://www.example.gov.cn/';
const logged: string[] = [];
const logger = { info: (m: string) => logged.push(m) } as unknown as AstroIntegrationLogger;
const page = (path: string, body: string) => {
  mkdirSync(dirname(join(site, path)), { recursive: true });
  writeFileSync(
    join(site, path),
    `<!doctype html><html><head><link rel="stylesheet" href="/_astro/site.css"></head><body>${body}</body></html>`,
  );
};

test('unchanged pages are not parsed again, yet every link is checked on every build', async () => {
  page('index.html', '<a href="/news/a/">a</a><a href="/news/b/#sec">b</a>');
  page('news/a/index.html', '<a href="/news/b/">b</a>');
  page('news/b/index.html', '<h2 id="sec">节</h2><a href="/">首页</a>');
  mkdirSync(join(site, '_astro'));
  writeFileSync(join(site, '_astro/site.css'), 'body{}');

  await checkLinks(site, SITE, logger, scans);
  expect(logged.at(-1)).toContain('3 parsed');

  // A rebuild that changes nothing parses nothing.
  await checkLinks(site, SITE, logger, scans);
  expect(logged.at(-1)).toContain('0 parsed');

  // A page that is gone breaks the links of pages that did not change.
  rmSync(join(site, 'news/b'), { recursive: true });
  await expect(checkLinks(site, SITE, logger, scans)).rejects.toThrow(/\/news\/a\/ → \/news\/b\//);

  // An edited page is parsed again: the anchor it lost is reported on the unchanged page linking to it.
  page('news/b/index.html', '<h2 id="other">节</h2>');
  await expect(checkLinks(site, SITE, logger, scans)).rejects.toThrow(/\/ → \/news\/b\/#sec（页面中没有锚点“sec”）/);
});

test('an unreadable scan file means every page is parsed, not a failed build', async () => {
  writeFileSync(scans, '{"scanner":');
  page('news/b/index.html', '<h2 id="sec">节</h2>');
  await checkLinks(site, SITE, logger, scans);
  expect(logged.at(-1)).toContain('3 parsed');
});

test('with two threads, the pages the second thread parses are checked and their scans kept', async () => {
  const two = join(tmp, 'two');
  const twoScans = join(tmp, 'cache/two-scans.json');
  const put = (path: string, body: string) => {
    mkdirSync(dirname(join(two, path)), { recursive: true });
    writeFileSync(join(two, path), `<!doctype html><html><body>${body}</body></html>`);
  };
  const names = ['a', 'b', 'c', 'd', 'e', 'f'];
  for (const n of names)
    put(
      `news/${n}/index.html`,
      `<h2 id="s-${n}">节</h2><a href="/news/${names[(names.indexOf(n) + 1) % names.length]}/#s-x">下一篇</a>`,
    );
  // Every page links to an anchor its neighbour lacks: each thread's pages must be reported.
  const error = await checkLinks(two, SITE, logger, twoScans, 2, 1).then(
    () => '',
    (e: Error) => e.message,
  );
  for (const n of names) expect(error).toContain(`/news/${n}/ → `);

  for (const n of names)
    put(
      `news/${n}/index.html`,
      `<h2 id="s-x">节</h2><a href="/news/${names[(names.indexOf(n) + 1) % names.length]}/#s-x">下一篇</a>`,
    );
  await checkLinks(two, SITE, logger, twoScans, 2, 1);
  expect(logged.at(-1)).toContain('checked 6 pages and feeds (6 read, 6 parsed');
  // Both threads' scans were saved.
  await checkLinks(two, SITE, logger, twoScans, 2, 1);
  // Read again (they were written moments ago, see file-facts.ts) but not parsed.
  expect(logged.at(-1)).toContain('(6 read, 0 parsed');
});

test('in a thread of its own, the check hands its log lines over as they come and fails with the broken link named', async () => {
  const dir = join(tmp, 'threaded');
  const at = (path: string, body: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), `<!doctype html><html><body>${body}</body></html>`);
  };
  at('index.html', '<a href="/news/a/">a</a>');
  at('news/a/index.html', '<a href="/">首页</a>');
  const lines: string[] = [];
  const log = { info: (m: string) => lines.push(m) } as unknown as AstroIntegrationLogger;
  const job = { root: dir, site: SITE, scanFile: join(tmp, 'cache/threaded-scans.json'), threads: 1 };
  await checkLinksInWorker(job, log);
  expect(lines.at(-1)).toContain('2 parsed');
  rmSync(join(dir, 'news/a'), { recursive: true });
  await expect(checkLinksInWorker(job, log)).rejects.toThrow(/\/ → \/news\/a\//);
});
