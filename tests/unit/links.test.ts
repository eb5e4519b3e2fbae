import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { findBroken, scanFeed, scanHtml } from '../../src/lib/links.ts';

describe('link integrity', () => {
  const site = 'https://www.czzx.gov.cn/';
  const pages = new Map([
    ['/', scanHtml('<a href="/news/a/">a</a><a href="/news/a/#sec">s</a><img src="/media/x.svg"><a href="https://beian.miit.gov.cn/">ICP</a>')],
    ['/news/a/', scanHtml('<h2 id="sec">节</h2><a href="../a/">self</a><a href="#missing">m</a><a href="/gone/">g</a><a href="mailto:a@b.c">mail</a>')],
    ['/rss.xml', { ids: new Set<string>(), refs: scanFeed('<rss><channel><link>https://www.czzx.gov.cn/</link><item><link>https://www.czzx.gov.cn/news/b/</link></item></channel></rss>', site) }],
  ]);
  const files = new Set(['/media/x.svg']);
  const broken = findBroken(pages, (p) => files.has(p), site);

  it('names the page and the target of every broken link, anchor and feed entry', () => {
    expect(broken).toEqual([
      { page: '/news/a/', target: '#missing', reason: 'no element with id “missing”' },
      { page: '/news/a/', target: '/gone/', reason: 'no such page or file' },
      { page: '/rss.xml', target: '/news/b/', reason: 'no such page or file' },
    ]);
  });

  it('ignores other sites and accepts existing anchors, relative links and assets', () => {
    expect(broken.some((b) => b.page === '/')).toBe(false);
  });

  it('flags javascript: URLs', () => {
    const p = new Map([['/', scanHtml('<a href="javascript:alert(1)">x</a>')]]);
    expect(findBroken(p, () => false, site)[0]!.reason).toBe('javascript: URL');
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
