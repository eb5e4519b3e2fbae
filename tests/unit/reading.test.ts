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
});
