import { describe, expect, it } from 'vitest';
import { paginate, pagePaths } from '../../src/lib/paginate.ts';

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
