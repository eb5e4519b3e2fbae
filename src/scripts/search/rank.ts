// biome-ignore-all lint/suspicious/noControlCharactersInRegex: \u0001/\u0002 are this file's own mark delimiters.
import { escapeHtml } from '../../lib/escape-html.ts';
import { PEOPLE_MARK, TERMS_END } from '../../lib/search/marks.ts';

/**
 * Re-ranking of Pagefind's top results, which overcomes two of its weaknesses with Chinese: the title is stored
 * unsegmented, so a query in the middle of a title gets no boost, and a multi-word query matches its words anywhere,
 * so a page holding the exact phrase can rank below one holding the parts apart.
 */

/** The parts of a loaded result the ranking looks at. */
export interface Rankable {
  title: string;
  /** Plain text of the page as indexed. */
  content: string;
  /** The title's pinyin, initials and number forms, space separated (see `searchKeys`). */
  keys?: string;
  /** Other names the page goes by, which rank like its title (see `namesMeta`). */
  names?: string;
  /** Its tags and names parted by `PEOPLE_MARK`, then `TERMS_END` and synonyms (see `searchKeys`). */
  terms?: string;
}

/** Text compared with the query: lower case, no spaces. */
export function compact(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/**
 * 4: the page is the thing named: its title is the query, or one of its other names (a unit's short name) holds it,
 * so a unit's or member's own page comes before the stories naming it in their titles (scores from different parts
 * of the index do not compare, and such pages are a part of their own); 3: the title holds the query, or a pinyin,
 * initials or number key of the title starts with it; 2: a key of the people the page is by or about does (pages by 谢慧兰 rank after her own page), or
 * one of its terms is the query (a story tagged 委员之家 ranks before one that only names it); 1: the text holds the
 * query as a phrase; 0: only its parts match.
 */
export function tier(r: Rankable, query: string): number {
  if (!query) return 0;
  const title = compact(r.title);
  if (title === query) return 4;
  if (
    r.names &&
    compact(r.names)
      .split(PEOPLE_MARK)
      .some((n) => n.includes(query))
  )
    return 4;
  if (title.includes(query)) return 3;
  const [own = '', people = ''] = (r.keys ?? '').split(` ${PEOPLE_MARK} `);
  const starts = (keys: string) => keys.split(' ').some((k) => k.length > 0 && k.toLowerCase().startsWith(query));
  if (starts(own)) return 3;
  if (starts(people)) return 2;
  if (r.terms && compact(r.terms).split(TERMS_END)[0]!.split(PEOPLE_MARK).includes(query)) return 2;
  if (compact(r.content).includes(query)) return 1;
  return 0;
}

/** Results ordered by tier, keeping Pagefind's order within a tier (the sort is stable). */
export function rerank<T extends Rankable>(results: readonly T[], query: string): T[] {
  return results
    .map((r, i) => ({ r, i, t: tier(r, query) }))
    .sort((a, b) => b.t - a.t || a.i - b.i)
    .map((x) => x.r);
}

/** Punctuation and spaces an excerpt should not begin with (Pagefind cuts it at a word, often after "：" or "，"). */
const LEADING = /^[\s\p{P}\p{S}]+/u;

/**
 * An excerpt safe to insert as HTML: everything escaped except Pagefind's `<mark>`, without leading punctuation. An
 * excerpt with no marked word means the page matched on its search keys alone (metadata, never in excerpts), so the
 * page's summary is shown instead: the start of a page says nothing about why it was found.
 */
export function safeExcerpt(excerpt: string, summary = ''): string {
  const marked = excerpt.replace(/<\/?mark>/g, (m) => (m === '<mark>' ? '\u0001' : '\u0002'));
  const plain = marked.replace(/<[^>]*>/g, '').replace(LEADING, '');
  if (!plain.includes('\u0001')) return escapeHtml(summary);
  const balanced =
    (plain.match(/\u0001/g)?.length ?? 0) > (plain.match(/\u0002/g)?.length ?? 0) ? `${plain}\u0002` : plain;
  return escapeHtml(balanced.trim())
    .replace(/\u0001/g, '<mark>')
    .replace(/\u0002/g, '</mark>');
}
