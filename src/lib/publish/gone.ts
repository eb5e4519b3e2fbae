import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Collection } from '../../content/model.ts';
import { GONE_DIR, type GoneRecord, goneFile, type PageRecord } from './manifest.ts';

const GENERIC = `${GONE_DIR}/index.html`;

/**
 * The generic notice of a gone page, made from the built 404 page so it has the site's header, footer and styles:
 * its title and first heading and paragraph replaced. Used only when the build wrote no `_gone/index.html` itself.
 */
export function noticeFrom404(html: string): string {
  const swap = (text: string, pattern: RegExp, to: string) => {
    if (!pattern.test(text)) throw new Error(`404.html 的结构已改变，无法生成撤下页面的提示（找不到 ${pattern}）`);
    return text.replace(pattern, to);
  };
  let page = swap(html, /<title>[^<]*<\/title>/, '<title>页面已撤下 - 长治政协网</title>');
  page = swap(page, /(<h1[^>]*>)[^<]*(<\/h1>)/, '$1该页面已撤下$2');
  page = swap(
    page,
    /(<main[^>]*>[\s\S]*?<p[^>]*>)[^<]*(<\/p>)/,
    '$1此网址的内容已不再公开，网址也不会再用于其他内容。您可以：$2',
  );
  page = page.replace(/<span aria-current="page">[^<]*<\/span>/, '<span aria-current="page">页面已撤下</span>');
  return page.replace(/<link rel="canonical"[^>]*>/, '');
}

/**
 * Writes into `release` the notice page of every gone URL that has none yet (the build writes its own for withdrawn
 * entries), from the build's generic `_gone/index.html`, else one made from its 404 page. Returns how many it wrote.
 */
export function writeGoneNotices(release: string, gone: Record<string, GoneRecord>): number {
  const generic = join(release, GENERIC);
  if (!existsSync(generic)) {
    mkdirSync(dirname(generic), { recursive: true });
    writeFileSync(generic, noticeFrom404(readFileSync(join(release, '404.html'), 'utf8')));
  }
  let written = 0;
  for (const url of Object.keys(gone)) {
    const file = join(release, goneFile(url));
    if (existsSync(file)) continue;
    mkdirSync(dirname(file), { recursive: true });
    copyFileSync(generic, file);
    written++;
  }
  return written;
}

/**
 * The source file of each detail page the content folder makes: a folder collection's entry `<folder>/<id>.md` is the
 * page `/<collection>/<id>/`. Paths are given as editors see them, from the content folder's parent: `content/news/x.md`.
 */
export function pageSources(contentDir: string, collections: readonly Collection[]): Map<string, string> {
  const base = dirname(contentDir);
  const sources = new Map<string, string>();
  for (const c of collections) {
    if (c.kind !== 'folder') continue;
    const folder = join(contentDir, c.folder);
    if (!existsSync(folder)) continue;
    for (const f of readdirSync(folder)) {
      if (f.endsWith('.md')) sources.set(`/${c.name}/${f.slice(0, -3)}/`, relative(base, join(folder, f)));
    }
  }
  return sources;
}

/** The page's own title: the `<h1>` of its article, else its `<title>`. */
export function pageTitle(html: string): string | undefined {
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? /<title>([^<]*)<\/title>/.exec(html)?.[1];
  return h1?.replace(/<[^>]+>/g, '').trim() || undefined;
}

/**
 * Fills in the source and title of every page that has a source file. A page whose hash is the previous release's
 * keeps its title from there, so a one-story edit reads one page, not the whole archive.
 */
export function attachSources(
  release: string,
  pages: Record<string, PageRecord>,
  sources: Map<string, string>,
  previous: Record<string, PageRecord> = {},
): void {
  for (const [url, page] of Object.entries(pages)) {
    const source = sources.get(url);
    if (!source) continue;
    page.source = source;
    const old = previous[url];
    page.title =
      old?.hash === page.hash && old.title
        ? old.title
        : pageTitle(readFileSync(join(release, url.slice(1), 'index.html'), 'utf8'));
  }
}
