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
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserFigures, localCert } from './bench-browser.ts';
import { cmsSaveToLive } from './bench-publish.ts';
import { printComparison, QUERIES, runPeer } from './bench-compare.ts';
import { dirSize, measure, ROOT } from './bench-measure.ts';
import { printResult } from './bench-report.ts';
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
/** `--no-peer`: the site alone, e.g. while choosing a setting of its own build. */
const PEER = !process.argv.includes('--no-peer');
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

/** The story with the latest date: the one an editor published last. */
function newestStory(news: string): string {
  const dated = readdirSync(news).map((f) => ({
    f,
    date: /\ndate: ['"]?(\S+)/.exec(readFileSync(join(news, f), 'utf8'))?.[1] ?? '',
  }));
  return dated.reduce((a, b) => (b.date > a.date ? b : a)).f;
}

/** What a rebuild after one edit cost, and the month of the story edited (which part of the index it re-indexed). */
function rebuildFigures({
  run,
  log,
  month,
}: {
  run: Awaited<ReturnType<typeof measure>>;
  log: ReturnType<typeof buildLog>;
  month: string;
}) {
  return {
    month,
    seconds: +run.seconds.toFixed(1),
    peakMB: Math.round(run.peakBytes / 1048576),
    peakWithoutPagefindMB: Math.round(run.peakBuildBytes / 1048576),
    peakPagefindMB: Math.round(run.peakPagefindBytes / 1048576),
    indexSeconds: +log.indexSeconds.toFixed(1),
    earlySeconds: +log.earlySeconds.toFixed(1),
    reusedParts: log.reused,
    parts: log.parts,
    reusedPages: log.reusedPages,
  };
}

/** What one size's run measured, as written to bench-results/bench-<docs>.json. */
export type BenchResult = Awaited<ReturnType<typeof main>>;

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
  // One story edited, then built again with the caches of the first build: the last by name (a month of the newest
  // year, as in the runs before), then the story published last (the newest month, as an editor's correction).
  const news = join(dir, 'content/news');
  const rebuildAfter = async (story: string) => {
    const file = join(news, story);
    writeFileSync(file, readFileSync(file, 'utf8').replace('本报讯', '本报讯（更新）'));
    // The output just written is flushed first too: at 100,000 documents the kernel was still writing the cold build's
    // 2.2 GB when the first rebuild began, which cost it 3.5 s (30.3 s, against 26.6-26.8 s rebuilt later).
    spawnSync('sync', { stdio: 'ignore' });
    const run = await measure(process.execPath, [astro, 'build'], env);
    return {
      run,
      log: buildLog(run.output),
      month: /\ndate: ['"]?(\d{4}-\d{2})/.exec(readFileSync(file, 'utf8'))?.[1] ?? 'no date',
    };
  };
  const rebuild = await rebuildAfter(readdirSync(news).sort().at(-1)!);
  const newest = await rebuildAfter(newestStory(news));
  const browserData = await browserFigures(out);
  const tls = localCert(dir);
  const searchHttp2 = tls && DETAILED ? (await browserFigures(out, tls)).search : undefined;
  const story2 = readdirSync(join(dir, 'content/news')).sort().at(-2)!;
  const publishFigures = DETAILED
    ? await cmsSaveToLive(env, join(dir, 'site'), join(dir, 'content'), story2)
    : undefined;
  const peer = PEER ? await runPeer(dir, DOCS, QUERIES) : { skipped: 'not run: --no-peer' };
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
    rebuildAfterOneEdit: rebuildFigures(rebuild),
    rebuildAfterNewestEdit: rebuildFigures(newest),
    publish: publishFigures,
    load: { build: build.load, rebuild: rebuild.run.load, newest: newest.run.load },
    cpuSeconds: { build: build.cpuSeconds, rebuild: rebuild.run.cpuSeconds, newest: newest.run.cpuSeconds },
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
  printResult(result, before);
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
