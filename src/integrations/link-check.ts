import type { AstroIntegrationLogger } from 'astro';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { findBroken, scanFeed, scanHtml, type PageRefs } from '../lib/links.ts';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Site path of a built file: `news/x/index.html` → `/news/x/`. */
function sitePath(root: string, file: string): string {
  const rel = `/${relative(root, file).split(sep).join('/')}`;
  return rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
}

/**
 * Checks that every internal link, anchor, image, script, stylesheet and feed entry of a built site resolves; a
 * broken one throws with the page and the target named. It yields to the event loop between pages so the search
 * indexer, running beside it, is kept fed.
 */
export async function checkLinks(root: string, site: string, logger: AstroIntegrationLogger): Promise<void> {
  const files = walk(root).filter((f) => !f.includes(`${sep}pagefind${sep}`) && !f.includes(`${sep}admin${sep}`));
  const pages = new Map<string, PageRefs>();
  for (const [i, f] of files.entries()) {
    if (i % 10 === 0) await new Promise((r) => setImmediate(r));
    if (f.endsWith('.html')) pages.set(sitePath(root, f), scanHtml(readFileSync(f, 'utf8')));
    else if (f.endsWith('.xml') && f.includes('rss')) pages.set(sitePath(root, f), { ids: new Set(), refs: scanFeed(readFileSync(f, 'utf8'), site) });
  }
  const exists = (p: string) => existsSync(join(root, p)) && (statSync(join(root, p)).isFile() || existsSync(join(root, p, 'index.html')));
  const broken = findBroken(pages, exists, site);
  if (broken.length) {
    const lines = broken.slice(0, 50).map((b) => `  ${b.page} → ${b.target}（${b.reason}）`);
    throw new Error(`失效链接 ${broken.length} 处：\n${lines.join('\n')}`);
  }
  logger.info(`checked ${pages.size} pages and feeds: every internal link resolves`);
}
