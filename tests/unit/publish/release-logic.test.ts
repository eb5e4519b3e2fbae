import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkRelease } from '../../../src/lib/publish/checks.ts';
import { buildErrors, onlyStaleAssets } from '../../../src/lib/publish/build.ts';
import { diffPages, goneUrls, type Manifest, urlReuses } from '../../../src/lib/publish/manifest.ts';
import { fingerprint, listFiles, materialise, prelink } from '../../../src/lib/publish/materialise.ts';
import { releaseName, SiteRoot } from '../../../src/lib/publish/releases.ts';

/** The release machinery's rules on small trees of real files (the whole path runs in publish-git.test.ts). */
const dir = mkdtempSync(join(tmpdir(), 'czzx-release-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tree(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}
const manifest = (over: Partial<Manifest>): Manifest => ({
  release: 'r0',
  commit: 'c',
  author: 'a',
  time: '',
  buildSeconds: 0,
  added: [],
  changed: [],
  removed: [],
  pages: {},
  gone: {},
  files: {},
  ...over,
});

describe('materialising a release from the staging build', () => {
  const build = join(dir, 'build');
  tree(build, {
    'index.html': '首页',
    'news/a/index.html': '稿件甲',
    'news/b/index.html': '稿件乙',
    '_astro/site.css': 'body{}',
  });
  const first = materialise(build, join(dir, 'r1'));

  test('the first release copies every file and hashes every page', () => {
    expect(first).toMatchObject({ linked: 0, copied: 4 });
    expect(Object.keys(first.pages).sort()).toEqual(['/', '/news/a/', '/news/b/']);
    expect(statSync(join(dir, 'r1/news/a/index.html')).ino).not.toBe(statSync(join(build, 'news/a/index.html')).ino);
  });

  test('the next one hard-links what the build left in place and copies what it rewrote, so neither release changes', () => {
    writeFileSync(join(build, 'news/b/index.html'), '稿件乙（改）');
    utimesSync(join(build, 'news/b/index.html'), new Date(), new Date(Date.now() + 5000));
    // Written again with the same bytes, under a name that is its content's hash or not: linked all the same.
    utimesSync(join(build, '_astro/site.css'), new Date(), new Date(Date.now() + 5000));
    utimesSync(join(build, 'index.html'), new Date(), new Date(Date.now() + 5000));
    const second = materialise(build, join(dir, 'r2'), {
      dir: join(dir, 'r1'),
      manifest: manifest({ pages: first.pages, files: first.files }),
    });
    expect(second).toMatchObject({ linked: 3, copied: 1 });
    expect(statSync(join(dir, 'r2/_astro/site.css')).ino).toBe(statSync(join(dir, 'r1/_astro/site.css')).ino);
    expect(statSync(join(dir, 'r2/index.html')).ino).toBe(statSync(join(dir, 'r1/index.html')).ino);
    expect(statSync(join(dir, 'r2/news/a/index.html')).ino).toBe(statSync(join(dir, 'r1/news/a/index.html')).ino);
    expect(readFileSync(join(dir, 'r1/news/b/index.html'), 'utf8')).toBe('稿件乙');
    expect(diffPages(first.pages, second.pages)).toEqual({ added: [], changed: ['/news/b/'], removed: [] });
  });
});

test('a release linked ahead while the build runs (prelink) comes out as one made after it, and leaves the live one as it was', async () => {
  const build = join(dir, 'pre-build');
  tree(build, {
    'index.html': '首页',
    'news/a/index.html': '稿件甲',
    'news/b/index.html': '稿件乙',
    'news/gone/index.html': '将删除的稿件',
    'feed/rss.xml': '<rss/>',
    '_astro/site.css': 'body{}',
  });
  const r1 = materialise(build, join(dir, 'pre-r1'));
  const previous = { dir: join(dir, 'pre-r1'), manifest: manifest({ pages: r1.pages, files: r1.files }) };
  // Linked ahead, then the build changes one page, deletes one, adds one, and makes a folder where a file was.
  const ahead = await prelink(previous, join(dir, 'pre-r3'));
  expect(ahead.size).toBe(6);
  writeFileSync(join(build, 'news/b/index.html'), '稿件乙（改）');
  utimesSync(join(build, 'news/b/index.html'), new Date(), new Date(Date.now() + 5000));
  rmSync(join(build, 'news/gone'), { recursive: true });
  rmSync(join(build, 'feed/rss.xml'));
  tree(build, { 'news/c/index.html': '稿件丙', 'feed/rss.xml/index.html': '订阅' });
  const plain = materialise(build, join(dir, 'pre-r2'), previous);
  const linked = materialise(build, join(dir, 'pre-r3'), previous, ahead);
  expect(linked).toEqual(plain);
  expect(listFiles(join(dir, 'pre-r3'))).toEqual(listFiles(join(dir, 'pre-r2')));
  for (const f of listFiles(join(dir, 'pre-r2')))
    expect(readFileSync(join(dir, 'pre-r3', f), 'utf8'), f).toBe(readFileSync(join(dir, 'pre-r2', f), 'utf8'));
  expect(existsSync(join(dir, 'pre-r3/news/gone'))).toBe(false);
  expect(statSync(join(dir, 'pre-r3/news/a/index.html')).ino).toBe(statSync(join(dir, 'pre-r1/news/a/index.html')).ino);
  expect(statSync(join(dir, 'pre-r3/news/b/index.html')).ino).not.toBe(
    statSync(join(dir, 'pre-r1/news/b/index.html')).ino,
  );
  // The live release is untouched: the changed page was replaced in the new release, not written through the link.
  expect(readFileSync(join(dir, 'pre-r1/news/b/index.html'), 'utf8')).toBe('稿件乙');
  expect(readFileSync(join(dir, 'pre-r1/feed/rss.xml'), 'utf8')).toBe('<rss/>');
  expect(readFileSync(join(dir, 'pre-r1/news/gone/index.html'), 'utf8')).toBe('将删除的稿件');
});

test('a data file stamped with its build time has the same fingerprint when nothing else changed', () => {
  const data = (stamp: string, title: string) =>
    Buffer.from(`{"generated":"${stamp}","proposals":[{"title":"${title}","submitted":"2024-02-25T09:00:00+08:00"}]}`);
  expect(fingerprint('proposals.json', data('2026-12-07T01:34:15.298Z', '甲'))).toBe(
    fingerprint('proposals.json', data('2026-12-07T02:00:00.000Z', '甲')),
  );
  expect(fingerprint('proposals.json', data('2026-12-07T01:34:15.298Z', '甲'))).not.toBe(
    fingerprint('proposals.json', data('2026-12-07T01:34:15.298Z', '乙')),
  );
  expect(fingerprint('news/a/index.html', Buffer.from('2026-12-07T01:34:15Z'))).not.toBe(
    fingerprint('news/a/index.html', Buffer.from('2026-12-07T02:34:15Z')),
  );
});

describe('checks before a release goes live', () => {
  const good = {
    'index.html': '',
    '404.html': '',
    'pagefind/pagefind.js': '',
    'pagefind/pagefind-entry.json': '{"languages":{"und":{"page_count":3}}}',
    'rss.xml': '<rss><channel/></rss>',
    'sitemap-index.xml': '<sitemapindex/>',
  };

  test('a complete release passes', () => {
    tree(join(dir, 'ok'), good);
    expect(checkRelease(join(dir, 'ok'), listFiles(join(dir, 'ok')))).toEqual([]);
  });

  test('a feed that is not XML, an empty search index and a missing sitemap are named', () => {
    tree(join(dir, 'bad'), {
      ...good,
      'news/rss.xml': '<rss><channel><item></channel></rss>',
      'pagefind/pagefind-entry.json': '{"languages":{}}',
      'sitemap-index.xml': '',
    });
    rmSync(join(dir, 'bad/sitemap-index.xml'));
    const problems = checkRelease(join(dir, 'bad'), listFiles(join(dir, 'bad')));
    expect(problems).toContainEqual(expect.stringMatching(/^news\/rss\.xml 不是合格的 XML：第 1 行/));
    expect(problems).toContain('站内搜索索引是空的：pagefind/pagefind-entry.json 未收录任何页面');
    expect(problems).toContain('缺少网站地图：sitemap-index.xml');
  });

  test('a feed with the bytes of the live release, which passed these checks, is not parsed again; any other is', () => {
    const live = new Set(['news/rss.xml']);
    const problems = checkRelease(join(dir, 'bad'), listFiles(join(dir, 'bad')), (f) => live.has(f));
    expect(problems.filter((p) => p.includes('rss.xml'))).toEqual([]);
    expect(checkRelease(join(dir, 'bad'), listFiles(join(dir, 'bad')), (f) => f === 'rss.xml')).toContainEqual(
      expect.stringMatching(/^news\/rss\.xml 不是合格的 XML/),
    );
  });
});

describe('gone URLs and URL reuse', () => {
  const before = manifest({
    pages: {
      '/news/a/': { hash: '1', source: 'content/news/a.md', title: '甲' },
      '/news/w/': { hash: '4', source: 'content/news/w.md', title: '撤' },
    },
    gone: { '/news/old/': { source: 'content/news/old.md', title: '旧', since: 'r0', deleted: true } },
  });
  const exists = (source: string) => source === 'content/news/w.md';

  test('a deleted or withdrawn page is gone, and a URL gone earlier stays gone until a page comes back', () => {
    expect(goneUrls(before, {}, 'r1', exists)).toEqual({
      '/news/old/': before.gone['/news/old/'],
      '/news/a/': { source: 'content/news/a.md', title: '甲', since: 'r1', deleted: true },
      '/news/w/': { source: 'content/news/w.md', title: '撤', since: 'r1', deleted: false },
    });
    expect(
      goneUrls(before, { '/news/old/': { hash: '2', source: 'content/news/old.md', title: '旧' } }, 'r1', exists),
    ).not.toHaveProperty(['/news/old/']);
  });

  test('a new story under a deleted story’s file name is refused naming both; a deletion undone or a withdrawn story back is not', () => {
    const reuse = urlReuses(before, { '/news/old/': { hash: '2', source: 'content/news/old.md', title: '新稿件' } });
    expect(reuse.map((r) => r.message)).toEqual([
      expect.stringContaining(
        '网址 /news/old/ 曾由 content/news/old.md（「旧」，自版本 r0 起撤下） 发布，现在 content/news/old.md（「新稿件」）',
      ),
    ]);
    expect(urlReuses(before, { '/news/old/': { hash: '2', source: 'content/news/old.md', title: '旧' } })).toEqual([]);
    expect(urlReuses(before, { '/news/a/': { hash: '3', source: 'content/voices/a.md' } })[0]?.message).toContain(
      'content/news/a.md',
    );
    const withdrawn = manifest({ gone: goneUrls(before, {}, 'r1', exists) });
    expect(
      urlReuses(withdrawn, { '/news/w/': { hash: '5', source: 'content/news/w.md', title: '撤（更正）' } }),
    ).toEqual([]);
  });
});

test('the build’s errors reach the output without Astro’s stack', () => {
  const output =
    '01:00:00 [ERROR] [czzx-post-build] An unhandled error occurred while running the "astro:build:done" hook\n失效链接 1 处：\n  /news/a/ → /news/x/（页面或文件不存在）\n  Location:\n    /x.ts:1:1\n  Stack trace:\n    at y';
  expect(buildErrors(output)).toEqual(['失效链接 1 处：', '/news/a/ → /news/x/（页面或文件不存在）']);
  const content = `  [InvalidContentEntryDataError] news → a data does not match collection schema.
    date: 「发布时间」格式错误：“昨天上午”
    Hint:
      See https://docs.astro.build/ for more information.
    Location:
      /srv/checkout/content/news/a.md:0:0
    Stack trace:
      at getEntryData (x.js:1:1)
  01:45:15 [content] Syncing content`;
  expect(buildErrors(content)).toEqual([
    '[InvalidContentEntryDataError] news → a data does not match collection schema.',
    'date: 「发布时间」格式错误：“昨天上午”',
    '文件：/srv/checkout/content/news/a.md',
  ]);
  // Only links to the build's own renamed assets: a stale cache, which a full build repairs; anything else is real.
  expect(
    onlyStaleAssets([
      '失效链接 2 处：',
      '/news/a/ → /_astro/global.B9.css（页面或文件不存在）',
      '/ → /_astro/global.B9.css（页面或文件不存在）',
    ]),
  ).toBe(true);
  expect(
    onlyStaleAssets([
      '失效链接 2 处：',
      '/news/a/ → /_astro/global.B9.css（页面或文件不存在）',
      '/ → /news/x/（页面或文件不存在）',
    ]),
  ).toBe(false);
  expect(onlyStaleAssets(buildErrors(output))).toBe(false);
});

test('release names sort by time and never collide; prune keeps the live release', () => {
  const t = new Date('2026-03-01T01:30:00Z');
  expect(releaseName(t, 'abcdef123456', [])).toBe('20260301-013000-abcdef1');
  expect(releaseName(t, 'abcdef123456', ['20260301-013000-abcdef1'])).toBe('20260301-013000-abcdef1-2');
  const root = new SiteRoot(join(dir, 'site'));
  for (const n of ['a1', 'a2', 'a3', 'a4']) tree(root.dir(n), { 'index.html': n });
  root.switchTo('a1');
  expect(root.prune(2)).toEqual(['a2']);
  expect(root.list()).toEqual(['a1', 'a3', 'a4']);
});

test('one publish at a time: a second waits and then gives up in Chinese; a lock of a process that died is taken over', () => {
  const root = new SiteRoot(join(dir, 'locked'));
  const unlock = root.lock();
  expect(() => root.lock(300)).toThrow(/^另一次发布仍在进行（进程 \d+/);
  unlock();
  writeFileSync(join(root.root, '.publish.lock'), '999999999');
  root.lock(300)();
});
