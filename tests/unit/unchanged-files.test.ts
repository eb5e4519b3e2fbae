import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it } from 'vitest';
import { changedPattern, planFolder } from '../../src/content/unchanged-files.ts';
import { FileFacts } from '../../src/integrations/file-facts.ts';
import { assertKept, keepingUnchanged } from '../../src/integrations/internals/astro-glob-loader.ts';
import { packageVersion } from '../../src/integrations/internals/package-version.ts';
import { ContentFixture } from '../support/fixture.ts';

/**
 * A rebuild reads only the content files changed since the entries the store holds (src/content/unchanged-files.ts),
 * through Astro's own glob loader given those files alone. The store must come out as a full read would leave it.
 */
const dir = mkdtempSync(join(tmpdir(), 'czzx-unchanged-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Store = LoaderContext['store'];
/** The part of Astro's data store these functions use, over a Map. */
function storeOf(entries: Record<string, { digest: string }>): Store {
  const map = new Map(Object.entries(entries).map(([id, e]) => [id, { id, filePath: `${id}.md`, data: {}, ...e }]));
  return {
    get: (id: string) => map.get(id),
    has: (id: string) => map.has(id),
    delete: (id: string) => void map.delete(id),
    keys: () => [...map.keys()],
  } as unknown as Store;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const idOf = (rel: string) => rel.slice(0, -3);

describe('which files a rebuild reads', () => {
  it('reads a file again when it changed, when the store holds other content for it, or when nothing is known', async () => {
    const base = join(dir, 'news');
    cpSync(join(import.meta.dirname, '../../content/news'), base, { recursive: true });
    // Files changed within the last two seconds are never trusted later (file-facts.ts); these are older now.
    await sleep(2_100);
    const factsFile = join(dir, 'facts.json');
    const files = ['2023-04-12-tian-an-jiaoban.md', '2023-06-08-guangfu-diaoyan.md', '2023-09-26-aixin-zhuxue.md'];
    const first = planFolder(base, '.md', idOf, storeOf({}), new FileFacts<string>(factsFile, 'v1', true));
    expect(first.partial).toBe(false);
    expect(first.unchanged.size).toBe(0);
    expect(first.changed).toEqual(expect.arrayContaining(files));
    // What a load would record: the digest of each file's entry.
    const facts = new FileFacts<string>(factsFile, 'v1', true);
    const again = planFolder(base, '.md', idOf, storeOf({}), facts);
    for (const [rel, stamp] of again.stamps) facts.record(rel, stamp, `d-${rel}`);
    facts.save();
    const stored = storeOf(Object.fromEntries(again.changed.map((rel) => [idOf(rel), { digest: `d-${rel}` }])));

    writeFileSync(join(base, files[0]!), `${readFileSync(join(base, files[0]!), 'utf8')}\n补记一句。\n`);
    // A store left by a build that stopped before it saved: its entry is older than the file recorded.
    (stored.get(idOf(files[1]!)) as { digest: string }).digest = 'older';
    const plan = planFolder(base, '.md', idOf, stored, new FileFacts<string>(factsFile, 'v1', true));
    expect(plan.changed.sort()).toEqual([files[0], files[1]].sort());
    expect(plan.unchanged.has(idOf(files[2]!))).toBe(true);
    expect(plan.unchanged.size).toBe(again.changed.length - 2);
    expect(plan.partial).toBe(true);
    // Other code (another version of the facts): everything is read.
    expect(planFolder(base, '.md', idOf, stored, new FileFacts<string>(factsFile, 'v2', true)).partial).toBe(false);
  });

  it('names the changed files in one glob pattern', () => {
    expect(changedPattern(['a.md'])).toBe('a.md');
    expect(changedPattern(['a.md', 'b-2.md'])).toBe('{a.md,b-2.md}');
  });
});

describe('the glob loader given only the changed files (internals canary)', () => {
  it('keeps the entries of unchanged files and deletes those of deleted files', () => {
    const store = storeOf({ kept: { digest: '1' }, gone: { digest: '2' } });
    const seen = keepingUnchanged(store, new Set(['kept']));
    seen.delete('kept');
    seen.delete('gone');
    expect([store.has('kept'), store.has('gone')]).toEqual([true, false]);
    expect(() => assertKept(store, new Set(['kept']), '新闻简报')).not.toThrow();
  });

  it('stops the build, naming astro and its version, when an unchanged entry went missing', () => {
    const store = storeOf({ kept: { digest: '1' } });
    store.delete('kept');
    expect(() => assertKept(store, new Set(['kept']), '新闻简报')).toThrow(
      new RegExp(
        `^astro ${packageVersion('astro').replace(/\./g, '\\.')}：只读取改动过的内容文件.*\\n.*「新闻简报」中 1 条`,
      ),
    );
  });

  it('through the real build: an edit, a deletion and a new story read alone, and the store as a full read leaves it', async () => {
    const fixture = new ContentFixture();
    try {
      await sleep(2_100);
      const first = fixture.astro('sync');
      expect(first.status, first.output).toBe(0);
      expect(first.output).not.toContain('changed file(s) read');
      const news = fixture.read('news/2023-06-08-guangfu-diaoyan.md');
      fixture.edit('news/2023-04-12-tian-an-jiaoban.md', '本报讯', '本报讯 萤火虫夜校开课。');
      rmSync(fixture.path('news/2023-09-26-aixin-zhuxue.md'));
      fixture.write('news/2031-01-02-xin-gao.md', news.replace(/title: .*/, 'title: 新稿一篇'));
      const second = fixture.astro('sync');
      expect(second.status, second.output).toBe(0);
      const total = 27;
      // The edited and the new file; the deleted one is simply gone, the rest left as stored.
      expect(second.output).toContain(`2 changed file(s) read, ${total - 2} unchanged left as stored`);
      const store = readFileSync(join(fixture.dir, 'cache/data-store.json'), 'utf8');
      expect(store).toContain('萤火虫夜校开课');
      expect(store).toContain('新稿一篇');
      expect(store).not.toContain('2023-09-26-aixin-zhuxue');
      expect(store).toContain('2023-06-08-guangfu-diaoyan');
    } finally {
      fixture.dispose();
    }
  });
});
