import { createElement as h, Fragment, type ReactNode } from 'react';
import { courseSteps, replyKind, type StepState } from '../lib/proposals/course.ts';
import {
  Body,
  dataOf,
  list,
  name,
  Page,
  short,
  shorts,
  str,
  useNames,
  when,
  type Data,
  type Props,
} from './preview-parts.ts';

/** A proposal's preview as its page shows it: facts, 办理进程, and each unit's reply or opinion. */

const section = (title: string, ...children: ReactNode[]) =>
  h(
    'section',
    { className: 'mt-8' },
    h('h2', { className: 'border-l-4 border-brand-700 pl-3 text-xl font-bold' }, title),
    ...children,
  );

/** 办理进程 as the page shows it, from the same steps (src/lib/proposals/course.ts). */
const STATE: Record<StepState, string> = { done: '✓ 已完成', current: '◔ 进行中', pending: '○ 待办' };
function Timeline(d: Data, unitName: (id: string) => string) {
  const steps = courseSteps({ ...d, leadUnits: list(d.leadUnits), coUnits: list(d.coUnits) } as never, unitName);
  return section(
    '办理进程',
    h(
      'ol',
      { className: 'mt-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-4' },
      ...steps.map((s, i) =>
        h(
          'li',
          {
            key: i,
            'data-step': s.key,
            className: `rounded border-t-4 bg-white p-3 ${s.state === 'pending' ? 'border-dashed border-stone-400' : 'border-green-700'}`,
          },
          h(
            'p',
            { className: 'font-bold' },
            s.label,
            h('span', { className: 'ml-1 text-sm font-normal' }, STATE[s.state]),
          ),
          s.date ? h('p', { className: 'text-sm text-muted' }, when(s.date)) : null,
          ...s.notes.map((n, j) => h('p', { key: j, className: 'text-sm' }, n)),
        ),
      ),
    ),
  );
}

export function ProposalPreview(p: Props) {
  const d = dataOf(p);
  const units = useNames(p, 'units');
  const sessions = useNames(p, 'sessions');
  const categories = useNames(p, 'categories');
  const sectors = useNames(p, 'sectors');
  const members = useNames(p, 'members');
  const replies = (d.replies ?? []) as Data[];
  const replyWidgets = (p.widgetsFor('replies')?.toArray?.() ?? []) as { getIn(path: string[]): ReactNode }[];
  const facts: [string, string][] = [
    ['届次', name(sessions!, d.session)],
    ['提案类型', str(d.proposerType)],
    ['提案人', [str(d.collective), shorts(members!, d.proposers)].filter(Boolean).join('、')],
    ['界别', d.sector ? name(sectors!, d.sector) : ''],
    ['类别', name(categories!, d.category)],
    ['提交日期', when(d.submitted)],
    ['主办单位', shorts(units!, d.leadUnits)],
    ['协办单位', shorts(units!, d.coUnits)],
    ['会办单位', shorts(units!, d.jointUnits)],
  ];
  return Page(
    h(
      'header',
      { className: 'border-b border-stone-300 pb-4' },
      h('p', { className: 'text-brand-700' }, `第 ${str(d.number)} 号提案`),
      h('h1', { className: 'text-2xl font-bold leading-snug sm:text-3xl' }, str(d.title) || '（未填写案由）'),
      h(
        'p',
        { className: 'mt-3 flex flex-wrap gap-1' },
        d.key ? h('span', { className: 'badge border-brand-700 bg-brand-700 text-white' }, '重点提案') : null,
        d.status ? h('span', { className: 'badge bg-white border-stone-500' }, str(d.status)) : null,
        d.public === false ? h('span', { className: 'badge border-stone-500' }, '不公开（网站不显示）') : null,
      ),
    ),
    h(
      'dl',
      { className: 'mt-4 grid grid-cols-[6em_1fr] gap-x-4 gap-y-2 rounded bg-white p-4 text-base' },
      ...facts
        .filter(([, v]) => v)
        .map(([k, v]) => h(Fragment, { key: k }, h('dt', { className: 'text-muted' }, k), h('dd', null, v))),
    ),
    Timeline(d, (id) => short(units!, id)),
    section('提案内容', Body(p, 'prose-zh mt-4')),
    section(
      `办理答复（${replies.length}）`,
      replies.length === 0 ? h('p', { className: 'mt-4 text-muted' }, '承办单位尚未答复。') : null,
      ...replies.map((r, i) =>
        h(
          'section',
          { key: i, className: 'mt-6 rounded border border-stone-300 bg-white p-4' },
          h(
            'h3',
            { className: 'text-lg font-bold' },
            `${name(units!, r.unit) || '（未选单位）'}的${replyKind(str(r.role))}`,
            r.role ? h('span', { className: 'badge ml-2 border-stone-400 text-base font-normal' }, str(r.role)) : null,
          ),
          h(
            'p',
            { className: 'mt-1 flex flex-wrap gap-x-4 text-sm text-muted' },
            h('span', null, `答复日期：${when(r.date)}`),
            r.docNumber ? h('span', null, `文号：${str(r.docNumber)}`) : null,
            h('span', null, '办理结果：', h('strong', { className: 'text-ink' }, str(r.result))),
          ),
          h('div', { className: 'prose-zh mt-3' }, replyWidgets[i]?.getIn(['widgets', 'body']) ?? null),
        ),
      ),
      d.satisfaction
        ? h('p', { className: 'mt-6' }, '委员对办理结果的评价：', h('strong', null, str(d.satisfaction)))
        : null,
    ),
  );
}
