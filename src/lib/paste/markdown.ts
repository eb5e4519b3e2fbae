import TurndownService from 'turndown';
import { tables, strikethrough } from '@joplin/turndown-plugin-gfm';
import { chineseNumberLevel, isHeadingLine } from './numbering.ts';
import { normaliseOffice, stripOfficeMarkup } from './office.ts';

/**
 * Pasted HTML (Word, WPS, a web page) as clean Markdown: headings, emphasis, lists, links, GFM tables and footnotes,
 * with Office's styles, fonts, spans and comments gone. Images are left as tokens (`paste-image-0`) for the editor to
 * upload (see `placeImages`), since only the browser can fetch them.
 */

/** An image found in the pasted HTML, waiting to be uploaded. */
export interface PastedImage {
  /** Stands in for the image's address in the Markdown until it is uploaded. */
  token: string;
  /** The address as pasted: `data:`, `http(s):`, or one no page can read (`file:///C:/…`, `blob:`, `cid:`). */
  src: string;
  alt: string;
  /** The file name the address ends in, for messages (`clip_image002.png`). */
  name: string;
}

export interface Converted {
  markdown: string;
  images: PastedImage[];
}

/** Whether an image address can be read by the page at all (Word's `file:///C:/…` copies cannot). */
export function isReadableImage(src: string): boolean {
  return /^(?:data:image\/(?:png|jpe?g|gif|webp);|https?:)/i.test(src);
}

/** Links the site can keep: the web, mail, and the site's own pages. Word's `#_Toc…` and `file:` links are not. */
const KEPT_LINK = /^(?:https?:\/\/|mailto:|\/(?!\/))/i;

const PAIRS: Record<string, string> = {
  '“': '”',
  '‘': '’',
  '「': '」',
  '『': '』',
  '《': '》',
  '（': '）',
  '(': ')',
  '〔': '〕',
  '【': '】',
};

/**
 * Emphasis marks placed inside the Chinese quotes and brackets that enclose the emphasised words, and before the
 * sentence's punctuation: CommonMark does not close `**` that follows punctuation and precedes a letter
 * (`这是**“重点”**内容` stays literal), but `这是“**重点**”内容` is bold.
 */
function emphasis(mark: string) {
  return (content: string) => {
    let [lead, core, trail] = ['', content, ''];
    const ws = /^(\s*)([\s\S]*?)(\s*)$/.exec(core)!;
    [lead, core, trail] = [ws[1]!, ws[2]!, ws[3]!];
    for (;;) {
      const tail = /[。，、；：！？…]+$/.exec(core)?.[0] ?? '';
      if (tail) [core, trail] = [core.slice(0, -tail.length), tail + trail];
      const close = PAIRS[core[0] ?? ''];
      if (!close || core.length < 3 || core.at(-1) !== close) break;
      [lead, core, trail] = [lead + core[0], core.slice(1, -1), close + trail];
    }
    return core ? `${lead}${mark}${core}${mark}${trail}` : content;
  };
}

function service(): TurndownService {
  const td = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    emDelimiter: '*',
    strongDelimiter: '**',
    codeBlockStyle: 'fenced',
    hr: '---',
  });
  td.use([tables, strikethrough]);
  td.remove(['style', 'script', 'head', 'title', 'meta', 'link', 'object', 'iframe']);
  td.addRule('strong', { filter: ['strong', 'b'], replacement: emphasis('**') });
  td.addRule('em', { filter: ['em', 'i'], replacement: emphasis('*') });
  // “- item” and “1. item”, not turndown's “-   item”.
  td.addRule('listItem', {
    filter: 'li',
    replacement: (content, node, options) => {
      const parent = node.parentNode as Element;
      const index = Array.prototype.filter.call(parent.childNodes, (n: Node) => n.nodeName === 'LI').indexOf(node);
      const start = Number(parent.getAttribute?.('start') ?? 1);
      const prefix = parent.nodeName === 'OL' ? `${start + index}. ` : `${options.bulletListMarker} `;
      const body = content
        .replace(/^\n+/, '')
        .replace(/\n+$/, '\n')
        .replace(/\n/gm, `\n${' '.repeat(prefix.length)}`);
      return prefix + body.trimEnd() + (node.nextSibling ? '\n' : '');
    },
  });
  td.addRule('footnoteRef', {
    filter: (n) => n.nodeName === 'SUP' && n.hasAttribute('data-footnote-ref'),
    replacement: (_c, n) => `[^${(n as Element).getAttribute('data-footnote-ref')}]`,
  });
  td.addRule('footnote', {
    filter: (n) => n.nodeName === 'DIV' && n.hasAttribute('data-footnote'),
    replacement: (c, n) => `\n\n[^${(n as Element).getAttribute('data-footnote')}]: ${c.trim()}\n\n`,
  });
  td.addRule('image', {
    filter: 'img',
    replacement: (_c, n) => {
      const el = n as Element;
      const token = el.getAttribute('data-token');
      return token ? `![${(el.getAttribute('alt') ?? '').replace(/[[\]\n]/g, ' ').trim()}](${token})` : '';
    },
  });
  return td;
}

/** Headings moved so the highest is `##`: the page's title is the only `#`. */
function shiftHeadings(doc: Document): void {
  const hs = Array.from(doc.querySelectorAll('h1, h2, h3, h4, h5, h6'));
  const top = Math.min(...hs.map((h) => Number(h.tagName[1])));
  for (const h of hs) {
    const level = Math.min(6, Number(h.tagName[1]) - top + 2);
    if (level !== Number(h.tagName[1])) rename(h, `h${level}`);
  }
}

function rename(el: Element, tag: string): Element {
  const next = el.ownerDocument.createElement(tag);
  while (el.firstChild) next.appendChild(el.firstChild);
  el.parentNode?.replaceChild(next, el);
  return next;
}

/** Short lines numbered 一、 or （一） as headings (see numbering.ts); emphasis inside any heading dropped. */
function numberedHeadings(doc: Document): void {
  for (const p of Array.from(doc.querySelectorAll('p'))) {
    if (p.closest('li, td, th, blockquote')) continue;
    const text = (p.textContent ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
    const level = chineseNumberLevel(text);
    if (level && isHeadingLine(text)) rename(p, `h${level}`);
  }
  for (const el of Array.from(
    doc.querySelectorAll(
      'h1 strong, h1 b, h2 strong, h2 b, h3 strong, h3 b, h4 strong, h4 b, h5 b, h5 strong, h6 b, h6 strong, th strong, th b',
    ),
  )) {
    while (el.firstChild) el.parentNode!.insertBefore(el.firstChild, el);
    el.remove();
  }
}

/** Links the site cannot keep become their text; images get their tokens. */
function linksAndImages(doc: Document): PastedImage[] {
  for (const a of Array.from(doc.querySelectorAll('a'))) {
    const href = (a.getAttribute('href') ?? '').trim();
    if (!KEPT_LINK.test(href) || !(a.textContent ?? '').trim()) {
      while (a.firstChild) a.parentNode!.insertBefore(a.firstChild, a);
      a.remove();
    }
  }
  return Array.from(doc.querySelectorAll('img')).map((img, i) => {
    const src = (img.getAttribute('src') ?? '').trim();
    const token = `paste-image-${i}`;
    img.setAttribute('data-token', token);
    const name = src.startsWith('data:') ? '' : decodeURIComponent(src.split(/[?#]/)[0]!.split(/[\\/]/).pop() ?? '');
    return { token, src, alt: (img.getAttribute('alt') ?? '').trim(), name };
  });
}

/** Non-breaking spaces as spaces, and the full-width indent Chinese paragraphs start with removed (the site indents). */
function spaces(doc: Document): void {
  const walker = doc.createTreeWalker(doc.body, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    n.textContent = (n.textContent ?? '').replace(/\u00a0/g, ' ');
  for (const block of Array.from(doc.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, td, th'))) {
    let first: Node | null = block.firstChild;
    while (first && first.nodeType === 1 && first.firstChild) first = first.firstChild;
    if (first?.nodeType === 3) first.textContent = (first.textContent ?? '').replace(/^[\s\u3000]+/, '');
  }
}

/** Convert pasted HTML to Markdown. `parse` makes a Document of an HTML string (DOMParser in the browser). */
export function htmlToMarkdown(html: string, parse: (html: string) => Document): Converted {
  const doc = parse(stripOfficeMarkup(html));
  normaliseOffice(doc);
  const images = linksAndImages(doc);
  spaces(doc);
  shiftHeadings(doc);
  numberedHeadings(doc);
  const markdown = service()
    .turndown(doc.body)
    .replace(/[ \t]+$/gm, (s) => (s.length >= 2 && s === '  ' ? s : ''))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { markdown, images };
}

/**
 * Put the uploaded images' addresses in place of their tokens; an image that could not be had (no address given) is
 * taken out of the text, and the editor shows why (see the paste widget).
 */
export function placeImages(markdown: string, uploaded: ReadonlyMap<string, string | undefined>): string {
  return markdown
    .replace(/!\[([^\]]*)\]\((paste-image-\d+)\)/g, (_m, alt: string, token: string) => {
      const url = uploaded.get(token);
      return url ? `![${alt}](${url})` : '';
    })
    .replace(/^[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * A `data:` image as a Blob, decoded here rather than fetched: the admin's Content-Security-Policy lets it connect only
 * to itself and the Git host, which `fetch('data:…')` counts as a connection. Undefined for anything but a base64 photo.
 */
export function dataImage(src: string): Blob | undefined {
  const m = /^data:(image\/(?:png|jpeg|gif|webp));base64,([\s\S]*)$/i.exec(src.trim());
  if (!m) return undefined;
  const bin = atob(m[2]!.replace(/\s+/g, ''));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: m[1]!.toLowerCase() });
}
