import type { AstroIntegrationLogger } from 'astro';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexSite } from '../../src/integrations/search-index.ts';
import { clearStaging, stageFolder } from '../../src/integrations/search-stage.ts';
import { PreIndexer } from '../../src/integrations/search-preindex.ts';
import { notePageMonths, pageFile, renderOrder, takePageMonths } from '../../src/lib/search/render-order.ts';

const tmp = mkdtempSync(join(tmpdir(), 'czzx-preindex-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const logged: string[] = [];
const logger = {
  info: (m: string) => logged.push(m),
  warn: (m: string) => logged.push(`warn: ${m}`),
  error: () => {},
  debug: () => {},
  fork: () => logger,
} as unknown as AstroIntegrationLogger;

describe('renderOrder', () => {
  const months = new Map<string, string>();
  const paths: { pathname: string }[] = [{ pathname: '/' }, { pathname: '/news/' }];
  // 2020-2021 make a part of 5 pages, 2022 one of 4, 2023 (the newest) one of 2.
  for (const [year, n] of [
    [2020, 3],
    [2021, 2],
    [2022, 4],
    [2023, 2],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const path = `/news/${year}-${i}/`;
      months.set(path, `${year}-0${1 + i}`);
      paths.push({ pathname: path.slice(0, -1) });
    }
  }
  paths.push({ pathname: '/rss.xml' });

  it('renders each part together, the smallest first, and the pages search does not hold last', () => {
    const { ordered, groups } = renderOrder(paths, months, 5);
    expect(groups.map((g) => [g.id, g.files.length])).toEqual([
      ['2023', 2],
      ['2022', 4],
      ['2020-2021', 5],
    ]);
    expect(groups[0]!.files).toEqual(['news/2023-0/index.html', 'news/2023-1/index.html']);
    expect(ordered.map((p) => p.pathname)).toEqual([
      '/news/2023-0',
      '/news/2023-1',
      '/news/2022-0',
      '/news/2022-1',
      '/news/2022-2',
      '/news/2022-3',
      '/news/2020-0',
      '/news/2020-1',
      '/news/2020-2',
      '/news/2021-0',
      '/news/2021-1',
      '/',
      '/news/',
      '/rss.xml',
    ]);
  });

  it('renders a year larger than the cap month run by month run, the smallest first', () => {
    const big = new Map<string, string>();
    const bigPaths = [1, 1, 2, 2, 3, 4, 4].map((m, i) => {
      big.set(`/news/n${i}/`, `2025-0${m}`);
      return { pathname: `/news/n${i}/` };
    });
    const { ordered, groups } = renderOrder(bigPaths, big, 4);
    expect(groups.map((g) => [g.id, g.files.length])).toEqual([
      ['2025-03', 1],
      ['2025-04', 2],
      ['2025-01_02', 4],
    ]);
    expect(ordered.map((p) => p.pathname).slice(0, 3)).toEqual(['/news/n4/', '/news/n5/', '/news/n6/']);
  });

  it('takes the months the routes noted, however a path is written', () => {
    notePageMonths([['/members/%E8%B0%A2/', '0000-00']]);
    const noted = takePageMonths();
    expect(noted.get('/members/谢/')).toBe('0000-00');
    expect(takePageMonths().size, 'a build reads them once').toBe(0);
    expect(renderOrder([{ pathname: '/members/谢' }], noted, 5).groups).toEqual([
      { id: '0000', files: ['members/谢/index.html'] },
    ]);
    expect(pageFile('/')).toBe('index.html');
  });
});

/** A searchable page as the site renders it (src/components/SearchRecord.astro). */
function page(site: string, path: string, year: number, text: string): void {
  const file = join(site, pageFile(path));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    `<!DOCTYPE html><html lang="zh-CN"><head><title>${text}</title></head><body><main data-pagefind-body><h1>${text}</h1><div hidden data-pagefind-sort="date:${year}-05-01T10:00:00+08:00"></div><p>${text}</p></main></body></html>`,
  );
}

describe('PreIndexer', () => {
  it('indexes each part once its pages are rendered, and the index step takes them as they are', async () => {
    const site = join(tmp, 'site');
    const cache = join(tmp, 'cache');
    const groups = [
      { id: '2023', files: ['/news/a/', '/news/b/'] },
      { id: '2024', files: ['/news/c/'] },
    ];
    const pre = new PreIndexer(site, cache, logger);
    page(site, '/news/a/', 2023, '政协委员调研智慧停车');
    page(site, '/news/b/', 2023, '委员建议发展普惠托育');
    page(site, '/news/c/', 2024, '新年茶话会举行');
    pre.plan(groups.map((g) => ({ ...g, files: g.files.map(pageFile) })));
    pre.rendered('/news/a/');
    expect(existsSync(join(cache, 'search-index/2023')), 'not before the whole part is rendered').toBe(false);
    pre.rendered('/news/b/');
    pre.rendered('/news/c/');
    expect([...(await pre.settled())].sort()).toEqual(['2023', '2024']);
    expect(readFileSync(join(cache, 'search-index/2023/pagefind-entry.json'), 'utf8')).toContain('"page_count":2');

    const summary = await indexSite(site, cache, logger, await pre.settled());
    expect(summary).toMatchObject({ parts: 2, early: 2, reused: 0 });
    expect(
      JSON.parse(readFileSync(join(site, 'pagefind/parts.json'), 'utf8')).parts.map((p: { id: string }) => p.id),
    ).toEqual(['2024', '2023']);
    expect(existsSync(join(site, 'pagefind/parts/2023/pagefind-entry.json'))).toBe(true);
  }, 60_000);

  it('leaves to the index step a part whose pages changed after it was indexed, or were not written in time', async () => {
    const site = join(tmp, 'site2');
    const cache = join(tmp, 'cache2');
    const pre = new PreIndexer(site, cache, logger, { writeWaitMs: 200 });
    page(site, '/news/a/', 2023, '政协委员调研智慧停车');
    page(site, '/news/c/', 2024, '新年茶话会举行');
    pre.plan([
      { id: '2023', files: ['news/a/index.html'] },
      { id: '2024', files: ['news/c/index.html', 'news/never/index.html'] },
    ]);
    pre.rendered('/news/a/');
    pre.rendered('/news/c/');
    pre.rendered('/news/never/');
    const early = await pre.settled();
    expect([...early]).toEqual(['2023']);
    // Written again after its part was indexed: the index step must not trust that part.
    page(site, '/news/a/', 2023, '政协委员调研农田水利');
    const summary = await indexSite(site, cache, logger, early);
    expect(summary).toMatchObject({ parts: 2, early: 0, reused: 0 });
    expect(readFileSync(join(cache, 'search-index/2023/pagefind-entry.json'), 'utf8')).toContain('"page_count":1');
  }, 60_000);

  it('waits for a page of the last build to be written again, rather than index the old one', async () => {
    const site = join(tmp, 'site3');
    const cache = join(tmp, 'cache3');
    // The output folder is kept between builds (output-folder.ts): the last build's page is there when the build starts.
    page(site, '/news/a/', 2023, '政协委员调研智慧停车');
    utimesSync(join(site, 'news/a/index.html'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const pre = new PreIndexer(site, cache, logger);
    pre.plan([{ id: '2023', files: ['news/a/index.html'] }]);
    pre.rendered('/news/a/');
    // `rendered` has already found the last build's page and left the part waiting: no pause is needed to prove it.
    page(site, '/news/a/', 2023, '政协委员调研农田水利');
    expect([...(await pre.settled())]).toEqual(['2023']);
    const summary = await indexSite(site, cache, logger, await pre.settled());
    expect(summary, 'the part indexed early holds the page as written in this build').toMatchObject({
      parts: 1,
      early: 1,
      reused: 0,
    });
  }, 60_000);
});

describe('staging a part for Pagefind', () => {
  const MB = 1024 * 1024;

  it('stages in shared memory when it has room for two such parts, else on disk in the cache', () => {
    const cache = join(tmp, 'cache-s');
    const inMemory = stageFolder(cache, '2023', 70 * MB, () => 24_000 * MB);
    expect(inMemory).toMatch(/^\/dev\/shm\/czzx-search-stage-[0-9a-f]{12}\/2023$/);
    // Docker's 64 MB of shared memory, or none at all.
    expect(stageFolder(cache, '2023', 70 * MB, () => 64 * MB)).toBe(join(cache, 'search-stage/2023'));
    expect(stageFolder(cache, '2023', 70 * MB, () => 0)).toBe(join(cache, 'search-stage/2023'));
    // Another site's build stages apart.
    expect(stageFolder(join(tmp, 'other-cache'), '2023', 70 * MB, () => 24_000 * MB)).not.toBe(inMemory);
  });

  it("stages where SEARCH_STAGE_DIR says, indexes from there and leaves nothing staged; a stopped build's leftovers are cleared", async () => {
    const site = join(tmp, 'site-s');
    const cache = join(tmp, 'cache-s');
    const elsewhere = join(tmp, 'stage-elsewhere');
    process.env.SEARCH_STAGE_DIR = elsewhere;
    try {
      page(site, '/news/a/', 2023, '政协委员调研智慧停车');
      page(site, '/news/b/', 2024, '新年茶话会举行');
      const leftover = join(stageFolder(cache, '2019', 1), 'news/x/index.html');
      mkdirSync(dirname(leftover), { recursive: true });
      writeFileSync(leftover, '<html></html>');
      mkdirSync(join(cache, 'search-stage/2018'), { recursive: true });
      expect(leftover.startsWith(elsewhere)).toBe(true);
      clearStaging(cache);
      expect(existsSync(leftover)).toBe(false);
      expect(existsSync(join(cache, 'search-stage'))).toBe(false);

      const summary = await indexSite(site, cache, logger);
      expect(summary).toMatchObject({ pages: 2, parts: 2 });
      expect(readFileSync(join(cache, 'search-index/2023/pagefind-entry.json'), 'utf8')).toContain('"page_count":1');
      expect(readdirSync(elsewhere), 'the staged copies are deleted once indexed').toEqual([]);

      // A folder that cannot be written fails the build, naming the part, rather than indexing from somewhere else.
      writeFileSync(join(tmp, 'a-file'), '');
      process.env.SEARCH_STAGE_DIR = join(tmp, 'a-file');
      page(site, '/news/a/', 2023, '政协委员调研农田水利');
      await expect(indexSite(site, cache, logger)).rejects.toThrow(/staging the part 2023 for Pagefind failed/);
    } finally {
      delete process.env.SEARCH_STAGE_DIR;
    }
  }, 60_000);
});
