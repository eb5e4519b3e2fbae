import { markdownToHtml } from 'satteri';
import { sanitize } from './sanitize.ts';

/**
 * Markdown held in frontmatter fields (such as the body of a reply) rendered to HTML with the same processor Astro
 * uses for entry bodies, and sanitised like them.
 */
export function renderMarkdown(source: string): string {
  const { html } = markdownToHtml(source, { features: { gfm: true } });
  return sanitize(html);
}
