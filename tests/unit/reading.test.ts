import { describe, expect, it } from 'vitest';
import { columnReading, relatedReading } from '../../src/lib/reading.ts';

const list = [
  { id: 'e', tags: ['养老'] },
  { id: 'd', tags: ['乡村振兴', '电商'] },
  { id: 'c', tags: ['乡村振兴'] },
  { id: 'b', tags: [] },
  { id: 'a', tags: ['乡村振兴', '电商'] },
];

describe('reading next', () => {
  it('gives the newer story as 上一篇 and the older as 下一篇, none past either end', () => {
    const reading = columnReading(list, (e) => e.tags);
    expect(reading('c')).toEqual({ previous: list[1], next: list[3], related: [list[1], list[4]] });
    expect(reading('e')).toEqual({ next: list[1], related: [] });
    expect(reading('a')).toEqual({ previous: list[3], related: [list[1], list[2]] });
    expect(reading('zz')).toEqual({ related: [] });
  });

  it('offers the stories sharing most tags, nearest first, never itself or one sharing nothing', () => {
    const related = relatedReading(list, (e) => e.tags);
    expect(related('d').map((e) => e.id)).toEqual(['a', 'c']);
    expect(related('c').map((e) => e.id)).toEqual(['d', 'a']);
    expect(related('b')).toEqual([]);
    expect(related('e')).toEqual([]);
    expect(related('zz')).toEqual([]);
    expect(relatedReading(list, (e) => e.tags, { limit: 1 })('d').map((e) => e.id)).toEqual(['a']);
    // Asked again (a page and a list both show it), the same answer.
    expect(related('d').map((e) => e.id)).toEqual(['a', 'c']);
  });

  it('weighs only the nearest stories under each tag in a long column', () => {
    const long = Array.from({ length: 1000 }, (_, i) => ({
      id: String(i),
      tags: i === 999 ? ['罕见', '常见'] : ['常见'],
    }));
    long[0]!.tags.push('罕见');
    const related = relatedReading(long, (e) => e.tags, { window: 5 });
    expect(related('500').map((e) => e.id)).toEqual(['499', '501', '498', '502']);
    // Sharing two tags beats nearness, within the window of the rarer tag.
    expect(related('0')[0]!.id).toBe('999');
  });

  it('answers as the rule reads, on a random column of 3,000 stories', () => {
    // The rule written plainly: candidates within `window` of the story under each of its tags, ordered by tags shared
    // (all of them), then nearness, then position.
    const plainly = (list: { tags: string[] }[], i: number, window: number, limit: number) => {
      const keys = new Set(list[i]!.tags);
      const candidates = new Set<number>();
      for (const k of keys) {
        const at = list.flatMap((e, j) => (e.tags.includes(k) ? [j] : []));
        const here = at.indexOf(i);
        for (const j of at.slice(Math.max(0, here - window), here + window + 1)) if (j !== i) candidates.add(j);
      }
      return [...candidates]
        .map((j) => [j, new Set(list[j]!.tags).intersection(keys).size] as const)
        .sort(([a, sa], [b, sb]) => sb - sa || Math.abs(a - i) - Math.abs(b - i) || a - b)
        .slice(0, limit)
        .map(([j]) => String(j));
    };
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const tags = Array.from({ length: 30 }, (_, i) => `标签${i}`);
    const column = Array.from({ length: 3000 }, (_, i) => ({
      id: String(i),
      tags: Array.from(
        { length: Math.floor(random() * 4) },
        () => tags[Math.floor(random() * (random() < 0.5 ? 5 : 30))]!,
      ),
    }));
    const related = relatedReading(column, (e) => e.tags, { window: 6, limit: 4 });
    for (let i = 0; i < column.length; i += 7)
      expect(
        related(String(i)).map((e) => e.id),
        `story ${i}`,
      ).toEqual(plainly(column, i, 6, 4));
  });
});
