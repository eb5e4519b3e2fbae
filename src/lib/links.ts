import { Parser } from 'htmlparser2';

/**
 * Link and asset integrity of a built site: every internal link, anchor, image, script, stylesheet and feed entry must
 * resolve. Pure: it is given the files and answers with what is broken.
 */

export interface PageRefs {
  /** Element ids on the page, for `#anchor` targets. */
  ids: Set<string>;
  /** URLs the page links to or loads. */
  refs: string[];
}

/**
 * A copy of `s` that shares no memory with the text it was cut from. V8 keeps a substring of 13 characters or more as
 * a view into the whole string, so each id or URL kept from a page kept that page's HTML: checking the 23,884 pages
 * of a 20,000-document site held 600 MB of them until the build ended, beside Pagefind's peak. Joining forces a new
 * string, and the slice is then a view into that short copy only.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

/**
 * Ids and referenced URLs of an HTML document, each passed through `keep` (by default `detach`; a caller scanning many
 * pages can also share one copy of the links every page has).
 */
export function scanHtml(html: string, keep: (s: string) => string = detach): PageRefs {
  const ids = new Set<string>();
  const refs: string[] = [];
  const parser = new Parser({
    onopentag(name, attrs) {
      if (attrs.id) ids.add(keep(attrs.id));
      if (name === 'a' && attrs.name) ids.add(keep(attrs.name));
      const url = (name === 'a' || name === 'link' ? attrs.href : undefined) ?? (['img', 'script', 'source', 'iframe'].includes(name) ? attrs.src : undefined);
      if (url && !(name === 'link' && /\b(canonical|alternate)\b/.test(attrs.rel ?? '') && /^https?:/.test(url))) refs.push(keep(url));
    },
  });
  parser.write(html);
  parser.end();
  return { ids, refs };
}

/** `<link>` entries of an RSS feed. */
export function scanFeed(xml: string, site: string): string[] {
  return [...xml.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1]!.replace(site.replace(/\/$/, ''), '')).filter((u) => u.startsWith('/'));
}

export interface Broken {
  page: string;
  target: string;
  reason: string;
}

/**
 * Broken references. `pages` maps a site path (`/news/x/`) to its refs; `exists(path)` says whether a file is served
 * at a path. Only same-site references are checked; `site` is the canonical origin treated as same-site.
 */
export function findBroken(pages: Map<string, PageRefs>, exists: (path: string) => boolean, site: string): Broken[] {
  const broken: Broken[] = [];
  const origin = new URL(site).origin;
  for (const [page, { refs }] of pages) {
    const base = new URL(page, site);
    for (const raw of refs) {
      if (/^(mailto|tel|data|javascript):/i.test(raw)) {
        if (/^javascript:/i.test(raw)) broken.push({ page, target: raw, reason: 'javascript: URL' });
        continue;
      }
      let url: URL;
      try {
        url = new URL(raw, base);
      } catch {
        broken.push({ page, target: raw, reason: 'malformed URL' });
        continue;
      }
      if (url.origin !== origin) continue;
      const path = decodeURI(url.pathname);
      const target = pages.get(path) ?? pages.get(path.endsWith('/') ? path : `${path}/`);
      if (!target && !exists(path)) {
        broken.push({ page, target: raw, reason: 'no such page or file' });
        continue;
      }
      if (url.hash && url.hash.length > 1) {
        const id = decodeURIComponent(url.hash.slice(1));
        if (target && !target.ids.has(id)) broken.push({ page, target: raw, reason: `no element with id “${id}”` });
      }
    }
  }
  return broken;
}
