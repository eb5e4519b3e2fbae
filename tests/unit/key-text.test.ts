import { describe, expect, it } from 'vitest';
import { keyText } from '../../src/lib/key-text.ts';

const none = () => undefined;
/** Objects with a `digest` stand for themselves by it, as an entry does in a page's cache key. */
const byDigest = (v: object) => ('digest' in v ? String(v.digest) : undefined);

describe('keyText', () => {
  it('writes a value without entries exactly as JSON.stringify does', () => {
    const values: unknown[] = [
      null,
      0,
      -1.5,
      'a "quoted" 文字\n',
      true,
      [],
      {},
      [1, undefined, () => 1, Symbol('s'), null],
      { a: 1, skip: undefined, f: () => 1, s: Symbol('s'), nested: { b: [{ c: 'd' }] } },
      { date: new Date('2025-10-01T08:00:00Z'), list: [new Date(0)] },
      Object.assign(Object.create(null), { bare: 'object' }),
      { url: new URL('https://example.org/a') },
    ];
    for (const v of values) expect(keyText(v, none)).toBe(JSON.stringify(v));
  });

  it('writes what stands for itself by its short text, at any depth', () => {
    const story = { digest: 'D1', data: { title: '长文' } };
    expect(keyText({ page: { data: [story, story], currentPage: 2 } }, byDigest)).toBe(
      '{"page":{"data":[#D1,#D1],"currentPage":2}}',
    );
  });

  it('keeps apart what JSON would keep apart', () => {
    // A string that reads like a stand-in is still a string.
    expect(keyText(['#D1'], byDigest)).not.toBe(keyText([{ digest: 'D1' }], byDigest));
    // A different entry, a different order, a changed field: a different text.
    expect(keyText([{ digest: 'D1' }], byDigest)).not.toBe(keyText([{ digest: 'D2' }], byDigest));
    expect(keyText({ a: 1, b: 2 }, none)).not.toBe(keyText({ a: 2, b: 1 }, none));
  });

  it('writes a Map as the list of its pairs', () => {
    const m = new Map<string, unknown>([
      ['一', { digest: 'D1' }],
      ['二', 2],
    ]);
    expect(keyText(m, byDigest)).toBe('[["一",#D1],["二",2]]');
    expect(keyText(m, byDigest)).not.toBe(keyText(new Map([['一', { digest: 'D1' }]]), byDigest));
  });
});
