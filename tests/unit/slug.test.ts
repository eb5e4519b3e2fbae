import { describe, expect, it } from 'vitest';
import { cleanHeading, sectionIdAssigner, tocSections } from '../../src/lib/sections.ts';
import { slugify, uniqueSlugs } from '../../src/lib/slug.ts';

describe('ASCII slugs for Chinese labels', () => {
  it('spells tags in pinyin', () => {
    expect(slugify('委员之家')).toBe('wei-yuan-zhi-jia');
    expect(slugify('5G 基站')).toBe('5g-ji-zhan');
    expect(slugify('“有事来商量”')).toBe('you-shi-lai-shang-liang');
  });

  it('keeps slugs unique when labels sound the same', () => {
    const slugs = uniqueSlugs(['公式', '公示', '公式']);
    expect(new Set(slugs.values()).size).toBe(2);
    expect([...slugs.values()].sort()).toEqual(['gong-shi', 'gong-shi-2']);
  });
});

describe('review section ids', () => {
  const committees = [
    { id: 'proposals', name: '提案委员会' },
    { id: 'economy', name: '经济委员会' },
  ];

  it('names a committee section by the committee id, ignoring newspaper marks', () => {
    const assign = sectionIdAssigner(committees);
    expect(assign('■ 提案委员会')).toBe('proposals');
    expect(assign('经济委员会')).toBe('economy');
    expect(assign('结语')).toBe('section-3');
  });

  it('never repeats an id within a document', () => {
    const assign = sectionIdAssigner(committees);
    expect([assign('提案委员会'), assign('提案委员会')]).toEqual(['proposals', 'proposals-2']);
  });

  it('strips marks from headings', () => {
    expect(cleanHeading('■ 办公室 ')).toBe('办公室');
  });

  it('lists the ## sections in a table of contents, by id and cleaned name', () => {
    const headings = [
      { depth: 2, slug: 'proposals', text: '■ 提案委员会' },
      { depth: 3, slug: 'section-2', text: '重点提案' },
      { depth: 2, slug: 'section-3', text: '结语' },
    ];
    expect(tocSections(headings)).toEqual([
      { id: 'proposals', label: '提案委员会' },
      { id: 'section-3', label: '结语' },
    ]);
  });
});
