import type { ProposalData } from '../../content/types.ts';

/** One step of a proposal's course: 提交 → 立案 → 交办 → 答复 → 评价. */
export interface Step {
  label: string;
  /** Day the step was reached, when known. */
  date?: string;
  done: boolean;
  /** Extra words, e.g. which units have not replied yet. */
  note?: string;
}

const ORDER = ['立案', '交办', '办理中', '已办复'] as const;

/**
 * The timeline of a proposal from its dates and status. A step counts as done when its date is set or the status has
 * passed it; replies are done when every handling unit has replied, and the note names the units still owing one.
 */
export function proposalTimeline(p: ProposalData, unitName: (id: string) => string = (id) => id): Step[] {
  const reached = ORDER.indexOf(p.status);
  const units = [...p.leadUnits, ...p.coUnits];
  const replied = new Set(p.replies.map((r) => r.unit));
  const owing = units.filter((u) => !replied.has(u));
  const lastReply = p.replies.map((r) => r.date).sort().at(-1);
  const repliesDone = p.status === '已办复' && owing.length === 0;
  return [
    { label: '提交', date: p.submitted, done: true },
    { label: '立案', ...(p.registered ? { date: p.registered } : {}), done: true },
    { label: '交办', ...(p.assigned ? { date: p.assigned } : {}), done: reached >= 1 || Boolean(p.assigned) },
    {
      label: '答复',
      ...(lastReply ? { date: lastReply } : {}),
      done: repliesDone,
      ...(owing.length && units.length
        ? { note: `${p.replies.length ? `已有 ${p.replies.length} 家答复，` : ''}待 ${owing.map(unitName).join('、')} 答复` }
        : {}),
    },
    { label: '评价', done: Boolean(p.satisfaction), ...(p.satisfaction ? { note: p.satisfaction } : {}) },
  ];
}
