import { decodeHTMLAttribute } from 'entities';
import { escapeHtml } from '../escape-html.ts';
import type { Picture } from './plan.ts';

/**
 * Photos inside a Markdown body made responsive: each `<img src="/media/…">` whose source has variants becomes a
 * `<picture>` with `srcset`, `sizes`, `width` and `height` (so the text does not jump as it loads), inside a link to
 * the original (tap to open it whole, as news sites do) unless the author already linked the image.
 *
 * It runs when a page renders, not when the Markdown is rendered: Astro keeps a rendered body in its content store
 * until the entry's text changes, so variants named there would outlive a replaced photo. The bodies are the
 * sanitiser's output (src/lib/sanitize.ts), so a start-tag pattern is enough to find the images and links.
 */

/** A start or end tag of `a` or `img`, attributes up to the `>` that closes it (quoted values may hold `>`). */
const TAG = /<(\/?)(a|img)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function attributesOf(text: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of text.matchAll(ATTRIBUTE)) {
    const name = m[1]!.toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeHTMLAttribute(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

/** The markup of a photo: `<picture>` (sources, then the `<img>`), wrapped in a link to the original when `link`. */
export function pictureHtml(
  p: Picture,
  o: { alt: string; sizes: string; title?: string | undefined; link: boolean; eager?: boolean },
): string {
  const a = (name: string, value: string | number) => ` ${name}="${escapeHtml(String(value))}"`;
  const sources = p.sources.map((s) => `<source${a('type', s.type)}${a('srcset', s.srcset)}${a('sizes', o.sizes)}>`);
  const img =
    `<img${a('src', p.src)}${a('srcset', p.srcset)}${a('sizes', o.sizes)}${a('width', p.width)}${a('height', p.height)}` +
    `${a('alt', o.alt)}${o.title ? a('title', o.title) : ''}${a('loading', o.eager ? 'eager' : 'lazy')}${a('decoding', 'async')}>`;
  const picture = `<picture>${sources.join('')}${img}</picture>`;
  return o.link ? `<a${a('href', p.original)} class="photo-link">${picture}</a>` : picture;
}

/**
 * `html` with every image that `lookup` knows turned into a responsive picture (see above); other images (SVG, GIF,
 * outside addresses) are left as written.
 */
export function responsiveBody(html: string, lookup: (src: string) => Picture | undefined, sizes: string): string {
  if (!html.includes('<img')) return html;
  let depth = 0;
  return html.replace(TAG, (tag, end: string, name: string, rest: string) => {
    if (name.toLowerCase() === 'a') {
      depth = Math.max(0, depth + (end ? -1 : 1));
      return tag;
    }
    if (end) return tag;
    const attrs = attributesOf(rest);
    const picture = lookup(attrs.get('src') ?? '');
    if (!picture) return tag;
    return pictureHtml(picture, { alt: attrs.get('alt') ?? '', title: attrs.get('title'), sizes, link: depth === 0 });
  });
}
