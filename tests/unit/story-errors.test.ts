import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentBreaker } from '../support/break-content.ts';
import { CONTENT } from '../support/content.ts';
import type { ContentFixture } from '../support/fixture.ts';

/** A broken news story stops the build naming the file and the field (see content-errors.test.ts for the rest). */
const { breakAndSync } = contentBreaker();

describe('a broken news story fails the build naming file and field', () => {
  const coverStory = readdirSync(`${CONTENT}/news`).find((f) =>
    readFileSync(`${CONTENT}/news/${f}`, 'utf8').includes('\ncover:'),
  )!;
  const story = `news/${coverStory}`;
  const storyId = coverStory.slice(0, -3);

  it.each([
    ['an image without alt text', (f: ContentFixture) => f.edit(story, /\n {2}alt: .*/, ''), 'cover.alt', '替代文字'],
    [
      'an image with empty alt text',
      (f: ContentFixture) => f.edit(story, /\n {2}alt: .*/, "\n  alt: ''"),
      'cover.alt',
      '必须填写替代文字',
    ],
    [
      'an image of a type the site does not take',
      (f: ContentFixture) => f.edit(story, /\n {2}src: .*/, '\n  src: /media/setup.exe'),
      'cover.src',
      'jpg、png',
    ],
    [
      'an image file that is missing',
      (f: ContentFixture) => f.edit(story, /\n {2}src: .*/, '\n  src: /media/missing.png'),
      'cover.src',
      '图片文件不存在',
    ],
    [
      'an oversized upload',
      (f: ContentFixture) => {
        writeFileSync(
          join(f.public, 'media/huge.png'),
          Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(6 * 1024 * 1024)]),
        );
        f.edit(story, /\n {2}src: .*/, '\n  src: /media/huge.png');
      },
      'cover.src',
      '图片过大',
    ],
    [
      'a file whose content is not what its extension says',
      (f: ContentFixture) => {
        writeFileSync(join(f.public, 'media/fake.png'), '<html><script>alert(1)</script></html>');
        f.edit(story, /\n {2}src: .*/, '\n  src: /media/fake.png');
      },
      'cover.src',
      '与扩展名 .png 不符',
    ],
    [
      'an SVG carrying script',
      (f: ContentFixture) => {
        writeFileSync(
          join(f.public, 'media/evil.svg'),
          '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
        );
        f.edit(story, /\n {2}src: .*/, '\n  src: /media/evil.svg');
      },
      'cover.src',
      'SVG 图片含有脚本',
    ],
    // An unknown key is reported on the entry itself, with the key named in the message.
    [
      'an unknown field',
      (f: ContentFixture) => f.edit(story, /\nsummary:/, '\nsumary: 拼错的字段\nsummary:'),
      '',
      '未知字段：sumary',
    ],
    ['an unknown place', (f: ContentFixture) => f.edit(story, /\nplace: .*/, '\nplace: atlantis'), 'place', 'atlantis'],
    [
      'a malformed edition page',
      (f: ContentFixture) => f.edit(story, /page: 第.版/, 'page: 2版'),
      'edition.page',
      '第一版',
    ],
  ])('rejects %s in a news story', (_what, change, field, detail) => {
    const { status, output } = breakAndSync(change);
    expect(status).not.toBe(0);
    expect(output).toContain(`news → ${storyId}`);
    expect(output).toContain(`content/${story}`);
    if (field) expect(output).toMatch(new RegExp(`\\b${field.replace('.', '\\.')}: `));
    expect(output).toContain(detail);
  });
});
