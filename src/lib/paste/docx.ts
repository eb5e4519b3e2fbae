import { htmlToMarkdown, type Converted } from './markdown.ts';

/**
 * A Word document, as mammoth writes it in HTML, split into the entry's title and its body. The title is the
 * paragraph in Word's Title style (标题), else the first heading, else a short first line without a full stop (how
 * proposals and news are usually typed).
 */

/** Word's Title style, in English and Chinese Word and WPS, as an `h1.title` (mammoth's style map). */
export const DOCX_STYLE_MAP = ["p[style-name='Title'] => h1.title:fresh", "p[style-name='标题'] => h1.title:fresh"];

export function docxToEntry(html: string, parse: (html: string) => Document): Converted & { title: string } {
  const doc = parse(html);
  const first = doc.body.firstElementChild;
  const short = (el: Element | null | undefined) => {
    const t = (el?.textContent ?? '').trim();
    return t.length > 0 && t.length <= 60 && !/[。；！？]$/.test(t);
  };
  const candidate =
    doc.querySelector('h1.title') ?? doc.querySelector('h1') ?? (first?.tagName === 'P' && short(first) ? first : null);
  const title = (candidate?.textContent ?? '').replace(/\s+/g, ' ').trim();
  candidate?.remove();
  return { title, ...htmlToMarkdown(doc.body.innerHTML, parse) };
}
