// The browser's side of `npm run bench` (bench.ts): search in Chromium over nginx as shipped (bytes on the wire, engine
// loads, latency from the typing pause) and the weight of each page template.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Request } from '@playwright/test';
import { startNginx, type Tls } from '../deploy/local-nginx.ts';
import { QUERIES } from './bench-compare.ts';
import { freePort } from './bench-measure.ts';
import { CHROMIUM } from './chromium.ts';

/** The value below which `p` of the sorted values lie (nearest rank). */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

/** A throwaway certificate for 127.0.0.1, to serve HTTP/2 as nginx does; none when openssl is missing. */
export function localCert(dir: string): Tls | undefined {
  const tls = { key: join(dir, 'key.pem'), cert: join(dir, 'cert.pem') };
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      tls.key,
      '-out',
      tls.cert,
    ],
    { stdio: 'ignore' },
  );
  return made.status === 0 ? tls : undefined;
}

/** Bytes the responses to `requests` took on the wire, headers included. */
async function weigh(requests: Request[]): Promise<number> {
  const sizes = await Promise.all(
    requests.map((r) =>
      r.sizes().then(
        (s) => s.responseBodySize + s.responseHeadersSize,
        () => 0,
      ),
    ),
  );
  return sizes.reduce((a, b) => a + b, 0);
}

/** Search in Chromium, and page weights; over HTTP/2 with `tls` (search only: the pages weigh the same). */
export async function browserFigures(out: string, tls?: Tls) {
  const port = await freePort();
  const server = await startNginx({ port, root: out, tls });
  const browser = await chromium.launch(CHROMIUM);
  const base = server.url;
  const queries = QUERIES;
  const search: {
    query: string;
    coldBytes: number;
    coldMs: number;
    coldTypedMs: number;
    warmBytes: number;
    warmMs: number;
    warmTypedMs: number;
    warmSearchMs: number;
    warmDataMs: number;
    countedMs: number;
  }[] = [];
  let engineBytes = 0;
  /** Downloads of Pagefind's engine (its WASM) per page load, and their bytes: once, however many parts. */
  let engineLoads = 0;
  let wasmBytes = 0;
  for (const q of queries) {
    const context = await browser.newContext({ ignoreHTTPSErrors: tls !== undefined });
    const page = await context.newPage();
    // Requests are weighed after each timed search, not as they finish: asking the browser for sizes during the
    // search added its own round trips to what was timed.
    let finished: Request[] = [];
    page.on('requestfinished', (r) => finished.push(r));
    await page.goto(`${base}/search/`);
    await page.waitForLoadState('networkidle');
    await page.waitForSelector('[data-search-panel][data-ready="true"]');
    engineBytes = Math.max(engineBytes, await weigh(finished.filter((r) => r.url().includes('/pagefind/'))));
    const wasm = await Promise.all(
      finished
        .filter((r) => /\/wasm\.[\w-]+\.pagefind$/.test(r.url()))
        .map((r) => r.sizes().then((s) => s.responseBodySize)),
    );
    engineLoads = Math.max(engineLoads, wasm.filter((b) => b > 0).length);
    wasmBytes = Math.max(
      wasmBytes,
      wasm.reduce((a, b) => a + b, 0),
    );
    // Timed inside the page (the search panel's performance measure): from the end of the typing pause, or the
    // press of Enter, to results on screen; and from the last keystroke, which adds the 300 ms pause.
    const run = async (text: string) => {
      finished = [];
      await page.locator('#q-all').fill(text);
      // Wait for the measure of this very query: opening the filters also searches again for the one before. Polled
      // every 50 ms rather than every frame, to leave the page's thread to the search.
      await page.waitForFunction(
        (t) => performance.getEntriesByName('search').some((m) => (m as PerformanceMeasure).detail?.query === t),
        text,
        { polling: 50 },
      );
      const { ms, typedMs, phases } = await page.evaluate((t) => {
        const m = performance
          .getEntriesByName('search')
          .findLast((e) => (e as PerformanceMeasure).detail?.query === t) as PerformanceMeasure;
        const detail = m.detail as { sinceTyping: number; phases: { search: number; data: number } };
        return { ms: m.duration, typedMs: detail.sinceTyping, phases: detail.phases };
      }, text);
      await page.waitForLoadState('networkidle');
      return { ms, typedMs, phases, bytes: await weigh(finished) };
    };
    const cold = await run(q);
    const warm = await run(`${q} 建议`);
    // The reader opens the filters: Pagefind's filter index loads and every query also counts results per value.
    await page.locator('summary', { hasText: '筛选与排序' }).click();
    await page.waitForLoadState('networkidle');
    const counted = await run(`${q} 政协`);
    search.push({
      query: q,
      coldBytes: cold.bytes,
      coldMs: Math.round(cold.ms),
      coldTypedMs: Math.round(cold.typedMs),
      warmBytes: warm.bytes,
      warmMs: Math.round(warm.ms),
      warmTypedMs: Math.round(warm.typedMs),
      warmSearchMs: Math.round(warm.phases.search),
      warmDataMs: Math.round(warm.phases.data),
      countedMs: Math.round(counted.ms),
    });
    await context.close();
  }
  if (tls) {
    await browser.close();
    await server.stop();
    return { engineBytes, engineLoads, wasmBytes, search, latency: latency(search), pages: {} };
  }
  const firstOf = (folder: string) =>
    readdirSync(join(out, folder)).find(
      (f) =>
        f !== 'page' && f !== 'index.html' && !f.endsWith('.xml') && existsSync(join(out, folder, f, 'index.html')),
    );
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
    const finished: Request[] = [];
    page.on('requestfinished', (r) => finished.push(r));
    await page.goto(base + path);
    await page.waitForLoadState('networkidle');
    pages[name] = {
      bytes: await weigh(finished),
      scripts: finished.filter((r) => r.resourceType() === 'script').length,
    };
    await context.close();
  }
  await browser.close();
  await server.stop();
  return { engineBytes, engineLoads, wasmBytes, search, latency: latency(search), pages };
}

/** p50 and p95 of the searches' latency (ms from the typing pause to results), cold and warm. */
function latency(search: { coldMs: number; warmMs: number }[]) {
  const cold = search.map((s) => s.coldMs);
  const warm = search.map((s) => s.warmMs);
  return {
    coldP50: percentile(cold, 50),
    coldP95: percentile(cold, 95),
    warmP50: percentile(warm, 50),
    warmP95: percentile(warm, 95),
  };
}
