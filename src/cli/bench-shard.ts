/**
 * `npm run bench:shard [-- --docs 100000]`: the build split as CI jobs would split it (docs/sharding.md), on a
 * synthetic archive: one job renders the pages (`SKIP_SEARCH_INDEX=1`), two jobs index half the search parts each,
 * at the same time, each into a cache of its own, and a last job merges the caches and writes the index as the build
 * does (`indexSite`), which must find every part made and reuse it. Prints each job's time and peak memory.
 *
 * `--from <dir>` starts from the pages a kept bench run built (`npm run bench -- --docs 100000 --keep` prints its
 * folder), instead of generating and rendering them again: on 2 cores the pages of 100,000 documents take many minutes.
 * The index jobs and the merge still start from empty caches.
 *
 * `--index-shard k/n --site <dir> --cache <dir>` is one index job: the parts (whole years or months, see src/lib/search/parts.ts)
 * dealt to shard k of n.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { indexedPage, indexSite, isIndexed, planSiteParts, writePartToCache } from '../integrations/search-index.ts';
import { siteFiles } from '../integrations/site-files.ts';
import type { Part } from '../lib/search/parts.ts';
import { dealParts } from '../lib/search/shards.ts';
import { measure, ROOT } from './bench-measure.ts';
import { generateArchive } from './synthetic.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

/** The search parts of a built site, as the build plans them. */
function partsOf(site: string): Part[] {
  const pages = siteFiles(site)
    .filter((f) => f.endsWith('.html'))
    .flatMap((file) => {
      const html = readFileSync(join(site, file));
      return isIndexed(html) ? [indexedPage(file, html)] : [];
    });
  return planSiteParts(pages);
}

async function indexShard(spec: string, site: string, cache: string) {
  const [k, n] = spec.split('/').map(Number) as [number, number];
  const mine = dealParts(partsOf(site), n, (p) => p.pages.length)[k - 1] ?? [];
  for (const part of mine) await writePartToCache(site, cache, part);
  console.log(
    `shard ${k}/${n}: parts ${mine.map((p) => p.id).join(', ')} (${mine.reduce((s, p) => s + p.pages.length, 0)} pages)`,
  );
}

/** The pages job: an archive generated and rendered without its search index; undefined figures when `from` is given. */
async function renderPages(dir: string, docs: number, from: string | undefined) {
  if (from) return { out: join(from, 'site', 'build'), run: undefined };
  const out = join(dir, 'build');
  const content = join(dir, 'content');
  console.log(`Synthetic archive of ${docs} documents in ${dir}`);
  generateArchive(dir, docs, join(ROOT, 'content'));
  const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
  const env = {
    CONTENT_DIR: content,
    OUT_DIR: out,
    ASTRO_CACHE_DIR: join(dir, 'pages-cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  return { out, run: await measure(process.execPath, [astro, 'build'], { ...env, SKIP_SEARCH_INDEX: '1' }) };
}

async function demo(docs: number, from: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), `czzx-shard-${docs}-`));
  const { out, run: pages } = await renderPages(dir, docs, from);
  const shards = 2;
  const started = performance.now();
  const jobs = await Promise.all(
    Array.from({ length: shards }, (_, i) =>
      measure(
        process.execPath,
        [
          import.meta.filename,
          '--index-shard',
          `${i + 1}/${shards}`,
          '--site',
          out,
          '--cache',
          join(dir, `shard-${i + 1}`),
        ],
        {},
      ),
    ),
  );
  const indexWall = (performance.now() - started) / 1000;
  // The merge job: every shard's parts into the build's cache, then the index step as the build runs it.
  const mergeStarted = performance.now();
  for (let i = 1; i <= shards; i++)
    cpSync(join(dir, `shard-${i}`, 'search-index'), join(dir, 'cache', 'search-index'), { recursive: true });
  const lines: string[] = [];
  const logger = {
    info: (m: string) => lines.push(m),
    warn: console.warn,
    error: console.error,
    debug: () => {},
    fork: () => logger,
  } as unknown as AstroIntegrationLogger;
  const summary = await indexSite(out, join(dir, 'cache'), logger);
  const merge = (performance.now() - mergeStarted) / 1000;
  if (summary.reused !== summary.parts)
    throw new Error(
      `the merge re-indexed ${summary.parts - summary.reused} of ${summary.parts} parts: ${lines.join('\n')}`,
    );
  const gb = (b: number) => `${(b / 1024 ** 3).toFixed(1)} GB`;
  console.log(`\n| job (${cpus().length} cores) | time | peak memory | load |\n|---|---|---|---|`);
  if (pages)
    console.log(
      `| pages (astro build, SKIP_SEARCH_INDEX=1) | ${pages.seconds.toFixed(1)} s | ${gb(pages.peakBytes)} | ${pages.load} |`,
    );
  else console.log(`| pages | from ${from} | | |`);
  for (const [i, j] of jobs.entries())
    console.log(
      `| index shard ${i + 1}/${shards}: ${/parts (.+ pages\))/.exec(j.output)?.[1] ?? ''} | ${j.seconds.toFixed(1)} s | ${gb(j.peakBytes)} | ${j.load} |`,
    );
  console.log(`| both index shards, side by side | ${indexWall.toFixed(1)} s | | |`);
  console.log(
    `| merge: caches joined, index step (${summary.parts} parts, ${summary.pages} pages, all reused) | ${merge.toFixed(1)} s | | |`,
  );
  console.log(
    `| parts | ${readdirSync(join(dir, 'cache', 'search-index'))
      .sort()
      .join(', ')} | | |`,
  );
  if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
}

const shard = arg('index-shard');
if (shard) await indexShard(shard, arg('site')!, arg('cache')!);
else await demo(Number(arg('docs') ?? 100000), arg('from'));
