import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasRef, resetRegistry } from '../../src/content/registry.ts';
import { contentBreaker, firstFile } from '../support/break-content.ts';
import type { ContentFixture } from '../support/fixture.ts';

/**
 * Broken content must stop the build with a message naming the file and the field, so nothing broken is published.
 * Each case breaks one thing in a copy of `content/` and runs the real content sync over it.
 */
const { breakAndSync, copy, fixtureBuild } = contentBreaker();

describe('bad content fails the build naming file and field', () => {
  const proposal = 'proposals/14-3-0123.md';

  it.each([
    [
      'an unknown member',
      (f: ContentFixture) => f.edit(proposal, /proposers:\n {2}- xie-huilan/, 'proposers:\n  - no-such-member'),
      'proposers',
      'no-such-member',
    ],
    [
      'an unknown lead unit',
      (f: ContentFixture) => f.edit(proposal, /leadUnits:\n {2}- kjj/, 'leadUnits:\n  - no-such-unit'),
      'leadUnits',
      'no-such-unit',
    ],
    [
      'an unknown session',
      (f: ContentFixture) => f.edit(proposal, /session: ['"]?14-3['"]?/, 'session: 77-7'),
      'session',
      '77-7',
    ],
    [
      'an unknown category',
      (f: ContentFixture) => f.edit(proposal, /category: \S+/, 'category: no-such-category'),
      'category',
      'no-such-category',
    ],
    [
      'an unknown sector',
      (f: ContentFixture) => f.edit(proposal, /sector: \S+/, 'sector: no-such-sector'),
      'sector',
      'no-such-sector',
    ],
    [
      'a missing required title',
      (f: ContentFixture) => f.edit(proposal, /\ntitle: .*/, ''),
      'title',
      '「案由」为必填项',
    ],
    [
      'a malformed submission date',
      (f: ContentFixture) => f.edit(proposal, /submitted: \S+/, "submitted: '2024-02-31'"),
      'submitted',
      '2024-02-31',
    ],
    [
      'a malformed proposal number',
      (f: ContentFixture) => f.edit(proposal, /number: \S+/, "number: '14-3-123'"),
      'number',
      '14-3-0123',
    ],
  ])('rejects %s', (_what, change, field, detail) => {
    const { status, output } = breakAndSync(change);
    expect(status).not.toBe(0);
    expect(output).toContain('proposals → 14-3-0123');
    expect(output).toContain('content/proposals/14-3-0123.md');
    expect(output).toMatch(new RegExp(`\\b${field}(\\.\\d+)?: `));
    expect(output).toContain(detail);
  });

  it('rejects a reply from a unit that does not handle the proposal', () => {
    const { status, output } = breakAndSync((f) =>
      f.edit(proposal, /replies:\n {2}- unit: kjj/, 'replies:\n  - unit: wwj'),
    );
    expect(status).not.toBe(0);
    expect(output).toMatch(/replies\.0\.unit: 答复单位“wwj”不在主办、协办或会办单位中/);
  });

  // A record that contradicts its course (src/lib/proposals/course-problems.ts) stops the build at the field to correct.
  it.each([
    [
      'a proposal marked 已办复 whose lead unit has only a co-unit’s opinion',
      'proposals/14-4-0015.md',
      (f: ContentFixture) => f.edit('proposals/14-4-0015.md', 'status: 办理中', 'status: 已办复'),
      'replies',
      '办理状态为“已办复”，但主办单位 jyj 尚无答复（协办、会办意见不算答复）',
    ],
    [
      'a co-unit’s opinion filed as the answer',
      proposal,
      (f: ContentFixture) => f.edit(proposal, /(- unit: fgw\n {4}role: )协办/, '$1主办'),
      'replies.1.role',
      '“fgw”是协办单位，办理角色应为“协办”（协办单位的文字是协办意见）',
    ],
    [
      'a proposal still 办理中 though every lead unit has answered',
      proposal,
      (f: ContentFixture) => f.edit(proposal, 'status: 已办复', 'status: 办理中'),
      'status',
      '主办单位均已答复，办理状态应为“已办复”',
    ],
    [
      'a 不满意 evaluation without a 重办',
      proposal,
      (f: ContentFixture) => f.edit(proposal, 'satisfaction: 满意', 'satisfaction: 不满意'),
      'rehandling',
      '委员评价为“不满意”的提案应重办',
    ],
    [
      'a 重办 answered by a unit that does not lead the proposal',
      'proposals/14-2-0117.md',
      (f: ContentFixture) => f.edit('proposals/14-2-0117.md', /(rehandling:[\s\S]*?- unit: )jtj/, '$1jyj'),
      'rehandling.replies.0.unit',
      '重新答复的单位“jyj”不是主办单位',
    ],
    [
      'an answer dated before the proposal was assigned',
      proposal,
      (f: ContentFixture) => f.edit(proposal, "date: '2024-06-26'", "date: '2024-03-01'"),
      'replies.0.date',
      '答复日期 2024-03-01 早于「交办日期」2024-03-29',
    ],
  ])('rejects %s', (_what, file, change, field, detail) => {
    const { status, output } = breakAndSync(change);
    expect(status).not.toBe(0);
    expect(output).toContain(`content/${file}`);
    expect(output).toContain(`${field}: ${detail}`);
  });

  it('rejects settings without an ICP number', () => {
    const { status, output } = breakAndSync((f) => f.edit('settings/site.yml', /\nicp: .*/, ''));
    expect(status).not.toBe(0);
    expect(output).toContain('settings → site');
    expect(output).toMatch(/\bicp: 「ICP备案号」为必填项/);
  });

  it('rejects broken YAML, naming the file', () => {
    const { status, output } = breakAndSync((f) =>
      f.edit('taxonomies/categories.yml', 'items:', 'items:\n  - { id: [unclosed'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain('categories.yml：YAML 格式错误');
  });

  // Collections load concurrently, so a reference check may read the broken file before its own loader does;
  // the editor must see the same message either way.
  it('names broken YAML when a reference check reads it first', () => {
    const fixture = copy();
    fixture.edit('taxonomies/categories.yml', 'items:', 'items:\n  - { id: [unclosed');
    const before = process.env.CONTENT_DIR;
    process.env.CONTENT_DIR = fixture.content;
    resetRegistry();
    try {
      expect(() => hasRef('members', 'no-such-member')).toThrow(/categories\.yml：YAML 格式错误/);
    } finally {
      if (before === undefined) delete process.env.CONTENT_DIR;
      else process.env.CONTENT_DIR = before;
      resetRegistry();
    }
  });

  it('rejects a malformed news date', () => {
    const news = firstFile('news');
    const { status, output } = breakAndSync((f) => f.edit(news, /\ndate: .*/, "\ndate: '2025年3月4日'"));
    expect(status).not.toBe(0);
    expect(output).toContain(`news → ${news.slice(5, -3)}`);
    expect(output).toContain(`content/${news}`);
    expect(output).toMatch(/\bdate: /);
    expect(output).toContain('+08:00');
  });

  it('rejects a duplicate proposal number, naming both files', () => {
    const { status, output } = breakAndSync((f) => f.write('proposals/14-3-9999.md', f.read(proposal)));
    expect(status).not.toBe(0);
    expect(output).toMatch(/14-3-(0123|9999)\.md：number（提案编号）“14-3-0123”重复/);
  });

  it('rejects a Chinese file name', () => {
    const { status, output } = breakAndSync((f) => f.write('voices/委员声音.md', f.read(firstFile('voices'))));
    expect(status).not.toBe(0);
    expect(output).toContain('委员声音.md：文件名只能用小写英文字母');
  });

  it('rejects a taxonomy item without an id', () => {
    const { status, output } = breakAndSync((f) =>
      f.write('taxonomies/units.yml', `${f.read('taxonomies/units.yml')}  - { name: 没有编号的单位 }\n`),
    );
    expect(status).not.toBe(0);
    expect(output).toMatch(/units\.yml：items\[\d+\]\.id（编号）为必填项/);
  });

  it('rejects a story linking to a page the site does not have, naming both', () => {
    const news = firstFile('news');
    const { status, output } = fixtureBuild((f) => f.edit(news, /本报讯/, '本报讯 [另见](/news/no-such-story/)'));
    expect(status).not.toBe(0);
    expect(output).toContain(`/news/${news.slice(5, -3)}/ → /news/no-such-story/`);
  });

  it('stops on a photo cut short in its upload, naming the media file and the field that shows it', () => {
    const story = 'news/2025-06-05-zhuozhang-he-shengtai-shicha.md';
    const { status, output } = fixtureBuild((f) => {
      const whole = readFileSync(join(f.public, 'media/2025-zhuozhang-he-shicha.jpg'));
      writeFileSync(join(f.public, 'media/jieduan.jpg'), whole.subarray(0, whole.length >> 2));
      f.edit(story, /\n {2}src: .*/, '\n  src: /media/jieduan.jpg');
    });
    expect(status).not.toBe(0);
    expect(output).toContain('图片无法读取：public/media/jieduan.jpg 不是完好的图片');
    expect(output).toContain(`使用它的内容：content/${story}「封面图片」（cover.src）`);
  }, 300_000);

  it('accepts the unbroken content', () => {
    const { status, output } = breakAndSync(() => {});
    expect(output).not.toContain('does not match');
    expect(status).toBe(0);
  });
});
