import { afterEach, describe, expect, it } from 'vitest';
import { ContentFixture } from '../support/fixture.ts';

/**
 * Broken 数字报 content stops the build with a Chinese message naming the file and the field: each case breaks one
 * thing in a copy of `content/` and runs the real content sync (or, for what only the assembled edition knows, the
 * real build) over it.
 */
let fixture: ContentFixture | undefined;
afterEach(() => fixture?.dispose());

const STORY = 'voices/2025-04-08-tuoyu-fuwu.md';
const ISSUE = 'paper/2025-06-06.md';

function broken(change: (f: ContentFixture) => void, command: 'sync' | 'build' = 'sync') {
  fixture = new ContentFixture();
  change(fixture);
  return fixture.astro(command, { SKIP_SEARCH_INDEX: '1' });
}

describe('bad 数字报 content fails naming file and field', () => {
  it.each([
    [
      'an area running off the page',
      STORY,
      (f: ContentFixture) => f.edit(STORY, '{ x: 3, y: 9, w: 46, h: 88 }', '{ x: 60, y: 9, w: 46, h: 88 }'),
      'paper.areas.0',
      '左边距加宽度超出版面',
    ],
    [
      'an area with a misspelt key',
      STORY,
      (f: ContentFixture) => f.edit(STORY, '{ x: 3, y: 9, w: 46, h: 88 }', '{ x: 3, y: 9, width: 46, h: 88 }'),
      'paper.areas.0',
      '宽度应为数字',
    ],
    [
      'a story in an issue that does not exist',
      STORY,
      (f: ContentFixture) => f.edit(STORY, 'issue: 2025-04-18', "issue: '2031-01-02'"),
      'paper.issue',
      '不存在的报纸期次：“2031-01-02”',
    ],
    [
      'a page image that was never uploaded',
      ISSUE,
      (f: ContentFixture) => f.edit(ISSUE, '/media/paper/2025-06-06-2.webp', '/media/paper/no-such-page.webp'),
      'pages.1.image',
      '文件不存在',
    ],
    [
      'a page image that is not an image',
      ISSUE,
      (f: ContentFixture) => f.edit(ISSUE, '/media/paper/2025-06-06-2.webp', '/media/paper/2025-04-18-1.pdf'),
      'pages.1.image',
      'jpg、png 或 webp',
    ],
    [
      'pages out of order',
      ISSUE,
      (f: ContentFixture) => f.edit(ISSUE, '{ number: 2,', '{ number: 3,'),
      'pages.1.number',
      '版次应为 2',
    ],
  ])('rejects %s', (_what, file, change, field, detail) => {
    const { status, output } = broken(change);
    expect(status).not.toBe(0);
    expect(output).toContain(`content/${file}`);
    expect(output).toContain(`${field}: `);
    expect(output).toContain(detail);
  });

  it('rejects an issue whose file is not named by its date', () => {
    const { status, output } = broken((f) => f.edit(ISSUE, 'date: 2025-06-06', 'date: 2025-06-07'));
    expect(status).not.toBe(0);
    expect(output).toContain('content/paper/2025-06-06.md');
    expect(output).toContain('date（出版日期）“2025-06-07”与文件名不符');
  });

  it('rejects a story placed on a page its issue does not have', () => {
    const { status, output } = broken((f) => f.edit(STORY, 'page: 3', 'page: 9'), 'build');
    expect(status).not.toBe(0);
    expect(output).toContain(
      'content/voices/2025-04-08-tuoyu-fuwu.md：paper.page（数字报版面·所在版次）第186期（2025-04-18）没有第9版',
    );
  });
});
