import sanitizeHtml from 'sanitize-html';
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS } from './html-allowlist.ts';

/**
 * The HTML the site renders from Markdown, cut down to an allowlist. Editors paste from Word and WeChat, so bodies
 * may hold raw HTML; whatever they hold, no script, event handler, `javascript:` URL, frame, form or style survives.
 * Tables, images, figures and captions stay.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: ALLOWED_ATTRIBUTES,
  allowedClasses: { section: ['footnotes'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  // Dropped together with everything inside them, not just unwrapped.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'template',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'title',
  ],
  transformTags: {
    // Links that leave the site open safely.
    a: (tagName, attribs) => ({
      tagName,
      attribs: /^https?:/.test(attribs.href ?? '') ? { ...attribs, rel: 'noopener noreferrer' } : attribs,
    }),
  },
};

/** Sanitised HTML. */
export function sanitize(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
