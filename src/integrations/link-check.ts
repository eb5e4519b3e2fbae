import type { AstroIntegrationLogger } from 'astro';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findBroken, scanFeed, scanHtml, type PageRefs } from '../lib/links.ts';
import { siteFiles } from './site-files.ts';

/** Site path of a built file: `news/x/index.html` → `/news/x/`. */
function sitePath(file: string): string {
  const rel = `/${file}`;
  return rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
}

/**
 * Checks that every internal link, anchor, image, script, stylesheet and feed entry of a built site resolves; a
 * broken one throws with the page and the target named. It yields to the event loop between pages so the search
 * indexer, running beside it, is kept fed.
 */
export async function checkLinks(root: string, site: string, logger: AstroIntegrationLogger): Promise<void> {
  const pages = new Map<string, PageRefs>();
  for (const [i, f] of siteFiles(root).entries()) {
    if (i % 10 === 0) await new Promise((r) => setImmediate(r));
    if (f.endsWith('.html')) pages.set(sitePath(f), scanHtml(readFileSync(join(root, f), 'utf8')));
    else if (f.endsWith('.xml') && f.includes('rss')) pages.set(sitePath(f), { ids: new Set(), refs: scanFeed(readFileSync(join(root, f), 'utf8'), site) });
  }
  const exists = (p: string) => existsSync(join(root, p)) && (statSync(join(root, p)).isFile() || existsSync(join(root, p, 'index.html')));
  const broken = findBroken(pages, exists, site);
  if (broken.length) {
    const lines = broken.slice(0, 50).map((b) => `  ${b.page} → ${b.target}（${b.reason}）`);
    throw new Error(`失效链接 ${broken.length} 处：\n${lines.join('\n')}`);
  }
  logger.info(`checked ${pages.size} pages and feeds: every internal link resolves`);
}
