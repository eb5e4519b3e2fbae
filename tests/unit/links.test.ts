import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { afterAll, describe, expect, it } from 'vitest';
import { findBroken, scanFeed, scanHtml, type PageRefs } from '../../src/lib/links.ts';
import { ContentFixture } from '../support/fixture.ts';

describe('link integrity', () => {
  const site = 'https://www.czzx.gov.cn/';
  const pages = new Map([
    [
      '/',
      scanHtml(
        '<a href="/news/a/">a</a><a href="/news/a/#sec">s</a><img src="/media/x.svg"><a href="https://beian.miit.gov.cn/">ICP</a>',
      ),
    ],
    [
      '/news/a/',
      scanHtml(
        '<h2 id="sec">节</h2><a href="../a/">self</a><a href="#missing">m</a><a href="/gone/">g</a><a href="mailto:a@b.c">mail</a>',
      ),
    ],
    [
      '/rss.xml',
      {
        ids: new Set<string>(),
        refs: scanFeed(
          '<rss><channel><link>https://www.czzx.gov.cn/</link><item><link>https://www.czzx.gov.cn/news/b/</link></item></channel></rss>',
          site,
        ),
      },
    ],
  ]);
  const files = new Set(['/media/x.svg']);
  const broken = findBroken(pages, (p) => files.has(p), site);

  it('names the page and the target of every broken link, anchor and feed entry', () => {
    expect(broken).toEqual([
      { page: '/news/a/', target: '#missing', reason: '页面中没有锚点“missing”' },
      { page: '/news/a/', target: '/gone/', reason: '页面或文件不存在（如尚未到发布时间，也不能链接）' },
      { page: '/rss.xml', target: '/news/b/', reason: '页面或文件不存在（如尚未到发布时间，也不能链接）' },
    ]);
  });

  it('ignores other sites and accepts existing anchors, relative links and assets', () => {
    expect(broken.some((b) => b.page === '/')).toBe(false);
  });

  it('says when the target was withdrawn or deleted rather than never there', () => {
    const p = new Map([['/', scanHtml('<a href="/news/old/">旧稿</a>')]]);
    expect(
      findBroken(
        p,
        () => false,
        site,
        (path) => path === '/news/old/',
      )[0]!.reason,
    ).toBe('该文已撤回或删除，请去掉这个链接');
  });

  it('reports a broken link from the site root on every page that has it, and a relative one by its own page', () => {
    const p = new Map([
      [
        '/news/a/',
        scanHtml('<h2 id="x">节</h2><a href="/nowhere/">甲</a><a href="../b/#x">乙</a><a href="/news/a/#y">丙</a>'),
      ],
      ['/news/b/', scanHtml('<a href="/nowhere/">甲</a><a href="../a/#x">乙</a><a href="/news/a/#y">丙</a>')],
    ]);
    expect(findBroken(p, () => false, site).map((b) => `${b.page} ${b.target} ${b.reason}`)).toEqual([
      '/news/a/ /nowhere/ 页面或文件不存在（如尚未到发布时间，也不能链接）',
      '/news/a/ ../b/#x 页面中没有锚点“x”',
      '/news/a/ /news/a/#y 页面中没有锚点“y”',
      '/news/b/ /nowhere/ 页面或文件不存在（如尚未到发布时间，也不能链接）',
      '/news/b/ /news/a/#y 页面中没有锚点“y”',
    ]);
  });

  it('flags javascript: URLs', () => {
    const p = new Map([['/', scanHtml('<a href="javascript:alert(1)">x</a>')]]);
    expect(findBroken(p, () => false, site)[0]!.reason).toBe('不允许 javascript: 链接');
  });
});

describe('memory', () => {
  it('keeps no page alive through the ids and links scanned from it', () => {
    // 200 pages of 1 MB each, scanned and their refs kept, as the link check keeps them for a whole site. Measured in
    // a process of its own, after a full collection.
    const script = `
      const { scanHtml } = await import(${JSON.stringify(new URL('../../src/lib/links.ts', import.meta.url).href)});
      const kept = [];
      for (let i = 0; i < 200; i++) {
        const html = '<p>' + String(i).padStart(6, '0') + 'x'.repeat(1 << 20) + '</p><a id="section-number-' + i + '" href="/news/a-rather-long-story-' + i + '/">a</a>';
        kept.push(scanHtml(html));
      }
      globalThis.gc();
      console.log(JSON.stringify({ heap: process.memoryUsage().heapUsed, refs: kept.length }));
    `;
    const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const { heap, refs } = JSON.parse(r.stdout) as { heap: number; refs: number };
    expect(refs).toBe(200);
    // Kept whole, the pages would be 200 MB.
    expect(heap).toBeLessThan(30 * 1024 * 1024);
  });
});

/** What a full HTML parser finds: the reference `scanHtml` must agree with (it was the link check's scanner). */
function parsed(html: string): PageRefs {
  const ids = new Set<string>();
  const refs: string[] = [];
  const parser = new Parser({
    onopentag(name, attrs) {
      if (attrs.id) ids.add(attrs.id);
      if (name === 'a' && attrs.name) ids.add(attrs.name);
      const url =
        (name === 'a' || name === 'link' ? attrs.href : undefined) ??
        (['img', 'script', 'source', 'iframe'].includes(name) ? attrs.src : undefined);
      if (url && !(name === 'link' && /\b(canonical|alternate)\b/.test(attrs.rel ?? '') && /^https?:/.test(url)))
        refs.push(url);
      if ((name === 'img' || name === 'source') && attrs.srcset)
        for (const c of attrs.srcset.split(',')) refs.push(c.trim().split(/\s+/)[0]!);
    },
  });
  parser.write(html);
  parser.end();
  return { ids, refs };
}

describe('scanning a page for ids and links', () => {
  const html = `<!doctype html><html><head><title>标题 <a href="/in-title/"></title>
    <link rel="canonical" href="https://www.czzx.gov.cn/news/a/"><link rel="stylesheet" href="/_astro/site.css">
    <script type="application/ld+json">{"a": "<a href=\\"/in-json/\\">"}</script><script src="/_astro/elder.js"></script>
    <style>a[href="/in-style/"]{}</style></head>
    <body><!-- <a href="/in-comment/">旧链接</a> --><A HREF='/upper/' ID=Top>大写</A>
    <img alt="甲 > 乙" src="/media/a.svg"><a href="/search/?q=%E5%BB%BA%E8%AE%AE&amp;kind=news">检索</a>
    <h2 id="sec" id="dup" data-id="not-an-id">节</h2><p data-id="x" hidden>隐</p><a name="old-anchor"></a>
    <a
      class="more"
      href="/news/">多行</a><a href=/unquoted/>无引号</a><img src="/media/b.svg"/><picture><source type="image/webp" srcset="/_img/c.1.480.webp 480w, /_img/c.1.960.webp 960w"><img src="/_img/c.1.960.jpg" srcset="/_img/c.1.480.jpg 480w,/_img/c.1.960.jpg 960w"></picture><iframe src="/embed/"><a href="/in-iframe/"></a></iframe>
    <textarea><a href="/in-textarea/"></textarea><p>1 &lt; 2 and href="/in-text/"</p></body></html>`;
  const found = scanHtml(html);

  it('finds the links, sources and ids of start tags, whatever their case, quotes and line breaks', () => {
    expect(found.refs).toEqual([
      '/_astro/site.css',
      '/_astro/elder.js',
      '/upper/',
      '/media/a.svg',
      '/search/?q=%E5%BB%BA%E8%AE%AE&kind=news',
      '/news/',
      '/unquoted/',
      '/media/b.svg',
      '/_img/c.1.480.webp',
      '/_img/c.1.960.webp',
      '/_img/c.1.960.jpg',
      '/_img/c.1.480.jpg',
      '/_img/c.1.960.jpg',
      '/embed/',
    ]);
    expect([...found.ids]).toEqual(['Top', 'sec', 'old-anchor']);
  });

  it('ignores what is not a tag: comments, the text of scripts, styles, titles, frames and text areas, and text', () => {
    expect(found.refs.filter((r) => r.includes('/in-'))).toEqual([]);
  });

  it('agrees with a full HTML parser on this page', () => {
    expect(found).toEqual(parsed(html.replace(/<iframe[\s\S]*?<\/iframe>/, '<iframe src="/embed/"></iframe>')));
  });

  describe('on every page of the built sample site', () => {
    const fixture = new ContentFixture();
    afterAll(() => fixture.dispose());

    it('finds exactly what a full HTML parser finds', () => {
      const build = fixture.astro('build', { SKIP_SEARCH_INDEX: '1' });
      expect(build.status, build.output.slice(-3000)).toBe(0);
      const dist = join(fixture.dir, 'dist');
      const pages = readdirSync(dist, { recursive: true, withFileTypes: true }).filter(
        (e) => e.isFile() && e.name.endsWith('.html'),
      );
      expect(pages.length).toBeGreaterThan(100);
      for (const e of pages) {
        const page = readFileSync(join(e.parentPath, e.name), 'utf8');
        expect(scanHtml(page), join(e.parentPath, e.name)).toEqual(parsed(page));
      }
    }, 300_000);
  });
});
