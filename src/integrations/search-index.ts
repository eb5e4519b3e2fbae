import type { AstroIntegrationLogger } from 'astro';
import {
  assertBrowserBundleHolds,
  assertChunkSizeHolds,
  CHUNK_SIZE_VAR,
  pagefindBinary,
} from './internals/pagefind.ts';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { siteFiles } from './site-files.ts';
import { placeParts } from './search-place.ts';
import { deleteInBackground, discard } from './trash.ts';
import { stageFolder, stagePart } from './search-stage.ts';
import { isPlainBuild } from './build-mode.ts';
import { collectGarbage } from './heap.ts';
import { FileFacts } from './file-facts.ts';
import { limiter } from '../lib/limit.ts';
import { digestOf } from '../lib/build-inputs.ts';
import {
  PART_PAGES,
  pageMonth,
  partCap,
  partPath,
  planParts,
  RECENT_PAGES,
  recentParts,
  type PartsManifest,
  type IndexedPage,
  type Part,
  type PartEntry,
} from '../lib/search/parts.ts';
import { INDEX_LANGUAGE } from '../lib/search/segment.ts';

/** The operator's cap on pages per part of the search index (`SEARCH_PART_PAGES`); else it follows the site's size. */
const FIXED_PART_PAGES = Number(process.env.SEARCH_PART_PAGES) || undefined;
/** Pages the browser searches before the reader asks for every year (`recentParts`). */
const RECENT_BUDGET = Number(process.env.SEARCH_RECENT_PAGES) || RECENT_PAGES;

/**
 * The parts of the search index for these pages (`planParts`, with the cap `partCap` gives for their number, and the
 * smallest cap for the years editors still edit). The render order plans them from the pages the routes note, the index
 * step from the pages as built: the same pages, so the same parts.
 */
export function planSiteParts(pages: readonly IndexedPage[]): Part[] {
  const recentPages = partCap(0, FIXED_PART_PAGES);
  return planParts(
    pages,
    {
      maxPages: partCap(pages.length, FIXED_PART_PAGES),
      recentYears: PART_PAGES.recentYears,
      recentPages,
      newestPages: Math.min(recentPages, PART_PAGES.newest),
      undatedApart: pages.length > RECENT_BUDGET,
    },
    INDEXER,
  );
}

/**
 * Locations per index chunk (Pagefind's default is 20,000). A query fetches the chunk holding each of its words from
 * every part; at 4,000 a rare word costs ~5 KB per part instead of ~22 KB, for ~15 KB more metadata per part loaded
 * once (measured at 20,000 documents in 5 parts: 养老服务体系 448 → 208 KB, keji 169 → 71 KB). Pagefind reads it from
 * its environment when its process starts; an operator's own setting wins.
 */
const CHUNK_LOCATIONS = isPlainBuild() ? undefined : chunkLocations();

/** Pagefind's unstable variable, checked against the installed binary first (src/integrations/internals/pagefind.ts). */
function chunkLocations(): string {
  assertChunkSizeHolds();
  return (process.env[CHUNK_SIZE_VAR] ??= '4000');
}

/**
 * Parts Pagefind indexes at once. Pagefind keeps one core busy while it writes a part, so two at once use both cores
 * of a small machine (20,000 documents, indexed alone: 86-95 s against 69 s), but they also hold two parts in memory
 * (Pagefind's peak 1.2 GB against 2.3 GB), more than a 4 GB machine has beside the build's 1.8 GB. One by default;
 * two where memory allows.
 */
const PART_CONCURRENCY = Math.max(1, Number(process.env.SEARCH_PART_CONCURRENCY ?? 1) || 1);

/** Every Pagefind run of the build, the early ones (search-preindex.ts) and the index step's, under one cap. */
const pagefindRuns = limiter(PART_CONCURRENCY);

const PAGEFIND = join(import.meta.dirname, '../../node_modules/pagefind');
const PAGEFIND_PACKAGE = JSON.parse(readFileSync(join(PAGEFIND, 'package.json'), 'utf8')) as {
  version: string;
  bin: string;
};

/** How pages are split into words for Pagefind: its source, so that any change to it re-indexes every part. */
const SPLITTER = digestOf(readFileSync(join(import.meta.dirname, '../lib/search/segment.ts')));

/** Changes with anything that changes how a part is indexed, so cached parts from older builds are not reused. */
export const INDEXER = `pagefind-${PAGEFIND_PACKAGE.version}-chunk-${CHUNK_LOCATIONS}-words-${SPLITTER}-3`;

/**
 * Pages marked for search (`data-pagefind-body`); Pagefind would parse and hold every other page only to drop it.
 * Read as bytes, never decoded: 418 MB of page text at 20,000 documents, turned into strings, grew the build's heap
 * while Pagefind was running beside it. A page whose file is the one looked at in the last build (file-facts.ts) is
 * not read again: after an edit that is all but the pages the build wrote. `files`: the site's HTML files, as the
 * build listed them; without it the site's folder is walked.
 */
function indexedPages(site: string, cacheDir: string, files?: readonly string[]): IndexedPage[] {
  // Named by the code that reads a page, so a change to it reads every page again.
  const facts = new FileFacts<Omit<IndexedPage, 'file'> | 0>(
    join(cacheDir, 'search-pages.json'),
    digestOf(INDEXER + isIndexed.toString() + pageMonth.toString()),
  );
  const pages: IndexedPage[] = [];
  for (const file of files ?? siteFiles(site).filter((f) => f.endsWith('.html'))) {
    const page = facts.get(site, file, (html) =>
      isIndexed(html) ? { month: pageMonth(html), digest: digestOf(html) } : 0,
    );
    if (page) pages.push({ file, ...page });
  }
  facts.save();
  return pages;
}

/** Whether a built page is marked for search. */
export function isIndexed(html: Buffer): boolean {
  return html.includes('data-pagefind-body');
}

/** A page marked for search, from its path under the site and its bytes. */
export function indexedPage(file: string, html: Buffer): IndexedPage {
  return { file, month: pageMonth(html), digest: digestOf(html) };
}

/**
 * Runs Pagefind's command-line tool and returns what it printed. On a folder it is faster than the same binary behind
 * the Node API's service, with the same output byte for byte: 15.7 s against 18.6 s for 4,000 pages (three runs each,
 * 2 cores). The extended binary is run itself (`pagefindBinary`, fenced): the npm wrapper is a Node process that only
 * waits for it, holding memory while the binary indexes beside the build's peak; the plain build keeps the wrapper. It
 * runs in the folder it indexes, so no Pagefind configuration file lying around changes what it does.
 */
function runPagefind(cwd: string, args: string[]): Promise<string> {
  const [command, wrapper] = isPlainBuild()
    ? [process.execPath, [join(PAGEFIND, PAGEFIND_PACKAGE.bin)]]
    : [pagefindBinary(), []];
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...wrapper, ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d));
    child.stderr.on('data', (d: Buffer) => (log += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(log) : reject(new Error(`Pagefind exited with ${code}:\n${log.slice(-2000)}`)),
    );
  });
}

/** Indexes a staged part into `out`, checking that Pagefind took every page. */
async function indexStaged(part: Part, stage: string, out: string): Promise<void> {
  if (!isPlainBuild()) collectGarbage();
  const log = await runPagefind(stage, [
    '--site',
    stage,
    '--output-path',
    out,
    '--force-language',
    INDEX_LANGUAGE,
  ]).catch((e: Error) => {
    throw new Error(`Pagefind could not index the part ${part.id}: ${e.message}`);
  });
  // It prints "Indexed N pages" per language and then in total.
  const indexed = [...log.matchAll(/Indexed (\d+) pages?/g)].at(-1)?.[1];
  if (Number(indexed) !== part.pages.length)
    throw new Error(
      `Pagefind indexed ${indexed ?? 'no'} of the ${part.pages.length} pages of the part ${part.id}:\n${log.slice(-2000)}`,
    );
}

/**
 * One part staged at a time, outside the Pagefind slots, so the next part is staged while Pagefind indexes one; and
 * at most one part staged ahead of Pagefind, so the staged copies never take more than two parts' room (in memory or
 * on disk, see `stageFolder`).
 */
const stagings = limiter(1);
const underWay = limiter(PART_CONCURRENCY + 1);

/** Where the files of replaced parts wait for their background delete: in the cache, on the file system of the parts. */
const trashOf = (cacheDir: string) => join(cacheDir, 'search-trash');

/**
 * Writes a part into the cache (`<cacheDir>/search-index/<id>/`) unless the cache already holds it, and stamps it with
 * its digest once whole, so a part cut short by a failed build is written again. At most `SEARCH_PART_CONCURRENCY`
 * parts are indexed at once, whoever asks. Returns the milliseconds staging and Pagefind took (not the waits for
 * their turn), or undefined when the cache held the part.
 */
export async function writePartToCache(site: string, cacheDir: string, part: Part): Promise<number | undefined> {
  const cached = join(cacheDir, 'search-index', part.id);
  const stamp = join(cached, '.digest');
  const held = () => existsSync(stamp) && readFileSync(stamp, 'utf8') === part.digest;
  if (held()) return undefined;
  let stage = '';
  return underWay(async () => {
    try {
      const staging = await stagings(async () => {
        const started = performance.now();
        const bytes = part.pages.reduce((n, p) => n + statSync(join(site, p.file)).size, 0);
        stage = stageFolder(cacheDir, part.id, bytes);
        await stagePart(site, part, stage);
        return performance.now() - started;
      });
      return await pagefindRuns(async () => {
        if (held()) return undefined;
        const started = performance.now();
        discard(cached, trashOf(cacheDir));
        await indexStaged(part, stage, cached);
        writeFileSync(stamp, part.digest);
        return Math.round(staging + performance.now() - started);
      });
    } finally {
      if (stage) {
        rmSync(stage, { recursive: true, force: true });
        try {
          rmdirSync(dirname(stage));
        } catch {
          // Another part is staged there.
        }
      }
    }
  });
}

export interface IndexSummary {
  pages: number;
  parts: number;
  /** Parts taken from the last build. */
  reused: number;
  /** Parts written while the pages were rendered (`early`). */
  early: number;
  ms: number;
}

/**
 * Indexes a built site for search: the pages marked for it, in parts of whole months (see `planParts`), each written to
 * its own bundle (the newest at `/pagefind/`, the others under `/pagefind/parts/`) and listed in
 * `/pagefind/parts.json`. A part whose pages are byte-for-byte those of the last build is reused from `cacheDir`;
 * the others are written there first (`SEARCH_PART_CONCURRENCY` at a time), and every part is then linked into place.
 * `pages`: the HTML files of the site (`news/x/index.html`) where the build has listed them (`assetFiles`); walking
 * the folder of a 100,000-document site to find them took 1.6 s of the rebuild's main thread.
 */
export async function indexSite(
  site: string,
  cacheDir: string,
  logger: AstroIntegrationLogger,
  early: ReadonlySet<string> = new Set(),
  pages?: readonly string[],
): Promise<IndexSummary> {
  const started = performance.now();
  const parts = planSiteParts(indexedPages(site, cacheDir, pages));
  const cache = join(cacheDir, 'search-index');
  const fresh = await Promise.all(parts.map((part) => writePartToCache(site, cacheDir, part)));
  const written = parts.filter((_, i) => fresh[i] !== undefined);
  const trash = trashOf(cacheDir);
  placeParts(site, cache, parts, trash);
  // Parts that no longer exist (their years or months were regrouped) would only fill the disk.
  if (existsSync(cache))
    for (const d of readdirSync(cache)) if (!parts.some((p) => p.id === d)) discard(join(cache, d), trash);
  // Old parts' files, moved aside above, are deleted after the build without holding it up.
  if (existsSync(trash)) deleteInBackground(trash);
  const entries: PartEntry[] = parts.map((p, i) => ({
    id: p.id,
    path: partPath(p, i),
    from: p.from,
    to: p.to,
    pages: p.pages.length,
  }));
  const manifest: PartsManifest = { parts: entries, recent: recentParts(entries, RECENT_BUDGET) };
  mkdirSync(join(site, 'pagefind'), { recursive: true });
  writeFileSync(join(site, 'pagefind/parts.json'), JSON.stringify(manifest));
  if (parts.length) assertBrowserBundleHolds(readFileSync(join(site, 'pagefind/pagefind.js'), 'utf8'));
  const earlyParts = parts.filter((p) => early.has(p.id) && !written.includes(p)).length;
  const summary = {
    pages: parts.reduce((n, p) => n + p.pages.length, 0),
    parts: parts.length,
    reused: parts.length - written.length - earlyParts,
    early: earlyParts,
    ms: Math.round(performance.now() - started),
  };
  logger.info(
    `indexed ${summary.pages} pages in ${summary.parts} part(s), ${summary.reused} reused from the last build, ${summary.early} written while the pages were rendered, in ${summary.ms} ms`,
  );
  return summary;
}
