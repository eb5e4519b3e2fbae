/**
 * `npm run bench [-- --docs 20000]`: builds a synthetic archive with the real site code and prints what it costs —
 * build and indexing time and peak memory (apart: Pagefind runs in its own process during the build), output and
 * index size, search transfer and latency in Chromium, page weights, and the rebuild after one edited story. Writes
 * bench-results/bench-<docs>.json. Never touches content/. The site is served by nginx with the shipped configuration
 * (src/deploy/local-nginx.ts), over HTTP/1.1 and then over HTTP/2 and TLS as it ships, so transfer sizes, caching and
 * latencies are those of production. Each size is then built by the peer, Hugo + stock Pagefind (bench-compare.ts),
 * and the run ends with one table comparing every size with it.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Request } from '@playwright/test';
import { startNginx, type Tls } from '../deploy/local-nginx.ts';
import { cmsSaveToLive } from './bench-publish.ts';
import { printComparison, QUERIES, runPeer } from './bench-compare.ts';
import { dirSize, freePort, measure, ROOT } from './bench-measure.ts';
import { generateArchive } from './synthetic.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
/**
 * `--docs 1000,5000,20000,100000`: each size built once, then one table comparing them with the peer; with `--table`,
 * that table from the JSON files of earlier runs.
 */
const SIZES = arg('docs', '20000')
  .split(',')
  .map((n) => Number(n.replace(/_/g, '')));
const KEEP = process.argv.includes('--keep');
/** With several sizes, the figures that take long and compare with no peer (publish, HTTP/2) are left out. */
const DETAILED = SIZES.length === 1 && !process.argv.includes('--quick');

/** What the build logged about its search index and post-build step. */
function buildLog(output: string) {
  const index =
    /indexed (\d+) pages in (\d+) part\(s\), (\d+) reused from the last build, (\d+) written while the pages were rendered, in (\d+) ms/.exec(
      output,
    );
  // Parts indexed while the pages were rendered (src/integrations/search-preindex.ts), and Pagefind's time on them.
  const early =
    [...output.matchAll(/indexed while the pages were rendered, in (\d+) ms/g)].reduce((n, m) => n + Number(m[1]), 0) /
    1000;
  const post = /search index and link check done in (\d+) ms/.exec(output);
  if (!index || !post) throw new Error(`the build did not report its search index:\n${output.slice(-2000)}`);
  // Pages Astro's incremental build did not render (see src/data/cache-keys.ts): left in place (`cached`) or copied
  // from its cache (`restored`).
  const reusedPages = output.match(/ \((?:cached|restored)\)/g)?.length ?? 0;
  return {
    indexedPages: Number(index[1]),
    parts: Number(index[2]),
    reused: Number(index[3]),
    earlyParts: Number(index[4]),
    earlySeconds: early,
    indexSeconds: Number(index[5]) / 1000,
    postBuildSeconds: Number(post[1]) / 1000,
    reusedPages,
  };
}

/**
 * The search index proper, every part's: its word index, fragments, filters and metadata files (not the copies of
 * Pagefind's scripts and UI each part's folder also holds).
 */
function searchIndexSize(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(
      (e) =>
        e.isFile() &&
        (/(^|\/)(index|fragment|filter)$/.test(e.parentPath.replace(/\\/g, '/')) || e.name.endsWith('.pf_meta')),
    )
    .reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0);
}

/** The value below which `p` of the sorted values lie (nearest rank). */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

/** A throwaway certificate for 127.0.0.1, to serve HTTP/2 as nginx does; none when openssl is missing. */
function localCert(dir: string): Tls | undefined {
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
async function browserFigures(out: string, tls?: Tls) {
  const port = await freePort();
  const server = await startNginx({ port, root: out, tls });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
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

async function main(DOCS: number) {
  const dir = mkdtempSync(join(tmpdir(), `czzx-bench-${DOCS}-`));
  // The output folder is the publish step's staging build (src/lib/publish/), so the publish figures reuse these builds.
  const out = join(dir, 'site', 'build');
  const env = {
    CONTENT_DIR: join(dir, 'content'),
    OUT_DIR: out,
    ASTRO_CACHE_DIR: join(dir, 'cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  console.log(`Synthetic archive of ${DOCS} documents in ${dir}`);
  const counts = generateArchive(dir, DOCS, join(ROOT, 'content'));
  // The archive just written is flushed to disk before the build is timed: a real archive has been on disk for years,
  // and writing back 20,000 new files would otherwise run beside the build (113.5 and 116.9 s at 20,000 documents against
  // 101.7 s once flushed).
  spawnSync('sync', { stdio: 'ignore' });
  const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
  // The real build: pages, then the search index beside the link check (see src/integrations/post-build.ts).
  const build = await measure(process.execPath, [astro, 'build'], env);
  const built = buildLog(build.output);
  const outputBytes = dirSize(out);
  const indexBytes = dirSize(join(out, 'pagefind'));
  const searchIndexBytes = searchIndexSize(join(out, 'pagefind'));
  // One story edited, then built again with the caches of the first build.
  const story = readdirSync(join(dir, 'content/news')).sort().at(-1)!;
  const file = join(dir, 'content/news', story);
  writeFileSync(file, readFileSync(file, 'utf8').replace('本报讯', '本报讯（更新）'));
  const rebuild = await measure(process.execPath, [astro, 'build'], env);
  const rebuilt = buildLog(rebuild.output);
  const browserData = await browserFigures(out);
  const tls = localCert(dir);
  const searchHttp2 = tls && DETAILED ? (await browserFigures(out, tls)).search : undefined;
  const story2 = readdirSync(join(dir, 'content/news')).sort().at(-2)!;
  const publishFigures = DETAILED
    ? await cmsSaveToLive(env, join(dir, 'site'), join(dir, 'content'), story2)
    : undefined;
  const peer = await runPeer(dir, DOCS, QUERIES);
  const htmlPages = readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
  const sec = (n: number) => +n.toFixed(1);
  const wholeMB = (b: number) => Math.round(b / 1048576);
  const result = {
    docs: DOCS,
    counts,
    htmlPages,
    build: {
      seconds: sec(build.seconds),
      pagesSeconds: sec(build.seconds - built.postBuildSeconds),
      secondsPer1000: +((build.seconds / DOCS) * 1000).toFixed(2),
      peakMB: wholeMB(build.peakBytes),
      peakWithoutPagefindMB: wholeMB(build.peakBuildBytes),
      peakStagedMB: wholeMB(build.peakStagedBytes),
    },
    index: {
      // Pagefind's time on every part: those indexed while the pages were rendered, beside them, and the index step.
      seconds: sec(built.earlySeconds + built.indexSeconds),
      secondsPer1000: +(((built.earlySeconds + built.indexSeconds) / DOCS) * 1000).toFixed(2),
      earlyParts: built.earlyParts,
      earlySeconds: sec(built.earlySeconds),
      afterPagesSeconds: sec(built.indexSeconds),
      peakMB: wholeMB(build.peakPagefindBytes),
      pages: built.indexedPages,
      parts: built.parts,
      postBuildSeconds: sec(built.postBuildSeconds),
    },
    rebuildAfterOneEdit: {
      seconds: sec(rebuild.seconds),
      peakMB: wholeMB(rebuild.peakBytes),
      indexSeconds: sec(rebuilt.indexSeconds),
      reusedParts: rebuilt.reused,
      parts: rebuilt.parts,
      reusedPages: rebuilt.reusedPages,
    },
    publish: publishFigures,
    load: { build: build.load, rebuild: rebuild.load },
    peer,
    outputMB: +(outputBytes / 1048576).toFixed(1),
    indexMB: +(indexBytes / 1048576).toFixed(1),
    searchIndexMB: +(searchIndexBytes / 1048576).toFixed(2),
    ...browserData,
    searchHttp2,
  };
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  const resultFile = join(ROOT, `bench-results/bench-${DOCS}.json`);
  // The search index before and after a change: the run before this one, when its figures are still there.
  const before = existsSync(resultFile)
    ? (JSON.parse(readFileSync(resultFile, 'utf8')) as { searchIndexMB?: number; indexMB?: number })
    : undefined;
  writeFileSync(resultFile, JSON.stringify(result, null, 2));
  const r = result;
  console.log(`\n| figure | value |\n|---|---|`);
  console.log(
    `| documents (news/proposals/voices/reviews/members) | ${DOCS} (${counts.news}/${counts.proposals}/${counts.voices}/${counts.reviews}/${counts.members}), ${htmlPages} pages |`,
  );
  console.log(
    `| full build (pages + search index + link check) | ${r.build.seconds} s, ${r.build.secondsPer1000} s per 1,000 docs, peak ${r.build.peakMB} MB (of which ${r.build.peakStagedMB} MB staged in shared memory) |`,
  );
  console.log(`| Astro pages | ${r.build.pagesSeconds} s, peak ${r.build.peakWithoutPagefindMB} MB (Node) |`);
  console.log(
    `| Pagefind index | ${r.index.seconds} s for ${r.index.pages} pages in ${r.index.parts} part(s), ${r.index.secondsPer1000} s per 1,000 docs, peak ${r.index.peakMB} MB |`,
  );
  console.log(
    `| of which while the pages were rendered | ${r.index.earlyParts} part(s) in ${r.index.earlySeconds} s; the index step after the pages ${r.index.afterPagesSeconds} s |`,
  );
  console.log(`| index and link check side by side | ${r.index.postBuildSeconds} s |`);
  const re = r.rebuildAfterOneEdit;
  console.log(
    `| rebuild after one edited story | ${re.seconds} s (${re.reusedPages} of ${htmlPages} pages reused; index ${re.indexSeconds} s, ${re.reusedParts} of ${re.parts} parts reused) |`,
  );
  const p = r.publish;
  if (p)
    console.log(
      `| CMS save → page live (npm run publish, nginx) | ${p.saveToLiveSeconds} s (build ${p.buildSeconds} s, publish ${p.publishSeconds} s; ${p.linkedFiles} files hard-linked, ${p.copiedFiles} copied; first publish ${p.firstPublishSeconds} s) |`,
    );
  console.log(`| output / index size | ${mb(outputBytes)} / ${mb(indexBytes)} |`);
  console.log(
    `| of which the search index itself (words, fragments, filters, metadata of every part) | ${mb(searchIndexBytes)} |`,
  );
  if (before?.searchIndexMB)
    console.log(
      `| search index, the previous run → this one | ${before.indexMB} → ${r.indexMB} MB (itself ${before.searchIndexMB} → ${r.searchIndexMB} MB) |`,
    );
  console.log(`| search engine loaded with /search/ (Pagefind JS, WASM, metadata) | ${kb(browserData.engineBytes)} |`);
  console.log(
    `| Pagefind's engine (WASM) per page load | ${browserData.engineLoads} download(s), ${kb(browserData.wasmBytes)} |`,
  );
  const l = browserData.latency;
  console.log(
    `| search latency p50 / p95, cold and warm (ms from the typing pause to results) | cold ${l.coldP50} / ${l.coldP95} ms, warm ${l.warmP50} / ${l.warmP95} ms |`,
  );
  // The target of issue 22: every first query on a cold cache within 300 KB, whatever it loads (converter, sound table).
  const heaviest = browserData.search.reduce((a, b) => (b.coldBytes > a.coldBytes ? b : a));
  console.log(
    `| heaviest cold first query (target ≤ 300 KB) | ${kb(heaviest.coldBytes)} (“${heaviest.query}”) ${heaviest.coldBytes <= 300 * 1024 ? 'within' : 'OVER'} |`,
  );
  console.log('| search: ms from the typing pause to results (ms from the last keystroke) | |');
  for (const q of browserData.search) {
    console.log(
      `| search “${q.query}” cold / warm / with filter counts | ${kb(q.coldBytes)} in ${q.coldMs} (${q.coldTypedMs}) ms / ${kb(q.warmBytes)} in ${q.warmMs} (${q.warmTypedMs}) ms, of which search ${q.warmSearchMs} + data ${q.warmDataMs} / ${q.countedMs} ms |`,
    );
  }
  if (searchHttp2) {
    console.log('| over HTTP/2 and TLS, as nginx ships it | |');
    for (const q of searchHttp2)
      console.log(
        `| search “${q.query}” cold / warm over HTTP/2 | ${q.coldMs} ms / ${q.warmMs} (${q.warmTypedMs}) ms, of which search ${q.warmSearchMs} + data ${q.warmDataMs} |`,
      );
  } else console.log('| over HTTP/2 | not measured: openssl is needed for a local certificate |');
  for (const [name, p] of Object.entries(browserData.pages))
    console.log(`| page ${name} | ${kb(p.bytes)} transferred, ${p.scripts} scripts |`);
  console.log(`\nJSON: bench-results/bench-${DOCS}.json`);
  if (!KEEP) rmSync(dir, { recursive: true, force: true });
  return result;
}

if (process.argv.includes('--peer-from')) {
  // Only the peer, on the archive a kept run left (`--keep`), added to that size's JSON: when the peer was not run
  // with the site, e.g. for want of free memory at the time.
  const docs = SIZES[0]!;
  const file = join(ROOT, `bench-results/bench-${docs}.json`);
  const result = JSON.parse(readFileSync(file, 'utf8'));
  result.peer = await runPeer(arg('peer-from', ''), docs, QUERIES);
  writeFileSync(file, JSON.stringify(result, null, 2));
  printComparison([result]);
} else if (process.argv.includes('--table')) {
  // The table again from the sizes' JSON files, e.g. of sizes run apart when one run would take too long.
  const json = (docs: number) => join(ROOT, `bench-results/bench-${docs}.json`);
  printComparison(
    SIZES.map((docs) =>
      existsSync(json(docs)) ? JSON.parse(readFileSync(json(docs), 'utf8')) : { docs, missing: true },
    ),
  );
} else {
  const results = [];
  for (const docs of SIZES) results.push(await main(docs));
  printComparison(results);
}
