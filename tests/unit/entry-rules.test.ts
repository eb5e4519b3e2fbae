import { describe, expect, it } from 'vitest';
import { namingIssues, ruleIssues, slugFromData } from '../../src/cms/entry-rules.ts';

/** A proposal as Decap holds it while an editor fills it in: blanks left as '' and empty lists. */
const draft = (over: Record<string, unknown> = {}) => ({
  number: '14-3-0200',
  session: '14-3',
  title: '关于加强老旧小区加装电梯工作的建议',
  proposerType: '委员提案',
  proposers: ['wang-jianguo'],
  collective: '',
  category: 'shehui',
  status: '交办',
  submitted: '2025-03-01',
  leadUnits: ['zjj'],
  coUnits: [],
  replies: [],
  satisfaction: '',
  ...over,
});

describe('the build’s cross-field rules in the CMS', () => {
  it('accepts a consistent proposal as Decap holds it', () => {
    expect(ruleIssues('proposals', draft())).toEqual([]);
  });

  it('names the field and says what is wrong, in the build’s words', () => {
    expect(ruleIssues('proposals', draft({ number: '14-2-0200' }))).toEqual([
      { path: ['number'], message: '提案编号“14-2-0200”应以届次“14-3-”开头' },
    ]);
    expect(ruleIssues('proposals', draft({ proposerType: '联名提案' }))).toEqual([
      { path: ['proposers'], message: '联名提案至少选择两位「提案人」' },
    ]);
    expect(ruleIssues('proposals', draft({ proposerType: '集体提案', proposers: [] }))).toEqual([
      { path: ['collective'], message: '集体提案必须填写「提案单位」' },
    ]);
    expect(ruleIssues('proposals', draft({ status: '已办复' })).map((i) => i.path)).toEqual([['replies']]);
    expect(ruleIssues('proposals', draft({ coUnits: ['zjj'] })).map((i) => i.path)).toEqual([['coUnits']]);
    expect(ruleIssues('proposals', draft({ satisfaction: '满意' })).map((i) => i.path)).toEqual([['satisfaction']]);
    const replies = [{ unit: 'fgw', role: '主办', date: '2025-05-01', result: '列入计划', body: '答复。' }];
    // The rules of src/content/rules.ts as they stand, whoever added them (here the course's rules on units).
    expect(ruleIssues('proposals', draft({ status: '办理中', replies }))).toEqual([
      { path: ['replies', 0, 'unit'], message: '答复单位“fgw”不在主办、协办或会办单位中' },
    ]);
  });

  it('has no rules for collections the build checks field by field', () => {
    expect(ruleIssues('news', { title: 'x' })).toEqual([]);
  });
});

describe('file names made of a field', () => {
  const stored = [
    { slug: '14-3-0123', data: { number: '14-3-0123' } },
    { slug: '14-3-0124', data: { number: '14-3-0124' } },
  ];
  it('derives the name from the field as the CMS configuration does', () => {
    expect(slugFromData('proposals', { number: '14-3-0123' })).toBe('14-3-0123');
    expect(slugFromData('reviews', { year: 2024 })).toBe('2024-gongzuo-huimou');
    expect(slugFromData('news', { title: 'x' })).toBeUndefined();
  });

  it('refuses a new entry whose number is taken instead of saving it as -1', () => {
    expect(namingIssues('proposals', { number: '14-3-0123' }, { slug: '', newRecord: true }, stored)).toEqual([
      { path: ['number'], message: '「提案编号」“14-3-0123”已被 content/proposals/14-3-0123.md 使用，不能重复' },
    ]);
    expect(namingIssues('proposals', { number: '14-3-0125' }, { slug: '', newRecord: true }, stored)).toEqual([]);
    expect(
      namingIssues('reviews', { year: 2024 }, { slug: '', newRecord: true }, [
        { slug: '2024-gongzuo-huimou', data: { year: 2024 } },
      ]),
    ).toHaveLength(1);
  });

  it('lets a saved entry keep its number but not change it', () => {
    expect(namingIssues('proposals', { number: '14-3-0123' }, { slug: '14-3-0123', newRecord: false }, stored)).toEqual(
      [],
    );
    expect(
      namingIssues('proposals', { number: '14-3-0124' }, { slug: '14-3-0123', newRecord: false }, stored)[0]!.message,
    ).toMatch(/content\/proposals\/14-3-0123\.md.*不能改为“14-3-0124”/);
  });
});

describe('HTML the site would drop', () => {
  it('is refused with the tags named, in the body and in a reply', () => {
    const body =
      '本报讯 <font color="red">重要</font>，<span style="color:red">红字</span>，<sup>1</sup>。\n\n```\n<div>代码</div>\n```';
    expect(ruleIssues('news', { title: 'x', body })).toEqual([
      { path: ['body'], message: '「正文」含有网站不保留的 HTML：<font>、style 属性。请删除，或改用编辑器的格式按钮' },
    ]);
    const replies = [
      { unit: 'zjj', role: '主办', date: '2025-05-01', result: '列入计划', body: '<center>答复</center>' },
    ];
    expect(
      ruleIssues('proposals', draft({ status: '办理中', replies }))
        .filter((i) => i.path[0] === 'replies')
        .map((i) => i.path),
    ).toEqual([['replies', 0, 'body']]);
    expect(
      ruleIssues('news', { body: '<table><tr><td colspan="2">表格</td></tr></table> <a href="/x">链接</a>' }),
    ).toEqual([]);
  });
});
