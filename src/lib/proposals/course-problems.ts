import {
  REPLY_KINDS,
  answersOf,
  firstAnswered,
  isAnswered,
  latest,
  owingAnswer,
  owingRehandling,
  roleOf,
  type CourseInput,
} from './course.ts';

/** What contradicts a proposal's course, for the build and the CMS to refuse (see `course.ts` for the course itself). */

/** A contradiction in a proposal's data, at the field an editor should correct. */
export interface Problem {
  path: (string | number)[];
  message: string;
}

/**
 * Everything in a proposal's data that contradicts its course: a status its replies do not bear out, a reply from a
 * unit in the wrong role, an evaluation before the answers, a 重办 without 不满意, dates out of order. Empty when the
 * record is consistent. Messages are Chinese and name the field by its label.
 */
export function courseProblems(p: CourseInput): Problem[] {
  const out: Problem[] = [];
  const add = (path: Problem['path'], message: string) => out.push({ path, message });
  const lead = p.leadUnits ?? [];
  const replies = p.replies ?? [];

  // Each unit has one role.
  const seen = new Map<string, string>();
  for (const [field, label] of [
    ['leadUnits', '主办'],
    ['coUnits', '协办'],
    ['jointUnits', '会办'],
  ] as const) {
    for (const u of p[field] ?? []) {
      const before = seen.get(u);
      if (before) add([field], `“${u}”已是${before}单位，不能同时是${label}单位`);
      else seen.set(u, label);
    }
  }

  // Replies come from the proposal's units, in their role, one per unit.
  const replied = new Set<string>();
  replies.forEach((r, i) => {
    if (!r.unit) return;
    const role = roleOf(p, r.unit);
    if (!role) add(['replies', i, 'unit'], `答复单位“${r.unit}”不在主办、协办或会办单位中`);
    else if (r.role && r.role !== role)
      add(
        ['replies', i, 'role'],
        `“${r.unit}”是${role}单位，办理角色应为“${role}”（${role}单位的文字是${REPLY_KINDS[role]}）`,
      );
    if (replied.has(r.unit)) add(['replies', i, 'unit'], `“${r.unit}”的答复重复，每个单位只填一条`);
    replied.add(r.unit);
  });

  // What each status requires.
  const answered = isAnswered(p);
  const owing = owingAnswer(p);
  switch (p.status) {
    case '立案':
      if (p.assigned) add(['status'], '已填写「交办日期」，办理状态不能是“立案”');
      if (replies.length) add(['status'], '已有答复或办理意见，办理状态不能是“立案”');
      break;
    case '交办':
      if (!lead.length) add(['leadUnits'], '办理状态为“交办”的提案必须有「主办单位」');
      if (replies.length) add(['status'], '已有答复或办理意见，办理状态应为“办理中”或“已办复”');
      break;
    case '办理中':
      if (!lead.length) add(['leadUnits'], '办理状态为“办理中”的提案必须有「主办单位」');
      else if (answered) add(['status'], '主办单位均已答复，办理状态应为“已办复”');
      break;
    case '已办复':
      if (!lead.length) add(['leadUnits'], '办理状态为“已办复”的提案必须有「主办单位」');
      else if (owing.length)
        add(['replies'], `办理状态为“已办复”，但主办单位 ${owing.join('、')} 尚无答复（协办、会办意见不算答复）`);
      else if (owingRehandling(p).length)
        add(['rehandling', 'replies'], `办理状态为“已办复”，但重办尚无 ${owingRehandling(p).join('、')} 的重新答复`);
      break;
  }

  // The evaluation follows the answers; 不满意 leads to a 重办, and only 不满意 does.
  if (p.satisfaction && !firstAnswered(p)) add(['satisfaction'], '主办单位答复之前不能填写「委员评价」');
  if (p.satisfaction === '不满意' && !p.rehandling)
    add(['rehandling'], '委员评价为“不满意”的提案应重办：请填写「重办」');
  const r = p.rehandling;
  if (r) {
    if (p.satisfaction !== '不满意') add(['rehandling'], '只有委员评价为“不满意”的提案才能重办');
    (r.replies ?? []).forEach((x, i) => {
      if (x.unit && !lead.includes(x.unit))
        add(['rehandling', 'replies', i, 'unit'], `重新答复的单位“${x.unit}”不是主办单位`);
    });
    if (r.satisfaction && owingRehandling(p).length)
      add(['rehandling', 'satisfaction'], '重新答复之前不能填写「重办后评价」');
  }

  // Dates follow the course.
  const order: [Problem['path'], string, string | undefined][] = [
    [['submitted'], '提交日期', p.submitted],
    [['registered'], '立案日期', p.registered],
    [['distributed'], '分办日期', p.distributed],
    [['assigned'], '交办日期', p.assigned],
  ];
  let before: [string, string] | undefined;
  for (const [path, label, date] of order) {
    if (!date) continue;
    if (before && date < before[1]) add(path, `「${label}」${date} 早于「${before[0]}」${before[1]}`);
    else before = [label, date];
  }
  replies.forEach((x, i) => {
    if (x.date && before && x.date < before[1])
      add(['replies', i, 'date'], `答复日期 ${x.date} 早于「${before[0]}」${before[1]}`);
  });
  const firstDone = latest(answersOf(p).map((x) => x.date));
  if (r?.assigned && firstDone && r.assigned < firstDone)
    add(['rehandling', 'assigned'], `「重办交办日期」${r.assigned} 早于主办单位答复日期 ${firstDone}`);
  const reStart = r?.assigned ?? firstDone;
  (r?.replies ?? []).forEach((x, i) => {
    if (x.date && reStart && x.date < reStart)
      add(['rehandling', 'replies', i, 'date'], `重新答复日期 ${x.date} 早于 ${reStart}`);
  });
  return out;
}
