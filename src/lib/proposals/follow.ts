import type { PROPOSAL_STATUSES } from '../../content/model.ts';
import { isAnswered, type CourseInput } from './course.ts';

/**
 * What the editor fills in by itself on a proposal, because the course's rules (`courseProblems`) leave only one
 * answer: the status once replies come in, and which unit a new reply is from. Plain data, so it is unit tested; the
 * CMS applies it in `src/cms/reply-role.ts`.
 */

type Status = (typeof PROPOSAL_STATUSES)[number];

/**
 * The status the replies bear out when `p.status` contradicts them, else undefined: a first reply or opinion moves a
 * 立案 or 交办 proposal on to 办理中, or to 已办复 once every lead unit has answered (again, after a 重办); removing a
 * lead unit's answer moves 已办复 back to 办理中. Without a lead unit the rules ask for one first: no guess is made.
 */
export function fittingStatus(p: CourseInput): Status | undefined {
  if (!(p.leadUnits ?? []).length) return undefined;
  const done: Status = isAnswered(p) ? '已办复' : '办理中';
  switch (p.status) {
    case '立案':
    case '交办':
      return (p.replies ?? []).length ? done : undefined;
    case '办理中':
    case '已办复':
      return p.status === done ? undefined : done;
    default:
      return undefined;
  }
}

/**
 * The unit a new reply is most likely from: the first unit, among the proposal's lists `within` (lead units first),
 * that has no reply in `replies` yet; undefined when every unit has one.
 */
export function nextReplier(
  data: Record<string, unknown>,
  within: readonly string[],
  replies: readonly { unit?: unknown }[],
): string | undefined {
  const replied = new Set(replies.map((r) => r.unit));
  for (const list of within) {
    const units = data[list];
    if (!Array.isArray(units)) continue;
    const unit = units.find((u) => typeof u === 'string' && !replied.has(u));
    if (unit) return unit;
  }
  return undefined;
}
