import { describe, expect, it } from 'vitest';
import { editorRoute, leavesStaleEditor, wrongFileProblem } from '../../src/cms/editor-route.ts';

describe('editor routes of the admin', () => {
  it('names the entry an address opens', () => {
    expect(editorRoute('#/collections/news/entries/2025-02-23')).toEqual({ collection: 'news', slug: '2025-02-23' });
    expect(editorRoute('#/collections/proposals/new?ref=x')).toEqual({ collection: 'proposals', slug: null });
    expect(editorRoute('#/collections/news')).toBeNull();
    expect(editorRoute('#/media')).toBeNull();
  });

  it('knows which moves leave Decap showing the previous entry', () => {
    const a = '#/collections/news/entries/a';
    const b = '#/collections/news/entries/b';
    expect(leavesStaleEditor(a, b, 'push')).toBe(true);
    expect(leavesStaleEditor(a, b, 'traverse')).toBe(true);
    expect(leavesStaleEditor(a, '#/collections/voices/entries/a', 'push')).toBe(true);
    expect(leavesStaleEditor(a, '#/collections/news/new', 'push')).toBe(true);
    // Decap's own moves (a new entry's first save, 新建 after saving) replace the address with its draft's.
    expect(leavesStaleEditor('#/collections/news/new', b, 'replace')).toBe(false);
    expect(leavesStaleEditor(a, '#/collections/news', 'push')).toBe(false);
    expect(leavesStaleEditor('#/collections/news', b, 'push')).toBe(false);
    expect(leavesStaleEditor(a, `${a}?ref=workflow`, 'push')).toBe(false);
  });

  it('refuses a save whose entry is not the one the address names', () => {
    expect(
      wrongFileProblem({ collection: 'news', slug: 'a', newRecord: false }, '#/collections/news/entries/a'),
    ).toBeUndefined();
    expect(
      wrongFileProblem({ collection: 'news', slug: '', newRecord: true }, '#/collections/news/new'),
    ).toBeUndefined();
    expect(
      wrongFileProblem({ collection: 'news', slug: 'a', newRecord: false }, '#/collections/news/entries/b'),
    ).toMatch(/“a”.*“b”.*未保存/);
    expect(wrongFileProblem({ collection: 'news', slug: 'a', newRecord: false }, '#/collections/news/new')).toMatch(
      /未保存/,
    );
    expect(
      wrongFileProblem({ collection: 'news', slug: 'a', newRecord: false }, '#/collections/voices/entries/a'),
    ).toMatch(/未保存/);
  });
});
