/**
 * What Word and WPS put on the clipboard, made into plain HTML before it is turned into Markdown.
 *
 * Both write "Office HTML": conditional comments (`<!--[if gte vml 1]>…<![endif]-->` for VML drawings,
 * `<![if !supportLists]>…<![endif]>` around list numbers), `<o:p>` paragraph marks, `Mso*` classes and `mso-` styles, and
 * no `<ol>`/`<ul>`: a list is a run of paragraphs styled `mso-list:l0 level1 lfo1` whose number is literal text. Works
 * on any DOM `Document` (the browser's, or domino's in the tests), so it holds no browser-only code.
 */

/** Strip what only Office understands from the clipboard HTML string, before it is parsed. */
export function stripOfficeMarkup(html: string): string {
  return (
    html
      // Downlevel-hidden conditional comments hold VML drawings and Word's own XML: never content.
      .replace(/<!--\[if[^\]]*\]>[\s\S]*?<!\[endif\]-->/gi, '')
      // The list number Word writes as text: kept, marked, so the list's kind can be read from it.
      .replace(/<!\[if !supportLists\]>([\s\S]*?)<!\[endif\]>/gi, '<span data-list-marker="">$1</span>')
      // Other downlevel-revealed blocks (`!vml` images, `!supportFootnotes` marks) are content: keep it, drop the brackets.
      .replace(/<!\[(?:if [^\]]*|endif)\]>/gi, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<\/?o:p>/gi, '')
      .replace(/<\/?(?:v|w|m|st1|x):[^>]*>/gi, '')
      .replace(/<(style|script|xml|title)\b[^>]*>[\s\S]*?<\/\1>/gi, '')
      .replace(/<(?:meta|link)\b[^>]*>/gi, '')
  );
}

/** The style declarations of an element as a map (`mso-list` → `l0 level1 lfo1`). */
function styles(el: Element): Map<string, string> {
  const out = new Map<string, string>();
  for (const decl of (el.getAttribute('style') ?? '').split(';')) {
    const i = decl.indexOf(':');
    if (i > 0)
      out.set(
        decl.slice(0, i).trim().toLowerCase(),
        decl
          .slice(i + 1)
          .trim()
          .toLowerCase(),
      );
  }
  return out;
}

/** Replace an element by its children. */
function unwrap(el: Element): void {
  const parent = el.parentNode;
  if (!parent) return;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
}

/** Move an element's children into a new element of another tag, in its place. */
function retag(el: Element, tag: string): Element {
  const doc = el.ownerDocument;
  const next = doc.createElement(tag);
  while (el.firstChild) next.appendChild(el.firstChild);
  el.parentNode?.replaceChild(next, el);
  return next;
}

/** Word numbers that stand for a Markdown ordered list (1. a) (1) i.); anything else with letters is a bullet glyph. */
const ORDERED_MARKER = /^(?:\d+[.)）、]?|[(（]\d+[)）]|[(（]?(?:[a-z]|[ivxlc]+)[.)）])$/i;
/** Fonts whose letters are bullet glyphs (Wingdings “l” is ●, “§” is ■). */
const SYMBOL_FONT = /wingdings|symbol|webdings/i;
/** Chinese numbering (一、 （一） 第一章): kept as text, the way an editor wrote it (see numbering.ts). */
const CHINESE_MARKER = /^(?:[（(]?[一二三四五六七八九十百]+[)）、]?|第[一二三四五六七八九十百]+[章节条部分])$/;

interface ListPara {
  el: Element;
  level: number;
  id: string;
  ordered: boolean;
}

/**
 * Word's list paragraphs made into real `<ol>`/`<ul>` (nested by `level`); paragraphs numbered in Chinese keep their
 * number as text instead, since a Markdown list cannot say 一、.
 */
function rebuildLists(doc: Document): void {
  const paras: ListPara[] = [];
  for (const el of Array.from(doc.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li'))) {
    const list = styles(el).get('mso-list');
    const markerEl = el.querySelector('[data-list-marker]');
    if (!list || list === 'ignore' || /skip/.test(list)) {
      markerEl?.removeAttribute('data-list-marker');
      continue;
    }
    const marker = (markerEl?.textContent ?? '').replace(/[\s\u00a0]+/g, '');
    const glyph = !!markerEl && SYMBOL_FONT.test(markerEl.innerHTML);
    markerEl?.remove();
    if (CHINESE_MARKER.test(marker) || el.tagName.startsWith('H')) {
      // 一、 and （一） run into their text; 第一章 and 1.1 are followed by a space, as typed.
      el.insertBefore(doc.createTextNode(/[、）)]$/.test(marker) || !marker ? marker : `${marker} `), el.firstChild);
      continue;
    }
    const m = /l(\d+)\s+level(\d+)/.exec(list);
    paras.push({
      el,
      level: m ? Number(m[2]) : 1,
      id: m ? m[1]! : '0',
      ordered: !glyph && ORDERED_MARKER.test(marker),
    });
  }
  // Consecutive list paragraphs (siblings with nothing between them) form one list.
  let i = 0;
  while (i < paras.length) {
    const run = [paras[i]!];
    while (i + run.length < paras.length && nextElement(run.at(-1)!.el) === paras[i + run.length]!.el)
      run.push(paras[i + run.length]!);
    buildList(doc, run);
    i += run.length;
  }
}

function nextElement(el: Element): Element | null {
  let n = el.nextSibling;
  while (n && n.nodeType !== 1) {
    if (n.nodeType === 3 && n.textContent?.trim()) return null;
    n = n.nextSibling;
  }
  return n as Element | null;
}

function buildList(doc: Document, run: ListPara[]): void {
  const first = run[0]!;
  const base = Math.min(...run.map((p) => p.level));
  const root = doc.createElement(first.ordered ? 'ol' : 'ul');
  first.el.parentNode!.insertBefore(root, first.el);
  // A stack of open lists, one per level; the last item of each holds the next deeper list.
  const stack: Element[] = [root];
  for (const p of run) {
    const depth = Math.max(0, p.level - base);
    while (stack.length > depth + 1) stack.pop();
    while (stack.length < depth + 1) {
      const parentList = stack.at(-1)!;
      const holder = parentList.lastElementChild ?? parentList.appendChild(doc.createElement('li'));
      const sub = holder.appendChild(doc.createElement(p.ordered ? 'ol' : 'ul'));
      stack.push(sub);
    }
    const li = doc.createElement('li');
    while (p.el.firstChild) li.appendChild(p.el.firstChild);
    stack.at(-1)!.appendChild(li);
    p.el.remove();
  }
}

/** Word's and WPS's footnotes (`mso-footnote-id`, `#_ftn1`) made into the `<sup data-footnote>` form markdown.ts reads. */
function markFootnotes(doc: Document): void {
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    const m = /#_?(?:ftn|edn|fn|footnote-|endnote-)(?:ref-?)?[-:]?(\d+)$/i.exec(href);
    if (!m) continue;
    const n = m[1]!;
    if (/ref/i.test(href.slice(href.indexOf('#')))) {
      // The mark at the start of the note itself: the note follows it.
      a.remove();
      continue;
    }
    const sup = doc.createElement('sup');
    sup.setAttribute('data-footnote-ref', n);
    sup.textContent = n;
    a.parentNode?.replaceChild(sup, a);
  }
  const notes = Array.from(
    doc.querySelectorAll(
      '[style*="mso-element:footnote"], [id^="ftn"], [id^="edn"], li[id^="fn"], .footnotes li, li[id^="footnote-"], li[id^="endnote-"]',
    ),
  ).filter(
    (el) =>
      !/footnote-list|endnote-list|separator/.test(styles(el).get('mso-element') ?? '') &&
      /(\d+)$/.test(el.getAttribute('id') ?? ''),
  );
  for (const el of notes) {
    const n = /(\d+)$/.exec(el.getAttribute('id')!)![1]!;
    const note = doc.createElement('div');
    note.setAttribute('data-footnote', n);
    note.textContent = (el.textContent ?? '')
      .replace(/^[\s\u00a0]*(?:\[\d+\]|\d+)?[\s\u00a0]*/, '')
      .replace(/(?:[\s\u00a0↩]|\ufe0e)+$/u, '');
    doc.body.appendChild(note);
    const list = el.parentElement;
    el.remove();
    // mammoth and web pages hold the notes in a list of their own, now empty.
    if (list && /^(OL|UL)$/.test(list.tagName) && !list.children.length) list.remove();
  }
  for (const el of Array.from(
    doc.querySelectorAll(
      '[style*="mso-element:footnote-list"], [style*="mso-element:endnote-list"], section.footnotes, div.footnotes',
    ),
  ))
    el.remove();
}

/** Tables as a plain grid: Word's header row becomes `<th>`, merged cells are filled with empty ones, paragraphs in a cell joined. */
function normaliseTables(doc: Document): void {
  for (const table of Array.from(doc.querySelectorAll('table'))) {
    const rows = Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
    const pending: number[] = [];
    rows.forEach((tr, r) => {
      const cells = Array.from(tr.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
      for (const n of Array.from(tr.childNodes)) if (n.nodeType !== 1) tr.removeChild(n);
      let col = 0;
      const place = (before: Element | null) => {
        while ((pending[col] ?? 0) > 0) {
          pending[col]!--;
          tr.insertBefore(doc.createElement(r === 0 ? 'th' : 'td'), before);
          col++;
        }
      };
      for (const cell of cells) {
        place(cell);
        const span = Number(cell.getAttribute('rowspan') ?? 1);
        const width = Number(cell.getAttribute('colspan') ?? 1);
        for (let k = 0; k < width; k++) if (span > 1) pending[col + k] = span - 1;
        col += width;
        cell.removeAttribute('rowspan');
        cell.removeAttribute('colspan');
        // GFM has no merged cells: the merged columns become empty cells beside this one.
        for (let k = 1; k < width; k++) tr.insertBefore(doc.createElement(r === 0 ? 'th' : 'td'), cell.nextSibling);
        const paras = Array.from(cell.querySelectorAll('p'));
        paras.forEach((p, k) => {
          if (k > 0) p.parentNode?.insertBefore(doc.createTextNode(' '), p);
          unwrap(p);
        });
        if (r === 0 && cell.tagName === 'TD') retag(cell, 'th');
      }
      place(null);
    });
    for (const n of Array.from(table.querySelectorAll('tbody, thead, tfoot')))
      for (const t of Array.from(n.childNodes)) if (t.nodeType !== 1) n.removeChild(t);
    for (const t of Array.from(table.childNodes)) if (t.nodeType !== 1) table.removeChild(t);
  }
}

/** Office's styled spans as the emphasis they mean; every other span, font and class gone. */
function normaliseInline(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll('span, font'))) {
    const s = styles(el);
    const weight = s.get('font-weight') ?? '';
    let inner: Element = el;
    if (weight === 'bold' || Number(weight) >= 600) inner = wrapChildren(inner, 'strong');
    if (s.get('font-style') === 'italic') inner = wrapChildren(inner, 'em');
    // Office hides some marks as text (`display:none`, `mso-hide:all`).
    if (s.get('display') === 'none' || s.get('mso-hide') === 'all') el.remove();
    else unwrap(el);
  }
  // `<b style="mso-bidi-font-weight:normal">` is bold in Word; `font-weight:normal` on a b/strong is not.
  for (const el of Array.from(doc.querySelectorAll('b, strong, i, em'))) {
    const s = styles(el);
    if (s.get('font-weight') === 'normal' || s.get('font-style') === 'normal') unwrap(el);
  }
  for (const el of Array.from(doc.querySelectorAll('u, ins'))) unwrap(el);
  for (const el of Array.from(doc.querySelectorAll('[class], [style], [lang], [align], [width], [valign]'))) {
    for (const a of ['class', 'style', 'lang', 'align', 'width', 'valign', 'border', 'cellspacing', 'cellpadding'])
      el.removeAttribute(a);
  }
}

function wrapChildren(el: Element, tag: string): Element {
  const w = el.ownerDocument.createElement(tag);
  while (el.firstChild) w.appendChild(el.firstChild);
  el.appendChild(w);
  return w;
}

/** Title and subtitle styles as headings; empty paragraphs (Word's spacing) dropped. */
function normaliseBlocks(doc: Document): void {
  for (const p of Array.from(doc.querySelectorAll('p.MsoTitle, p.Title'))) retag(p, 'h1');
  for (const p of Array.from(doc.querySelectorAll('p.MsoSubtitle'))) retag(p, 'h2');
  for (const p of Array.from(doc.querySelectorAll('p, h1, h2, h3, h4, h5, h6'))) {
    if (!(p.textContent ?? '').replace(/[\s\u00a0\u3000]/g, '') && !p.querySelector('img')) p.remove();
  }
  // WordSection divs and the like carry nothing.
  for (const d of Array.from(doc.querySelectorAll('div'))) if (!d.hasAttribute('data-footnote')) unwrap(d);
}

/** Make Office HTML (already through `stripOfficeMarkup` and parsed) into plain HTML, in place. */
export function normaliseOffice(doc: Document): void {
  rebuildLists(doc);
  markFootnotes(doc);
  normaliseBlocks(doc);
  normaliseTables(doc);
  normaliseInline(doc);
}
