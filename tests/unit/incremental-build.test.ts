import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentFixture } from '../support/fixture.ts';

/**
 * Astro's incremental build copies a detail page from the last build when its cache key (src/data/cache-keys.ts) and
 * code are unchanged. A key that missed something the page shows would publish a stale page, so after each kind of
 * edit an editor makes, the rebuilt site must equal a fresh build of the same content, byte for byte, while most
 * detail pages were copied rather than rendered.
 */
let fixture: ContentFixture;

beforeAll(() => {
  fixture = new ContentFixture();
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
    });
    expect(restored.length, 'most detail pages are copied').toBeGreaterThan(30);
    expect(restored).not.toContain(`/news/${story}/index.html`);
    expect(restored).not.toContain('/proposals/14-3-0123/index.html');
  }, 600_000);

  it('after a member and a unit are renamed, which many pages show', () => {
    rebuildAndCompare((f) => {
      f.edit('members/xie-huilan.md', /\nname: .*/, '\nname: 谢惠兰');
      f.edit('taxonomies/units.yml', 'shortName: 市科技局', 'shortName: 市科技局（改）');
    });
  }, 600_000);
});
