// The peer in `npm run bench`: the same synthetic archive built by Hugo (Debian's 0.111.3, the version issue #26
// names) with minimal layouts making pages comparable to the site's (paginated lists, detail pages, tag pages), then
// indexed by stock Pagefind 1.6 (`npx pagefind --site public`), the pair a user would pick instead of this site.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Request } from '@playwright/test';
import { startNginx } from '../deploy/local-nginx.ts';
import { freePort, measure, ROOT, type Run } from './bench-measure.ts';

/** Hugo's version line, or undefined when no `hugo` is on PATH (the bench then skips the peer's column). */
export function hugoVersion(): string | undefined {
  const run = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

/**
 * Memory Hugo + stock Pagefind take per 1,000 documents: 0.31 GB measured at 5,000 (1.5 GB, this bench); issue #26
 * measured 13.0 GB at 20,000 with the older mix, so the estimate errs high. Stock Pagefind holds all of a site's pages
 * in one index, every word with its positions, until it is written.
 */
const PEER_BYTES_PER_DOC = (0.4 * 1024 ** 3) / 1000;

/** Why the peer cannot run at `docs` on this machine (its expected peak above 80% of the memory free), or undefined. */
export function peerWontFit(docs: number): string | undefined {
  const available = Number(/MemAvailable:\s+(\d+) kB/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0) * 1024;
  const needed = docs * PEER_BYTES_PER_DOC;
  if (needed <= available * 0.8) return undefined;
  const gb = (b: number) => `${(b / 1024 ** 3).toFixed(1)} GB`;
  return `not run: stock Pagefind would need about ${gb(needed)}, the machine has ${gb(available)} free`;
}

const CONFIG = (content: string) => `baseURL = "http://127.0.0.1/"
languageCode = "zh-CN"
defaultContentLanguage = "zh-cn"
title = "长治政协（Hugo 对照）"
hasCJKLanguage = true
paginate = 20
[taxonomies]
  tag = "tags"
[frontmatter]
  date = ["date", "submitted", ":default"]
[module]
${['news', 'proposals', 'voices', 'reviews', 'members'].map((f) => `[[module.mounts]]\n  source = "${join(content, f)}"\n  target = "content/${f}"`).join('\n')}
`;

/** Minimal templates: every page a list or a detail page; only detail pages are searched, as on the site. */
const LAYOUTS: Record<string, string> = {
  '_default/baseof.html': `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} - {{ site.Title }}</title></head>
<body><header><a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav>{{ range site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>`,
  '_default/single.html': `{{ define "main" }}<article data-pagefind-body>
<h1>{{ with .Title }}{{ . }}{{ else }}{{ .Params.name }}{{ end }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006年1月2日" }}</time></p>
{{ with .Params.tags }}<ul>{{ range . }}<li><a href="{{ "tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul>{{ end }}
{{ .Content }}</article>{{ end }}`,
  '_default/list.html': `{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range (.Paginate .Pages).Pages }}<li><a href="{{ .RelPermalink }}">{{ with .Title }}{{ . }}{{ else }}{{ .Params.name }}{{ end }}</a>
<time>{{ .Date.Format "2006-01-02" }}</time><p>{{ .Params.summary }}</p></li>{{ end }}</ul>
{{ template "_internal/pagination.html" . }}{{ end }}`,
  '_default/terms.html': `{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}`,
  'index.html': `{{ define "main" }}<ul>{{ range (.Paginate site.RegularPages).Pages }}<li><a href="{{ .RelPermalink }}">{{ with .Title }}{{ . }}{{ else }}{{ .Params.name }}{{ end }}</a></li>{{ end }}</ul>
{{ template "_internal/pagination.html" . }}{{ end }}`,
};

/** Writes a Hugo site over `content` (the archive's folders mounted, not copied) into `dir`; returns its folder. */
export function hugoSite(dir: string, content: string): string {
  const site = join(dir, 'hugo');
  for (const [file, text] of Object.entries(LAYOUTS)) {
    mkdirSync(join(site, 'layouts', file, '..'), { recursive: true });
    writeFileSync(join(site, 'layouts', file), text);
  }
  writeFileSync(join(site, 'hugo.toml'), CONFIG(content));
  return site;
}

/** Hugo's build and then stock Pagefind's index over its output, as one measured process tree. */
export function buildPeer(site: string): Promise<Run> {
  const pagefind = join(ROOT, 'node_modules/.bin/pagefind');
  const script = `hugo --quiet --source "${site}" --destination public && "${pagefind}" --site public`;
  // Pagefind's own settings only: none of the site's (its index chunk size is set in the site's build process).
  return measure('sh', ['-c', script], { PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '' }, site);
}

/**
 * Bytes and milliseconds of the peer's searches in Chromium through Pagefind's JS API (no search page to type into):
 * cold, the first query once the engine has loaded; warm, a second one. The same queries as the site's.
 */
export async function peerSearch(browser: Browser, out: string, queries: string[]) {
  const port = await freePort();
  const server = await startNginx({ port, root: out });
  const figures: { query: string; coldBytes: number; coldMs: number; warmBytes: number; warmMs: number }[] = [];
  try {
    for (const q of queries) {
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      let finished: Request[] = [];
      page.on('requestfinished', (r) => finished.push(r));
      await page.goto(`${server.url}/`);
      await page.evaluate(async (url) => {
        // A module of the served site, only in the browser.
        const pf = (await import(url)) as { init: () => Promise<void> };
        await pf.init();
        (window as unknown as { pf: unknown }).pf = pf;
      }, '/pagefind/pagefind.js');
      await page.waitForLoadState('networkidle');
      const run = async (text: string) => {
        finished = [];
        // As the site's page: the query, then the first page of results (ten) with their excerpts.
        const ms = await page.evaluate(async (t) => {
          const pf = (
            window as unknown as {
              pf: { search: (q: string) => Promise<{ results: { data: () => Promise<unknown> }[] }> };
            }
          ).pf;
          const started = performance.now();
          const found = await pf.search(t);
          await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
          return performance.now() - started;
        }, text);
        await page.waitForLoadState('networkidle');
        const sizes = await Promise.all(
          finished.map((r) =>
            r.sizes().then(
              (s) => s.responseBodySize + s.responseHeadersSize,
              () => 0,
            ),
          ),
        );
        return { ms: Math.round(ms), bytes: sizes.reduce((a, b) => a + b, 0) };
      };
      const cold = await run(q);
      const warm = await run(`${q} 建议`);
      figures.push({ query: q, coldBytes: cold.bytes, coldMs: cold.ms, warmBytes: warm.bytes, warmMs: warm.ms });
      await context.close();
    }
  } finally {
    await server.stop();
  }
  return figures;
}
