import { formatChineseDate } from '../../lib/dates.ts';
import { escapeHtml } from '../../lib/escape-html.ts';
import { pagerNumbers } from '../../lib/paginate.ts';
import { KIND_LABELS } from '../../lib/search/filters.ts';
import { safeExcerpt } from './rank.ts';
import { resultKind, resultLine } from './result-line.ts';
import type { PagefindData } from './engine.ts';
import { type SearchState, writeState } from './state.ts';

const esc = escapeHtml;

/**
 * One result: kind and date, the title, for a proposal its line of facts (案号 · 提案人 · 主办单位 · 状态), an excerpt of
 * the visible text with the query marked (or the summary when only search keys matched), and the replies that match.
 */
export function resultHtml(d: PagefindData): string {
  const title = d.meta.title ?? d.url;
  const kind = resultKind(d);
  const date =
    d.meta.date && kind !== KIND_LABELS.members && kind !== KIND_LABELS.units ? formatChineseDate(d.meta.date) : '';
  const line = resultLine(d);
  const author = !line.length && d.meta.author ? `<span>${esc(d.meta.author)}</span>` : '';
  const facts = line
    .map(([label, value]) => `<span><span class="label">${esc(label)}</span> ${esc(value)}</span>`)
    .join(' · ');
  const replies = d.sub_results
    .filter((s) => /#reply-/.test(s.url) && s.excerpt.includes('<mark>'))
    .map((s) => `<li><a href="${esc(s.url)}">${esc(s.title)}</a>：<span>${safeExcerpt(s.excerpt)}</span></li>`)
    .join('');
  return `<li class="search-result">
    <p class="search-result-meta"><span class="badge">${esc(kind)}</span>${date ? `<span>${esc(date)}</span>` : ''}${author}</p>
    <h2 class="search-result-title"><a href="${esc(d.url)}">${esc(title)}</a></h2>
    ${facts ? `<p class="search-result-facts">${facts}</p>` : ''}
    <p class="search-result-excerpt">${safeExcerpt(d.excerpt, d.meta.summary ?? '')}</p>
    ${replies ? `<ul class="search-result-replies" aria-label="相关答复">${replies}</ul>` : ''}
  </li>`;
}

/**
 * The pager under the results: the same numbers as the list pages' pager (`pagerNumbers`), each a link to the state
 * with that page, which the panel follows without reloading.
 */
export function pagerHtml(s: SearchState, page: number, pages: number): string {
  const link = (n: number, label: string, rel = '') =>
    `<a href="${esc(location.pathname + writeState({ ...s, page: n }))}" data-page="${n}"${rel ? ` rel="${rel}"` : ''}>${label}</a>`;
  const items: string[] = [];
  if (page > 1) items.push(`<li>${link(page - 1, '上一页', 'prev')}</li>`);
  for (const n of pagerNumbers(page, pages)) {
    if (n === null) items.push('<li aria-hidden="true">…</li>');
    else if (n === page) items.push(`<li><span aria-current="page">${n}</span></li>`);
    else items.push(`<li>${link(n, `<span class="sr-only">第</span>${n}<span class="sr-only">页</span>`)}</li>`);
  }
  if (page < pages) items.push(`<li>${link(page + 1, '下一页', 'next')}</li>`);
  return `<ul>${items.join('')}</ul>`;
}
