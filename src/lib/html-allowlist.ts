/**
 * The HTML a body may hold: what src/lib/sanitize.ts keeps when the site renders it. Plain data and a check, without
 * the sanitiser, so the admin can refuse what the site would drop instead of it vanishing without a word.
 */

export const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'del',
  'ins',
  'mark',
  'sub',
  'sup',
  'small',
  'abbr',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'a',
  'img',
  'figure',
  'figcaption',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'span',
  'section',
];

export const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title', 'id', 'rel', 'data-footnote-ref', 'data-footnote-backref', 'aria-label', 'aria-describedby'],
  img: ['src', 'alt', 'title', 'width', 'height', 'loading', 'decoding'],
  h2: ['id'],
  h3: ['id'],
  h4: ['id'],
  h5: ['id'],
  h6: ['id'],
  li: ['id'],
  sup: ['id'],
  section: ['data-footnotes', 'class'],
  th: ['colspan', 'rowspan', 'scope', 'align'],
  td: ['colspan', 'rowspan', 'align'],
  ol: ['start'],
  abbr: ['title'],
};

/** The tags editors are told they may write, for the body's hint. */
export const ALLOWED_HINT = `可直接写的 HTML 标签：${ALLOWED_TAGS.filter((t) => !['section', 'span'].includes(t)).join('、')}；其他标签和 style、class 等属性不能保存`;

/**
 * What of the HTML in a Markdown text the site would drop: tags and attributes outside the allowlist, `<x>` and
 * `x 属性`, in order of first appearance. Code (fenced or inline) is text, not HTML, and is left alone.
 */
export function droppedHtml(markdown: string): string[] {
  const text = markdown
    .replace(/^(```|~~~)[\s\S]*?^\1/gm, '')
    .replace(/`[^`\n]*`/g, '')
    .replace(/<!--[\s\S]*?-->/g, '<!---->');
  const found = new Set<string>();
  for (const m of text.matchAll(
    /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g,
  )) {
    const tag = m[2]!.toLowerCase();
    if (!ALLOWED_TAGS.includes(tag)) {
      found.add(`<${tag}>`);
      continue;
    }
    for (const a of (m[3] ?? '').matchAll(/([^\s=>/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      const attr = a[1]!.toLowerCase();
      if (!(ALLOWED_ATTRIBUTES[tag] ?? []).includes(attr)) found.add(`${attr} 属性`);
    }
  }
  if (text.includes('<!---->')) found.add('HTML 注释');
  return [...found];
}
