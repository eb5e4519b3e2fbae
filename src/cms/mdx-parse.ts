import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';

/**
 * MDX to mdast in the browser, for the guard before a save (the build's parser, Sätteri, has no browser build here).
 * The two agree on every case of tests/unit/mdx-guard.test.ts; the build checks again with its own.
 */
export function parseMdxInBrowser(source: string): unknown {
  return fromMarkdown(source, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
}
