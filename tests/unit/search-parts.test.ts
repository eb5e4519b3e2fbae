import { describe, expect, it } from 'vitest';
import {
  pageMonth,
  partCap,
  partPath,
  planParts,
  recentParts,
  type IndexedPage,
  type PartEntry,
} from '../../src/lib/search/parts.ts';
import { shareParts, sumCounts } from '../../src/lib/search/merge.ts';

/** `n` pages of a month (`2025-03`), or of a year's June (`2025`). */
const pages = (month: string | number, n: number, tag = 'a'): IndexedPage[] => {
  const m = typeof month === 'number' ? `${month}-06` : month;
  return Array.from({ length: n }, (_, i) => ({
    file: `news/${m}-${tag}${i}/index.html`,
    month: m,
    digest: `${m}-${tag}${i}`,
  }));
};
/** A year of `perMonth` pages in each of its months up to `last`. */
const year = (y: number, perMonth: number, last = 12, tag = 'a'): IndexedPage[] =>
  Array.from({ length: last }, (_, i) => pages(`${y}-${String(i + 1).padStart(2, '0')}`, perMonth, tag)).flat();
const ids = (parts: { id: string }[]) => parts.map((p) => p.id);

describe('the search index in parts of whole months', () => {
  it('gives the newest year a part of its own, packs older months oldest first up to the cap, newest part first', () => {
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

  it('keeps the digests of old parts when only the newest year changes, so they are reused', () => {
    const base = [...pages(2019, 40), ...pages(2020, 30), ...pages(2021, 5)];
    const before = planParts(base, 50);
    expect(ids(before)).toEqual(['2021', '2020', '2019']);
    const edited = base.map((p) => (p.file === 'news/2021-06-a3/index.html' ? { ...p, digest: 'changed' } : p));
    const after = planParts([...edited, ...pages(2021, 3, 'new')], 50);
    expect(ids(after)).toEqual(ids(before));
    expect(after.slice(1).map((p) => p.digest)).toEqual(before.slice(1).map((p) => p.digest));
    expect(after[0]!.digest).not.toBe(before[0]!.digest);
    // A new year: the last one joins the older parts; the oldest part stays as it was.
    const nextYear = planParts([...edited, ...pages(2022, 4)], 50);
    expect(ids(nextYear)).toEqual(['2022', '2020-2021', '2019']);
    expect(nextYear[2]!.digest).toBe(before[2]!.digest);
  });

  it('changes every digest when the indexer changes', () => {
    const a = planParts(pages(2020, 3), 10, 'pagefind-1.6.0');
    const b = planParts(pages(2020, 3), 10, 'pagefind-1.7.0');
    expect(a[0]!.digest).not.toBe(b[0]!.digest);
  });

  it('reads the month from the sort key every indexed page carries', () => {
    expect(pageMonth('<div hidden data-pagefind-sort="date:2023-02-18T00:00:00+08:00 20-1-0001">')).toBe('2023-02');
    expect(pageMonth('<p>no key</p>')).toBe('0000-00');
    // The file's bytes, as the indexer reads them, give the same month.
    expect(
      pageMonth(Buffer.from('<h1>标题</h1><div hidden data-pagefind-sort="date:2019-12-31T00:00:00+08:00">')),
    ).toBe('2019-12');
    expect(pageMonth(Buffer.from('<div data-pagefind-sort="date:20x9-01-01">'))).toBe('0000-00');
    expect(pageMonth('<div data-pagefind-sort="date:2019-13-01">')).toBe('0000-00');
    // The key of undated pages (a member) is year 0000.
    expect(pageMonth('<div hidden data-pagefind-sort="date:0000-01-01T00:00:00+08:00">')).toBe('0000-00');
  });
});

describe('years larger than the cap, in runs of whole months', () => {
  // 2024: 12 × 10 pages; 2025 up to September: 9 × 10 pages; members without a date; a cap of 35 pages.
  const archive = [...pages('0000-00', 8), ...year(2024, 10), ...year(2025, 10, 9)];
  // An archive larger than the browser searches at first: undated pages are a part of their own.
  const apart = (pages: IndexedPage[]) => planParts(pages, { maxPages: 35, undatedApart: true });
  const plan = apart(archive);

  it('packs months oldest first up to the cap across years, the newest month a part of its own', () => {
    expect(plan.map((p) => [p.id, p.from, p.to, p.pages.length])).toEqual([
      ['2025-09', '2025-09', '2025-09', 10],
      ['2025-07_08', '2025-07', '2025-08', 20],
      ['2025-04_06', '2025-04', '2025-06', 30],
      ['2025-01_03', '2025-01', '2025-03', 30],
      ['2024-10_12', '2024-10', '2024-12', 30],
      ['2024-07_09', '2024-07', '2024-09', 30],
      ['2024-04_06', '2024-04', '2024-06', 30],
      ['2024-01_03', '2024-01', '2024-03', 30],
      // Undated pages (members) are a part of their own, last, as their sort key sorts them after every date.
      ['undated', '0000-00', '0000-00', 8],
    ]);
    for (const [i, p] of plan.entries())
      if (i > 0) expect(p.to < plan[i - 1]!.from, 'no overlap, newest first').toBe(true);
    expect(plan.flatMap((p) => p.pages).length).toBe(archive.length);
  });

  it('packs undated pages with the oldest months where the browser searches the archive whole', () => {
    expect(
      planParts(archive, 35)
        .slice(-2)
        .map((p) => [p.id, p.from, p.to, p.pages.length]),
    ).toEqual([
      ['2024-03_05', '2024-03', '2024-05', 30],
      ['0000-00_2024-02', '0000-00', '2024-02', 28],
    ]);
  });

  it('re-indexes only the undated part when a member is edited or added', () => {
    const member = archive.find((p) => p.month === '0000-00')!;
    const edited = apart([
      ...archive.map((p) => (p === member ? { ...p, digest: 'changed' } : p)),
      ...pages('0000-00', 1, 'new'),
    ]);
    expect(ids(edited)).toEqual(ids(plan));
    expect(edited.filter((p, i) => p.digest !== plan[i]!.digest).map((p) => p.id)).toEqual(['undated']);
  });

  it('searches first the newest parts up to a number of pages, and the undated part', () => {
    const entries = plan.map((p, i) => ({
      id: p.id,
      path: partPath(p, i),
      from: p.from,
      to: p.to,
      pages: p.pages.length,
    }));
    expect(recentParts(entries, 30)).toEqual(['2025-09', '2025-07_08', 'undated']);
    expect(recentParts(entries, 29)).toEqual(['2025-09', 'undated']);
    // The newest part is searched whatever its size; a site within the budget is searched whole.
    expect(recentParts(entries, 1)).toEqual(['2025-09', 'undated']);
    expect(recentParts(entries, 1000)).toEqual(ids(plan));
  });

  it('re-plans only the newest month when a story is published in it', () => {
    const after = apart([...archive, ...pages('2025-09', 1, 'new')]);
    expect(ids(after)).toEqual(ids(plan));
    expect(after.slice(1).map((p) => p.digest)).toEqual(plan.slice(1).map((p) => p.digest));
    expect(after[0]!.digest).not.toBe(plan[0]!.digest);
  });

  it('keeps the older boundaries when a new month or year begins: the last month joins the runs, the rest reused', () => {
    const after = apart([...archive, ...pages('2025-10', 2)]);
    expect(ids(after).slice(0, 3)).toEqual(['2025-10', '2025-07_09', '2025-04_06']);
    expect(after.slice(2).map((p) => p.digest)).toEqual(plan.slice(2).map((p) => p.digest));
    const rest = year(2025, 10, 12).filter((p) => p.month > '2025-09');
    const nextYear = apart([...archive, ...rest, ...pages('2026-01', 3)]);
    expect(ids(nextYear).slice(0, 3)).toEqual(['2026', '2025-10_12', '2025-07_09']);
    expect(nextYear.slice(3).map((p) => p.digest)).toEqual(plan.slice(2).map((p) => p.digest));
  });

  it('re-indexes the part of a story edited in an older month, and only the parts from it on when one is deleted', () => {
    const target = 'news/2025-04-a3/index.html';
    const edited = apart(archive.map((p) => (p.file === target ? { ...p, digest: 'changed' } : p)));
    expect(ids(edited)).toEqual(ids(plan));
    expect(edited.filter((p, i) => p.digest !== plan[i]!.digest).map((p) => p.id)).toEqual(['2025-04_06']);
    const deleted = apart(archive.filter((p) => p.file !== target));
    expect(deleted.filter((p) => !plan.some((q) => q.digest === p.digest)).map((p) => p.id)).toEqual(['2025-04_06']);
  });

  it('gives a month larger than the cap a part of its own, and keeps a small newest year whole', () => {
    const parts = apart([
      ...pages('2023-03', 5),
      ...pages('2024-02', 50),
      ...pages('2024-03', 5),
      ...pages('2025-01', 3),
    ]);
    expect(ids(parts)).toEqual(['2025', '2024-03', '2024-02', '2023']);
  });
});

describe('joining the answers of several workers', () => {
  const part = (id: string, pages: number): PartEntry => ({
    id,
    path: `/pagefind/parts/${id}/`,
    from: `${id}-01`,
    to: `${id}-12`,
    pages,
  });

  it('shares the parts between workers by their pages, each keeping them newest first', () => {
    const parts = [part('2026', 900), part('2025', 3000), part('2024', 2900), part('2023', 2800), part('2022', 300)];
    const shares = shareParts(parts, 2);
    expect(shares.map((s) => s.map((p) => p.id))).toEqual([
      ['2026', '2025', '2022'],
      ['2024', '2023'],
    ]);
    expect(shares.flat().sort((a, b) => b.from.localeCompare(a.from))).toEqual(parts);
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

describe('the cap on a part', () => {
  it('is 4,000 pages up to 40,000, doubles as the site doubles, up to 10,000; the operator’s setting wins', () => {
    expect([1, 20000, 40000, 40001, 80000, 80001, 100000, 400000].map((n) => partCap(n))).toEqual([
      4000, 4000, 4000, 8000, 8000, 10000, 10000, 10000,
    ]);
    expect(partCap(100000, 12)).toBe(12);
  });

  it('cuts the newest year into months past its own smaller cap, so an edit re-indexes a month', () => {
    const archive = [...year(2024, 10), ...year(2025, 10, 9)];
    // Past 50 pages the newest year is cut all the same: its newest month alone, the others packed with 2024.
    expect(ids(planParts(archive, { maxPages: 200, newestPages: 50 }))).toEqual(['2025-09', '2024-01_2025-08']);
    expect(ids(planParts(archive, 200))).toEqual(['2025', '2024']);
  });

  describe('the recent years at the least cap on a large site', () => {
    // Six years of 10 pages a month, 2025 up to September; old years packed to 200 pages, the last two to 35.
    const limits = { maxPages: 200, recentYears: 2, recentPages: 35, newestPages: 35 };
    const archive = [2020, 2021, 2022, 2023, 2024].flatMap((y) => year(y, 10)).concat(year(2025, 10, 9));
    const plan = planParts(archive, limits);

    it('packs the old years large and the recent ones small, in runs that never mix the two', () => {
      expect(plan.map((p) => [p.id, p.pages.length])).toEqual([
        ['2025-09', 10],
        ['2025-07_08', 20],
        ['2025-04_06', 30],
        ['2025-01_03', 30],
        ['2024-10_12', 30],
        ['2024-07_09', 30],
        ['2024-04_06', 30],
        ['2024-01_03', 30],
        // 80 pages, with room for 2024's first months, which stay with the recent parts.
        ['2023-05_12', 80],
        ['2021-09_2023-04', 200],
        ['2020-01_2021-08', 200],
      ]);
    });

    it('packs undated pages with the oldest months, recent or not, where they are not apart', () => {
      const small = [...pages('0000-00', 8), ...year(2024, 10), ...year(2025, 10, 9)];
      expect(
        planParts(small, limits)
          .slice(-2)
          .map((p) => [p.id, p.pages.length]),
      ).toEqual([
        ['2024-03_05', 30],
        ['0000-00_2024-02', 28],
      ]);
      expect(planParts([...pages('0000-00', 8), ...archive], limits).at(-1)!.id).toBe('0000-00_2021-07');
    });

    it('re-indexes a small part when a story of last year is edited', () => {
      const story = archive.find((p) => p.month === '2024-08')!;
      const edited = planParts(
        archive.map((p) => (p === story ? { ...p, digest: 'changed' } : p)),
        limits,
      );
      expect(ids(edited)).toEqual(ids(plan));
      expect(edited.filter((p, i) => p.digest !== plan[i]!.digest).map((p) => [p.id, p.pages.length])).toEqual([
        ['2024-07_09', 30],
      ]);
    });

    it('moves the year before last to the large parts when a year begins, keeping the older parts', () => {
      const next = planParts(
        [...archive, ...year(2025, 10, 12).filter((p) => p.month > '2025-09'), ...pages('2026-01', 5)],
        limits,
      );
      expect(next.map((p) => [p.id, p.pages.length])).toEqual([
        ['2026', 5],
        ['2025-10_12', 30],
        ['2025-07_09', 30],
        ['2025-04_06', 30],
        ['2025-01_03', 30],
        ['2023-05_2024-12', 200],
        ['2021-09_2023-04', 200],
        ['2020-01_2021-08', 200],
      ]);
      expect(next.at(-1)!.digest).toBe(plan.at(-1)!.digest);
      expect(next.at(-2)!.digest).toBe(plan.at(-2)!.digest);
    });
  });
});
