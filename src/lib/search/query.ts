import { wordSegmenter } from './segment.ts';

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
}

export function parseQuery(raw: string): Query {
  const text = raw
    .normalize('NFKC')
    .replace(/[“”「」『』]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
  const phrase = /^".+"$/.test(text);
  const compact = text.replace(/["\s]/g, '').toLowerCase();
  return { text, compact, phrase };
}

const PUNCTUATION = /^\p{Pd}|\p{Pe}|\p{Pf}|\p{Pi}|\p{Po}|\p{Ps}$/u;

/**
 * The terms Pagefind searches for, split as the index splits Chinese (words by `Intl.Segmenter`, see `segment.ts`;
 * punctuation dropped, lower case), so each can be looked up on its own.
 */
export function queryTerms(text: string): string[] {
  const chunks: string[] = [];
  for (const { segment } of wordSegmenter.segment(text)) {
    const kept = [...segment].filter((c) => !PUNCTUATION.test(c)).join('').toLocaleLowerCase();
    if (kept) chunks.push(kept);
  }
  return [...new Set(chunks.join(' ').replace(/\s{2,}/g, ' ').trim().split(' ').filter(Boolean))];
}

/**
 * The part of a query whose words are finished, for looking them up while the reader is still typing: a trailing run
 * of Latin letters or digits (a pinyin spelling, a number) may still grow, so it counts only once a space follows it.
 * Chinese arrives from the input method a whole word at a time.
 */
export function settledText(text: string): string {
  return text.replace(/[a-z0-9]+$/i, '').trim();
}
