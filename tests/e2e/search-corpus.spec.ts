import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { generateArchive } from '../../src/cli/synthetic.ts';
import { chineseNumber } from '../../src/lib/numerals.ts';
import { CONTENT, frontmatter } from '../support/content.ts';
import { ContentFixture } from '../support/fixture.ts';
import { startNginx, type Nginx } from '../../src/deploy/local-nginx.ts';
import { allResults, searchFor, shownExcerpts, squeeze, visibleIndexedText } from './search-support.ts';

/**
 * The search over a generated archive (src/cli/synthetic.ts: 400 documents over several years, so several index
 * parts), built by the real site code and served by nginx: proposal numbers in every form come first, every story of
 * a tag is found, and for 200 queries made from the content, every excerpt is text its page shows and the count
 * stated is the number of results a reader can page through.
 */
let fixture: ContentFixture;
let server: Nginx | undefined;
// SEARCH_CORPUS_PORT where engineers share a machine and each has a range of ports.
const PORT = Number(process.env.SEARCH_CORPUS_PORT ?? 4394);
const base = `http://127.0.0.1:${PORT}`;
const DOCS = 400;

test.describe.configure({ mode: 'serial' });

interface Doc {
  url: string;
  data: Record<string, unknown>;
}
const docs: Doc[] = [];

test.beforeAll(async () => {
  test.setTimeout(600_000);
  fixture = new ContentFixture();
  rmSync(fixture.content, { recursive: true });
  generateArchive(fixture.dir, DOCS, CONTENT);
  const built = fixture.astro('build', { SEARCH_PART_PAGES: '120' });
  expect(built.status, built.output.slice(-3000)).toBe(0);
  for (const folder of ['news', 'proposals', 'voices', 'members']) {
    for (const f of readdirSync(fixture.path(folder))) {
      const data = frontmatter(fixture.path(`${folder}/${f}`));
      if (data['public'] !== false) docs.push({ url: `/${folder}/${f.replace(/\.md$/, '')}/`, data });
    }
  }
  server = await startNginx({ port: PORT, root: join(fixture.dir, 'dist') });
});

test.afterAll(async () => {
  await server?.stop();
  fixture?.dispose();
});

const of = (folder: string) => docs.filter((d) => d.url.startsWith(`/${folder}/`));
const at = (path: string) => `${base}${path}`;

test('a proposal number in every form finds it first', async ({ page }) => {
  test.setTimeout(300_000); // 56 searches: on a shared 2-core machine, more than the default minute
  const proposals = of('proposals')
    .filter((_, i) => i % 9 === 0)
    .slice(0, 8);
  expect(proposals.length).toBe(8);
  for (const p of proposals) {
    const [term, meeting, serial] = String(p.data['number']).split('-').map(Number) as [number, number, number];
    const forms = [
      `${term}-${meeting}-${serial}`,
      String(p.data['number']),
      `${chineseNumber(term)}届${chineseNumber(meeting)}次会议第${serial}号`,
      `${chineseNumber(term)}届${chineseNumber(meeting)}次会议 第${serial}号`,
      `第${serial}号提案`,
      `提案${serial}号`,
    ];
    for (const q of forms) expect((await searchFor(page, { q }, at('/search/')))[0], q).toBe(p.url);
    // With its session, the number names one proposal only.
    expect(await searchFor(page, { q: forms[2]! }, at('/search/'))).toEqual([p.url]);
  }
});

test('every story of a tag is found by the tag', async ({ page }) => {
  const tags = new Set(of('news').flatMap((d) => (d.data['tags'] as string[]) ?? []));
  expect(tags.size).toBeGreaterThan(2);
  for (const tag of tags) {
    const tagged = of('news')
      .filter((d) => ((d.data['tags'] as string[]) ?? []).includes(tag))
      .map((d) => d.url);
    const { urls, stated } = await allResults(page, { q: tag }, at('/search/'));
    expect(urls.length, tag).toBe(stated[0]);
    for (const u of tagged) expect(urls, `${tag}: ${u}`).toContain(u);
  }
});

test('a traditional query, typed, loads the index chunks of its simplified form only (and the converter)', async ({
  browser,
}) => {
  const typed = async (q: string) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(at('/search/'));
    await expect(page.locator('[data-search-panel]')).toHaveAttribute('data-ready', 'true');
    const urls: string[] = [];
    page.on('request', (r) => urls.push(new URL(r.url()).pathname));
    // Typed as a reader does: the words are looked up for the index parts while the reader pauses (scripts/search/run.ts).
    await page.locator('#q-all').fill(q);
    await expect(page.locator('[data-status]')).toContainText('共找到');
    await page.waitForLoadState('networkidle');
    await context.close();
    return {
      chunks: [...new Set(urls.filter((u) => u.endsWith('.pf_index')))].sort(),
      converter: urls.filter((u) => /\/t2s\.[\w-]+\.js$/.test(u)),
    };
  };
  const simplified = await typed('农业发展');
  const traditional = await typed('農業發展');
  expect(simplified.chunks.length).toBeGreaterThan(0);
  expect(traditional.chunks).toEqual(simplified.chunks);
  expect([simplified.converter.length, traditional.converter.length]).toEqual([0, 1]);
});

/** 200 queries made from the content: pieces of titles, names, summaries' words, numbers, pinyin-free and pinyin. */
function generatedQueries(): string[] {
  const out = new Set<string>();
  const han4 = (s: string, from: number) => [...s.replace(/[^\p{Script=Han}]/gu, '')].slice(from, from + 4).join('');
  for (const [i, d] of docs.entries()) {
    const title = String(d.data['title'] ?? d.data['name'] ?? '');
    if (i % 3 === 0) out.add(han4(title, 2));
    if (i % 5 === 0 && d.data['summary']) out.add(han4(String(d.data['summary']), 5));
    if (d.url.startsWith('/members/') && i % 2 === 0) out.add(title);
    if (d.data['number'] && i % 11 === 0) out.add(`第${Number(String(d.data['number']).split('-')[2])}号`);
  }
  for (const d of docs) if (out.size < 220) out.add(han4(String(d.data['title'] ?? ''), 6));
  return [...out].filter((q) => q.length >= 2).slice(0, 200);
}

test.describe('200 queries made from the content', () => {
  for (let batch = 0; batch < 8; batch++) {
    test(`batch ${batch + 1}: excerpts are text the page shows; the count stated is the number listed`, async ({
      page,
    }) => {
      test.setTimeout(300_000);
      const queries = generatedQueries();
      expect(queries.length).toBe(200);
      for (const q of queries.slice(batch * 25, batch * 25 + 25)) {
        const first = await searchFor(page, { q }, at('/search/'));
        for (const r of await shownExcerpts(page)) {
          const { text, description } = await visibleIndexedText(page, at(r.url));
          const shown = squeeze(r.excerpt);
          expect(text.includes(shown) || description.includes(shown), `“${q}”: excerpt of ${r.url}: ${r.excerpt}`).toBe(
            true,
          );
        }
        const { urls, stated } = await allResults(page, { q }, at('/search/'));
        expect(urls.slice(0, first.length), q).toEqual(first);
        expect(new Set(stated).size, `“${q}”: the same count on every page`).toBeLessThanOrEqual(1);
        expect(urls.length, `“${q}”: stated ${stated[0]}`).toBe(stated[0] ?? 0);
      }
    });
  }
});
