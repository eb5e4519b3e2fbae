import { describe, expect, it } from 'vitest';
import { dealParts } from '../../src/lib/search/shards.ts';

const part = (id: string, pages: number) => ({ id, pages: Array.from({ length: pages }, (_, i) => i) });

describe('the search parts dealt to index jobs', () => {
  it('gives every part to exactly one job, balancing the pages', () => {
    const parts = [
      part('2025', 9000),
      part('2024', 9500),
      part('2023', 9200),
      part('2021-2022', 4000),
      part('2016-2020', 4900),
    ];
    const shards = dealParts(parts, 2, (p) => p.pages.length);
    expect(
      shards
        .flat()
        .map((p) => p.id)
        .sort(),
    ).toEqual(parts.map((p) => p.id).sort());
    const pages = shards.map((s) => s.reduce((n, p) => n + p.pages.length, 0));
    expect(pages).toEqual([18400, 18200]);
  });

  it('deals the same whatever order the parts come in, so jobs agree without talking', () => {
    const parts = [part('a', 5), part('b', 5), part('c', 3), part('d', 3)];
    const deal = (ps: typeof parts) => dealParts(ps, 2, (p) => p.pages.length).map((s) => s.map((p) => p.id).sort());
    expect(deal([...parts].reverse())).toEqual(deal(parts));
    expect(deal(parts)).toEqual([
      ['a', 'c'],
      ['b', 'd'],
    ]);
  });

  it('leaves a job without parts when there are fewer parts than jobs, and refuses no job at all', () => {
    expect(dealParts([part('2025', 10)], 3, (p) => p.pages.length).map((s) => s.length)).toEqual([1, 0, 0]);
    expect(() => dealParts([], 0, () => 0)).toThrow('索引分片数须为正整数');
  });
});
