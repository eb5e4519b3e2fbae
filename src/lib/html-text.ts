import { decodeHTML } from 'entities';

/** Tags that end a line of text; any other tag (strong, a, em…) sits inside a sentence and leaves no gap. */
const BLOCK_TAG =
  /<\/?(?:p|h[1-6]|li|ul|ol|dl|dt|dd|div|br|hr|tr|td|th|table|thead|tbody|blockquote|pre|figure|figcaption|section)\b[^>]*>/gi;

/**
 * The words of an HTML fragment (an entry's sanitised body), without markup: block tags become spaces, other tags
 * vanish (科技<strong>服务</strong>业 stays one word), character references are decoded and runs of white space are
 * one space. For search keys and summaries, which need the text a reader sees, not the Markdown it was written in.
 */
export function htmlText(html: string): string {
  return decodeHTML(html.replace(BLOCK_TAG, ' ').replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}
