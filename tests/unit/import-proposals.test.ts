import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { schemas } from '../../src/content/schemas.ts';
import { resetRegistry } from '../../src/content/registry.ts';
import { normaliseDay } from '../../src/lib/proposals/register.ts';
import { CONTENT, frontmatter } from '../support/content.ts';

/**
 * `npm run import:proposals`: the proposal office's Excel register imported into a copy of content/ by the real
 * command. A register with a bad row is refused with a Chinese report naming row, column and reason, and writes
 * nothing; a good one writes one file per row that the site's own schema and rules accept.
 */

const ROOT = join(import.meta.dirname, '../..');
const HEADER = [
  '案号',
  '标题',
  '提案类型',
  '提案人',
  '界别',
  '类别',
  '主办单位',
  '协办单位',
  '状态',
  '提交日期',
  '立案日期',
  '交办日期',
  '重点提案',
  '提案内容',
];
let dir = '';
let content = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'czzx-import-'));
  content = join(dir, 'content');
  cpSync(CONTENT, content, { recursive: true });
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  delete process.env.CONTENT_DIR;
  resetRegistry();
});

/** An .xlsx register as the office keeps it: a title line above the header, dates as Excel dates or typed text. */
async function register(rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2026年提案');
  ws.addRow(['政协第十四届长治市委员会第四次会议提案登记表']);
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  const file = join(dir, 'register.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

const run = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'src/cli/import-proposals.ts'), ...args, '--content', content], {
    cwd: ROOT,
    encoding: 'utf8',
  });

const proposalFiles = () => readdirSync(join(content, 'proposals')).sort();

const GOOD = [
  [
    '14-4-0901',
    '关于完善城区公共停车设施的建议',
    '',
    '谢慧兰',
    '科学技术界',
    '城乡建设',
    '市住建局',
    '长治市财政局',
    '交办',
    new Date(Date.UTC(2025, 0, 12)),
    '2025年1月20日',
    '2025/2/3',
    '是',
    '城区停车难问题日益突出。',
  ],
  [
    '14-4-0902',
    '关于加快发展银发经济的建议',
    '',
    '王建国、赵敏',
    '',
    '经济发展',
    '市发改委',
    '',
    '立案',
    '2025-01-13',
    '',
    '',
    '',
    '',
  ],
  [
    '14-4-0903',
    '关于推进职业教育产教融合的提案',
    '集体提案',
    '民进长治市委',
    '',
    '教育',
    '市教育局',
    '',
    '办理中',
    '2025-01-14',
    '',
    '',
    '否',
    '',
  ],
];

describe('npm run import:proposals', () => {
  test('a register with bad rows is refused with row, column and reason, and nothing is written', async () => {
    const before = proposalFiles();
    const file = await register([
      GOOD[0]!,
      ['14-4-0904', '关于文化惠民的建议', '', '谢慧兰', '', '文化教育', '市文旅局', '', '立案', '2025-01-15'],
      ['14-4-0905', '关于联名提案只有一人的建议', '联名提案', '谢慧兰', '', '经济发展', '', '', '立案', '2025-01-15'],
      ['14-4-0906', '关于提案人不在名单中的建议', '', '谢慧兰、张三', '', '经济发展', '', '', '立案', '2025-01-15'],
      ['14-4-0187', '关于重复编号的建议', '', '谢慧兰', '', '经济发展', '', '', '立案', '2025-01-15'],
      ['14-4-0907', '关于日期写错的建议', '', '谢慧兰', '', '经济发展', '', '', '已发出', '2025-13-45'],
      ['14-4-0901', '关于表内重复编号的建议', '', '谢慧兰', '', '经济发展', '', '', '立案', '2025-01-15'],
    ]);
    const r = run(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('共 7 行，6 行有误');
    expect(r.stderr).toContain('第 4 行「类别」：类别“文化教育”不在类别表中（content/taxonomies/categories.yml）');
    expect(r.stderr).toContain('第 5 行「提案人」：联名提案至少选择两位「提案人」');
    expect(r.stderr).toContain('第 6 行「提案人」：委员名单中没有：张三');
    expect(r.stderr).toContain('第 7 行「案号」：案号“14-4-0187”已被使用（content/proposals/14-4-0187.md），不会覆盖');
    expect(r.stderr).toContain('第 8 行「状态」：「办理状态」只能是：立案、交办、办理中、已办复');
    expect(r.stderr).toContain('第 8 行「提交日期」：「提交日期」格式错误：“2025-13-45”，应为 2025-02-23');
    expect(r.stderr).toContain('第 9 行「案号」：案号“14-4-0901”已被使用（第 3 行），不会覆盖');
    expect(r.stderr).toContain('未写入任何文件：请改正后重新导入，或加 --partial 只导入无误的行。');
    expect(proposalFiles()).toEqual(before);
  });

  test('--partial writes the good rows only', async () => {
    const file = await register([
      GOOD[0]!,
      ['14-4-0904', '关于文化惠民的建议', '', '谢慧兰', '', '文化教育', '', '', '立案', '2025-01-15'],
    ]);
    const r = run(file, '--partial');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('第 4 行「类别」');
    expect(existsSync(join(content, 'proposals/14-4-0901.md'))).toBe(true);
    expect(existsSync(join(content, 'proposals/14-4-0904.md'))).toBe(false);
  });

  test('a good register becomes one file per row that the site’s schema and rules accept, names resolved to ids', async () => {
    const before = proposalFiles();
    const r = run(await register(GOOD));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('已写入 3 件提案');
    expect(proposalFiles()).toEqual([...before, '14-4-0901.md', '14-4-0902.md', '14-4-0903.md'].sort());

    process.env.CONTENT_DIR = content;
    resetRegistry();
    const parsed = (n: string) => {
      const res = schemas.proposals.safeParse(frontmatter(join(content, 'proposals', `${n}.md`)));
      expect(res.success ? [] : res.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
      return res.data as Record<string, unknown>;
    };
    expect(parsed('14-4-0901')).toMatchObject({
      number: '14-4-0901',
      session: '14-4',
      proposerType: '委员提案',
      proposers: ['xie-huilan'],
      sector: 'keji',
      category: 'urban',
      leadUnits: ['zjj'],
      coUnits: ['czj'],
      status: '交办',
      submitted: '2025-01-12',
      registered: '2025-01-20',
      assigned: '2025-02-03',
      key: true,
    });
    expect(readFileSync(join(content, 'proposals/14-4-0901.md'), 'utf8')).toMatch(/\n---\n城区停车难问题日益突出。\n$/);
    expect(parsed('14-4-0902')).toMatchObject({
      proposerType: '联名提案',
      proposers: ['wang-jianguo', 'zhao-min'],
      category: 'economy',
      leadUnits: ['fgw'],
    });
    expect(parsed('14-4-0903')).toMatchObject({
      proposerType: '集体提案',
      collective: '民进长治市委',
      proposers: [],
      key: false,
    });

    // Importing the same register again would overwrite: it is refused instead.
    const again = run(await register(GOOD));
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('第 3 行「案号」：案号“14-4-0901”已被使用');
  });

  test('the shipped template has the register’s columns and imports as an empty register', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(ROOT, 'content/templates/proposal-register.xlsx'));
    const header = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '案号',
      '届次',
      '标题',
      '提案类型',
      '提案人',
      '提案单位',
      '界别',
      '类别',
      '主办单位',
      '协办单位',
      '状态',
      '提交日期',
      '立案日期',
      '交办日期',
      '重点提案',
      '同意公开',
      '提案内容',
    ]);
    const r = run(join(ROOT, 'content/templates/proposal-register.xlsx'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('共 0 行');
  });

  test('dates typed the ways an office types them', () => {
    expect(['2025-3-1', '2025/03/01', '2025.3.1', '2025年3月1日'].map(normaliseDay)).toEqual(
      Array(4).fill('2025-03-01'),
    );
    expect(normaliseDay('3月1日')).toBeUndefined();
  });
});
