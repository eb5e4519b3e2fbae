import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { ContentFixture } from '../support/fixture.ts';

/**
 * Astro's incremental build reuses a detail or list page of the last build when its cache key (src/data/cache-keys.ts)
 * and code are unchanged: it leaves it in the output folder, which the build keeps (src/integrations/output-folder.ts),
 * or copies it from its cache. A key that missed something the page shows would publish a stale page, and a file the
 * build neither wrote nor kept would stay online, so after each kind of edit an editor makes, the rebuilt site must
 * equal a fresh build of the same content, file for file and byte for byte, while most detail pages were reused
 * rather than rendered.
 */
let fixture: ContentFixture;

beforeAll(async () => {
  fixture = new ContentFixture();
  // Lists of more than one page, so a page whose entries stay the same while the counts beside them change exists:
  // 30 more proposals (submitted a day after 14-3-0123, so they come before it) and 25 older voices.
  const proposal = fixture.read('proposals/14-3-0123.md');
  for (let i = 1; i <= 30; i++) {
    const n = `14-3-09${String(i).padStart(2, '0')}`;
    fixture.write(
      `proposals/${n}.md`,
      proposal
        .replace('number: 14-3-0123', `number: ${n}`)
        .replace("submitted: '2024-02-25'", "submitted: '2024-02-26'")
        .replace(/\ntitle: .*/, `\ntitle: '关于第${i}件测试提案的建议'`),
    );
  }
  const voice = fixture.read('voices/2024-06-18-yanglao-fuwu.md');
  for (let i = 1; i <= 25; i++) {
    const day = `2019-01-${String(i).padStart(2, '0')}`;
    fixture.write(
      `voices/${day}-ceshi.md`,
      voice
        .replace(/\ndate: .*/, `\ndate: '${day}T10:00:00+08:00'`)
        .replace(/\ntitle: .*/, `\ntitle: 第${i}篇测试来稿`),
    );
  }
  // An upload the second round deletes, as an editor deletes an image in the admin.
  writeFileSync(join(fixture.public, 'media/ceshi-shanchu.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // One the first round replaces with other bytes of the same size, as a corrected photo uploaded under its name.
  writeFileSync(join(fixture.public, 'media/ceshi-tihuan.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><a/></svg>');
  // Files written in the last two seconds are read again by the next build whatever happens (file-facts.ts); older,
  // the rebuilds below read only the files their edits changed (src/content/unchanged-files.ts).
  await new Promise((r) => setTimeout(r, 2_100));
  const first = fixture.astro('build', { SKIP_SEARCH_INDEX: '1' });
  expect(first.status, first.output.slice(-3000)).toBe(0);
  // The pages were rendered from the entries the content sync holds in memory, neither from a copy in the bundle nor
  // from the store file read again (src/integrations/data-store-from-disk.ts); the rebuilds below check that this
  // changes no byte, and tests/e2e/plain-build.spec.ts that Astro's own way gives the same site.
  expect(first.output).toMatch(
    /content store handed to the pages from memory when they render \(\d+\.\d MB kept out of the bundle\)/,
  );
  expect(first.output).not.toMatch(/pages read the content store/);
  // The uploads no entry uses are named at the end of the build (src/integrations/unused-media.ts).
  expect(unusedMedia(first.output)).toEqual(expect.arrayContaining(['ceshi-shanchu.svg', 'ceshi-tihuan.svg']));
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

/** The media files the build's warning names as used by no entry. */
function unusedMedia(output: string): string[] {
  const line = /(\d+) 个媒体文件没有任何内容使用[^：]*：(.*)/.exec(output);
  return line ? [...line[2]!.matchAll(/public\/media\/([^、\s]+)/g)].map((m) => m[1]!) : [];
}

let rounds = 0;
/** Pages the rebuild reused: left in place (`cached`) or copied from Astro's cache (`restored`). */
function reusedPages(output: string, how: 'cached' | 'restored'): string[] {
  return [...output.matchAll(new RegExp(`(/\\S+/index\\.html) \\(${how}\\)`, 'g'))].map((m) => m[1]!);
}

function rebuildAndCompare(edit: (f: ContentFixture) => void): { reused: string[]; output: string } {
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
  return {
    reused: [...reusedPages(rebuilt.output, 'cached'), ...reusedPages(rebuilt.output, 'restored')],
    output: rebuilt.output,
  };
}

describe('a rebuild reuses unchanged pages and equals a fresh build', () => {
  it('after a story and a proposal title are edited', () => {
    const story = readdirSync(fixture.path('news')).sort()[0]!.slice(0, -3);
    const other = readdirSync(fixture.path('news')).sort()[1]!.slice(0, -3);
    const marked = readdirSync(fixture.path('news')).sort()[2]!.slice(0, -3);
    // A story between two others of the same column, whose title they show for reading on (上一篇 / 下一篇).
    const [older, retitled, newer] = readdirSync(fixture.path('news'))
      .sort()
      .slice(3, 6)
      .map((f) => f.slice(0, -3));
    const inode = () => statSync(join(fixture.dir, `dist/news/${other}/index.html`)).ino;
    const before = inode();
    // Uploads are copied into the output only when they changed (src/integrations/public-files.ts).
    const upload = () => {
      const st = statSync(join(fixture.dir, 'dist/media/ceshi-shanchu.svg'));
      return `${st.ino} ${st.mtimeMs}`;
    };
    const uploadBefore = upload();
    const { reused, output } = rebuildAndCompare((f) => {
      // It now links an upload no entry used: the rebuild reads the edited file again for the media it names.
      f.edit(`news/${story}.md`, /本报讯/, '本报讯 今天改过的一句话，[附图](/media/ceshi-tihuan.svg)。');
      // An old story marked 首页头条 leads the home page over the newest with a picture (src/lib/lead-story.ts).
      f.edit(`news/${marked}.md`, /\ntitle: /, '\nheadline: true\ntitle: ');
      f.edit(`news/${retitled}.md`, /\ntitle: .*/, '\ntitle: 换了标题的一篇简报');
      // The title shows on other proposals (related, neighbours), members' and units' pages and the lists.
      f.edit('proposals/14-3-0123.md', /\ntitle: .*/, "\ntitle: '关于加快科技服务业改革发展的建议'");
      // On the first page of the voices: the second page shows the same voices, but the column counts above it change.
      f.edit('voices/2025-03-10-rijian-zhaoliao-zhongxin.md', '\ncolumn: 委员建言', '\ncolumn: 快评');
      // An issue's number shows on the stories printed in it (刊于 第194期 第1版).
      f.edit('paper/2025-06-06.md', 'number: 193', 'number: 194');
      writeFileSync(join(f.public, 'media/ceshi-tihuan.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><b/></svg>');
    });
    expect(readFileSync(join(fixture.dir, 'dist/media/ceshi-tihuan.svg'), 'utf8')).toContain('<b/>');
    expect(upload()).toBe(uploadBefore);
    expect(unusedMedia(output)).toContain('ceshi-shanchu.svg');
    const lead = /<article class="mt-4">[\s\S]*?<\/article>/.exec(
      readFileSync(join(fixture.dir, 'dist/index.html'), 'utf8'),
    )?.[0];
    expect(lead, 'the home page’s lead story').toContain(`href="/news/${marked}/"`);
    expect(unusedMedia(output)).not.toContain('ceshi-tihuan.svg');
    expect(reused.length, 'most detail pages are reused').toBeGreaterThan(30);
    // Only the three edited stories were read again; the store held the rest as they are on disk.
    expect(output).toMatch(/\[news-loader\] 3 changed file\(s\) read, \d+ unchanged left as stored/);
    // The neighbours show the new title, so they are rendered again (and equal a fresh build, above); a neighbour of
    // the story whose text alone changed is not.
    expect(reused).not.toContain(`/news/${older}/index.html`);
    expect(reused).not.toContain(`/news/${newer}/index.html`);
    expect(readFileSync(join(fixture.dir, `dist/news/${newer}/index.html`), 'utf8')).toContain('换了标题的一篇简报');
    // Left where the last build wrote it, not copied back from the cache.
    expect(reusedPages(output, 'cached')).toContain(`/news/${other}/index.html`);
    expect(reusedPages(output, 'restored')).toEqual([]);
    expect(inode()).toBe(before);
    expect(reused).not.toContain(`/news/${story}/index.html`);
    expect(reused).not.toContain('/proposals/14-3-0123/index.html');
    expect(reused).not.toContain('/news/2025-06-05-zhuozhang-he-shengtai-shicha/index.html');
    // List pages that do not show what changed are copied too (the story's text is not on any list); the one that
    // shows the new proposal title is rendered, and so is the second page of voices, for its column counts.
    expect(reused.filter((p) => p.startsWith('/archive/')).length, 'archive pages').toBeGreaterThan(0);
    expect(reused).toContain('/members/index.html');
    expect(reused).toContain('/proposals/index.html');
    expect(reused).not.toContain('/proposals/page/2/index.html');
    expect(reused).not.toContain('/voices/page/2/index.html');
    // No URL changed, so the sitemap files were put back from the last build (src/integrations/sitemap-reuse.ts).
    expect(output).toMatch(/sitemap unchanged \(same pages and routes as the last build\)/);
  }, 600_000);

  it('after a story is added, a voice deleted and a proposal moved to another category', () => {
    // Each changes what lists hold and count: the news pages shift by one, the column and facet counts change.
    const { reused, output } = rebuildAndCompare((f) => {
      const first = readdirSync(f.path('news')).sort()[0]!;
      f.write(
        'news/2026-11-20-xin-gao.md',
        f
          .read(`news/${first}`)
          .replace(/\ntitle: .*/, '\ntitle: 新增的一篇简报')
          .replace(/\ndate: .*/, "\ndate: '2026-11-20T09:00:00+08:00'"),
      );
      rmSync(f.path('voices/2025-04-08-tuoyu-fuwu.md'));
      f.edit('proposals/14-3-0123.md', '\ncategory: science', '\ncategory: economy');
      rmSync(join(f.public, 'media/ceshi-shanchu.svg'));
    });
    // Their files are gone from the output, which the comparison with a fresh build also checks.
    expect(existsSync(join(fixture.dir, 'dist/voices/2025-04-08-tuoyu-fuwu/index.html'))).toBe(false);
    expect(existsSync(join(fixture.dir, 'dist/media/ceshi-shanchu.svg'))).toBe(false);
    expect(reused).not.toContain('/news/index.html');
    expect(reused).not.toContain('/voices/index.html');
    expect(reused).not.toContain('/proposals/category/economy/index.html');
    // The first page of proposals holds only the added ones, but its facet counts changed.
    expect(reused).not.toContain('/proposals/index.html');
    // A page more and one fewer: the sitemap is made again.
    expect(output).not.toMatch(/sitemap unchanged/);
  }, 600_000);

  it('after a member and a unit are renamed, which many pages show', () => {
    rebuildAndCompare((f) => {
      f.edit('members/xie-huilan.md', /\nname: .*/, '\nname: 谢惠兰');
      f.edit('taxonomies/units.yml', 'shortName: 市科技局', 'shortName: 市科技局（改）');
    });
  }, 600_000);

  it('after a photo is replaced under the same name, with other proportions', async () => {
    const photo = join(fixture.public, 'media/2025-zhuozhang-he-shicha.jpg');
    const square = await sharp({ create: { width: 1200, height: 1200, channels: 3, background: '#4a7f5a' } })
      .jpeg()
      .toBuffer();
    const { reused } = rebuildAndCompare(() => writeFileSync(photo, square));
    // Its story names new variants with the new size; the old variants are gone from the output.
    expect(reused).not.toContain('/news/2025-06-05-zhuozhang-he-shengtai-shicha/index.html');
    const page = readFileSync(
      join(fixture.dir, 'dist/news/2025-06-05-zhuozhang-he-shengtai-shicha/index.html'),
      'utf8',
    );
    expect(page).toMatch(
      /2025-zhuozhang-he-shicha\.[0-9a-f]+\.1200\.webp 1200w"[^>]*>[\s\S]*?width="1200" height="1200"/,
    );
    const variants = readdirSync(join(fixture.dir, 'dist/_img')).filter((f) =>
      f.startsWith('2025-zhuozhang-he-shicha.'),
    );
    expect(variants.every((f) => page.includes(f))).toBe(true);
  }, 600_000);

  it('after a build that stopped while writing pages, whose output is not trusted', () => {
    // A story no round edits, so its page would be reused.
    const page = join(fixture.dir, `dist/news/${readdirSync(fixture.path('news')).sort()[2]!.slice(0, -3)}/index.html`);
    const { reused, output } = rebuildAndCompare(() => {
      // What a build stopped halfway leaves: its marker, and a page cut short.
      writeFileSync(join(fixture.dir, 'cache/output-incomplete'), '');
      writeFileSync(page, '<!DOCTYPE html><html><head><title>');
    });
    expect(output).toContain('the last build did not finish');
    // Every unchanged page comes back from Astro's cache; none was left in place.
    expect(reusedPages(output, 'cached')).toEqual([]);
    expect(reused.length).toBeGreaterThan(30);
    expect(readFileSync(page, 'utf8')).toContain('</html>');
    expect(existsSync(join(fixture.dir, 'cache/output-incomplete'))).toBe(false);
  }, 600_000);
});
