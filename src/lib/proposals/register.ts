import { PROPOSER_TYPES, proposals } from '../../content/model.ts';

/**
 * The proposal office's register (提案登记表, one row per proposal) read into proposal entries: Chinese names of
 * members, sectors, categories and units resolved to the ids the content uses, each problem reported with the row and
 * the column an office clerk can find in Excel. Validation against the site's schema and rules is the caller's
 * (src/cli/import-proposals.ts), so this file stays plain data in and out.
 */

/** The register's columns: the header an office writes (first is the template's), and the field it fills. */
export const COLUMNS = [
  { headers: ['案号', '提案编号'], field: 'number', required: true },
  { headers: ['届次'], field: 'session', required: false },
  { headers: ['标题', '案由'], field: 'title', required: true },
  { headers: ['提案类型'], field: 'proposerType', required: false },
  { headers: ['提案人'], field: 'proposers', required: false },
  { headers: ['提案单位'], field: 'collective', required: false },
  { headers: ['界别'], field: 'sector', required: false },
  { headers: ['类别', '提案类别'], field: 'category', required: true },
  { headers: ['主办单位'], field: 'leadUnits', required: false },
  { headers: ['协办单位'], field: 'coUnits', required: false },
  { headers: ['状态', '办理状态'], field: 'status', required: true },
  { headers: ['提交日期'], field: 'submitted', required: true },
  { headers: ['立案日期'], field: 'registered', required: false },
  { headers: ['交办日期'], field: 'assigned', required: false },
  { headers: ['重点提案'], field: 'key', required: false },
  { headers: ['同意公开'], field: 'public', required: false },
  { headers: ['提案内容'], field: 'body', required: false },
] as const;

export type ColumnField = (typeof COLUMNS)[number]['field'];

/** One refused cell: the Excel row number, the column's header as written in the sheet, and why. */
export interface RowProblem {
  row: number;
  column: string;
  reason: string;
}

/** Names → ids of what a register refers to. */
export interface Lookups {
  sessions: Map<string, string>;
  members: Map<string, string[]>;
  sectors: Map<string, string>;
  categories: Map<string, string>;
  units: Map<string, string>;
}

export interface RegisterRow {
  /** Excel row number (1-based, as Excel shows it). */
  row: number;
  /** Cell text by field. */
  cells: Partial<Record<ColumnField, string>>;
  /** The header each field's column has in this sheet, for messages. */
  headers: Partial<Record<ColumnField, string>>;
}

/** Which column holds which field, from the header row; unknown headers are reported. */
export function mapHeaders(headerRow: string[]): {
  columns: Map<number, ColumnField>;
  headers: Partial<Record<ColumnField, string>>;
  missing: string[];
  unknown: string[];
} {
  const columns = new Map<number, ColumnField>();
  const headers: Partial<Record<ColumnField, string>> = {};
  const unknown: string[] = [];
  headerRow.forEach((raw, i) => {
    const h = raw.replace(/\s+/g, '').replace(/[（(].*[)）]$/, '');
    if (!h) return;
    const col = COLUMNS.find((c) => (c.headers as readonly string[]).includes(h));
    if (col) {
      columns.set(i, col.field);
      headers[col.field] = raw.trim();
    } else unknown.push(raw.trim());
  });
  const missing = COLUMNS.filter((c) => c.required && !headers[c.field]).map((c) => c.headers[0]);
  return { columns, headers, missing, unknown };
}

const split = (s: string) =>
  s
    .split(/[、，,；;\n]+/)
    .map((x) => x.trim())
    .filter(Boolean);

const DAY = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

/** A day typed any of the ways an office writes it (2025-03-01, 2025/3/1, 2025年3月1日) as YYYY-MM-DD. */
export function normaliseDay(s: string): string | undefined {
  const m = DAY.exec(s.trim());
  if (!m) return undefined;
  const [, y, mo, d] = m;
  return `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

const YES = new Set(['是', '√', 'Y', 'y', '1', 'TRUE', 'true']);
const NO = new Set(['否', '×', 'N', 'n', '0', 'FALSE', 'false']);

/**
 * One register row as a proposal entry's data and body, or the problems that stop it. Checks here are the ones only
 * the register has (names to ids, dates, yes/no); the site's schema and rules are checked afterwards.
 */
export function rowToProposal(
  r: RegisterRow,
  lookups: Lookups,
): { data: Record<string, unknown>; body: string; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const col = (f: ColumnField) => r.headers[f] ?? COLUMNS.find((c) => c.field === f)!.headers[0];
  const fail = (f: ColumnField, reason: string) => problems.push({ row: r.row, column: col(f), reason });
  const cell = (f: ColumnField) => (r.cells[f] ?? '').trim();
  const data: Record<string, unknown> = {};

  const number = cell('number');
  data.number = number;
  const sessionCell = cell('session');
  if (sessionCell) {
    const id = lookups.sessions.get(sessionCell);
    if (id) data.session = id;
    else
      fail(
        'session',
        `届次“${sessionCell}”不在届次表中（content/taxonomies/sessions.yml），请写届次全称或编号，如 14-3`,
      );
  } else {
    // The number begins with its session (14-3-0123 → 14-3); the schema's rules check that it exists.
    data.session = /^\d{1,2}-\d{1,2}(?=-)/.exec(number)?.[0] ?? '';
  }
  data.title = cell('title');

  const names = split(cell('proposers'));
  const memberIds: string[] = [];
  const unknownNames: string[] = [];
  for (const n of names) {
    const ids = lookups.members.get(n) ?? [];
    if (ids.length === 1) memberIds.push(ids[0]!);
    else if (ids.length > 1)
      fail('proposers', `委员“${n}”重名（${ids.join('、')}），无法确定是哪一位，请在 CMS 中录入此件`);
    else unknownNames.push(n);
  }
  let type = cell('proposerType');
  // A collective proposal's unit may stand in the 提案人 column, where offices often write it.
  const unitAsProposer = (!type || type === '集体提案') && unknownNames.length === 1 && memberIds.length === 0;
  const collective = cell('collective') || (unitAsProposer ? unknownNames[0]! : '');
  if (!type)
    type =
      collective && memberIds.length === 0
        ? '集体提案'
        : memberIds.length + unknownNames.length > 1
          ? '联名提案'
          : '委员提案';
  if (!(PROPOSER_TYPES as readonly string[]).includes(type))
    fail('proposerType', `提案类型只能是：${PROPOSER_TYPES.join('、')}`);
  data.proposerType = type;
  const strangers = type === '集体提案' && collective === unknownNames[0] ? unknownNames.slice(1) : unknownNames;
  if (strangers.length)
    fail('proposers', `委员名单中没有：${strangers.join('、')}（请先在 CMS 的“委员”中添加，或核对姓名）`);
  if (memberIds.length) data.proposers = memberIds;
  if (collective) data.collective = collective;

  const ref = (f: 'sector' | 'category', map: Map<string, string>, what: string, file: string) => {
    const v = cell(f);
    if (!v) return;
    const id = map.get(v);
    if (id) data[f] = id;
    else fail(f, `${what}“${v}”不在${what}表中（content/taxonomies/${file}）`);
  };
  ref('sector', lookups.sectors, '界别', 'sectors.yml');
  ref('category', lookups.categories, '类别', 'categories.yml');
  for (const f of ['leadUnits', 'coUnits'] as const) {
    const ids: string[] = [];
    for (const n of split(cell(f))) {
      const id = lookups.units.get(n);
      if (id) ids.push(id);
      else fail(f, `承办单位“${n}”不在承办单位表中（content/taxonomies/units.yml），请写全称或简称`);
    }
    if (ids.length) data[f] = ids;
  }
  data.status = cell('status');
  for (const f of ['submitted', 'registered', 'assigned'] as const) {
    const v = cell(f);
    if (!v) continue;
    const day = normaliseDay(v);
    if (day) data[f] = day;
    else fail(f, `日期“${v}”无法识别，应写成 2025-03-01`);
  }
  for (const f of ['key', 'public'] as const) {
    const v = cell(f);
    if (!v) continue;
    if (YES.has(v)) data[f] = true;
    else if (NO.has(v)) data[f] = false;
    else fail(f, `应填“是”或“否”，而不是“${v}”`);
  }
  return { data, body: cell('body'), problems };
}

/** The register column of a field the schema complained about (`replies` and others have none: the first column). */
export function columnOf(field: string | number | undefined, headers: RegisterRow['headers']): string {
  const c = COLUMNS.find((x) => x.field === field);
  if (c) return headers[c.field] ?? c.headers[0];
  const label = proposals.fields.find((f) => f.name === field)?.label;
  return label ?? String(field ?? '');
}
