import { describe, expect, it } from 'vitest';
import { HANDLING_UNITS } from '../../src/content/model.ts';
import type { CourseInput } from '../../src/lib/proposals/course.ts';
import { courseProblems } from '../../src/lib/proposals/course-problems.ts';
import { fittingStatus, nextReplier } from '../../src/lib/proposals/follow.ts';

/** What the editor fills in by itself on a proposal: it must be what the course's rules accept, and only that. */

const answer = { unit: 'zjj', role: '主办', date: '2025-05-20' };
const opinion = { unit: 'fgw', role: '协办', date: '2025-05-18' };
const proposal = (over: Partial<CourseInput>): CourseInput => ({
  status: '立案',
  submitted: '2025-02-22',
  leadUnits: ['zjj'],
  coUnits: ['fgw'],
  ...over,
});
const statusProblems = (p: CourseInput) => courseProblems(p).filter((x) => x.path[0] === 'status');

describe('the status a proposal’s replies bear out', () => {
  it('moves 立案 or 交办 on once a reply comes in, to 已办复 when the lead unit answered, else to 办理中', () => {
    for (const status of ['立案', '交办']) {
      expect(fittingStatus(proposal({ status, replies: [answer] }))).toBe('已办复');
      expect(fittingStatus(proposal({ status, replies: [opinion] }))).toBe('办理中');
      expect(fittingStatus(proposal({ status }))).toBeUndefined();
    }
  });

  it('moves 办理中 on when every lead unit has answered, and 已办复 back when an answer is gone', () => {
    expect(fittingStatus(proposal({ status: '办理中', replies: [answer] }))).toBe('已办复');
    expect(fittingStatus(proposal({ status: '办理中', replies: [opinion] }))).toBeUndefined();
    expect(fittingStatus(proposal({ status: '已办复', replies: [opinion] }))).toBe('办理中');
    expect(fittingStatus(proposal({ status: '已办复', replies: [answer] }))).toBeUndefined();
    // A 重办 still owing its new answer is 办理中 again.
    expect(fittingStatus(proposal({ status: '已办复', replies: [answer], rehandling: { replies: [] } }))).toBe(
      '办理中',
    );
  });

  it('guesses nothing without a lead unit, and its answer always satisfies the rules', () => {
    expect(fittingStatus(proposal({ leadUnits: [], replies: [opinion] }))).toBeUndefined();
    for (const status of ['立案', '交办', '办理中', '已办复'])
      for (const replies of [[], [answer], [opinion], [answer, opinion]]) {
        const p = proposal({ status, replies });
        const fitting = fittingStatus(p);
        if (fitting) expect(statusProblems({ ...p, status: fitting })).toEqual([]);
        else expect(statusProblems(p).filter((x) => !x.message.includes('交办日期'))).toEqual([]);
      }
  });
});

describe('the unit a new reply is from', () => {
  const data = { leadUnits: ['zjj', 'jtj'], coUnits: ['fgw'], jointUnits: ['mzj'] };
  it('is the first unit without a reply, lead units first', () => {
    expect(nextReplier(data, HANDLING_UNITS, [])).toBe('zjj');
    expect(nextReplier(data, HANDLING_UNITS, [{ unit: 'zjj' }])).toBe('jtj');
    expect(nextReplier(data, HANDLING_UNITS, [{ unit: 'zjj' }, { unit: 'jtj' }])).toBe('fgw');
    expect(nextReplier(data, HANDLING_UNITS, [{ unit: 'jtj' }, { unit: 'zjj' }, { unit: 'fgw' }])).toBe('mzj');
  });
  it('is none when every unit has replied or the proposal has no units', () => {
    expect(nextReplier(data, ['leadUnits'], [{ unit: 'zjj' }, { unit: 'jtj' }])).toBeUndefined();
    expect(nextReplier({}, HANDLING_UNITS, [])).toBeUndefined();
  });
});
