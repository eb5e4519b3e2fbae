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
