import type { CourseInput } from '../lib/proposals/course.ts';
import { courseProblems } from '../lib/proposals/course-problems.ts';

/**
 * Rules across fields of one entry, which a per-field schema cannot express. Each adds issues at the field that is
 * wrong, so the build error points the editor at it.
 */

interface Ctx {
  addIssue(issue: { code: 'custom'; message: string; path: (string | number)[] }): void;
}

interface ProposalData extends CourseInput {
  number?: string;
  session?: string;
  proposerType?: string;
  proposers?: string[];
  collective?: string;
}

/** Checks a proposal's number against its session, its proposers against its type, and its course (course.ts). */
export function proposalRules(p: ProposalData, ctx: Ctx): void {
  if (p.number && p.session && !p.number.startsWith(`${p.session}-`)) {
    ctx.addIssue({ code: 'custom', path: ['number'], message: `提案编号“${p.number}”应以届次“${p.session}-”开头` });
  }
  const proposers = p.proposers ?? [];
  if (p.proposerType === '集体提案' && !p.collective) {
    ctx.addIssue({ code: 'custom', path: ['collective'], message: '集体提案必须填写「提案单位」' });
  }
  if (p.proposerType === '委员提案' && proposers.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['proposers'], message: '委员提案必须选择「提案人」' });
  }
  if (p.proposerType === '联名提案' && proposers.length < 2) {
    ctx.addIssue({ code: 'custom', path: ['proposers'], message: '联名提案至少选择两位「提案人」' });
  }
  // The course (status, replies, 评价, 重办, dates) is checked by its own module, which the CMS runs as well.
  for (const problem of courseProblems(p)) ctx.addIssue({ code: 'custom', ...problem });
}

/** An issue's pages are numbered 1, 2, 3 … in order, so 上一版/下一版 and the page addresses hold. */
export function paperIssueRules(p: { pages?: { number?: number }[] }, ctx: Ctx): void {
  (p.pages ?? []).forEach((page, i) => {
    if (page.number !== undefined && page.number !== i + 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['pages', i, 'number'],
        message: `版次应按顺序从 1 编号：第 ${i + 1} 条版面的版次应为 ${i + 1}，而不是 ${page.number}`,
      });
    }
  });
}

/** A 常委会议 is named by its number (第十二次常委会议); a 全体会议 by its 届次 alone. */
export function topicRules(t: { meeting?: { kind?: string; number?: number } }, ctx: Ctx): void {
  const m = t.meeting;
  if (m?.kind === '常委会议' && m.number === undefined) {
    ctx.addIssue({ code: 'custom', path: ['meeting', 'number'], message: '常委会议必须填写「常委会议次数」' });
  }
  if (m?.kind === '全体会议' && m.number !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['meeting', 'number'],
      message: '全体会议不填「常委会议次数」（次数由届次决定）',
    });
  }
}

/** Cross-field rules by collection name. */
export const refinements: Partial<Record<string, (data: never, ctx: Ctx) => void>> = {
  proposals: proposalRules as (data: never, ctx: Ctx) => void,
  paper: paperIssueRules as (data: never, ctx: Ctx) => void,
  topics: topicRules as (data: never, ctx: Ctx) => void,
};
