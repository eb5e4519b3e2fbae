import type { Page } from '@playwright/test';

/** Opens a search URL and waits until the results (or the empty state) are shown. Returns result paths in order. */
export async function searchFor(page: Page, params: Record<string, string>, path = '/search/'): Promise<string[]> {
  await page.goto(`${path}?${new URLSearchParams(params)}`);
  await page.waitForFunction(() =>
    ['results', 'empty'].includes(document.querySelector<HTMLElement>('[data-search-panel]')?.dataset.state ?? ''),
  );
  return page
    .locator('[data-results] .search-result-title a')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** The number of results the status line states (0 when it says none were found). */
export async function statedCount(page: Page, panel = '[data-search-panel]'): Promise<number> {
  const status = (await page.locator(`${panel} [data-status]`).textContent()) ?? '';
  return Number(/共找到 (\d+) 条/.exec(status)?.[1] ?? (status.includes('没有找到') ? 0 : NaN));
}

/** Every result of a search, walking its pages with the pager as a reader does; and the count stated on each page. */
export async function allResults(
  page: Page,
  params: Record<string, string>,
  path = '/search/',
): Promise<{ urls: string[]; stated: number[] }> {
  const urls = await searchFor(page, params, path);
  const stated = [await statedCount(page)];
  for (;;) {
    const next = page.locator('[data-pager] a[rel="next"]');
    if ((await next.count()) === 0) return { urls, stated };
    const before = await page.locator('[data-status]').textContent();
    await next.click();
    await page.waitForFunction(
      (b) =>
        document.querySelector('[data-status]')?.textContent !== b &&
        document.querySelector<HTMLElement>('[data-search-panel]')?.dataset.state === 'results',
      before,
    );
    urls.push(
      ...(await page
        .locator('[data-results] .search-result-title a')
        .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))),
    );
    stated.push(await statedCount(page));
  }
}

/** The excerpts shown (text without marks) and whether each has a marked word, with the result's path. */
export function shownExcerpts(
  page: Page,
): Promise<{ url: string; excerpt: string; marked: boolean; replies: string[] }[]> {
  return page.locator('[data-results] > li').evaluateAll((lis) =>
    lis.map((li) => ({
      url: new URL(li.querySelector<HTMLAnchorElement>('.search-result-title a')!.href).pathname,
      excerpt: li.querySelector('.search-result-excerpt')?.textContent ?? '',
      marked: li.querySelector('.search-result-excerpt mark') !== null,
      replies: [...li.querySelectorAll('.search-result-replies li span')].map((s) => s.textContent ?? ''),
    })),
  );
}

/** Text without spaces and the full stops Pagefind puts between blocks, to compare excerpts with pages. */
export const squeeze = (s: string) => s.normalize('NFKC').replace(/[\s.]/g, '');

/**
 * What a reader sees of a page that the index holds: the text of its indexed regions without the parts left out of the
 * index or hidden, squeezed; and its description (the summary shown when only search keys matched).
 */
export function visibleIndexedText(page: Page, path: string): Promise<{ text: string; description: string }> {
  return page
    .evaluate(async (p) => {
      const html = await (await fetch(p)).text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      for (const el of doc.querySelectorAll('[data-pagefind-ignore], [hidden], script, style')) el.remove();
      const text = [...doc.querySelectorAll('[data-pagefind-body]')].map((b) => b.textContent ?? '').join('');
      return { text, description: doc.querySelector('meta[name="description"]')?.getAttribute('content') ?? '' };
    }, path)
    .then(({ text, description }) => ({ text: squeeze(text), description: squeeze(description) }));
}
