import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { collections } from '../../src/content/model.ts';
import { rawEntries } from '../support/content.ts';
import { allResults, searchFor, shownExcerpts, squeeze, statedCount, visibleIndexedText } from './search-support.ts';

/**
 * Search results a reader can trust (issue 22): excerpts from what the page shows, counts that match the list, tags,
 * units and names found, status words and page chrome never matched, traditional characters, proposal numbers in
 * every form, quoted symbols, and one download of Pagefind's engine per page load.
 */
const entries = (name: string) =>
  rawEntries(collections.find((c) => c.name === name)!).filter((e) => e.data.public !== false);
const proposals = entries('proposals');

/** Every excerpt on the page is text the result's page shows (or its summary), and is marked unless it is the summary. */
async function expectVisibleExcerpts(page: import('@playwright/test').Page, q: string): Promise<void> {
  for (const r of await shownExcerpts(page)) {
    const { text, description } = await visibleIndexedText(page, r.url);
    const shown = squeeze(r.excerpt);
    expect(shown.length, `“${q}”: ${r.url} has an excerpt`).toBeGreaterThan(0);
    expect(
      text.includes(shown) || description.includes(shown),
      `“${q}”: the excerpt of ${r.url} is text the page shows: ${r.excerpt}`,
    ).toBe(true);
    expect(r.excerpt, `“${q}”: ${r.url}`).not.toMatch(/^[\s\p{P}]/u);
    for (const reply of r.replies)
      expect(text.includes(squeeze(reply)), `“${q}”: a reply excerpt of ${r.url}: ${reply}`).toBe(true);
  }
}

test.describe('excerpts show only what the page shows', () => {
  // Queries that match hidden keys (pinyin, initials, number forms, synonyms, names, tags) as well as text.
  for (const q of [
    'zhtc',
    'zhihui tingche',
    'kjfw',
    '14-3-0123',
    '第123号',
    '提案58号',
    'xiehuilan',
    '发展和改革委员会',
    '乡村振兴',
    '科技服务',
    '托育',
    '市科技局',
  ]) {
    test(q, async ({ page }) => {
      const results = await searchFor(page, { q });
      expect(results.length, q).toBeGreaterThan(0);
      await expectVisibleExcerpts(page, q);
    });
  }

  test('a result found by pinyin alone shows its summary; one found in its text marks the words', async ({ page }) => {
    await searchFor(page, { q: 'zhtc' });
    const [pinyin] = await shownExcerpts(page);
    expect(pinyin).toMatchObject({ url: '/proposals/14-1-0158/', marked: false });
    expect(pinyin!.excerpt).not.toMatch(/[a-z]{3}/);
    await searchFor(page, { q: '错时共享' });
    const [text] = await shownExcerpts(page);
    expect(text).toMatchObject({ url: '/proposals/14-1-0158/', marked: true });
    expect(
      (await page.locator('[data-results] > li').first().locator('.search-result-excerpt mark').allTextContents()).join(
        '',
      ),
    ).toContain('共享');
  });

  test('a proposal shows 案号 · 提案人 · 主办单位 · 状态, and its replies are named without their role', async ({
    page,
  }) => {
    await searchFor(page, { q: '科技服务' });
    const item = page.locator('[data-results] > li', { has: page.locator('a[href="/proposals/14-3-0123/"]') });
    await expect(item.locator('.search-result-facts')).toHaveText(
      '案号 14-3-0123 · 提案人 谢慧兰 · 主办单位 市科技局 · 状态 已办复',
    );
    const replies = await item.locator('.search-result-replies a').allTextContents();
    expect(replies.length).toBeGreaterThan(0);
    for (const r of replies) expect(r).toMatch(/的(答复|协办意见|会办意见)$/);
  });
});

test.describe('the count stated is the number of results listed', () => {
  for (const params of [
    { q: '发改委' },
    { q: '建议' },
    { q: '乡村振兴' },
    { q: '中' },
    { q: '建议', kind: '提案与答复' },
    { q: '发展', year: '2024' },
    { q: '答复', status: '已办复' },
    { kind: '新闻简报' },
  ]) {
    test(JSON.stringify(params), async ({ page }) => {
      const { urls, stated } = await allResults(page, params);
      expect(new Set(stated).size, 'every page states the same count').toBe(1);
      expect(urls.length).toBe(stated[0]);
      expect(new Set(urls).size, 'no result listed twice').toBe(urls.length);
    });
  }

  test('发改委 lists only pages that show it or its full name (as text, or as a handling unit)', async ({ page }) => {
    const { urls } = await allResults(page, { q: '发改委' });
    expect(urls.length).toBeGreaterThan(2);
    for (const url of urls) expect(await (await page.request.get(url)).text(), url).toMatch(/发改委|发展和改革委员会/);
  });
});

test.describe('tags, names and units are found; chrome and status words are not', () => {
  test('乡村振兴 finds every story tagged with it', async ({ page }) => {
    const tagged = entries('news').filter((e) => (e.data.tags as string[] | undefined)?.includes('乡村振兴'));
    expect(tagged.length).toBeGreaterThan(2);
    const { urls } = await allResults(page, { q: '乡村振兴' });
    for (const e of tagged) expect(urls, e.id).toContain(`/news/${e.id}/`);
  });

  test('委员之家: the story titled so first, then every story tagged so, then pages that merely name it', async ({
    page,
  }) => {
    const tagged = entries('news').filter((e) => (e.data.tags as string[] | undefined)?.includes('委员之家'));
    expect(tagged.length).toBeGreaterThan(2);
    const { urls } = await allResults(page, { q: '委员之家' });
    expect(urls[0]).toBe('/news/2025-06-03-xiangyuan-weiyuan-zhijia/');
    expect(urls.slice(0, tagged.length).sort()).toEqual(tagged.map((e) => `/news/${e.id}/`).sort());
  });

  test('a unit’s page is found first by its full and by its short name', async ({ page }) => {
    const units = (
      parse(readFileSync('content/taxonomies/units.yml', 'utf8')) as {
        items: { id: string; name: string; shortName?: string }[];
      }
    ).items;
    expect((await searchFor(page, { q: '长治市科学技术局' }))[0]).toBe('/units/kjj/');
    // The short name without 市 too (卫健委), as readers and the proposals' reply headings write it.
    for (const u of units.filter((u) => u.shortName)) {
      for (const q of [u.shortName!, u.shortName!.replace(/^市/, '')])
        expect((await searchFor(page, { q }))[0], q).toBe(`/units/${u.id}/`);
    }
  });

  test('中 does not match the status 办理中, nor 答复 the heading 办理答复', async ({ page }) => {
    const { urls } = await allResults(page, { q: '中' });
    for (const url of urls) {
      const { text } = await visibleIndexedText(page, url);
      expect(text, url).toContain('中');
    }
    // A proposal still being handled has no reply, so no word 答复 on its page but the chrome.
    const handling = proposals.filter(
      (p) => p.data.status === '办理中' && (p.data.replies as unknown[] | undefined)?.length === 0,
    );
    const answered = (await allResults(page, { q: '答复' })).urls;
    for (const p of handling) expect(answered, p.id).not.toContain(`/proposals/${p.id}/`);
  });
});

test.describe('traditional characters', () => {
  test('農業發展 finds what 农业发展 finds, loading the converter only then', async ({ page }) => {
    const chunks: string[] = [];
    page.on('request', (r) => {
      if (/\/_astro\/t2s\.[\w-]+\.js$/.test(r.url())) chunks.push(r.url());
    });
    const simplified = await searchFor(page, { q: '农业发展' });
    expect(chunks, 'no converter for a simplified query').toEqual([]);
    const traditional = await searchFor(page, { q: '農業發展' });
    expect(simplified.length).toBeGreaterThan(0);
    expect(traditional).toEqual(simplified);
    expect(chunks).toHaveLength(1);
    expect(await searchFor(page, { q: '會議' })).toEqual(await searchFor(page, { q: '会议' }));
  });
});

test.describe('a proposal number in every form finds it first', () => {
  const forms = (serial: number) => [
    `14-3-${serial}`,
    `14-3-${String(serial).padStart(4, '0')}`,
    `十四届三次会议第${serial}号`,
    `十四届三次会议 第${serial}号`,
    `第${serial}号提案`,
    `提案${serial}号`,
  ];
  for (const [serial, id] of [
    [58, '14-3-0058'],
    [123, '14-3-0123'],
    [177, '14-3-0177'],
  ] as const) {
    for (const q of forms(serial)) {
      test(`${q} → ${id}`, async ({ page }) => {
        const results = await searchFor(page, { q });
        expect(results[0]).toBe(`/proposals/${id}/`);
        expect(await statedCount(page)).toBe(results.length);
      });
    }
  }
});

test.describe('quoted phrases keep their symbols', () => {
  for (const [q, url] of [
    ['"互联网+停车"', '/proposals/14-1-0158/'],
    ['“晋创谷·长治”', '/proposals/14-3-0123/'],
    ['《科技赋能高质量发展行动计划》', '/proposals/14-3-0123/'],
  ] as const) {
    test(q, async ({ page }) => {
      const results = await searchFor(page, { q: q.startsWith('《') ? `"${q}"` : q });
      expect(results).toContain(url);
      const phrase = squeeze(q.replace(/["“”]/g, ''));
      for (const r of results) expect((await visibleIndexedText(page, r)).text, r).toContain(phrase);
    });
  }

  test('a quoted phrase with a symbol finds nothing where the symbol differs', async ({ page }) => {
    expect(await searchFor(page, { q: '"互联网-停车"' })).toEqual([]);
    expect(await searchFor(page, { q: '"晋创谷—长治"' })).toEqual([]);
  });
});

test('one download of Pagefind’s engine per page load, however many parts', async ({ page }) => {
  const manifest = (await (await page.request.get('/pagefind/parts.json')).json()) as { parts: unknown[] };
  expect(manifest.parts.length, 'the sample is indexed in more than one part').toBeGreaterThan(1);
  const engine: Promise<number>[] = [];
  page.on('requestfinished', (r) => {
    if (/\/wasm\.[\w-]+\.pagefind$/.test(r.url())) engine.push(r.sizes().then((s) => s.responseBodySize));
  });
  await searchFor(page, { q: '托育' });
  const bodies = await Promise.all(engine);
  expect(
    bodies.filter((b) => b > 0),
    'the engine’s bytes come over the network once',
  ).toHaveLength(1);
});
