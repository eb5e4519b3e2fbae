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
}

/** Text compared with the query: lower case, no spaces. */
export function compact(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/**
 * 2: the title holds the query, or a pinyin, initials or number key of the title starts with it; 1: the text holds
 * it as a phrase; 0: only its parts match.
 */
export function tier(r: Rankable, query: string): number {
  if (!query) return 0;
  if (compact(r.title).includes(query)) return 2;
  if (r.keys && r.keys.split(' ').some((k) => k.length > 0 && k.toLowerCase().startsWith(query))) return 2;
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

/** Marker that opens the hidden search keys of a page (see SearchRecord); excerpts stop before it. */
export const KEYS_MARKER = 'kwstart';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * An excerpt safe to insert as HTML: everything escaped except Pagefind's `<mark>`; text from the hidden keys is cut
 * off, and an excerpt made only of keys (no run of two Chinese characters) is replaced by the page summary.
 */
export function safeExcerpt(excerpt: string, summary = ''): string {
  const marked = excerpt.replace(/<\/?mark>/g, (m) => (m === '<mark>' ? '\u0001' : '\u0002'));
  const plain = marked.replace(/<[^>]*>/g, '');
  const cut = plain.toLowerCase().indexOf(KEYS_MARKER);
  const kept = cut >= 0 ? plain.slice(0, cut) : plain;
  const text = kept.replace(/[\u0001\u0002]/g, '');
  if (!/\p{Script=Han}{2}/u.test(text)) return escape(summary);
  const balanced = (kept.match(/\u0001/g)?.length ?? 0) > (kept.match(/\u0002/g)?.length ?? 0) ? `${kept}\u0002` : kept;
  return escape(balanced.trim()).replace(/\u0001/g, '<mark>').replace(/\u0002/g, '</mark>');
}
