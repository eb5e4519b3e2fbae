import { describe, expect, it } from 'vitest';
import { areaBetween, areaProblem, areasStylesheet } from '../../src/lib/paper/areas.ts';
import { issueMonths, monthGrid } from '../../src/lib/paper/calendar.ts';
import {
  assembleEdition,
  issueDateLabel,
  neighbours,
  PaperPlacementError,
  placementOf,
  type IssueInput,
  type StoryInput,
} from '../../src/lib/paper/edition.ts';

/** The 数字报's rules as plain functions: areas, the calendar, and issues assembled from stories. */

const issue = (id: string, number: number, pages = 4): IssueInput => ({
  id,
  number,
  date: id,
  pages: Array.from({ length: pages }, (_, i) => ({
    number: i + 1,
    name: ['要闻', '综合', '委员之声', '文史'][i] ?? '专版',
    image: `/media/paper/${id}-${i + 1}.webp`,
  })),
});
const story = (id: string, issueId: string, page: number, areas = [{ x: 3, y: 10, w: 94, h: 40 }]): StoryInput => ({
  kind: 'news',
  id,
  title: `标题${id}`,
  summary: '',
  date: new Date('2025-04-17T02:00:00Z'),
  href: `/news/${id}/`,
  file: `content/news/${id}.md`,
  paper: { issue: issueId, page, areas },
});

describe('areas', () => {
  it('a drag in any direction gives the same rectangle, clamped to the image and rounded to a tenth', () => {
    expect(areaBetween({ x: 60.04, y: 50 }, { x: 10, y: 20.06 })).toEqual({ x: 10, y: 20.1, w: 50, h: 29.9 });
    expect(areaBetween({ x: -5, y: 90 }, { x: 30, y: 120 })).toEqual({ x: 0, y: 90, w: 30, h: 10 });
  });
  it('names what is wrong with an area in Chinese', () => {
    expect(areaProblem({ x: 3, y: 9, w: 46, h: 88 })).toBeUndefined();
    expect(areaProblem({ x: 60, y: 9, w: 46, h: 88 })).toMatch(/左边距加宽度超出版面/);
    expect(areaProblem({ x: 3, y: 9, w: 0, h: 88 })).toMatch(/宽和高应大于 0/);
    expect(areaProblem({ x: 3, y: -1, w: 10, h: 10 })).toMatch(/上边距应在 0 到 100 之间/);
  });
  it('the issue stylesheet places each area by page and position, and lights a story’s areas from the list', () => {
    const css = areasStylesheet([
      {
        number: 2,
        stories: [
          { areas: [] },
          {
            areas: [
              { x: 3, y: 9, w: 46, h: 88 },
              { x: 51, y: 9, w: 46, h: 20 },
            ],
          },
        ],
      },
    ]);
    expect(css).toContain(
      '[data-area="2-0"]{left:3%;top:9%;width:46%;height:88%}\n[data-area="2-1"]{left:51%;top:9%;width:46%;height:20%}',
    );
    expect(css).toContain('main:has([data-story="2-1"]:is(:hover,:focus-visible)) [data-story-of="2-1"]{');
    expect(css).not.toContain('data-story="2-0"');
  });
});

describe('calendar', () => {
  it('lays out a month Monday first, linking the days with an issue', () => {
    // April 2025 begins on a Tuesday and has 30 days.
    const m = monthGrid(2025, 4, new Map([['2025-04-18', '/paper/2025-04-18/']]));
    expect(m.weeks[0]![0]).toBeNull();
    expect(m.weeks[0]![1]).toMatchObject({ day: 1, date: '2025-04-01' });
    expect(m.weeks.flat().filter((c) => c?.href)).toEqual([
      { day: 18, date: '2025-04-18', href: '/paper/2025-04-18/' },
    ]);
    expect(m.weeks.flat().filter(Boolean)).toHaveLength(30);
    expect(m.weeks.every((w) => w.length === 7)).toBe(true);
  });
  it('lists months with issues, newest first, each opening at its newest issue', () => {
    const months = issueMonths([
      { date: '2025-04-04', href: '/a/' },
      { date: '2025-04-18', href: '/b/' },
      { date: '2025-06-06', href: '/c/' },
    ]);
    expect(months).toEqual([
      { year: 2025, month: 6, href: '/c/' },
      { year: 2025, month: 4, href: '/b/' },
    ]);
  });
});

describe('edition', () => {
  const issues = [issue('2025-04-18', 186), issue('2025-07-10', 198), issue('2025-06-06', 193)];

  it('orders issues newest first and stories on a page top to bottom, then left to right', () => {
    const edition = assembleEdition(issues, [
      story('b', '2025-04-18', 3, [{ x: 51, y: 9, w: 46, h: 88 }]),
      story('a', '2025-04-18', 3, [{ x: 3, y: 9, w: 46, h: 88 }]),
      story('c', '2025-04-18', 3, [{ x: 3, y: 2, w: 94, h: 5 }]),
    ]);
    expect(edition.map((i) => i.number)).toEqual([198, 193, 186]);
    expect(edition[2]!.pages[2]!.articles.map((a) => a.id)).toEqual(['c', 'a', 'b']);
  });

  it('stops at a story placed on a page its issue does not have, naming the file and the field', () => {
    expect(() => assembleEdition(issues, [story('x', '2025-06-06', 5)])).toThrow(PaperPlacementError);
    expect(() => assembleEdition(issues, [story('x', '2025-06-06', 5)])).toThrow(
      'content/news/x.md：paper.page（数字报版面·所在版次）第193期（2025-06-06）没有第5版，该期共 4 版',
    );
  });

  it('stops at a story whose 见报信息 names another day or page than its place in the paper', () => {
    const printed = (date: string, page: string) => ({ ...story('y', '2025-06-06', 2), edition: { date, page } });
    expect(() => assembleEdition(issues, [printed('2025-06-06', '第二版')])).not.toThrow();
    expect(() => assembleEdition(issues, [printed('2025-06-06', '第三版')])).toThrow(
      'content/news/y.md：edition（见报信息）写的是 2025-06-06 第三版，与数字报版面（第193期，2025-06-06 第二版）不一致',
    );
    expect(() => assembleEdition(issues, [printed('2025-06-05', '第二版')])).toThrow(PaperPlacementError);
  });

  it('links the previous and next page and the older and newer issue', () => {
    const edition = assembleEdition(issues, []);
    const middle = edition[1]!;
    expect(neighbours(edition, middle, middle.pages[0])).toEqual({
      prevPage: undefined,
      nextPage: { href: '/paper/2025-06-06/2/', label: '第2版 综合' },
      prevIssue: { href: '/paper/2025-04-18/', label: '第186期' },
      nextIssue: { href: '/paper/2025-07-10/', label: '第198期' },
    });
    const last = edition[0]!;
    expect(neighbours(edition, last, last.pages[3]).nextPage).toBeUndefined();
    expect(neighbours(edition, last).nextIssue).toBeUndefined();
  });

  it('says where a story was printed: 刊于 第N期 第M版', () => {
    const edition = assembleEdition(issues, [story('a', '2025-06-06', 2)]);
    expect(placementOf(edition, 'news', 'a')).toMatchObject({ label: '第193期 第2版', href: '/paper/2025-06-06/2/' });
    expect(placementOf(edition, 'voices', 'a')).toBeUndefined();
  });

  it('dates an issue as the masthead does, with the weekday', () => {
    expect(issueDateLabel('2025-04-18')).toBe('2025年4月18日 星期五');
    expect(issueDateLabel('2025-07-13')).toBe('2025年7月13日 星期日');
  });
});
