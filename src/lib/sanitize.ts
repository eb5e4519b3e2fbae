import sanitizeHtml from 'sanitize-html';

/**
 * The HTML the site renders from Markdown, cut down to an allowlist. Editors paste from Word and WeChat, so bodies
 * may hold raw HTML; whatever they hold, no script, event handler, `javascript:` URL, frame, form or style survives.
 * Tables, images, figures and captions stay.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'mark', 'sub', 'sup',
    'small', 'abbr', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'img', 'figure', 'figcaption',
    'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'span', 'section',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'id', 'rel', 'data-footnote-ref', 'data-footnote-backref', 'aria-label', 'aria-describedby'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading', 'decoding'],
    h2: ['id'], h3: ['id'], h4: ['id'], h5: ['id'], h6: ['id'],
    li: ['id'], sup: ['id'], section: ['data-footnotes', 'class'],
    th: ['colspan', 'rowspan', 'scope', 'align'], td: ['colspan', 'rowspan', 'align'],
    ol: ['start'], abbr: ['title'],
  },
  allowedClasses: { section: ['footnotes'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  // Dropped together with everything inside them, not just unwrapped.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'title'],
  transformTags: {
    // Links that leave the site open safely.
    a: (tagName, attribs) => ({ tagName, attribs: /^https?:/.test(attribs.href ?? '') ? { ...attribs, rel: 'noopener noreferrer' } : attribs }),
  },
};

/** Sanitised HTML. */
export function sanitize(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
