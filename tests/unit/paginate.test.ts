import { describe, expect, it } from 'vitest';
import { pagePaths, pagerNumbers, paginate } from '../../src/lib/paginate.ts';

describe('pagination', () => {
  const items = Array.from({ length: 45 }, (_, i) => i + 1);

  it('splits into pages of 20 with totals and neighbours', () => {
    const pages = paginate(items, '/news/');
    expect(pages.map((p) => p.items.length)).toEqual([20, 20, 5]);
    expect(pages[1]).toMatchObject({
      number: 2,
      count: 3,
      total: 45,
      first: 21,
      last: 40,
      url: '/news/page/2/',
      prev: '/news/',
      next: '/news/page/3/',
    });
    expect(pages[0]!.prev).toBeUndefined();
    expect(pages[2]!.next).toBeUndefined();
  });

  it('keeps one empty page for an empty list', () => {
    expect(paginate([], '/voices/')).toMatchObject([{ number: 1, count: 1, total: 0, items: [] }]);
  });

  it('gives page 1 the list URL and later pages page/<n>', () => {
    expect(pagePaths(items, '/news/').map((p) => p.params.page)).toEqual([undefined, 'page/2', 'page/3']);
  });
});

describe('the pager', () => {
  it('shows the first, the last and two either side of the current page, with gaps where numbers are left out', () => {
    expect(pagerNumbers(1, 1)).toEqual([1]);
    expect(pagerNumbers(3, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pagerNumbers(1, 9)).toEqual([1, 2, 3, null, 9]);
    expect(pagerNumbers(5, 9)).toEqual([1, null, 3, 4, 5, 6, 7, null, 9]);
    expect(pagerNumbers(9, 9)).toEqual([1, null, 7, 8, 9]);
    expect(pagerNumbers(4, 9)).toEqual([1, 2, 3, 4, 5, 6, null, 9]);
  });
});
