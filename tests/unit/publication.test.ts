import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gonePath, publicationMoment, publishNow, visibility } from '../../src/lib/publication.ts';
import { parseDateTime } from '../../src/lib/dates.ts';

const at = (s: string) => parseDateTime(s)!;
const story = { date: at('2027-01-15T09:00:00+08:00') };

describe('scheduled publishing (定时发布)', () => {
  it('keeps a story dated in the future out until its moment, Beijing time, and shows it from that minute on', () => {
    expect(visibility('news', story, at('2027-01-15T08:59:59+08:00'))).toBe('scheduled');
    // The same moment written in UTC: 01:00Z is 09:00 in Beijing.
    expect(visibility('news', story, at('2027-01-15T01:00:00Z'))).toBe('published');
    expect(visibility('news', story, at('2027-01-16T00:00:00+08:00'))).toBe('published');
  });

  it('reads the moment of news, voices and reviews from 发布时间 and of proposals from their own 发布时间', () => {
    const now = at('2026-12-07T12:00:00+08:00');
    for (const kind of ['news', 'voices', 'reviews']) expect(visibility(kind, story, now)).toBe('scheduled');
    // A proposal's `date`-like fields are its handling; only `publishAt` schedules it, and without one it is out at once.
    expect(publicationMoment('proposals', story)).toBeUndefined();
    expect(visibility('proposals', {}, now)).toBe('published');
    expect(visibility('proposals', { publishAt: at('2027-01-15T09:00:00+08:00') }, now)).toBe('scheduled');
    // Members have no publication moment.
    expect(visibility('members', story, now)).toBe('published');
  });

  it('takes PUBLISH_NOW as the clock, else the real one, and refuses a malformed value in Chinese', () => {
    expect(publishNow({ PUBLISH_NOW: '2027-01-15T09:00:00+08:00' }).toISOString()).toBe('2027-01-15T01:00:00.000Z');
    const clock = new Date('2030-01-01T00:00:00Z');
    expect(publishNow({}, () => clock)).toBe(clock);
    expect(publishNow({ PUBLISH_NOW: '' }, () => clock)).toBe(clock);
    expect(() => publishNow({ PUBLISH_NOW: '2027-01-15 09:00' })).toThrow(
      /PUBLISH_NOW 格式错误：“2027-01-15 09:00”，应为带时区的时间/,
    );
    // Without an offset the moment would depend on the build machine's zone.
    expect(() => publishNow({ PUBLISH_NOW: '2027-01-15T09:00:00' })).toThrow(/PUBLISH_NOW/);
  });
});

describe('withdrawal (撤回)', () => {
  const withdrawn = { date: '2025-10-01', reason: '内容有误' };

  it('takes an entry out whatever its moment, also one withdrawn before it was ever published', () => {
    const now = at('2026-12-07T12:00:00+08:00');
    expect(visibility('news', { date: at('2025-01-01T09:00:00+08:00'), withdrawn }, now)).toBe('withdrawn');
    expect(visibility('news', { ...story, withdrawn }, now)).toBe('withdrawn');
    expect(visibility('proposals', { withdrawn }, now)).toBe('withdrawn');
  });

  it('puts the notice of a URL under /_gone/, where the web server finds it for the 410 answer', () => {
    expect(gonePath('/news/2025-03-04-x/')).toBe('/_gone/news/2025-03-04-x/');
    expect(() => gonePath('news/x')).toThrow(/网址/);
  });
});

describe('one place decides', () => {
  it('no module but the data layer reads a content collection, so no page can show an entry the rule keeps out', () => {
    const src = join(import.meta.dirname, '../../src');
    const readers = readdirSync(src, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(ts|astro|mjs)$/.test(e.name))
      .map((e) => join(e.parentPath, e.name).slice(src.length + 1))
      // The CMS's previews ask Decap for names, not Astro.
      .filter(
        (f) =>
          !f.startsWith('cms/') &&
          /\b(getCollection|getEntry|getLiveCollection)\b/.test(readFileSync(join(src, f), 'utf8')),
      );
    expect(readers).toEqual(['data/content.ts']);
  });
});
