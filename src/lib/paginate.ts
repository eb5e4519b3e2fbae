/** Items a list page shows. */
export const PAGE_SIZE = 20;

/** One page of a paginated list. */
export interface Page<T> {
  items: T[];
  /** 1-based page number. */
  number: number;
  /** Number of pages. */
  count: number;
  /** Number of items over all pages. */
  total: number;
  /** Index (1-based) of the first and last item on this page. */
  first: number;
  last: number;
  url: string;
  prev?: string;
  next?: string;
}

/** URL of page `n` of a list at `base` (`/news/` → `/news/`, `/news/page/2/`). */
export function pageUrl(base: string, n: number): string {
  return n === 1 ? base : `${base}page/${n}/`;
}

/** Split `items` into pages of `size`; an empty list still has one (empty) page so its URL exists. */
export function paginate<T>(items: readonly T[], base: string, size = PAGE_SIZE): Page<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const slice = items.slice(i * size, n * size);
    return {
      items: slice,
      number: n,
      count,
      total: items.length,
      first: slice.length ? i * size + 1 : 0,
      last: i * size + slice.length,
      url: pageUrl(base, n),
      ...(n > 1 ? { prev: pageUrl(base, n - 1) } : {}),
      ...(n < count ? { next: pageUrl(base, n + 1) } : {}),
    };
  });
}

/**
 * Static paths for a list route named `[...page].astro`: page 1 at the list's own URL, later pages at `page/<n>/`.
 */
export function pagePaths<T, P extends Record<string, unknown>>(
  items: readonly T[],
  base: string,
  props: P = {} as P,
  size = PAGE_SIZE,
) {
  return paginate(items, base, size).map((page) => ({
    params: { page: page.number === 1 ? undefined : `page/${page.number}` },
    props: { ...props, page },
  }));
}

/**
 * The page numbers a pager shows: the first, the last and two either side of the current one, with `null` where
 * numbers are left out (shown as …). The list pages (Pagination.astro) and the search results share it, so a reader
 * meets one pager.
 */
export function pagerNumbers(current: number, count: number): (number | null)[] {
  const shown = Array.from({ length: count }, (_, i) => i + 1).filter(
    (n) => n === 1 || n === count || Math.abs(n - current) <= 2,
  );
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1]! > 1 ? [null, n] : [n]));
}
