import { stringify } from 'csv-stringify/sync';
import type { ProposalData } from '../../content/types.ts';

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
  leadUnits: string[];
  coUnits: string[];
  satisfaction: string;
  replies: { unit: string; unitName: string; role: string; date: string; docNumber: string; result: string }[];
}

export function openProposal(id: string, p: ProposalData, n: Names, site: URL): OpenProposal {
  return {
    number: p.number,
    url: new URL(`/proposals/${id}/`, site).href,
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
    leadUnits: p.leadUnits,
    coUnits: p.coUnits,
    satisfaction: p.satisfaction ?? '',
    replies: p.replies.map((r) => ({ unit: r.unit, unitName: n.unit(r.unit), role: r.role, date: r.date, docNumber: r.docNumber ?? '', result: r.result })),
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
  ['主办单位', (p) => p.leadUnits.join(LIST_SEP)],
  ['协办单位', (p) => p.coUnits.join(LIST_SEP)],
  ['答复单位', (p) => p.replies.map((r) => r.unit).join(LIST_SEP)],
  ['答复日期', (p) => p.replies.map((r) => r.date).join(LIST_SEP)],
  ['答复文号', (p) => p.replies.map((r) => r.docNumber).join(LIST_SEP)],
  ['办理结果', (p) => p.replies.map((r) => r.result).join(LIST_SEP)],
  ['委员评价', (p) => p.satisfaction],
  ['网址', (p) => p.url],
];

/** The CSV text, BOM first so Excel reads it as UTF-8; CRLF line ends as RFC 4180 says. */
export function proposalsCsv(rows: readonly OpenProposal[]): string {
  return `\uFEFF${stringify([CSV_COLUMNS.map(([h]) => h), ...rows.map((r) => CSV_COLUMNS.map(([, get]) => get(r)))], { record_delimiter: '\r\n' })}`;
}
