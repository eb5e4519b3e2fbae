import type { AstroIntegrationLogger } from 'astro';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { digestOf } from '../lib/build-inputs.ts';
import { detach, findBroken, scanFeed, scanHtml, type PageRefs } from '../lib/links.ts';
import { FileFacts } from './file-facts.ts';
import { siteFiles } from './site-files.ts';
import { workerTask } from './worker-task.ts';

/** Site path of a built file: `news/x/index.html` → `/news/x/`. */
function sitePath(file: string): string {
  const rel = `/${file}`;
  return rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
}

/** Bump when `scanHtml` changes what it finds, so scans of the last build are not reused. */
const SCANNER = 'scan-2';

/**
 * What the last check found in each page, by the digest of its HTML. After an edit nearly every page is byte for byte
 * the last build's, and parsing them all again was the longest step of a rebuild (docs/benchmarks.md#link-check).
 * Strings are stored once: the same header and footer links are on every page.
 */
interface ScanFile {
  scanner: string;
  strings: string[];
  /** Digest → ids and refs, as indexes into `strings`. */
  pages: Record<string, [number[], number[]]>;
}

/** Scans as stored (`ScanFile`) or handed from thread to thread: each string once, pages as indexes into them. */
function encodeScans(scans: Map<string, PageRefs>): ScanFile {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const at = (s: string) => {
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = strings.push(s) - 1));
    return i;
  };
  const pages: ScanFile['pages'] = {};
  for (const [d, { ids, refs }] of scans) pages[d] = [[...ids].map(at), refs.map(at)];
  return { scanner: SCANNER, strings, pages };
}

function decodeScans(saved: ScanFile, into: Map<string, PageRefs>, keep: (s: string) => string = (s) => s): void {
  if (saved.scanner !== SCANNER) return;
  const strings = saved.strings.map(keep);
  for (const [d, [ids, refs]] of Object.entries(saved.pages))
    into.set(d, { ids: new Set(ids.map((i) => strings[i]!)), refs: refs.map((i) => strings[i]!) });
}

export function loadScans(file: string | undefined): Map<string, PageRefs> {
  const scans = new Map<string, PageRefs>();
  try {
    if (file) decodeScans(JSON.parse(readFileSync(file, 'utf8')) as ScanFile, scans);
  } catch {
    // No scans yet, or unreadable ones: every page is parsed.
  }
  return scans;
}

function saveScans(file: string, scans: Map<string, PageRefs>): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(encodeScans(scans)));
}

/** One copy of each id and URL, however many pages have it (the header and footer links are on all of them). */
function keeper(): (s: string) => string {
  const strings = new Map<string, string>();
  return (s) => {
    let kept = strings.get(s);
    if (kept === undefined) strings.set((kept = detach(s)), kept);
    return kept;
  };
}

/** What some pages hold: the digest of each file, the ids and refs of each digest, and how many had to be parsed. */
export interface Scanned {
  digests: Map<string, string>;
  scans: Map<string, PageRefs>;
  parsed: number;
}

/** Scans HTML files of the site, taking from `last` each page whose digest it holds. */
export async function scanPages(
  root: string,
  files: readonly string[],
  last: Map<string, PageRefs>,
  keep = keeper(),
): Promise<Scanned> {
  const out: Scanned = { digests: new Map(), scans: new Map(), parsed: 0 };
  for (const [i, f] of files.entries()) {
    if (i % 10 === 0) await new Promise((r) => setImmediate(r));
    // Decoded only when it must be parsed: the digest of the bytes is the digest of the text.
    const bytes = readFileSync(join(root, f));
    const d = digestOf(bytes);
    let refs = out.scans.get(d) ?? last.get(d);
    if (!refs) {
      refs = scanHtml(bytes.toString('utf8'), keep);
      out.parsed++;
    }
    out.scans.set(d, refs);
    out.digests.set(f, d);
  }
  return out;
}

/** What the second scanning thread is given (`link-scan-worker.ts`) and what it answers. */
export interface ScanJob {
  root: string;
  files: string[];
  scanFile?: string | undefined;
}
export interface ScanAnswer {
  digests: [string, string][];
  scans: ScanFile;
  parsed: number;
}

/** `scanPages` in a thread of its own, answering with each string once (a few thousand distinct links, not millions). */
function scanInWorker(job: ScanJob): Promise<ScanAnswer> {
  return workerTask(new URL('./link-scan-worker.ts', import.meta.url), job, 'a link scan');
}

/** The answer of a scanning thread, for `link-scan-worker.ts`. */
export function scanAnswer({ digests, scans, parsed }: Scanned): ScanAnswer {
  return { digests: [...digests], scans: encodeScans(scans), parsed };
}

/**
 * Checks that every internal link, anchor, image, script, stylesheet and feed entry of a built site resolves; a
 * broken one throws with the page and the target named. Every page is checked on every build: a page copied
 * unchanged from the last build may link to one that is gone. Only the parsing of unchanged pages is saved, in
 * `scanFile`. The build runs it in a thread of its own (`checkLinksInWorker`); run on a busy thread, it yields to
 * the event loop between pages. With `threads` 2, a second thread parses half of the pages: the check ends the
 * build, when the index is mostly written and the second core free (every page must be read, digested and scanned).
 */
export async function checkLinks(
  root: string,
  site: string,
  logger: AstroIntegrationLogger,
  scanFile?: string,
  threads = 1,
  perThread = 500,
): Promise<void> {
  const last = loadScans(scanFile);
  const files = siteFiles(root);
  const html = files.filter((f) => f.endsWith('.html'));
  // Pages whose file is the one scanned last time (see file-facts.ts) are neither read nor digested again: after an
  // edit that is all but the few pages the build wrote.
  const facts = new FileFacts<string>(scanFile && join(dirname(scanFile), 'link-digests.json'), SCANNER);
  const digests = new Map<string, string>();
  const scans = new Map<string, PageRefs>();
  const unread: string[] = [];
  for (const f of html) {
    const d = facts.known(root, f);
    const refs = d === undefined ? undefined : last.get(d);
    if (d !== undefined && refs) {
      digests.set(f, d);
      scans.set(d, refs);
    } else unread.push(f);
  }
  // Looked at before they are read, so a page written meanwhile is read again next time.
  const stamps = new Map(unread.map((f) => [f, facts.stampOf(root, f)]));
  // A second thread costs its start (loading this code again); worth it only for many pages, as after a full build.
  const half = threads > 1 && unread.length >= 2 * perThread ? Math.ceil(unread.length / 2) : unread.length;
  const helper = half < unread.length ? scanInWorker({ root, files: unread.slice(half), scanFile }) : undefined;
  const keep = keeper();
  const own = await scanPages(root, unread.slice(0, half), last, keep);
  for (const [d, refs] of own.scans) scans.set(d, refs);
  for (const [f, d] of own.digests) digests.set(f, d);
  let parsed = own.parsed;
  if (helper) {
    const answer = await helper;
    decodeScans(answer.scans, scans, keep);
    for (const [f, d] of answer.digests) digests.set(f, d);
    parsed += answer.parsed;
  }
  for (const f of unread) facts.record(f, stamps.get(f), digests.get(f)!);
  const pages = new Map<string, PageRefs>();
  for (const f of files) {
    if (f.endsWith('.html')) pages.set(sitePath(f), scans.get(digests.get(f)!)!);
    else if (f.endsWith('.xml') && f.includes('rss'))
      pages.set(sitePath(f), { ids: new Set(), refs: scanFeed(readFileSync(join(root, f), 'utf8'), site) });
  }
  if (scanFile) saveScans(scanFile, scans);
  facts.save();
  // Every page loads the same stylesheet, icons and media: each file is looked up once.
  const found = new Map<string, boolean>();
  const exists = (p: string) => {
    let yes = found.get(p);
    if (yes === undefined)
      found.set(
        p,
        (yes =
          existsSync(join(root, p)) && (statSync(join(root, p)).isFile() || existsSync(join(root, p, 'index.html')))),
      );
    return yes;
  };
  const gone = (p: string) => existsSync(join(root, '_gone', p, 'index.html'));
  const broken = findBroken(pages, exists, site, gone);
  if (broken.length) {
    const lines = broken.slice(0, 50).map((b) => `  ${b.page} → ${b.target}（${b.reason}）`);
    throw new Error(`失效链接 ${broken.length} 处：\n${lines.join('\n')}`);
  }
  logger.info(
    `checked ${pages.size} pages and feeds (${unread.length} read, ${parsed} parsed, the others unchanged since the last build): every internal link resolves`,
  );
}

/** What the link check's thread is given (`link-check-worker.ts`). */
export interface LinkCheckJob {
  root: string;
  site: string;
  scanFile?: string | undefined;
  /** Threads that parse pages (see `checkLinks`). */
  threads?: number;
}
/** What it answers: the lines it logs, then that it is done or why the check failed. */
export type LinkCheckMessage = { info: string } | { done: true } | { error: string };

/**
 * `checkLinks` in a thread of its own, whose heap is its own and is given back when it ends. On the build's thread, the
 * check's short-lived strings (every page's HTML that must be parsed, its tags and attributes) grew the build's heap,
 * which stayed that size while Pagefind indexed its largest parts beside it (docs/benchmarks.md#link-check).
 */
export async function checkLinksInWorker(job: LinkCheckJob, logger: AstroIntegrationLogger): Promise<void> {
  const url = new URL('./link-check-worker.ts', import.meta.url);
  const end = await workerTask<LinkCheckMessage>(url, job, 'the link check', (info) => logger.info(info));
  if ('error' in end) throw new Error(end.error);
}
