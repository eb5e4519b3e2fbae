/**
 * `npm run lighthouse`: Lighthouse (mobile, the default) over the built site in dist/, served as production serves it,
 * in Debian's Chromium. Prints the four category scores for the home page, an article, a proposal and a search.
 * Build first (`npm run build`).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startNginx } from '../deploy/local-nginx.ts';
import { CHROMIUM } from './chromium.ts';

const ROOT = join(import.meta.dirname, '../..');
const OUT = process.env.OUT_DIR ?? join(ROOT, 'dist');
const PORT = 4700 + Math.floor(Math.random() * 200);
const first = (dir: string, re: RegExp) => readdirSync(join(OUT, dir)).find((f) => re.test(f))!;

const pages: Record<string, string> = {
  首页: '/',
  新闻: `/news/${first('news', /^\d{4}-\d{2}-\d{2}/)}/`,
  提案: `/proposals/${first('proposals', /^\d+-\d+-\d+$/)}/`,
  搜索: '/search/?q=%E7%A7%91%E6%8A%80%E6%9C%8D%E5%8A%A1',
};

const server = await startNginx({ port: PORT, root: OUT });
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM.executablePath,
  chromeFlags: ['--headless=new', ...CHROMIUM.args],
});
try {
  console.log('| 页面 | 性能 | 无障碍 | 最佳做法 | SEO |\n|---|---|---|---|---|');
  for (const [name, path] of Object.entries(pages)) {
    const result = await lighthouse(`http://127.0.0.1:${PORT}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    const c = result!.lhr.categories;
    const score = (k: string) => Math.round((c[k]?.score ?? 0) * 100);
    console.log(
      `| ${name} ${path} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} |`,
    );
    for (const [k, cat] of Object.entries(c)) {
      if ((cat.score ?? 0) < 1 && k !== 'performance') {
        const failing = cat.auditRefs
          .filter((a) => a.weight > 0 && (result!.lhr.audits[a.id]?.score ?? 1) < 1)
          .map((a) => a.id);
        if (failing.length) console.log(`|   ${k} 未满分项 | ${failing.join(', ')} | | | |`);
      }
    }
  }
} finally {
  await chrome.kill();
  await server.stop();
}
