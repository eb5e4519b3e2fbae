/**
 * `npm run bench [-- --docs 20000]`: builds a synthetic archive with the real site code and prints what it costs —
 * build and indexing time and peak memory (apart), output and index size, search transfer and latency in Chromium,
 * page weights, and the rebuild after one edited story. Writes bench-results/bench-<docs>.json. Never touches content/.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { generateArchive } from './synthetic.ts';

const ROOT = join(import.meta.dirname, '../..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const DOCS = Number(arg('docs', '20000'));
const KEEP = process.argv.includes('--keep');

/** Sum of resident memory of a process and its descendants, in bytes (Linux /proc). */
function treeRss(pid: number): number {
  let total = 0;
  const children = new Map<number, number[]>();
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(p)]);
    } catch {}
  }
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (rss) total += Number(rss[1]) * 1024;
    } catch {}
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** Runs a command, returning wall time and the peak memory of its process tree. */
function measure(cmd: string, args: string[], env: Record<string, string>): Promise<{ seconds: number; peakBytes: number; output: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} failed:\n${output.slice(-3000)}`));
      else resolve({ seconds: (performance.now() - started) / 1000, peakBytes: peak, output });
    });
  });
}

function dirSize(dir: string): number {
  return readdirSync(dir).reduce((n, f) => {
    const p = join(dir, f);
    const s = statSync(p);
    return n + (s.isDirectory() ? dirSize(p) : s.size);
  }, 0);
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

async function browserFigures(out: string) {
  const port = 4600 + Math.floor(Math.random() * 300);
  const server = spawn(process.execPath, [join(ROOT, 'tests/support/serve.mjs'), String(port), out], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 600));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const base = `http://127.0.0.1:${port}`;
  const queries = ['科技服务', '乡村振兴', 'keji', '养老服务体系', '发改委'];
  const search: { query: string; coldBytes: number; coldMs: number; warmBytes: number; warmMs: number }[] = [];
  for (const q of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let bytes = 0;
    page.on('requestfinished', async (r) => {
      const s = await r.sizes().catch(() => undefined);
      if (s) bytes += s.responseBodySize + s.responseHeadersSize;
    });
    await page.goto(`${base}/search/`);
    await page.waitForLoadState('networkidle');
    const run = async (text: string) => {
      bytes = 0;
      const t0 = performance.now();
      await page.locator('#q-all').fill(text);
      await page.waitForFunction((t) => (document.querySelector('[data-status]')?.textContent ?? '').includes(t), text);
      const ms = performance.now() - t0 - 300; // the search waits 300 ms for typing to pause
      await page.waitForLoadState('networkidle');
      return { ms, bytes };
    };
    const cold = await run(q);
    const warm = await run(`${q} 建议`);
    search.push({ query: q, coldBytes: cold.bytes, coldMs: Math.round(cold.ms), warmBytes: warm.bytes, warmMs: Math.round(warm.ms) });
    await context.close();
  }
  const firstOf = (folder: string) => readdirSync(join(out, folder)).find((f) => f !== 'page' && f !== 'index.html' && !f.endsWith('.xml') && existsSync(join(out, folder, f, 'index.html')));
  const templates: Record<string, string> = {
    home: '/',
    newsList: '/news/',
    article: `/news/${firstOf('news')}/`,
    proposal: `/proposals/${readdirSync(join(out, 'proposals')).find((f) => /^\d+-\d+-\d+$/.test(f))}/`,
    review: `/reviews/${firstOf('reviews')}/`,
    stats: '/proposals/stats/',
    search: '/search/',
  };
  const pages: Record<string, { bytes: number; scripts: number }> = {};
  for (const [name, path] of Object.entries(templates)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let bytes = 0;
    let scripts = 0;
    page.on('requestfinished', async (r) => {
      const s = await r.sizes().catch(() => undefined);
      if (s) bytes += s.responseBodySize + s.responseHeadersSize;
      if (r.resourceType() === 'script') scripts++;
    });
    await page.goto(base + path);
    await page.waitForLoadState('networkidle');
    pages[name] = { bytes, scripts };
    await context.close();
  }
  await browser.close();
  server.kill();
  return { search, pages };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), `czzx-bench-${DOCS}-`));
  const out = join(dir, 'dist');
  const env = { CONTENT_DIR: join(dir, 'content'), OUT_DIR: out, ASTRO_CACHE_DIR: join(dir, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' };
  console.log(`Synthetic archive of ${DOCS} documents in ${dir}`);
  const counts = generateArchive(dir, DOCS, join(ROOT, 'content'));
  const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
  const build = await measure(process.execPath, [astro, 'build'], { ...env, SKIP_SEARCH_INDEX: '1' });
  const pagefindBin = join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');
  const index = await measure(process.execPath, [existsSync(pagefindBin) ? pagefindBin : join(ROOT, 'node_modules/.bin/pagefind'), '--site', out], {});
  // One story edited, then built again with the cache of the first build.
  const story = readdirSync(join(dir, 'content/news'))[0]!;
  const file = join(dir, 'content/news', story);
  writeFileSync(file, readFileSync(file, 'utf8').replace('本报讯', '本报讯（更新）'));
  const rebuild = await measure(process.execPath, [astro, 'build'], env);
  const browserData = await browserFigures(out);
  const htmlPages = readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
  const result = {
    docs: DOCS,
    counts,
    htmlPages,
    build: { seconds: +build.seconds.toFixed(1), peakMB: Math.round(build.peakBytes / 1048576), secondsPer1000: +((build.seconds / DOCS) * 1000).toFixed(2) },
    index: { seconds: +index.seconds.toFixed(1), peakMB: Math.round(index.peakBytes / 1048576), secondsPer1000: +((index.seconds / DOCS) * 1000).toFixed(2) },
    rebuildAfterOneEdit: { seconds: +rebuild.seconds.toFixed(1), peakMB: Math.round(rebuild.peakBytes / 1048576) },
    outputMB: +(dirSize(out) / 1048576).toFixed(1),
    indexMB: +(dirSize(join(out, 'pagefind')) / 1048576).toFixed(1),
    ...browserData,
  };
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(ROOT, `bench-results/bench-${DOCS}.json`), JSON.stringify(result, null, 2));
  console.log(`\n| figure | value |\n|---|---|`);
  console.log(`| documents (news/proposals/voices/reviews/members) | ${DOCS} (${counts.news}/${counts.proposals}/${counts.voices}/${counts.reviews}/${counts.members}), ${htmlPages} pages |`);
  console.log(`| Astro build | ${result.build.seconds} s, peak ${result.build.peakMB} MB, ${result.build.secondsPer1000} s per 1,000 docs |`);
  console.log(`| Pagefind index | ${result.index.seconds} s, peak ${result.index.peakMB} MB, ${result.index.secondsPer1000} s per 1,000 docs |`);
  console.log(`| build + index | ${(result.build.seconds + result.index.seconds).toFixed(1)} s |`);
  console.log(`| rebuild after one edited story (includes index) | ${result.rebuildAfterOneEdit.seconds} s |`);
  console.log(`| output / index size | ${mb(dirSize(out))} / ${mb(dirSize(join(out, 'pagefind')))} |`);
  for (const s of browserData.search) console.log(`| search “${s.query}” cold / warm | ${kb(s.coldBytes)} in ${s.coldMs} ms / ${kb(s.warmBytes)} in ${s.warmMs} ms |`);
  for (const [name, p] of Object.entries(browserData.pages)) console.log(`| page ${name} | ${kb(p.bytes)} transferred, ${p.scripts} scripts |`);
  console.log(`\nJSON: bench-results/bench-${DOCS}.json`);
  if (!KEEP) rmSync(dir, { recursive: true, force: true });
}

await main();
