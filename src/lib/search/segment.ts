/**
 * Chinese split into words before Pagefind sees it, and joined again when results are shown.
 *
 * Given Chinese, Pagefind runs its own segmenter (charabia) on every whitespace-separated chunk and keeps each word
 * it finds as an allocation of its own, a large share of its time and memory on this site's pages
 * (docs/benchmarks.md#word-breaks). The pages are therefore
 * split into words here, with the `Intl.Segmenter` the browser uses for queries, so index and query split words the
 * same way, and Pagefind is told a language it neither segments nor stems (`INDEX_LANGUAGE`).
 */

/** Between two words: a hair space, which Pagefind splits on as whitespace and `readable` removes again. */
export const WORD_BREAK = '\u200A';

/**
 * The language the index is written in: "undetermined", which Pagefind neither segments nor stems, in the indexer
 * and in the browser alike. The text comes already split (`breakPageWords`) and so do queries (`queryText`).
 */
export const INDEX_LANGUAGE = 'und';

/** The one word segmenter of the site's search: pages, queries and search keys are split by it alike. */
export const wordSegmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** Han, CJK punctuation and full-width forms: everything from U+2E80 up, including the supplementary planes. */
const CJK_RANGE = '\\u2e80-\\uffff\\u{20000}-\\u{3ffff}';
/** Whether a segment starts or ends in that range (a character beyond the basic plane by its high surrogate). */
const cjk = (s: string) => s.charCodeAt(0) >= 0x2e80 || s.charCodeAt(s.length - 1) >= 0x2e80;
const space = (s: string) => s.charCodeAt(0) <= 0x20 || s.charCodeAt(0) === 0xa0;

/**
 * Plain text with `separator` between adjacent words of which at least one is Chinese. Latin words and numbers are
 * left as written (Pagefind splits those itself: 21-2-0213, COVID-19).
 */
export function breakWords(text: string, separator = WORD_BREAK): string {
  let out = '';
  let last = '';
  for (const { segment } of wordSegmenter.segment(text)) {
    if (last && !space(last) && !space(segment) && (cjk(last) || cjk(segment))) out += separator;
    out += segment;
    last = segment;
  }
  return out;
}

const CJK_CHAR = new RegExp(`[${CJK_RANGE}]`, 'u');
const ENTITY = /(&[#a-zA-Z0-9]+;)/;

/** Text as HTML holds it: entities are kept whole. */
function breakHtmlText(text: string): string {
  if (!CJK_CHAR.test(text)) return text;
  return text
    .split(ENTITY)
    .map((run, i) => (i % 2 ? run : breakWords(run)))
    .join('');
}

/** A tag, comment, or script or style element with its contents: left as they are. */
const MARKUP = /<(script|style)\b[^>]*>[\s\S]*?<\/\1>|<!--[\s\S]*?-->|<[^>]*>/g;

/**
 * A page for the indexer: the text from its searchable part (`data-pagefind-body`) on split into words
 * (`breakWords`), also where a word ends at a tag (`<dt>类别</dt><dd>经济发展</dd>`: Pagefind joins the text of
 * adjacent elements). Tags and attributes are left as they are, so Pagefind reads the same metadata, filters, sort
 * keys and headings; the text before the searchable part is not indexed and is left alone.
 */
export function breakPageWords(html: string): string {
  const marked = html.indexOf('data-pagefind-body');
  const from = marked >= 0 ? html.lastIndexOf('<', marked) : html.indexOf('<body');
  if (from < 0) return html;
  const parts = [html.slice(0, from)];
  let last = ' ';
  const text = (t: string) => {
    const split = breakHtmlText(t);
    const first = split[0]!;
    parts.push(!space(last) && !space(first) && (cjk(last) || cjk(first)) ? WORD_BREAK + split : split);
    last = split.at(-1)!;
  };
  let at = from;
  MARKUP.lastIndex = from;
  for (let m = MARKUP.exec(html); m; m = MARKUP.exec(html)) {
    if (m.index > at) text(html.slice(at, m.index));
    parts.push(m[0]);
    at = m.index + m[0].length;
  }
  if (at < html.length) text(html.slice(at));
  return parts.join('');
}

/**
 * A reader's query as the index holds words: Chinese split into words by spaces (科技服务 → 科技 服务), since the index
 * language is not one Pagefind segments. Quotes asking for an exact phrase stay around it.
 */
export function queryText(text: string): string {
  return breakWords(text, ' ');
}

/** Spaces next to Chinese, with Pagefind's highlight marks (as tags, or as \u0001 and \u0002) allowed between. */
const MARKS = '(?:</?mark>|[\\u0001\\u0002])*';
const AROUND_CJK = new RegExp(`(?<=[${CJK_RANGE}]${MARKS}) +| +(?=${MARKS}[${CJK_RANGE}])`, 'gu');

/**
 * An excerpt made readable: Pagefind rebuilds excerpts from the indexed words joined by spaces, so every word break
 * comes back as a space. Chinese is written without spaces, so spaces next to it go, highlight marks or not.
 */
export function joinExcerpt(excerpt: string): string {
  // Pagefind ends a heading with a full stop stuck to its last word, which would be highlighted with it.
  return excerpt.replaceAll(WORD_BREAK, '').replace(AROUND_CJK, '').replaceAll('.</mark>', '</mark>.');
}

/** What the site shows of a search result. */
export interface ShownResult {
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results: { title: string; url: string; excerpt: string }[];
}

/**
 * A result's data as the page was written: titles taken from headings and the content lose their word breaks, and
 * excerpts their spaces next to Chinese (`joinExcerpt`).
 */
export function readable<T extends ShownResult>(d: T): T {
  const strip = (s: string) => s.replaceAll(WORD_BREAK, '');
  return {
    ...d,
    content: strip(d.content),
    excerpt: joinExcerpt(d.excerpt),
    meta: Object.fromEntries(Object.entries(d.meta).map(([k, v]) => [k, strip(v)])),
    sub_results: d.sub_results.map((s) => ({ ...s, title: strip(s.title), excerpt: joinExcerpt(s.excerpt) })),
  };
}
