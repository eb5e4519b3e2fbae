import { stringify } from 'csv-stringify/sync';
import type { ProposalData } from '../../content/types.ts';
import { answeredOn, answersOf, finalSatisfaction, opinionsOf, replyKind } from './course.ts';
import { routes } from '../routes.ts';

/**
 * Open data: every public proposal with its replies' metadata (not their text), as JSON and as CSV that Excel opens
 * correctly (UTF-8 with BOM). Ids stay ids so the data joins with the taxonomies; names are given beside them.
 */

export interface Names {
  session(id: string): string;
  category(id: string): string;
  sector(id: string): string;
  unit(id: string): string;
  member(id: string): string;
}

export interface OpenProposal {
  number: string;
  url: string;
  title: string;
  session: string;
  sessionName: string;
  proposerType: string;
  proposers: string[];
  proposerNames: string[];
  collective: string;
  sector: string;
  sectorName: string;
  category: string;
  categoryName: string;
  key: boolean;
  status: string;
  submitted: string;
  registered: string;
  distributed: string;
  assigned: string;
  leadUnits: string[];
  coUnits: string[];
  jointUnits: string[];
  /** Day every lead unit had answered (after the 重办 where there was one); empty while not answered. */
  answered: string;
  satisfaction: string;
  /** Every unit's text: `kind` says whether it is an 答复 to the proposer or a 协办意见 / 会办意见 to the lead unit. */
  replies: OpenReply[];
  rehandling: { assigned: string; reason: string; replies: OpenReply[]; satisfaction: string } | null;
  /** The proposer's last evaluation: after the 重办 where there was one. */
  finalSatisfaction: string;
}

export interface OpenReply {
  unit: string;
  unitName: string;
  role: string;
  kind: string;
  date: string;
  docNumber: string;
  result: string;
}

export function openProposal(id: string, p: ProposalData, n: Names, site: URL): OpenProposal {
  return {
    number: p.number,
    url: new URL(routes.proposals(id), site).href,
    title: p.title,
    session: p.session,
    sessionName: n.session(p.session),
    proposerType: p.proposerType,
    proposers: p.proposers,
    proposerNames: p.proposers.map(n.member),
    collective: p.collective ?? '',
    sector: p.sector ?? '',
    sectorName: p.sector ? n.sector(p.sector) : '',
    category: p.category,
    categoryName: n.category(p.category),
    key: p.key,
    status: p.status,
    submitted: p.submitted,
    registered: p.registered ?? '',
    distributed: p.distributed ?? '',
    assigned: p.assigned ?? '',
    leadUnits: p.leadUnits,
    coUnits: p.coUnits,
    jointUnits: p.jointUnits,
    answered: answeredOn(p) ?? '',
    satisfaction: p.satisfaction ?? '',
    replies: p.replies.map((r) => reply(r, r.role, n)),
    rehandling: p.rehandling
      ? {
          assigned: p.rehandling.assigned ?? '',
          reason: p.rehandling.reason ?? '',
          replies: p.rehandling.replies.map((r) => reply(r, '主办', n)),
          satisfaction: p.rehandling.satisfaction ?? '',
        }
      : null,
    finalSatisfaction: finalSatisfaction(p) ?? '',
  };
}

function reply(
  r: { unit: string; date: string; docNumber?: string | undefined; result: string },
  role: string,
  n: Names,
): OpenReply {
  return {
    unit: r.unit,
    unitName: n.unit(r.unit),
    role,
    kind: replyKind(role),
    date: r.date,
    docNumber: r.docNumber ?? '',
    result: r.result,
  };
}

/** Separator of list values inside one CSV cell. */
export const LIST_SEP = '；';

/** CSV columns: header (Chinese, for people) and how to read each from a record. */
export const CSV_COLUMNS: [string, (p: OpenProposal) => string][] = [
  ['提案编号', (p) => p.number],
  ['案由', (p) => p.title],
  ['届次', (p) => p.sessionName],
  ['提案类型', (p) => p.proposerType],
  ['提案人', (p) => p.proposerNames.join(LIST_SEP)],
  ['提案单位', (p) => p.collective],
  ['界别', (p) => p.sectorName],
  ['类别', (p) => p.categoryName],
  ['重点提案', (p) => (p.key ? '是' : '否')],
  ['办理状态', (p) => p.status],
  ['提交日期', (p) => p.submitted],
  ['立案日期', (p) => p.registered],
  ['分办日期', (p) => p.distributed],
  ['交办日期', (p) => p.assigned],
  ['主办单位', (p) => p.leadUnits.join(LIST_SEP)],
  ['协办单位', (p) => p.coUnits.join(LIST_SEP)],
  ['会办单位', (p) => p.jointUnits.join(LIST_SEP)],
  // 答复 columns hold the lead units' answers to the proposer; co- and joint units' opinions have their own.
  [
    '答复单位',
    (p) =>
      answersOf(p)
        .map((r) => r.unit)
        .join(LIST_SEP),
  ],
  [
    '答复日期',
    (p) =>
      answersOf(p)
        .map((r) => r.date)
        .join(LIST_SEP),
  ],
  [
    '答复文号',
    (p) =>
      answersOf(p)
        .map((r) => r.docNumber)
        .join(LIST_SEP),
  ],
  [
    '办理结果',
    (p) =>
      answersOf(p)
        .map((r) => r.result)
        .join(LIST_SEP),
  ],
  [
    '办理意见单位',
    (p) =>
      opinionsOf(p)
        .map((r) => r.unit)
        .join(LIST_SEP),
  ],
  [
    '办理意见日期',
    (p) =>
      opinionsOf(p)
        .map((r) => r.date)
        .join(LIST_SEP),
  ],
  ['办复日期', (p) => p.answered],
  ['委员评价', (p) => p.satisfaction],
  ['重办交办日期', (p) => p.rehandling?.assigned ?? ''],
  ['重新答复日期', (p) => (p.rehandling?.replies ?? []).map((r) => r.date).join(LIST_SEP)],
  ['重新答复办理结果', (p) => (p.rehandling?.replies ?? []).map((r) => r.result).join(LIST_SEP)],
  ['重办后评价', (p) => p.rehandling?.satisfaction ?? ''],
  ['网址', (p) => p.url],
];

/** The CSV text, BOM first so Excel reads it as UTF-8; CRLF line ends as RFC 4180 says. */
export function proposalsCsv(rows: readonly OpenProposal[]): string {
  return `\uFEFF${stringify([CSV_COLUMNS.map(([h]) => h), ...rows.map((r) => CSV_COLUMNS.map(([, get]) => get(r)))], { record_delimiter: '\r\n' })}`;
}
