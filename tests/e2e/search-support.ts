import type { Page } from '@playwright/test';

/** Opens a search URL and waits until the results (or the empty state) are shown. Returns result paths in order. */
export async function searchFor(page: Page, params: Record<string, string>, path = '/search/'): Promise<string[]> {
  await page.goto(`${path}?${new URLSearchParams(params)}`);
  await page.waitForFunction(() => ['results', 'empty'].includes(document.querySelector<HTMLElement>('[data-search-panel]')?.dataset.state ?? ''));
  return page.locator('[data-results] .search-result-title a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}
