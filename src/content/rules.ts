/**
 * Rules across fields of one entry, which a per-field schema cannot express. Each adds issues at the field that is
 * wrong, so the build error points the editor at it.
 */

interface Ctx {
  addIssue(issue: { code: 'custom'; message: string; path: (string | number)[] }): void;
}

interface ProposalData {
  number?: string;
  session?: string;
  proposerType?: string;
  proposers?: string[];
  collective?: string;
  status?: string;
  leadUnits?: string[];
  coUnits?: string[];
  replies?: { unit?: string; role?: string }[];
  satisfaction?: string;
}

/** Checks a proposal's number against its session, its proposers against its type, and its replies against its units. */
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
  const lead = new Set(p.leadUnits ?? []);
  const co = new Set(p.coUnits ?? []);
  for (const u of lead) {
    if (co.has(u)) ctx.addIssue({ code: 'custom', path: ['coUnits'], message: `“${u}”已是主办单位，不能同时是协办单位` });
  }
  (p.replies ?? []).forEach((r, i) => {
    if (!r.unit) return;
    const role = lead.has(r.unit) ? '主办' : co.has(r.unit) ? '协办' : undefined;
    if (!role) {
      ctx.addIssue({ code: 'custom', path: ['replies', i, 'unit'], message: `答复单位“${r.unit}”不在主办或协办单位中` });
    } else if (r.role && r.role !== role) {
      ctx.addIssue({ code: 'custom', path: ['replies', i, 'role'], message: `“${r.unit}”是${role}单位，办理角色应为“${role}”` });
    }
  });
  if (p.status === '已办复' && (p.replies ?? []).length === 0) {
    ctx.addIssue({ code: 'custom', path: ['replies'], message: '办理状态为“已办复”的提案至少要有一条答复' });
  }
  if (p.satisfaction && (p.replies ?? []).length === 0) {
    ctx.addIssue({ code: 'custom', path: ['satisfaction'], message: '尚无答复的提案不能填写「委员评价」' });
  }
}

/** An issue's pages are numbered 1, 2, 3 … in order, so 上一版/下一版 and the page addresses hold. */
export function paperIssueRules(p: { pages?: { number?: number }[] }, ctx: Ctx): void {
  (p.pages ?? []).forEach((page, i) => {
    if (page.number !== undefined && page.number !== i + 1) {
      ctx.addIssue({ code: 'custom', path: ['pages', i, 'number'], message: `版次应按顺序从 1 编号：第 ${i + 1} 条版面的版次应为 ${i + 1}，而不是 ${page.number}` });
    }
  });
}

/** Cross-field rules by collection name. */
export const refinements: Partial<Record<string, (data: never, ctx: Ctx) => void>> = {
  proposals: proposalRules as (data: never, ctx: Ctx) => void,
  paper: paperIssueRules as (data: never, ctx: Ctx) => void,
};
