import { decodeHTMLAttribute } from 'entities';

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
 * a view into the whole string, so each id or URL kept from a page kept that page's HTML until the build ended, beside
 * Pagefind's peak (docs/benchmarks.md#link-check). Joining forces a new
 * string, and the slice is then a view into that short copy only.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

/**
 * A start tag (name, then its attributes up to the `>` that closes it, quoted values may hold `>`), or a comment,
 * which is skipped whole. End tags, the doctype and text never match: in text a `<` is always escaped.
 */
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
/** Elements whose content is text, not tags: a link written in a script's string is not a link of the page. */
const TEXT_ONLY = new Map(
  ['script', 'style', 'textarea', 'title', 'iframe', 'xmp', 'noembed', 'noframes'].map((n) => [
    n,
    new RegExp(`</${n}(?=[\\s/>])`, 'gi'),
  ]),
);
const SOURCE_TAGS = new Set(['img', 'script', 'source', 'iframe']);

/** The attributes the link check reads (`WANTED`) of a start tag, values with character references decoded; the first of a name wins. */
const WANTED = new Set(['id', 'name', 'href', 'src', 'rel', 'srcset']);
function attributesOf(text: string): Partial<Record<string, string>> {
  const attrs: Partial<Record<string, string>> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(text); m; m = ATTRIBUTE.exec(text)) {
    const name = m[1]!.toLowerCase();
    if (!WANTED.has(name) || attrs[name] !== undefined) continue;
    const raw = m[2] ?? m[3] ?? m[4] ?? '';
    attrs[name] = raw.includes('&') ? decodeHTMLAttribute(raw) : raw;
  }
  return attrs;
}

/**
 * Ids and referenced URLs of an HTML document, each passed through `keep` (by default `detach`; a caller scanning many
 * pages can also share one copy of the links every page has).
 *
 * It reads start tags with a regular expression rather than parsing the document: the link check reads every built
 * page, and htmlparser2 took ten times as long a page (docs/benchmarks.md#link-check). The pages are the build's own
 * HTML, so what a parser adds (implied end tags, the tree) finds no other link; `tests/unit/links.test.ts` checks the two agree on the built site and on markup made to tell them apart.
 */
export function scanHtml(html: string, keep: (s: string) => string = detach): PageRefs {
  const ids = new Set<string>();
  const refs: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    if (m[1] === undefined) continue;
    const name = m[1].toLowerCase();
    const text = m[2]!;
    const linking = name === 'a' || name === 'link' || SOURCE_TAGS.has(name);
    if (linking || /id\s*=/i.test(text)) {
      const attrs = attributesOf(text);
      if (attrs.id) ids.add(keep(attrs.id));
      if (name === 'a' && attrs.name) ids.add(keep(attrs.name));
      const url =
        (name === 'a' || name === 'link' ? attrs.href : undefined) ?? (SOURCE_TAGS.has(name) ? attrs.src : undefined);
      if (url && !(name === 'link' && /\b(canonical|alternate)\b/.test(attrs.rel ?? '') && /^https?:/.test(url)))
        refs.push(keep(url));
      // Each candidate of a responsive image (`url 480w, url 960w`): a variant missing is a broken photo on some screen.
      if ((name === 'img' || name === 'source') && attrs.srcset)
        for (const candidate of attrs.srcset.split(',')) {
          const u = candidate.trim().split(/\s+/)[0];
          if (u) refs.push(keep(u));
        }
    }
    const endTag = TEXT_ONLY.get(name);
    if (endTag) {
      // Skip to the element's end tag (or the end of the document, as a browser would).
      endTag.lastIndex = TOKEN.lastIndex;
      TOKEN.lastIndex = endTag.exec(html)?.index ?? html.length;
    }
  }
  return { ids, refs };
}

/** `<link>` entries of an RSS feed. */
export function scanFeed(xml: string, site: string): string[] {
  return [...xml.matchAll(/<link>([^<]+)<\/link>/g)]
    .map((m) => m[1]!.replace(site.replace(/\/$/, ''), ''))
    .filter((u) => u.startsWith('/'));
}

export interface Broken {
  page: string;
  target: string;
  reason: string;
}

/**
 * Broken references, with the reason in Chinese for the editor who must fix them. `pages` maps a site path (`/news/x/`) to its refs; `exists(path)` says whether a file is served
 * at a path. Only same-site references are checked; `site` is the canonical origin treated as same-site.
 */
export function findBroken(
  pages: Map<string, PageRefs>,
  exists: (path: string) => boolean,
  site: string,
  /** Whether a path has a notice of a withdrawn or deleted entry (`_gone/`), so the message can say so. */
  gone: (path: string) => boolean = () => false,
): Broken[] {
  const broken: Broken[] = [];
  const origin = new URL(site).origin;
  /** Why a reference is broken, or undefined if it resolves. */
  const check = (raw: string, base: URL): string | undefined => {
    if (/^(mailto|tel|data|javascript):/i.test(raw))
      return /^javascript:/i.test(raw) ? '不允许 javascript: 链接' : undefined;
    let url: URL;
    try {
      url = new URL(raw, base);
    } catch {
      return '链接格式错误';
    }
    if (url.origin !== origin) return undefined;
    const path = decodeURI(url.pathname);
    const target = pages.get(path) ?? pages.get(path.endsWith('/') ? path : `${path}/`);
    if (!target && !exists(path))
      return gone(path) ? '该文已撤回或删除，请去掉这个链接' : '页面或文件不存在（如尚未到发布时间，也不能链接）';
    if (url.hash && url.hash.length > 1) {
      const id = decodeURIComponent(url.hash.slice(1));
      if (target && !target.ids.has(id)) return `页面中没有锚点“${id}”`;
    }
    return undefined;
  };
  // A reference from the site's root (`/news/`, the stylesheet, the icons) means the same on every page, and most are
  // on every page: each is resolved once. 115,821 pages of about fifty references each took 1.4 s to resolve one by one.
  const absolute = new Map<string, string | undefined>();
  const root = new URL('/', site);
  for (const [page, { refs }] of pages) {
    let base: URL | undefined;
    for (const raw of refs) {
      let reason: string | undefined;
      if (raw.startsWith('/') && !raw.startsWith('//')) {
        if (absolute.has(raw)) reason = absolute.get(raw);
        else absolute.set(raw, (reason = check(raw, root)));
      } else reason = check(raw, (base ??= new URL(page, site)));
      if (reason) broken.push({ page, target: raw, reason });
    }
  }
  return broken;
}
