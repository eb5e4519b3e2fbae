import { chineseNumber } from '../numerals.ts';
import type { Area } from './areas.ts';

/**
 * The electronic edition (数字报) assembled from content: issues with their pages, and on each page the stories
 * placed there. Plain data in, plain data out, so the pages, the feeds, search and the tests share one reading.
 */

/** Addresses of the paper's pages. Every page, feed and link asks here rather than building a path itself. */
export const paperRoutes = {
  home: '/paper/',
  issue: (issueId: string) => `/paper/${issueId}/`,
  page: (issueId: string, page: number) => `/paper/${issueId}/${page}/`,
  feed: (issueId: string) => `/paper/${issueId}/rss.xml`,
  areas: (issueId: string) => `/paper/${issueId}/areas.css`,
};

/** An issue as stored: its id is its date. */
export interface IssueInput {
  id: string;
  number: number;
  date: string;
  pages: { number: number; name: string; image: string; pdf?: string | undefined }[];
}

/** A story that names an issue and a page in its 数字报版面. */
export interface StoryInput {
  /** `news` or `voices`, and the file's id: with them the story's address and its file are known. */
  kind: 'news' | 'voices';
  id: string;
  title: string;
  summary: string;
  date: Date;
  href: string;
  /** The content file, for error messages. */
  file: string;
  paper: { issue: string; page: number; areas: Area[] };
  /** A news story's 见报信息 (本报2025年4月18日第二版), which must name the same day and page when both are given. */
  edition?: { date: string; page: string } | undefined;
}

export interface PaperArticle extends Omit<StoryInput, 'paper'> {
  areas: Area[];
}

export interface PaperPage {
  issueId: string;
  number: number;
  name: string;
  image: string;
  pdf?: string | undefined;
  href: string;
  /** Stories on this page, in reading order: top to bottom, then left to right, by their first area. */
  articles: PaperArticle[];
}

export interface Issue {
  id: string;
  number: number;
  date: string;
  href: string;
  pages: PaperPage[];
}

/**
 * A story placed on a page its issue does not have, or whose 见报信息 names another day or page: the build stops
 * with this, naming the file and the field.
 */
export class PaperPlacementError extends Error {
  constructor(file: string, message: string, field = 'paper.page（数字报版面·所在版次）') {
    super(`${file}：${field}${message}`);
    this.name = 'PaperPlacementError';
  }
}

/** Reading order of stories on a page: the topmost first area first, then the leftmost; stories without areas last. */
function readingOrder(a: PaperArticle, b: PaperArticle): number {
  const fa = a.areas[0];
  const fb = b.areas[0];
  if (!fa || !fb) return (fa ? -1 : fb ? 1 : 0) || a.title.localeCompare(b.title, 'zh-Hans-CN');
  return fa.y - fb.y || fa.x - fb.x;
}

/** Issues newest first, each page holding its stories. Throws `PaperPlacementError` for a story on a missing page. */
export function assembleEdition(issues: readonly IssueInput[], stories: readonly StoryInput[]): Issue[] {
  const assembled = new Map<string, Issue>();
  for (const i of issues) {
    assembled.set(i.id, {
      id: i.id,
      number: i.number,
      date: i.date,
      href: paperRoutes.issue(i.id),
      pages: i.pages.map((p) => ({ issueId: i.id, ...p, href: paperRoutes.page(i.id, p.number), articles: [] })),
    });
  }
  for (const s of stories) {
    const issue = assembled.get(s.paper.issue);
    // The schema has already checked that the issue exists; a story read without it is skipped, never misplaced.
    if (!issue) continue;
    const page = issue.pages.find((p) => p.number === s.paper.page);
    if (!page) {
      throw new PaperPlacementError(
        s.file,
        `第${issue.number}期（${issue.date}）没有第${s.paper.page}版，该期共 ${issue.pages.length} 版`,
      );
    }
    const printed = `第${chineseNumber(page.number)}版`;
    if (s.edition && (s.edition.date !== issue.date || s.edition.page !== printed)) {
      throw new PaperPlacementError(
        s.file,
        `写的是 ${s.edition.date} ${s.edition.page}，与数字报版面（第${issue.number}期，${issue.date} ${printed}）不一致`,
        'edition（见报信息）',
      );
    }
    const { paper, edition: _, ...rest } = s;
    page.articles.push({ ...rest, areas: paper.areas });
  }
  for (const issue of assembled.values()) for (const p of issue.pages) p.articles.sort(readingOrder);
  return [...assembled.values()].sort((a, b) => b.date.localeCompare(a.date));
}

/** A link to a neighbouring page or issue, with what it is called. */
export interface Neighbour {
  href: string;
  label: string;
}

/** Previous and next page of the issue, and the previous (older) and next (newer) issue. */
export function neighbours(issues: readonly Issue[], issue: Issue, page?: PaperPage) {
  const at = issues.indexOf(issue);
  const older = issues[at + 1];
  const newer = at > 0 ? issues[at - 1] : undefined;
  const pageLabel = (p: PaperPage) => `第${p.number}版 ${p.name}`;
  const issueLabel = (i: Issue) => `第${i.number}期`;
  const pi = page ? issue.pages.indexOf(page) : -1;
  const prevPage = pi > 0 ? issue.pages[pi - 1] : undefined;
  const nextPage = page ? issue.pages[pi + 1] : undefined;
  return {
    prevPage: prevPage && ({ href: prevPage.href, label: pageLabel(prevPage) } satisfies Neighbour),
    nextPage: nextPage && ({ href: nextPage.href, label: pageLabel(nextPage) } satisfies Neighbour),
    prevIssue: older && ({ href: older.href, label: issueLabel(older) } satisfies Neighbour),
    nextIssue: newer && ({ href: newer.href, label: issueLabel(newer) } satisfies Neighbour),
  };
}

/** Every area of a page in link order (stories in reading order, each story's areas in turn), with its story and
 * the story's place in the page's list. */
export function pageAreas(page: PaperPage): { article: PaperArticle; area: Area; story: number }[] {
  return page.articles.flatMap((article, story) => article.areas.map((area) => ({ article, area, story })));
}

/** Where a story was printed: “第186期 第1版” and the page's address. */
export interface Placement {
  label: string;
  href: string;
  page: PaperPage;
  issue: Issue;
}

/** Every printed story's placement, by `kind/id`: one pass over the edition, so each story page looks itself up. */
export function placements(issues: readonly Issue[]): Map<string, Placement> {
  const found = new Map<string, Placement>();
  for (const issue of issues) {
    for (const page of issue.pages) {
      for (const a of page.articles)
        found.set(`${a.kind}/${a.id}`, {
          label: `第${issue.number}期 第${page.number}版`,
          href: page.href,
          page,
          issue,
        });
    }
  }
  return found;
}

/** “刊于 第186期 第1版”: where a story appeared, with the page's address. */
export function placementOf(issues: readonly Issue[], kind: StoryInput['kind'], id: string): Placement | undefined {
  return placements(issues).get(`${kind}/${id}`);
}

/** “2025年4月18日 星期五”: an issue's date as the masthead prints it. */
export function issueDateLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = '日一二三四五六'[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${y}年${m}月${d}日 星期${weekday}`;
}
