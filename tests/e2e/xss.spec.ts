import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ContentFixture } from '../support/fixture.ts';
import { startNginx, type Nginx } from '../../src/deploy/local-nginx.ts';

/**
 * Editors paste from Word and WeChat, so content may carry script. A fixture site holding known XSS vectors in bodies,
 * replies and frontmatter is built with the real site code and opened in Chromium: nothing may run or be injected.
 * Every payload that ran would call alert(), log XSS-RAN, or add an element with id xss-injected.
 */
const RUN = `alert(1);console.log('XSS-RAN');document.body.insertAdjacentHTML('beforeend','<b id=xss-injected></b>')`;
const B64 = Buffer.from(`<script>${RUN}</script>`).toString('base64');

const bodyVectors = [
  `<script>${RUN}</script>`,
  `<SCRIPT SRC=data:text/javascript,${encodeURIComponent(RUN)}></SCRIPT>`,
  `<img src=/favicon.svg onerror="${RUN}">`,
  `<img src="javascript:${RUN}">`,
  `<svg onload="${RUN}"></svg>`,
  `<svg><script>${RUN}</script></svg>`,
  `<svg><a xlink:href="javascript:${RUN}"><text x="20" y="20">点</text></a></svg>`,
  `<math><mtext><table><mglyph><style><img src=/favicon.svg onerror="${RUN}"></style></mglyph></table></mtext></math>`,
  `<math href="javascript:${RUN}">数学</math>`,
  `<iframe src="javascript:${RUN}"></iframe>`,
  `<iframe srcdoc="<script>parent.${RUN}</script>"></iframe>`,
  `<object data="data:text/html;base64,${B64}"></object>`,
  `<embed src="data:text/html;base64,${B64}">`,
  `<a href="javascript:${RUN}">点击</a>`,
  `<a href="JaVaScRiPt:${RUN}">大小写</a>`,
  `<a href="&#106;avascript:${RUN}">实体</a>`,
  `<a href="  javascript:${RUN}">前导空格</a>`,
  `<a href="data:text/html;base64,${B64}">data</a>`,
  `<div style="background:url(javascript:${RUN})">样式</div>`,
  `<div style="width:expression(${RUN})">表达式</div>`,
  `<style>@import 'javascript:${RUN}';</style>`,
  `<link rel="stylesheet" href="javascript:${RUN}">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${RUN}">`,
  `<base href="javascript:${RUN}//">`,
  `<form action="javascript:${RUN}"><button>提交</button></form>`,
  `<input autofocus onfocus="${RUN}">`,
  `<details open ontoggle="${RUN}">详情</details>`,
  `<video><source onerror="${RUN}"></video>`,
  `<body onload="${RUN}">`,
  `<marquee onstart="${RUN}">滚动</marquee>`,
  `<table background="javascript:${RUN}"><tr><td>表</td></tr></table>`,
  `<p title="</p><script>${RUN}</script>">属性</p>`,
  `<noscript><p title="</noscript><img src=/favicon.svg onerror=${RUN}>">`,
  `[链接](javascript:${encodeURIComponent(RUN)})`,
  `![图](/favicon.svg" onerror="${RUN})`,
];

/** Frontmatter values that land in attributes, meta tags, JSON-LD and the search index. */
const sneaky = `</script><script>${RUN}</script>"><img src=/favicon.svg onerror="${RUN}">`;
/** The same within the length limits of titles (60) and summaries (200): a script, then a handler. */
const brief = `</script><script>console.log('XSS-RAN')</script>`;
const briefHandler = `"><img src=/favicon.svg onerror="console.log('XSS-RAN')">${brief}`;

let fixture: ContentFixture;
let server: Nginx | undefined;
const PORT = 4391;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  fixture = new ContentFixture();
  fixture.write(
    'news/xss-fixture.md',
    `---
title: '标题${brief.replace(/'/g, "''")}'
date: '2025-03-04T09:30:00+08:00'
summary: '摘要${briefHandler.replace(/'/g, "''")}'
byline: '本报记者 ${sneaky.replace(/'/g, "''")}'
tags: ['标签${sneaky.replace(/'/g, "''")}']
cover:
  src: /media/${readdirSync(join(fixture.public, 'media'))[0]}
  alt: '替代${sneaky.replace(/'/g, "''")}'
  caption: '图注${sneaky.replace(/'/g, "''")}'
---

本报讯 以下内容用于安全测试。

${bodyVectors.join('\n\n')}
`,
  );
  fixture.edit(
    'proposals/14-3-0123.md',
    /body: \|\n/,
    `body: |\n      <img src=/favicon.svg onerror="${RUN}"><script>${RUN}</script>\n`,
  );
  const built = fixture.astro('build');
  expect(built.status, built.output.slice(-3000)).toBe(0);
  server = await startNginx({ port: PORT, root: join(fixture.dir, 'dist') });
});

test.afterAll(async () => {
  await server?.stop();
  fixture?.dispose();
});

for (const path of ['/news/xss-fixture/', '/news/', '/', '/proposals/14-3-0123/', '/search/?q=%E6%A0%87%E9%A2%98']) {
  test(`nothing runs or is injected on ${path}`, async ({ page }) => {
    const ran: string[] = [];
    page.on('dialog', async (d) => {
      ran.push(`dialog: ${d.message()}`);
      await d.dismiss();
    });
    page.on('console', (m) => {
      if (m.text().includes('XSS-RAN')) ran.push('console marker');
    });
    await page.goto(`http://127.0.0.1:${PORT}${path}`);
    if (path.startsWith('/search/')) {
      await page.waitForFunction(() =>
        ['results', 'empty'].includes(document.querySelector<HTMLElement>('[data-search-panel]')?.dataset.state ?? ''),
      );
      await expect(page.locator('[data-results] li').first()).toBeVisible();
    }
    // Click every link and control in the article: a javascript: URL would run now.
    for (const a of await page
      .locator('main a[href^="javascript" i], main iframe, main object, main embed, main form')
      .all()) {
      await a.click({ timeout: 1000 }).catch(() => {});
    }
    // Whatever an injected handler would do has had its chance once every image the page fetched has loaded or failed
    // (onerror; lazy ones below the fold are never fetched, and handlers are counted below anyway) and two frames have
    // passed (timers of 0, animation callbacks); the round trip also delivers any dialog or console event raised.
    await page.waitForFunction(() => [...document.images].every((i) => i.complete || i.loading === 'lazy'));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(ran).toEqual([]);
    await expect(page.locator('#xss-injected')).toHaveCount(0);
    const dangerous = await page.evaluate(() => ({
      scripts: [...document.querySelectorAll('script')].filter((s) => !s.src && s.type !== 'application/ld+json')
        .length,
      handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name)))
        .length,
      jsUrls: [...document.querySelectorAll('[href],[src],[action]')].filter((e) =>
        /^\s*javascript:/i.test(e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? ''),
      ).length,
      frames: document.querySelectorAll('iframe, object, embed').length,
    }));
    expect(dangerous).toEqual({ scripts: 0, handlers: 0, jsUrls: 0, frames: 0 });
  });
}

test('the story itself still shows its text, cover and caption', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${PORT}/news/xss-fixture/`);
  await expect(page.locator('main')).toContainText('以下内容用于安全测试');
  await expect(page.locator('main figure img')).toHaveCount(1);
  await expect(page.locator('main article figcaption').first()).toContainText('图注');
  // The title's “</script>” survives as text inside JSON-LD, escaped so it cannot close the element.
  const ld = (await page.locator('script[type="application/ld+json"]').textContent())!;
  expect(ld).not.toContain('</script');
  expect(JSON.parse(ld).headline).toContain('</script>');
});
