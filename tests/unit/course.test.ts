import { describe, expect, it } from 'vitest';
import {
  answeredOn,
  courseSteps,
  finalSatisfaction,
  isAnswered,
  lastActivity,
  owingAnswer,
  replyKind,
  type CourseInput,
} from '../../src/lib/proposals/course.ts';
import { courseProblems } from '../../src/lib/proposals/course-problems.ts';

/** The rules of a proposal's course, one status and step at a time. */

const base: CourseInput = {
  status: '已办复',
  submitted: '2024-02-25',
  registered: '2024-03-13',
  assigned: '2024-03-29',
  leadUnits: ['kjj'],
  coUnits: ['fgw', 'czj'],
  replies: [
    { unit: 'kjj', role: '主办', date: '2024-06-26' },
    { unit: 'fgw', role: '协办', date: '2024-06-07' },
  ],
  satisfaction: '满意',
};
/** `base` with some fields replaced; a field given as `undefined` is left out. */
const withP = (over: { [K in keyof CourseInput]?: CourseInput[K] | undefined }): CourseInput =>
  Object.fromEntries(Object.entries({ ...base, ...over }).filter(([, v]) => v !== undefined)) as CourseInput;
const messages = (p: CourseInput) => courseProblems(p).map((x) => `${x.path.join('.')}: ${x.message}`);
const step = (p: CourseInput, key: string) => courseSteps(p).find((s) => s.key === key);

describe('the course of a proposal', () => {
  it('takes a co-unit’s text for an opinion to the lead unit, not an answer to the proposer', () => {
    expect(replyKind('主办')).toBe('答复');
    expect(replyKind('协办')).toBe('协办意见');
    expect(replyKind('会办')).toBe('会办意见');
  });

  it('is answered once every lead unit has answered, whatever the co-units sent', () => {
    expect(isAnswered(base)).toBe(true);
    expect(messages(base)).toEqual([]);
    expect(step(base, 'answered')).toMatchObject({ state: 'done', date: '2024-06-26', notes: [] });
    expect(
      courseSteps(base)
        .flatMap((s) => s.notes)
        .join(),
    ).not.toMatch(/待.*答复/);
    expect(step(base, 'handling')!.notes).toContain('收到fgw的办理意见');
  });

  it('waits for every lead unit when there are several', () => {
    const p = withP({ status: '办理中', leadUnits: ['kjj', 'gxj'], satisfaction: undefined });
    expect(owingAnswer(p)).toEqual(['gxj']);
    expect(isAnswered(p)).toBe(false);
    expect(messages(p)).toEqual([]);
    expect(step(p, 'answered')).toMatchObject({ state: 'current', notes: ['已有 1 家主办单位答复，待 gxj 答复'] });
    expect(step(p, 'answered')!.date).toBeUndefined();
  });

  it('knows what each status requires', () => {
    const registered: CourseInput = { status: '立案', submitted: '2025-02-23', registered: '2025-03-12' };
    expect(messages(registered)).toEqual([]);
    expect(courseSteps(registered).map((s) => s.state)).toEqual([
      'done',
      'done',
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
    expect(messages({ ...registered, assigned: '2025-03-28' })).toEqual([
      'status: 已填写「交办日期」，办理状态不能是“立案”',
    ]);

    const assigned: CourseInput = { ...registered, status: '交办', assigned: '2025-03-28', leadUnits: ['swj'] };
    expect(messages(assigned)).toEqual([]);
    expect(step(assigned, 'assigned')!.state).toBe('done');
    expect(step(assigned, 'handling')!.state).toBe('current');
    expect(messages({ ...assigned, leadUnits: [] })).toEqual(['leadUnits: 办理状态为“交办”的提案必须有「主办单位」']);
    expect(
      messages({ ...assigned, coUnits: ['fgw'], replies: [{ unit: 'fgw', role: '协办', date: '2025-05-01' }] }),
    ).toEqual(['status: 已有答复或办理意见，办理状态应为“办理中”或“已办复”']);

    const handling = withP({
      status: '办理中',
      replies: [{ unit: 'fgw', role: '协办', date: '2024-06-07' }],
      satisfaction: undefined,
    });
    expect(messages(handling)).toEqual([]);
    expect(step(handling, 'answered')).toMatchObject({ state: 'pending', notes: ['待 kjj 答复'] });
    expect(messages(withP({ status: '办理中', satisfaction: undefined }))).toEqual([
      'status: 主办单位均已答复，办理状态应为“已办复”',
    ]);

    // 已办复 with only a co-unit's opinion: the lead unit has not answered.
    expect(
      messages(withP({ replies: [{ unit: 'fgw', role: '协办', date: '2024-06-07' }], satisfaction: undefined })),
    ).toEqual(['replies: 办理状态为“已办复”，但主办单位 kjj 尚无答复（协办、会办意见不算答复）']);
    expect(messages(withP({ leadUnits: [], replies: [], satisfaction: undefined }))).toEqual([
      'leadUnits: 办理状态为“已办复”的提案必须有「主办单位」',
    ]);
  });

  it('rejects replies from the wrong unit, in the wrong role, or twice', () => {
    expect(messages(withP({ replies: [...base.replies!, { unit: 'wwj', role: '协办', date: '2024-06-01' }] }))).toEqual(
      ['replies.2.unit: 答复单位“wwj”不在主办、协办或会办单位中'],
    );
    expect(
      messages(
        withP({
          replies: [
            { unit: 'kjj', role: '主办', date: '2024-06-26' },
            { unit: 'fgw', role: '主办', date: '2024-06-07' },
          ],
        }),
      ),
    ).toEqual(['replies.1.role: “fgw”是协办单位，办理角色应为“协办”（协办单位的文字是协办意见）']);
    expect(messages(withP({ replies: [...base.replies!, { unit: 'kjj', role: '主办', date: '2024-06-27' }] }))).toEqual(
      ['replies.2.unit: “kjj”的答复重复，每个单位只填一条'],
    );
    expect(messages(withP({ coUnits: ['kjj', 'fgw'] }))).toContain('coUnits: “kjj”已是主办单位，不能同时是协办单位');
    expect(messages(withP({ jointUnits: ['fgw'] }))).toContain('jointUnits: “fgw”已是协办单位，不能同时是会办单位');
  });

  it('takes 会办 units and a 分办 date', () => {
    const p = withP({
      distributed: '2024-03-20',
      jointUnits: ['gxj'],
      replies: [...base.replies!, { unit: 'gxj', role: '会办', date: '2024-06-10' }],
    });
    expect(messages(p)).toEqual([]);
    expect(step(p, 'assigned')!.notes).toEqual(['分办：2024年3月20日']);
    expect(step(p, 'handling')!.notes).toEqual(['主办：kjj', '协办：fgw、czj', '会办：gxj', '收到fgw、gxj的办理意见']);
    expect(messages({ ...p, distributed: '2024-04-01' })).toEqual([
      'assigned: 「交办日期」2024-03-29 早于「分办日期」2024-04-01',
    ]);
  });

  it('puts the evaluation after the answers', () => {
    expect(messages(withP({ status: '办理中', replies: [base.replies![1]!] }))).toEqual([
      'satisfaction: 主办单位答复之前不能填写「委员评价」',
    ]);
    const unrated = withP({ satisfaction: undefined });
    expect(step(unrated, 'evaluated')).toMatchObject({ state: 'pending', notes: [] });
  });

  it('re-handles a proposal its proposer is not satisfied with, with its own answer and evaluation', () => {
    const dissatisfied = withP({ satisfaction: '不满意' });
    expect(messages(dissatisfied)).toEqual(['rehandling: 委员评价为“不满意”的提案应重办：请填写「重办」']);

    const under = withP({
      status: '办理中',
      satisfaction: '不满意',
      rehandling: { assigned: '2024-07-15', reason: '措施不具体', replies: [] },
    });
    expect(messages(under)).toEqual([]);
    expect(isAnswered(under)).toBe(false);
    expect(answeredOn(under)).toBeUndefined();
    expect(step(under, 'rehandling')).toMatchObject({
      state: 'current',
      date: '2024-07-15',
      notes: ['原因：措施不具体', '待 kjj 重新答复'],
    });
    expect(messages({ ...under, status: '已办复' })).toEqual([
      'rehandling.replies: 办理状态为“已办复”，但重办尚无 kjj 的重新答复',
    ]);

    const done = withP({
      satisfaction: '不满意',
      rehandling: { assigned: '2024-07-15', replies: [{ unit: 'kjj', date: '2024-09-20' }], satisfaction: '基本满意' },
    });
    expect(messages(done)).toEqual([]);
    expect(isAnswered(done)).toBe(true);
    expect(answeredOn(done)).toBe('2024-09-20');
    expect(finalSatisfaction(done)).toBe('基本满意');
    expect(lastActivity(done)).toBe('2024-09-20');
    expect(step(done, 'rehandling')).toMatchObject({
      state: 'done',
      notes: ['重新答复：2024年9月20日', '重办后评价：基本满意'],
    });
    expect(
      courseSteps(done)
        .flatMap((s) => s.notes)
        .join(),
    ).not.toMatch(/待.*答复/);

    expect(messages({ ...done, satisfaction: '满意' })).toEqual(['rehandling: 只有委员评价为“不满意”的提案才能重办']);
    expect(
      messages({
        ...done,
        rehandling: {
          ...done.rehandling!,
          replies: [
            { unit: 'fgw', date: '2024-09-20' },
            { unit: 'kjj', date: '2024-09-20' },
          ],
        },
      }),
    ).toEqual(['rehandling.replies.0.unit: 重新答复的单位“fgw”不是主办单位']);
    expect(messages({ ...under, rehandling: { ...under.rehandling!, satisfaction: '满意' } })).toEqual([
      'rehandling.satisfaction: 重新答复之前不能填写「重办后评价」',
    ]);
    expect(messages({ ...done, rehandling: { ...done.rehandling!, assigned: '2024-06-01' } })).toEqual([
      'rehandling.assigned: 「重办交办日期」2024-06-01 早于主办单位答复日期 2024-06-26',
    ]);
    expect(
      messages({ ...done, rehandling: { ...done.rehandling!, replies: [{ unit: 'kjj', date: '2024-07-01' }] } }),
    ).toEqual(['rehandling.replies.0.date: 重新答复日期 2024-07-01 早于 2024-07-15']);
  });

  it('keeps the dates in the order of the course', () => {
    expect(messages(withP({ registered: '2024-02-01' }))).toEqual([
      'registered: 「立案日期」2024-02-01 早于「提交日期」2024-02-25',
    ]);
    expect(messages(withP({ replies: [{ unit: 'kjj', role: '主办', date: '2024-03-01' }] }))).toEqual([
      'replies.0.date: 答复日期 2024-03-01 早于「交办日期」2024-03-29',
    ]);
  });

  it('shows no date for a step whose date is not recorded', () => {
    const p: CourseInput = { status: '交办', submitted: '2025-02-23', leadUnits: ['swj'] };
    expect(step(p, 'registered')!.date).toBeUndefined();
    expect(step(p, 'assigned')).toMatchObject({ state: 'done' });
    expect(step(p, 'assigned')!.date).toBeUndefined();
  });

  it('judges a half-filled CMS form without throwing', () => {
    expect(() => courseProblems({})).not.toThrow();
    expect(() => courseProblems({ status: '已办复', replies: [{}], rehandling: {} })).not.toThrow();
    expect(() => courseSteps({ rehandling: { replies: [{}] } })).not.toThrow();
  });
});
