import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { parse, stringify } from 'yaml';
import { proposals } from '../content/model.ts';
import { schemas } from '../content/schemas.ts';
import { contentDir } from '../lib/paths.ts';
import { resetRegistry } from '../content/registry.ts';
import {
  COLUMNS,
  columnOf,
  mapHeaders,
  rowToProposal,
  type Lookups,
  type RegisterRow,
  type RowProblem,
} from '../lib/proposals/register.ts';

/**
 * `npm run import:proposals -- register.xlsx [--partial] [--content <folder>]`
 * `npm run import:proposals -- --template <out.xlsx>`
 *
 * Imports the proposal office's Excel register: one file per row in content/proposals/<案号>.md, each checked by the
 * site's own schema and cross-field rules (src/content/schemas.ts, rules.ts) with names resolved to ids. Refused rows
 * are reported in Chinese by row, column and reason; when any row is refused nothing is written unless `--partial` is
 * given. An existing number is never overwritten. `--template` writes an empty register with the columns, lists of
 * allowed values, and a sheet explaining each column.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell's value as the text an office clerk sees; Excel dates are calendar days (stored without a zone). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v)
      return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
}

function frontmatter(file: string): Record<string, unknown> {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
  return m ? ((parse(m[1]!) as Record<string, unknown>) ?? {}) : {};
}

function taxonomy(dir: string, name: string, extra: string[] = []): Map<string, string> {
  const items =
    (parse(readFileSync(join(dir, 'taxonomies', `${name}.yml`), 'utf8')) as { items?: Record<string, unknown>[] })
      ?.items ?? [];
  const map = new Map<string, string>();
  for (const i of items) for (const k of ['id', 'name', ...extra]) if (i[k]) map.set(String(i[k]), String(i.id));
  return map;
}

/** Names (and ids) of everything a register refers to, read from the content folder. */
export function readLookups(dir: string): Lookups {
  const members = new Map<string, string[]>();
  for (const f of readdirSync(join(dir, 'members')).filter((f) => f.endsWith('.md'))) {
    const name = String(frontmatter(join(dir, 'members', f)).name ?? '');
    members.set(name, [...(members.get(name) ?? []), f.slice(0, -3)]);
  }
  return {
    sessions: taxonomy(dir, 'sessions'),
    members,
    sectors: taxonomy(dir, 'sectors'),
    categories: taxonomy(dir, 'categories'),
    units: taxonomy(dir, 'units', ['shortName']),
  };
}

export interface ImportResult {
  total: number;
  written: string[];
  problems: RowProblem[];
  /** True when refused rows stopped every write. */
  aborted: boolean;
}

/** Read, check and (unless a row is refused and `partial` is off) write the register's proposals. */
export async function importRegister(
  xlsx: string,
  options: { partial?: boolean; dir?: string } = {},
): Promise<ImportResult> {
  const dir = options.dir ?? contentDir();
  process.env.CONTENT_DIR = dir;
  resetRegistry();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = wb.worksheets[0]!;
  const rowValues = (n: number) => {
    const out: string[] = [];
    ws.getRow(n).eachCell({ includeEmpty: true }, (c, col) => (out[col - 1] = cellText(c.value).trim()));
    return Array.from(out, (x) => x ?? '');
  };
  let headerAt = 0;
  for (let n = 1; n <= Math.min(ws.rowCount, 10) && !headerAt; n++)
    if (rowValues(n).some((h) => ['案号', '提案编号'].includes(h.replace(/\s+/g, '')))) headerAt = n;
  if (!headerAt)
    return {
      total: 0,
      written: [],
      problems: [{ row: 1, column: '案号', reason: '前 10 行中找不到表头（应有“案号”列），请使用提案登记表模板' }],
      aborted: true,
    };
  const { columns, headers, missing } = mapHeaders(rowValues(headerAt));
  if (missing.length)
    return {
      total: 0,
      written: [],
      problems: missing.map((m) => ({ row: headerAt, column: m, reason: '缺少此列' })),
      aborted: true,
    };

  const folder = join(dir, proposals.folder);
  const taken = new Map<string, string>();
  for (const f of readdirSync(folder).filter((f) => f.endsWith('.md')))
    taken.set(
      String(frontmatter(join(folder, f)).number ?? f.slice(0, -3)),
      `content/${relative(dir, join(folder, f))}`,
    );
  const lookups = readLookups(dir);
  const problems: RowProblem[] = [];
  const ready: { file: string; text: string }[] = [];
  let total = 0;
  for (let n = headerAt + 1; n <= ws.rowCount; n++) {
    const values = rowValues(n);
    if (!values.some(Boolean)) continue;
    total++;
    const row: RegisterRow = { row: n, cells: {}, headers };
    for (const [i, field] of columns) row.cells[field] = values[i] ?? '';
    const { data, body, problems: own } = rowToProposal(row, lookups);
    const rowProblems = [...own];
    const number = String(data.number);
    const other = taken.get(number);
    if (number && other)
      rowProblems.push({
        row: n,
        column: columnOf('number', headers),
        reason: `案号“${number}”已被使用（${other}），不会覆盖`,
      });
    const checked = schemas.proposals.safeParse(data);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const column = columnOf(issue.path[0] as string, headers);
        // A name the register already reported is not reported again as an unknown id.
        if (!rowProblems.some((p) => p.column === column)) rowProblems.push({ row: n, column, reason: issue.message });
      }
    }
    problems.push(...rowProblems);
    if (rowProblems.length === 0) {
      taken.set(number, `第 ${n} 行`);
      const ordered = Object.fromEntries(
        proposals.fields.filter((f) => f.name in data).map((f) => [f.name, data[f.name]]),
      );
      ready.push({
        file: join(folder, `${number}.md`),
        text: `---\n${stringify(ordered, { lineWidth: 0 })}---\n${body ? `${body}\n` : ''}`,
      });
    }
  }
  if (problems.length && !options.partial) return { total, written: [], problems, aborted: true };
  // `wx`: a file that appeared meanwhile is never overwritten.
  for (const r of ready) writeFileSync(r.file, r.text, { flag: 'wx' });
  return { total, written: ready.map((r) => relative(dir, r.file)), problems, aborted: false };
}

/** The Chinese report printed by the command. */
export function report(file: string, r: ImportResult, partial: boolean): string {
  const lines = [
    `提案登记表 ${file}：共 ${r.total} 行，${r.problems.length ? `${new Set(r.problems.map((p) => p.row)).size} 行有误` : '全部无误'}。`,
  ];
  for (const p of r.problems) lines.push(`  第 ${p.row} 行「${p.column}」：${p.reason}`);
  if (r.aborted)
    lines.push(
      partial || r.total === 0
        ? '未写入任何文件。'
        : '未写入任何文件：请改正后重新导入，或加 --partial 只导入无误的行。',
    );
  else lines.push(`已写入 ${r.written.length} 件提案：`, ...r.written.map((w) => `  content/${w}`));
  return lines.join('\n');
}

/** An empty register: the columns in order, lists of allowed values, and a sheet explaining each column. */
export async function writeTemplate(out: string, dir = contentDir()): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('提案登记表', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({
    header: c.headers[0],
    key: c.field,
    width: c.field === 'title' || c.field === 'body' ? 40 : 16,
  }));
  ws.getRow(1).font = { bold: true };
  const lists = wb.addWorksheet('可选值');
  const names = (file: string) =>
    ((parse(readFileSync(join(dir, 'taxonomies', file), 'utf8')) as { items: { name: string }[] }).items ?? []).map(
      (i) => i.name,
    );
  const columnsOfLists: [string, string[]][] = [
    ['届次', names('sessions.yml')],
    ['界别', names('sectors.yml')],
    ['类别', names('categories.yml')],
    ['承办单位', names('units.yml')],
  ];
  columnsOfLists.forEach(([title, values], i) => {
    const col = lists.getColumn(i + 1);
    col.values = [title, ...values];
    col.width = 30;
  });
  const ref = (i: number, n: number) =>
    `可选值!$${String.fromCharCode(65 + i)}$2:$${String.fromCharCode(65 + i)}$${n + 1}`;
  const validate = (field: string, formula: string) => {
    const idx = COLUMNS.findIndex((c) => c.field === field) + 1;
    for (let r = 2; r <= 500; r++)
      ws.getCell(r, idx).dataValidation = { type: 'list', allowBlank: true, formulae: [formula] };
  };
  validate('session', ref(0, columnsOfLists[0]![1].length));
  validate('sector', ref(1, columnsOfLists[1]![1].length));
  validate('category', ref(2, columnsOfLists[2]![1].length));
  validate('proposerType', '"委员提案,集体提案,联名提案"');
  validate('status', '"立案,交办,办理中,已办复"');
  validate('key', '"是,否"');
  validate('public', '"是,否"');
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列', width: 12 },
    { header: '说明', width: 90 },
  ];
  help.addRows([
    ['案号', '必填，届-次-四位序号，如 14-3-0123；已有的案号不会被覆盖'],
    ['届次', '可不填：由案号前两段得出（14-3）'],
    ['标题', '必填，提案的案由'],
    [
      '提案类型',
      '委员提案、集体提案或联名提案；不填时按提案人推断（一位委员为委员提案，多位为联名提案，单位为集体提案）',
    ],
    ['提案人', '委员姓名，多位用顿号分隔；须与网站“委员”中的姓名一致。集体提案写单位名称，或写在“提案单位”列'],
    ['界别、类别', '从“可选值”表中选择'],
    ['主办单位、协办单位', '全称或简称（市发改委），多个用顿号分隔'],
    ['状态', '立案、交办、办理中或已办复（已办复的提案须在 CMS 中补录答复后才能导入）'],
    ['日期', '2025-03-01 或 2025年3月1日，也可用 Excel 日期格式'],
    ['重点提案、同意公开', '是或否；不填时为“否”和“是”'],
    ['提案内容', '可不填，导入后在 CMS 中补录正文'],
  ]);
  help.getRow(1).font = { bold: true };
  await wb.xlsx.writeFile(out);
}

async function main(argv: string[]): Promise<number> {
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv.splice(i, 2)[1] : undefined;
  };
  const template = opt('--template');
  const dir = opt('--content');
  const partial = argv.includes('--partial');
  const file = argv.find((a) => !a.startsWith('--'));
  if (template) {
    await writeTemplate(template, dir ?? contentDir());
    console.log(`已生成提案登记表模板：${template}`);
    return 0;
  }
  if (!file || !existsSync(file)) {
    console.error(file ? `找不到文件：${file}` : '用法：npm run import:proposals -- 提案登记表.xlsx [--partial]');
    return 2;
  }
  const result = await importRegister(file, { partial, ...(dir ? { dir } : {}) });
  const out = report(file, result, partial);
  if (result.aborted || result.problems.length) console.error(out);
  else console.log(out);
  return result.aborted ? 1 : 0;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
