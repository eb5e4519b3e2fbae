import { docNumberQuery } from '../../lib/search/doc-numbers.ts';
import { numberQuery } from '../../lib/search/numbers.ts';
import { wordSegmenter } from '../../lib/search/segment.ts';

/**
 * What a reader typed, made ready for Pagefind: full-width forms folded, Chinese quotes made ASCII (so “…” asks for
 * an exact phrase like "…"), spaces tidied.
 */
export interface Query {
  /** Text sent to Pagefind. */
  text: string;
  /** The query without quotes and spaces, for comparing with titles and text. */
  compact: string;
  /** Whether the reader asked for an exact phrase. */
  phrase: boolean;
  /** The searches to try, in order, until one finds something (see `attempts`). */
  attempts: Attempt[];
}

/** One search asked of Pagefind. */
export interface Attempt {
  text: string;
  /**
   * Text (lower case, no spaces) every result must hold, checked against the loaded results: Pagefind drops symbols
   * (+ · — 《》) from the index, so it cannot tell 互联网+停车 from 互联网停车 by itself.
   */
  mustHold?: string;
  /** A second search whose best results, checked, join this one's (see `attempts`). */
  also?: Attempt;
}

/** Symbols and punctuation a quoted phrase keeps (Pagefind indexes letters and digits only). */
const SYMBOL = /[^\p{L}\p{N}\s"]/u;
const HAN_RUN = /^\p{Script=Han}{2,}$/u;

export function parseQuery(raw: string): Query {
  const text = raw
    .normalize('NFKC')
    .replace(/[“”「」『』]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
  const phrase = /^".+"$/.test(text);
  const compact = text.replace(/["\s]/g, '').toLowerCase();
  const number = numberQuery(text) ?? docNumberQuery(text);
  if (number) return { text: number, compact: number, phrase: false, attempts: [{ text: number }] };
  return { text, compact, phrase, attempts: attempts(text, compact, phrase) };
}

/**
 * The searches for a query. Pagefind matches each query word at the start of an indexed word, anywhere in the page,
 * so a Chinese word the segmenter splits into characters (发改委 → 发 改 委) would match nearly every page. A run of
 * Chinese characters split with a single character among its words is searched as a phrase, joined by the best
 * loose matches that hold the run (one cut across the index's own word breaks: 业高质量 in 产业|高质量); when the
 * phrase finds nothing, by loose matches that hold it. Runs of whole words (科技服务 → 科技 服务) stay loose, so
 * 科技服务业 still matches. A quoted phrase holding symbols is checked against the
 * results' text.
 */
function attempts(text: string, compact: string, phrase: boolean): Attempt[] {
  if (phrase) {
    const inner = text.slice(1, -1).trim();
    const mustHold = SYMBOL.test(inner) ? compact : undefined;
    return [
      { text, ...(mustHold ? { mustHold } : {}) },
      { text: inner, mustHold: compact },
    ];
  }
  const parts = words(text);
  if (HAN_RUN.test(text) && parts.length > 1 && parts.some((w) => w.length === 1)) {
    const loose = { text, mustHold: compact };
    return [{ text: `"${text}"`, also: loose }, loose];
  }
  return [{ text }];
}

const words = (text: string) => [...wordSegmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);

/** Whether a result's text holds what an attempt requires (see `Attempt.mustHold`). */
export function holds(text: string, mustHold: string | undefined): boolean {
  return mustHold === undefined || text.normalize('NFKC').replace(/\s+/g, '').toLowerCase().includes(mustHold);
}

const PUNCTUATION = /^\p{Pd}|\p{Pe}|\p{Pf}|\p{Pi}|\p{Po}|\p{Ps}$/u;

/**
 * The terms Pagefind searches for, split as the index splits Chinese (words by `Intl.Segmenter`, see `segment.ts`;
 * punctuation dropped, lower case), so each can be looked up on its own.
 */
export function queryTerms(text: string): string[] {
  const chunks: string[] = [];
  for (const { segment } of wordSegmenter.segment(text)) {
    const kept = [...segment]
      .filter((c) => !PUNCTUATION.test(c))
      .join('')
      .toLocaleLowerCase();
    if (kept) chunks.push(kept);
  }
  return [
    ...new Set(
      chunks
        .join(' ')
        .replace(/\s{2,}/g, ' ')
        .trim()
        .split(' ')
        .filter(Boolean),
    ),
  ];
}

/**
 * The part of a query whose words are finished, for looking them up while the reader is still typing: a trailing run
 * of Latin letters or digits (a pinyin spelling, a number) may still grow, so it counts only once a space follows it.
 * Chinese arrives from the input method a whole word at a time.
 */
export function settledText(text: string): string {
  return text.replace(/[a-z0-9]+$/i, '').trim();
}
