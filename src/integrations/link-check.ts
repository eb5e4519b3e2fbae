import type { AstroIntegrationLogger } from 'astro';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { digestOf } from '../lib/build-inputs.ts';
import { detach, findBroken, scanFeed, scanHtml, type PageRefs } from '../lib/links.ts';
import { siteFiles } from './site-files.ts';

/** Site path of a built file: `news/x/index.html` → `/news/x/`. */
function sitePath(file: string): string {
  const rel = `/${file}`;
  return rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
}

/** Bump when `scanHtml` changes what it finds, so scans of the last build are not reused. */
const SCANNER = 'scan-1';

/**
 * What the last check found in each page, by the digest of its HTML. After an edit nearly every page is byte for byte
 * the last build's, and parsing them all again was the longest step of a rebuild (21 s of its 68 s at 20,000
 * documents, beside a 13 s search index). Strings are stored once: the same header and footer links are on every page.
 */
interface ScanFile {
  scanner: string;
  strings: string[];
  /** Digest → ids and refs, as indexes into `strings`. */
  pages: Record<string, [number[], number[]]>;
}

function loadScans(file: string): Map<string, PageRefs> {
  const scans = new Map<string, PageRefs>();
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as ScanFile;
    if (saved.scanner !== SCANNER) return scans;
    for (const [d, [ids, refs]] of Object.entries(saved.pages)) scans.set(d, { ids: new Set(ids.map((i) => saved.strings[i]!)), refs: refs.map((i) => saved.strings[i]!) });
  } catch {
    // No scans yet, or unreadable ones: every page is parsed.
  }
  return scans;
}

function saveScans(file: string, scans: Map<string, PageRefs>): void {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const at = (s: string) => index.get(s) ?? (index.set(s, strings.push(s) - 1), strings.length - 1);
  const pages: ScanFile['pages'] = {};
  for (const [d, { ids, refs }] of scans) pages[d] = [[...ids].map(at), refs.map(at)];
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ scanner: SCANNER, strings, pages } satisfies ScanFile));
}

/**
 * Checks that every internal link, anchor, image, script, stylesheet and feed entry of a built site resolves; a
 * broken one throws with the page and the target named. Every page is checked on every build: a page copied
 * unchanged from the last build may link to one that is gone. Only the parsing of unchanged pages is saved, in
 * `scanFile`. The build runs it in a thread of its own (`checkLinksInWorker`); run on a busy thread, it yields to
 * the event loop between pages.
 */
export async function checkLinks(root: string, site: string, logger: AstroIntegrationLogger, scanFile?: string): Promise<void> {
  const last = scanFile ? loadScans(scanFile) : new Map<string, PageRefs>();
  const scans = new Map<string, PageRefs>();
  const pages = new Map<string, PageRefs>();
  let parsed = 0;
  // One copy of each id and URL, however many pages have it (the header and footer links are on all of them).
  const strings = new Map<string, string>();
  const keep = (s: string) => {
    let kept = strings.get(s);
    if (kept === undefined) strings.set((kept = detach(s)), kept);
    return kept;
  };
  for (const [i, f] of siteFiles(root).entries()) {
    if (i % 10 === 0) await new Promise((r) => setImmediate(r));
    if (f.endsWith('.html')) {
      // Decoded only when it must be parsed: the digest of the bytes is the digest of the text.
      const bytes = readFileSync(join(root, f));
      const d = digestOf(bytes);
      let refs = scans.get(d) ?? last.get(d);
      if (!refs) {
        refs = scanHtml(bytes.toString('utf8'), keep);
        parsed++;
      }
      scans.set(d, refs);
      pages.set(sitePath(f), refs);
    } else if (f.endsWith('.xml') && f.includes('rss')) pages.set(sitePath(f), { ids: new Set(), refs: scanFeed(readFileSync(join(root, f), 'utf8'), site) });
  }
  if (scanFile) saveScans(scanFile, scans);
  // Every page loads the same stylesheet, icons and media: each file is looked up once.
  const found = new Map<string, boolean>();
  const exists = (p: string) => {
    let yes = found.get(p);
    if (yes === undefined) found.set(p, (yes = existsSync(join(root, p)) && (statSync(join(root, p)).isFile() || existsSync(join(root, p, 'index.html')))));
    return yes;
  };
  const broken = findBroken(pages, exists, site);
  if (broken.length) {
    const lines = broken.slice(0, 50).map((b) => `  ${b.page} → ${b.target}（${b.reason}）`);
    throw new Error(`失效链接 ${broken.length} 处：\n${lines.join('\n')}`);
  }
  logger.info(`checked ${pages.size} pages and feeds (${parsed} parsed, the others unchanged since the last build): every internal link resolves`);
}

/** What the link check's thread is given (`link-check-worker.ts`). */
export interface LinkCheckJob {
  root: string;
  site: string;
  scanFile?: string | undefined;
}
/** What it answers: the lines it logs, then that it is done or why the check failed. */
export type LinkCheckMessage = { info: string } | { done: true } | { error: string };

/**
 * `checkLinks` in a thread of its own, whose heap is its own and is given back when it ends. On the build's thread, the
 * check's short-lived strings (every page's HTML that must be parsed, its tags and attributes) grew the build's heap by
 * about 500 MB at 20,000 documents, and the heap stayed that size while Pagefind indexed its largest parts beside it.
 */
export function checkLinksInWorker(job: LinkCheckJob, logger: AstroIntegrationLogger): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./link-check-worker.ts', import.meta.url), { workerData: job });
    let settled = false;
    worker.on('message', (m: LinkCheckMessage) => {
      if ('info' in m) logger.info(m.info);
      else if ('error' in m) reject(new Error(m.error));
      settled = !('info' in m);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (settled && code === 0 ? resolve() : reject(new Error(`the link check stopped (exit code ${code}) before it finished`))));
  });
}
