import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentFixture } from '../support/fixture.ts';

/**
 * Astro's incremental build copies a detail or list page from the last build when its cache key
 * (src/data/cache-keys.ts) and code are unchanged. A key that missed something the page shows would publish a stale page, so after each kind of
 * edit an editor makes, the rebuilt site must equal a fresh build of the same content, byte for byte, while most
 * detail pages were copied rather than rendered.
 */
let fixture: ContentFixture;

beforeAll(() => {
  fixture = new ContentFixture();
  // Lists of more than one page, so a page whose entries stay the same while the counts beside them change exists:
  // 30 more proposals (submitted a day after 14-3-0123, so they come before it) and 25 older voices.
  const proposal = fixture.read('proposals/14-3-0123.md');
  for (let i = 1; i <= 30; i++) {
    const n = `14-3-09${String(i).padStart(2, '0')}`;
    fixture.write(`proposals/${n}.md`, proposal.replace('number: 14-3-0123', `number: ${n}`).replace("submitted: '2024-02-25'", "submitted: '2024-02-26'").replace(/\ntitle: .*/, `\ntitle: '关于第${i}件测试提案的建议'`));
  }
  const voice = fixture.read('voices/2024-06-18-yanglao-fuwu.md');
  for (let i = 1; i <= 25; i++) {
    const day = `2019-01-${String(i).padStart(2, '0')}`;
    fixture.write(`voices/${day}-ceshi.md`, voice.replace(/\ndate: .*/, `\ndate: '${day}T10:00:00+08:00'`).replace(/\ntitle: .*/, `\ntitle: 第${i}篇测试来稿`));
  }
  const first = fixture.astro('build', { SKIP_SEARCH_INDEX: '1' });
  expect(first.status, first.output.slice(-3000)).toBe(0);
}, 300_000);
afterAll(() => fixture?.dispose());

/** Every file of a built site but the search index, which is tested on its own (search-parts.spec.ts). */
function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const rel = join(e.parentPath, e.name).slice(dir.length + 1);
    if (rel.startsWith('pagefind/')) continue;
    const text = readFileSync(join(dir, rel), 'latin1');
    // The open-data feed carries the time it was built.
    out.set(rel, rel === 'proposals.json' ? text.replace(/"generated": "[^"]*"/, '') : text);
  }
  return out;
}

let rounds = 0;
function rebuildAndCompare(edit: (f: ContentFixture) => void): { restored: string[] } {
  edit(fixture);
  const fresh = join(fixture.dir, `fresh-${++rounds}`);
  const rebuilt = fixture.astro('build', { SKIP_SEARCH_INDEX: '1' });
  expect(rebuilt.status, rebuilt.output.slice(-3000)).toBe(0);
  // A new cache, so nothing is copied.
  const full = fixture.astro('build', { SKIP_SEARCH_INDEX: '1', OUT_DIR: fresh, ASTRO_CACHE_DIR: `${fresh}-cache` });
  expect(full.status, full.output.slice(-3000)).toBe(0);
  const [got, want] = [files(join(fixture.dir, 'dist')), files(fresh)];
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  const stale = [...want].filter(([rel, text]) => got.get(rel) !== text).map(([rel]) => rel);
  expect(stale, 'pages that differ from a fresh build').toEqual([]);
  return { restored: [...rebuilt.output.matchAll(/(\/\S+\/index\.html) \(restored\)/g)].map((m) => m[1]!) };
}

describe('a rebuild reuses unchanged pages and equals a fresh build', () => {
  it('after a story and a proposal title are edited', () => {
    const story = readdirSync(fixture.path('news')).sort()[0]!.slice(0, -3);
    const { restored } = rebuildAndCompare((f) => {
      f.edit(`news/${story}.md`, /本报讯/, '本报讯 今天改过的一句话。');
      // The title shows on other proposals (related, neighbours), members' and units' pages and the lists.
      f.edit('proposals/14-3-0123.md', /\ntitle: .*/, "\ntitle: '关于加快科技服务业改革发展的建议'");
      // On the first page of the voices: the second page shows the same voices, but the column counts above it change.
      f.edit('voices/2025-03-10-rijian-zhaoliao-zhongxin.md', '\ncolumn: 委员建言', '\ncolumn: 快评');
    });
    expect(restored.length, 'most detail pages are copied').toBeGreaterThan(30);
    expect(restored).not.toContain(`/news/${story}/index.html`);
    expect(restored).not.toContain('/proposals/14-3-0123/index.html');
    // List pages that do not show what changed are copied too (the story's text is not on any list); the one that
    // shows the new proposal title is rendered, and so is the second page of voices, for its column counts.
    expect(restored.filter((p) => p.startsWith('/archive/')).length, 'archive pages').toBeGreaterThan(0);
    expect(restored).toContain('/members/index.html');
    expect(restored).toContain('/proposals/index.html');
    expect(restored).not.toContain('/proposals/page/2/index.html');
    expect(restored).not.toContain('/voices/page/2/index.html');
  }, 600_000);

  it('after a story is added, a voice deleted and a proposal moved to another category', () => {
    // Each changes what lists hold and count: the news pages shift by one, the column and facet counts change.
    const { restored } = rebuildAndCompare((f) => {
      const first = readdirSync(f.path('news')).sort()[0]!;
      f.write(
        'news/2026-11-20-xin-gao.md',
        f.read(`news/${first}`).replace(/\ntitle: .*/, '\ntitle: 新增的一篇简报').replace(/\ndate: .*/, "\ndate: '2026-11-20T09:00:00+08:00'"),
      );
      rmSync(f.path('voices/2025-04-08-tuoyu-fuwu.md'));
      f.edit('proposals/14-3-0123.md', '\ncategory: science', '\ncategory: economy');
    });
    expect(restored).not.toContain('/news/index.html');
    expect(restored).not.toContain('/voices/index.html');
    expect(restored).not.toContain('/proposals/category/economy/index.html');
    // The first page of proposals holds only the added ones, but its facet counts changed.
    expect(restored).not.toContain('/proposals/index.html');
  }, 600_000);

  it('after a member and a unit are renamed, which many pages show', () => {
    rebuildAndCompare((f) => {
      f.edit('members/xie-huilan.md', /\nname: .*/, '\nname: 谢惠兰');
      f.edit('taxonomies/units.yml', 'shortName: 市科技局', 'shortName: 市科技局（改）');
    });
  }, 600_000);
});
