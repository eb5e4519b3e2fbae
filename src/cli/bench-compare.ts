// The side-by-side part of `npm run bench`: the peer (Hugo + stock Pagefind, bench-hugo.ts) on the same archive, and
// the one table comparing every size measured in the run.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { dirSize } from './bench-measure.ts';
import { buildPeer, hugoSite, hugoVersion, peerSearch, peerWontFit } from './bench-hugo.ts';

/**
 * Words, a tag, pinyin, a phrase, an abbreviation, traditional characters (the converter loads), slips (the spelling
 * table loads; 会仪 and 智会停车 have frequent characters, whose index chunks are the largest), a proposal number and a
 * quoted phrase: each kind of query the search page treats apart.
 */
export const QUERIES = [
  '科技服务',
  '乡村振兴',
  'keji',
  '养老服务体系',
  '发改委',
  '農業發展',
  '对伍',
  '会仪',
  '智会停车',
  '第12号提案',
  '"科技服务业"',
];

export interface PeerFigures {
  version: string;
  seconds: number;
  peakMB: number;
  load: number;
  indexMB: number;
  htmlPages: number;
  search: { query: string; coldBytes: number; coldMs: number; warmBytes: number; warmMs: number }[];
}

/** The peer on the archive in `dir`, or why it was not run. */
export async function runPeer(
  dir: string,
  docs: number,
  queries: string[],
): Promise<PeerFigures | { skipped: string }> {
  const version = hugoVersion();
  if (!version) {
    const skipped = 'not run: no `hugo` on PATH (Debian: `apt-get install hugo`)';
    console.log(`Hugo + Pagefind ${skipped}`);
    return { skipped };
  }
  const wontFit = peerWontFit(docs);
  if (wontFit) {
    console.log(`Hugo + Pagefind at ${docs} documents ${wontFit}`);
    return { skipped: wontFit };
  }
  const site = hugoSite(dir, join(dir, 'content'));
  console.log(`Hugo + Pagefind on the same ${docs} documents (${version})`);
  const run = await buildPeer(site);
  const out = join(site, 'public');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const search = await peerSearch(browser, out, queries).finally(() => browser.close());
  return {
    version: version.split(' ')[1] ?? version,
    seconds: +run.seconds.toFixed(1),
    peakMB: Math.round(run.peakBytes / 1048576),
    load: run.load,
    indexMB: +(dirSize(join(out, 'pagefind')) / 1048576).toFixed(1),
    htmlPages: readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.html')).length,
    search,
  };
}

interface SiteResult {
  docs: number;
  htmlPages: number;
  build: { seconds: number; peakMB: number };
  load: { build: number; rebuild: number };
  rebuildAfterOneEdit: { seconds: number };
  indexMB: number;
  search: { coldBytes: number; warmBytes: number }[];
  latency: { coldP50: number; warmP50: number };
  peer: PeerFigures | { skipped: string };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;
const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
const gb = (mb: number) => `${(mb / 1024).toFixed(1)} GB`;

/** One table, a row per size: both systems' build, the ratio, index size, and search transfer and latency. */
export function printComparison(results: (SiteResult | { docs: number; missing: true })[]): void {
  console.log(
    '\n| documents | Hugo + Pagefind (load) | this site (load) | time ratio | rebuild, one story | index size site / peer | cold query site / peer, median (max) | warm query site / peer, median | latency p50 cold / warm, site; peer |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    if ('missing' in r) {
      console.log(
        `| ${r.docs.toLocaleString('en')} | not measured: no bench-results/bench-${r.docs}.json | | | | | | | |`,
      );
      continue;
    }
    const p = r.peer;
    const ran = 'seconds' in p ? p : undefined;
    const site = `${r.build.seconds} s, ${gb(r.build.peakMB)} (${r.load.build})`;
    const peer = ran ? `${ran.seconds} s, ${gb(ran.peakMB)} (${ran.load})` : (p as { skipped: string }).skipped;
    const ratio = ran ? `${(r.build.seconds / ran.seconds).toFixed(2)}×` : '–';
    const cold = r.search.map((s) => s.coldBytes);
    const peerCold = ran ? ran.search.map((s) => s.coldBytes) : [];
    const coldCell = `${kb(median(cold))} (${kb(Math.max(...cold))}) / ${ran ? `${kb(median(peerCold))} (${kb(Math.max(...peerCold))})` : '–'}`;
    const warmCell = `${kb(median(r.search.map((s) => s.warmBytes)))} / ${ran ? kb(median(ran.search.map((s) => s.warmBytes))) : '–'}`;
    const latency = `${r.latency.coldP50} / ${r.latency.warmP50} ms; ${ran ? `${median(ran.search.map((s) => s.coldMs))} / ${median(ran.search.map((s) => s.warmMs))} ms` : '–'}`;
    const docs = `${r.docs.toLocaleString('en')} (${r.htmlPages.toLocaleString('en')} pages${ran ? `; peer ${ran.htmlPages.toLocaleString('en')}` : ''})`;
    console.log(
      `| ${docs} | ${peer} | ${site} | ${ratio} | ${r.rebuildAfterOneEdit.seconds} s (${r.load.rebuild}) | ${r.indexMB} / ${ran ? ran.indexMB : '–'} MB | ${coldCell} | ${warmCell} | ${latency} |`,
    );
  }
  console.log(
    '\nTime and peak memory of the whole process tree, cold build (the peer: Hugo then Pagefind); in brackets the',
  );
  console.log(
    "machine's mean one-minute load average during the run (2 cores; the run itself adds about 2). Peer latency: the",
  );
  console.log(
    "Pagefind API's search and the first ten results' data; the site's: from the typing pause to results on screen.",
  );
}
