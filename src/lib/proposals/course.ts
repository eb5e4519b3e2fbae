import { formatChineseDate } from '../dates.ts';

/**
 * The rules of a proposal's course, in one place: 提交 → 立案 → 交办 (after 分办) → 办理 → 答复 → 满意度评价, and 重办
 * when the proposer is not satisfied. The lead unit (主办) answers the proposer; co-units (协办) and joint units (会办)
 * send their opinions to the lead unit, so only the lead units' answers complete a proposal.
 *
 * Plain functions of an entry's data, with every field optional: the build runs `courseProblems` (course-problems.ts)
 * on parsed entries (src/content/rules.ts) and the CMS runs it on the form before saving, where anything may still be missing. The
 * timeline, statistics, unit pages, open data and feeds read the course through this module only.
 */

/** One unit's text: an answer to the proposer (主办) or an opinion to the lead unit (协办, 会办). */
export interface CourseReply {
  unit?: string;
  role?: string;
  date?: string;
}

/** What the course needs of a proposal. */
export interface CourseInput {
  status?: string;
  submitted?: string;
  registered?: string;
  distributed?: string;
  assigned?: string;
  leadUnits?: string[];
  coUnits?: string[];
  jointUnits?: string[];
  replies?: CourseReply[];
  satisfaction?: string;
  rehandling?: { assigned?: string; reason?: string; replies?: CourseReply[]; satisfaction?: string };
}

/** What a unit's text is, by its role: the lead unit answers the proposer, the others advise the lead unit. */
export const REPLY_KINDS = { 主办: '答复', 协办: '协办意见', 会办: '会办意见' } as const;
export type Role = keyof typeof REPLY_KINDS;
export type ReplyKind = (typeof REPLY_KINDS)[Role];

/** The kind of text a reply of `role` is (an unknown role reads as an answer). */
export function replyKind(role: string | undefined): ReplyKind {
  return REPLY_KINDS[role as Role] ?? '答复';
}

/** The role of `unit` in the proposal, from the unit lists. */
export function roleOf(p: CourseInput, unit: string): Role | undefined {
  if (p.leadUnits?.includes(unit)) return '主办';
  if (p.coUnits?.includes(unit)) return '协办';
  if (p.jointUnits?.includes(unit)) return '会办';
  return undefined;
}

/** The lead units' answers to the proposer, in the order given. */
export function answersOf<R extends CourseReply>(p: { replies?: R[] }): R[] {
  return (p.replies ?? []).filter((r) => r.role === '主办');
}

/** The co- and joint units' opinions to the lead unit. */
export function opinionsOf<R extends CourseReply>(p: { replies?: R[] }): R[] {
  return (p.replies ?? []).filter((r) => r.role === '协办' || r.role === '会办');
}

/** Lead units that have not answered the proposer yet. */
export function owingAnswer(p: CourseInput): string[] {
  const answered = new Set(answersOf(p).map((r) => r.unit));
  return (p.leadUnits ?? []).filter((u) => !answered.has(u));
}

/** Lead units that have not answered again in the 重办 (none when there is no 重办). */
export function owingRehandling(p: CourseInput): string[] {
  if (!p.rehandling) return [];
  const answered = new Set((p.rehandling.replies ?? []).map((r) => r.unit));
  return (p.leadUnits ?? []).filter((u) => !answered.has(u));
}

/** Whether every lead unit has answered (first round). */
export function firstAnswered(p: CourseInput): boolean {
  return (p.leadUnits ?? []).length > 0 && owingAnswer(p).length === 0;
}

/** Whether the proposal is answered (办复): every lead unit answered, and answered again after a 重办. */
export function isAnswered(p: CourseInput): boolean {
  return firstAnswered(p) && owingRehandling(p).length === 0;
}

/** Whether `unit` has answered the proposer as its lead unit. */
export function hasAnswered(p: CourseInput, unit: string): boolean {
  return answersOf(p).some((r) => r.unit === unit);
}

/** The proposer's last word on the replies: the evaluation after the 重办 if there was one, else the first. */
export function finalSatisfaction(p: CourseInput): string | undefined {
  return p.rehandling ? p.rehandling.satisfaction : p.satisfaction;
}

/** The latest of some dates (ISO days), if any is recorded. */
export const latest = (dates: (string | undefined)[]) =>
  dates
    .filter((d): d is string => Boolean(d))
    .sort()
    .at(-1);

/** Day the proposal was answered (the last lead answer, or the last answer of the 重办), when answered. */
export function answeredOn(p: CourseInput): string | undefined {
  if (!isAnswered(p)) return undefined;
  return p.rehandling
    ? latest((p.rehandling.replies ?? []).map((r) => r.date))
    : latest(answersOf(p).map((r) => r.date));
}

/** The last day anything happened to the proposal (for feeds): its latest recorded date. */
export function lastActivity(p: CourseInput): string | undefined {
  return latest([
    p.submitted,
    p.registered,
    p.distributed,
    p.assigned,
    ...(p.replies ?? []).map((r) => r.date),
    p.rehandling?.assigned,
    ...(p.rehandling?.replies ?? []).map((r) => r.date),
  ]);
}

/** How far a step is: done, under way now, or still to come. */
export type StepState = 'done' | 'current' | 'pending';

/** One step of the course as the timeline shows it. */
export interface Step {
  key: 'submitted' | 'registered' | 'assigned' | 'handling' | 'answered' | 'evaluated' | 'rehandling';
  label: string;
  state: StepState;
  /** Day the step was reached, only when recorded: a step without a date shows none. */
  date?: string;
  /** Extra lines, e.g. the day of 分办, who owes an answer, the evaluation. */
  notes: string[];
}

const names = (ids: string[], name: (id: string) => string) => ids.map(name).join('、');

/**
 * The steps of a proposal's course. 交办 is done from status 交办 on; 办理 is under way until every lead unit has
 * answered; 答复 waits only for lead units (co- and joint units send opinions, never answers); 重办 appears when there
 * is one. `name` turns a unit id into what readers see.
 */
export function courseSteps(p: CourseInput, name: (id: string) => string = (id) => id): Step[] {
  const status = p.status ?? '立案';
  const assigned = status !== '立案';
  const lead = p.leadUnits ?? [];
  const answers = answersOf(p);
  const owing = owingAnswer(p);
  const first = firstAnswered(p);
  const dated = (date: string | undefined) => (date ? { date } : {});
  const steps: Step[] = [
    { key: 'submitted', label: '提交', state: 'done', ...dated(p.submitted), notes: [] },
    { key: 'registered', label: '立案', state: 'done', ...dated(p.registered), notes: [] },
    {
      key: 'assigned',
      label: '交办',
      state: assigned ? 'done' : 'pending',
      ...dated(p.assigned),
      notes: p.distributed ? [`分办：${formatChineseDate(p.distributed)}`] : [],
    },
  ];
  const handlers = [
    lead.length ? `主办：${names(lead, name)}` : '',
    p.coUnits?.length ? `协办：${names(p.coUnits, name)}` : '',
    p.jointUnits?.length ? `会办：${names(p.jointUnits, name)}` : '',
  ].filter(Boolean);
  const opinions = opinionsOf(p);
  steps.push({
    key: 'handling',
    label: '办理',
    state: first ? 'done' : assigned ? 'current' : 'pending',
    notes: [
      ...handlers,
      ...(opinions.length
        ? [
            `收到${names(
              opinions.map((r) => r.unit ?? ''),
              name,
            )}的办理意见`,
          ]
        : []),
    ],
  });
  steps.push({
    key: 'answered',
    label: '答复',
    state: first ? 'done' : answers.length ? 'current' : 'pending',
    ...dated(first ? latest(answers.map((r) => r.date)) : undefined),
    notes:
      owing.length && lead.length
        ? [`${answers.length ? `已有 ${answers.length} 家主办单位答复，` : ''}待 ${names(owing, name)} 答复`]
        : [],
  });
  steps.push({
    key: 'evaluated',
    label: '评价',
    state: p.satisfaction ? 'done' : 'pending',
    notes: p.satisfaction ? [p.satisfaction] : [],
  });
  if (p.rehandling) {
    const r = p.rehandling;
    const again = owingRehandling(p);
    const reAnswered = latest((r.replies ?? []).map((x) => x.date));
    steps.push({
      key: 'rehandling',
      label: '重办',
      state: again.length ? 'current' : 'done',
      ...dated(r.assigned),
      notes: [
        ...(r.reason ? [`原因：${r.reason}`] : []),
        again.length
          ? `待 ${names(again, name)} 重新答复`
          : reAnswered
            ? `重新答复：${formatChineseDate(reAnswered)}`
            : '已重新答复',
        ...(r.satisfaction ? [`重办后评价：${r.satisfaction}`] : []),
      ],
    });
  }
  return steps;
}
