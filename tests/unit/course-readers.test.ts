import { describe, expect, it } from 'vitest';
import { proposalRules } from '../../src/content/rules.ts';
import type { ProposalData } from '../../src/content/types.ts';
import { openProposal, proposalsCsv } from '../../src/lib/proposals/opendata.ts';
import { proposalStats } from '../../src/lib/proposals/stats.ts';

/** What reads a proposal's course (statistics, open data, the content rules), on plain data. */

describe('what reads the course', () => {
  const proposal = (over: Record<string, unknown>) =>
    ({
      number: '14-3-0001',
      session: '14-3',
      title: '测试提案',
      proposerType: '委员提案',
      proposers: ['xie-huilan'],
      category: 'science',
      key: false,
      public: true,
      status: '已办复',
      submitted: '2024-02-25',
      leadUnits: ['kjj'],
      coUnits: ['fgw'],
      jointUnits: ['gxj'],
      replies: [
        { unit: 'kjj', role: '主办', date: '2024-06-26', result: '留作参考', body: '答复' },
        { unit: 'fgw', role: '协办', date: '2024-06-07', result: '解决或采纳', body: '协办意见' },
      ],
      ...over,
    }) as unknown as ProposalData;

  it('counts only lead answers as answers, and the 重办 answer as the result', () => {
    const redone = proposal({
      satisfaction: '不满意',
      rehandling: {
        assigned: '2024-07-10',
        replies: [{ unit: 'kjj', date: '2024-09-20', result: '列入计划', body: '重新答复' }],
        satisfaction: '满意',
      },
    });
    const pending = proposal({
      number: '14-3-0002',
      status: '办理中',
      replies: [{ unit: 'fgw', role: '协办', date: '2024-06-07', result: '解决或采纳', body: '协办意见' }],
    });
    const s = proposalStats([redone, pending]);
    expect(s.answered).toBe(1);
    expect(s.rehandled).toBe(1);
    const kjj = s.units.find((u) => u.unit === 'kjj')!;
    expect(kjj).toMatchObject({ lead: 2, leadReplied: 1, results: { 解决或采纳: 0, 列入计划: 1, 留作参考: 0 } });
    // A co-unit's opinion is no result of the proposal.
    expect(s.units.find((u) => u.unit === 'fgw')).toMatchObject({
      co: 2,
      results: { 解决或采纳: 0, 列入计划: 0, 留作参考: 0 },
    });
    expect(s.units.find((u) => u.unit === 'gxj')).toMatchObject({ joint: 2 });
  });

  it('gives open data each text’s kind, and 答复 columns only for the answers', () => {
    const names = {
      session: (x: string) => x,
      category: (x: string) => x,
      sector: (x: string) => x,
      unit: (x: string) => x,
      member: (x: string) => x,
    };
    const open = openProposal('14-3-0001', proposal({}), names, new URL('https://example.org/'));
    expect(open.replies.map((r) => r.kind)).toEqual(['答复', '协办意见']);
    expect(open.answered).toBe('2024-06-26');
    const csv = proposalsCsv([open]).split('\r\n');
    const row = Object.fromEntries(
      csv[0]!
        .replace('\uFEFF', '')
        .split(',')
        .map((h, i) => [h, csv[1]!.split(',')[i]]),
    );
    expect(row['答复单位']).toBe('kjj');
    expect(row['办理意见单位']).toBe('fgw');
  });

  it('runs as the build’s and the CMS’s rule on plain data', () => {
    const issues: { path: (string | number)[]; message: string }[] = [];
    proposalRules(
      { number: '14-3-0001', session: '14-3', status: '已办复', leadUnits: ['kjj'], replies: [] },
      { addIssue: (i) => issues.push(i) },
    );
    expect(issues).toEqual([
      {
        code: 'custom',
        path: ['replies'],
        message: '办理状态为“已办复”，但主办单位 kjj 尚无答复（协办、会办意见不算答复）',
      },
    ]);
  });
});
