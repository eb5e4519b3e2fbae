import { describe, expect, it } from 'vitest';
import { pageYear, partPath, planParts, type IndexedPage, type PartEntry } from '../../src/lib/search/parts.ts';
import { shareParts, sumCounts } from '../../src/lib/search/merge.ts';

const pages = (year: number, n: number, tag = 'a'): IndexedPage[] =>
  Array.from({ length: n }, (_, i) => ({
    file: `news/${year}-${tag}${i}/index.html`,
    year,
    digest: `${year}-${tag}${i}`,
  }));

describe('the search index in parts of whole years', () => {
  it('gives the newest year a part of its own, groups older years oldest first up to the cap, newest part first', () => {
    const parts = planParts(
      [...pages(2019, 30), ...pages(2020, 30), ...pages(2021, 50), ...pages(2022, 20), ...pages(2023, 10)],
      60,
    );
    expect(parts.map((p) => [p.id, p.pages.length])).toEqual([
      ['2023', 10],
      ['2022', 20],
      ['2021', 50],
      ['2019-2020', 60],
    ]);
    expect(parts.map(partPath)).toEqual([
      '/pagefind/',
      '/pagefind/parts/2022/',
      '/pagefind/parts/2021/',
      '/pagefind/parts/2019-2020/',
    ]);
  });

  it('gives a year larger than the cap a part of its own', () => {
    expect(planParts([...pages(2023, 5), ...pages(2024, 500), ...pages(2025, 5)], 100).map((p) => p.id)).toEqual([
      '2025',
      '2024',
      '2023',
    ]);
  });

  it('keeps the digests of old parts when only the newest year changes, so they are reused', () => {
    const base = [...pages(2019, 40), ...pages(2020, 30), ...pages(2021, 5)];
    const before = planParts(base, 50);
    expect(before.map((p) => p.id)).toEqual(['2021', '2020', '2019']);
    const edited = base.map((p) => (p.file === 'news/2021-a3/index.html' ? { ...p, digest: 'changed' } : p));
    const after = planParts([...edited, ...pages(2021, 3, 'new')], 50);
    expect(after.map((p) => p.id)).toEqual(before.map((p) => p.id));
    expect(after.slice(1).map((p) => p.digest)).toEqual(before.slice(1).map((p) => p.digest));
    expect(after[0]!.digest).not.toBe(before[0]!.digest);
    // A new year: the last one joins the older parts; the oldest part stays as it was.
    const nextYear = planParts([...edited, ...pages(2022, 4)], 50);
    expect(nextYear.map((p) => p.id)).toEqual(['2022', '2020-2021', '2019']);
    expect(nextYear[2]!.digest).toBe(before[2]!.digest);
  });

  it('changes every digest when the indexer changes', () => {
    const a = planParts(pages(2020, 3), 10, 'pagefind-1.6.0');
    const b = planParts(pages(2020, 3), 10, 'pagefind-1.7.0');
    expect(a[0]!.digest).not.toBe(b[0]!.digest);
  });

  it('reads the year from the sort key every indexed page carries', () => {
    expect(pageYear('<div hidden data-pagefind-sort="date:2023-02-18T00:00:00+08:00 20-1-0001">')).toBe(2023);
    expect(pageYear('<p>no key</p>')).toBe(0);
    // The file's bytes, as the indexer reads them, give the same year.
    expect(pageYear(Buffer.from('<h1>标题</h1><div hidden data-pagefind-sort="date:2019-12-31T00:00:00+08:00">'))).toBe(
      2019,
    );
    expect(pageYear(Buffer.from('<div data-pagefind-sort="date:20x9-01-01">'))).toBe(0);
  });
});

describe('joining the answers of several workers', () => {
  const part = (id: string, pages: number): PartEntry => ({
    id,
    path: `/pagefind/parts/${id}/`,
    from: Number(id),
    to: Number(id),
    pages,
  });

  it('shares the parts between workers by their pages, each keeping them newest first', () => {
    const parts = [part('2026', 900), part('2025', 3000), part('2024', 2900), part('2023', 2800), part('2022', 300)];
    const shares = shareParts(parts, 2);
    expect(shares.map((s) => s.map((p) => p.id))).toEqual([
      ['2026', '2025', '2022'],
      ['2024', '2023'],
    ]);
    expect(shares.flat().sort((a, b) => b.from - a.from)).toEqual(parts);
    expect(shareParts(parts.slice(0, 1), 2)).toEqual([parts.slice(0, 1)]);
    expect(shareParts([], 2)).toEqual([]);
  });

  it('adds up counts per filter and value', () => {
    expect(
      sumCounts([{ kind: { 新闻简报: 2, 提案与答复: 1 } }, { kind: { 提案与答复: 3 }, year: { '2024': 4 } }, {}]),
    ).toEqual({
      kind: { 新闻简报: 2, 提案与答复: 4 },
      year: { '2024': 4 },
    });
  });
});
