import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, test } from 'vitest';
import { DOC_NUMBER_PATTERN, INDEX_NUMBER_PATTERN } from '../../src/content/model.ts';
import { attachmentProblem, attachmentType, formatSize } from '../../src/lib/attachment-check.ts';
import { issuerName, noticeUrl, noticeValidity } from '../../src/lib/notices.ts';
import { visibility } from '../../src/lib/publication.ts';
import { docNumberQuery, docNumberToken, indexNumberToken } from '../../src/lib/search/doc-numbers.ts';
import { parseQuery } from '../../src/scripts/search/query.ts';
import { ContentFixture } from '../support/fixture.ts';

/** 通知公告: the rules of its fields, its attachments and its numbers, and broken notices stopping the build. */

const MEDIA = join(import.meta.dirname, '../../public/media/notices');
const head = (bytes: number[] | string) =>
  typeof bytes === 'string' ? new TextEncoder().encode(bytes) : new Uint8Array(bytes);
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

describe('attachments are what their names say', () => {
  test('the sample files pass as the type their extension names', () => {
    for (const name of ['2025-xieshang-jihua.pdf', '2026-tian-geshi-yangben.docx', '2025-xinxi-gongkai-tongji.xlsx']) {
      const bytes = readFileSync(join(MEDIA, name));
      expect(attachmentProblem({ name, size: bytes.length, head: bytes.subarray(0, 8) }), name).toBeUndefined();
    }
    // Word and Excel 97-2003 and WPS's own formats are OLE2 compound files.
    for (const name of ['a.doc', 'a.xls', 'a.wps', 'a.et'])
      expect(attachmentProblem({ name, size: 10, head: head(OLE2) }), name).toBeUndefined();
  });

  test('a program renamed .pdf, a .docx that is not one and a type not on the list are refused with the file named', () => {
    expect(attachmentProblem({ name: 'tongzhi.pdf', size: 10, head: head('MZ\x90\x00') })).toMatch(
      /“tongzhi\.pdf”是可执行程序/,
    );
    expect(attachmentProblem({ name: 'biao.docx', size: 10, head: head('%PDF-1.4') })).toMatch(
      /“biao\.docx”的内容不是 Word 文件/,
    );
    expect(attachmentProblem({ name: 'old.doc', size: 10, head: head('PK\x03\x04') })).toMatch(/不是 Word 文件/);
    expect(attachmentProblem({ name: 'setup.exe', size: 10, head: head('MZ') })).toMatch(
      /“setup\.exe”的类型不能作为附件/,
    );
    expect(attachmentProblem({ name: 'big.pdf', size: 21 * 1024 * 1024, head: head('%PDF-1.7') })).toMatch(
      /附件过大.*21\.0 MB.*20 MB/,
    );
  });

  test('type and size read as a reader expects', () => {
    expect(attachmentType('/media/a.PDF')).toBe('PDF');
    expect(attachmentType('a.xlsx')).toBe('Excel');
    expect(attachmentType('a.et')).toBe('WPS 表格');
    expect(formatSize(312 * 1024 + 100)).toBe('312 KB');
    expect(formatSize(200)).toBe('1 KB');
    expect(formatSize(1.45 * 1024 * 1024)).toBe('1.4 MB');
  });
});

describe('numbers', () => {
  test('索引号 and 发文字号 patterns take the written forms and refuse the slips', () => {
    const index = new RegExp(INDEX_NUMBER_PATTERN);
    expect(index.test('11140400MB1A23456X/2025-00012')).toBe(true);
    expect(index.test('01234567-8/2025-00012')).toBe(true);
    for (const bad of ['11140400MB1A23456X/2025-12', '11140400MB1A23456X-2025-00012', '长政协/2025-00012', ''])
      expect(index.test(bad), bad).toBe(false);
    const doc = new RegExp(DOC_NUMBER_PATTERN);
    expect(doc.test('长政协发〔2025〕12号')).toBe(true);
    for (const bad of ['长政协发[2025]12号', '长政协发（2025）12号', '长政协发〔25〕12号', '〔2025〕12号'])
      expect(doc.test(bad), bad).toBe(false);
  });

  test("a 发文字号 typed with or without 〔〕 asks for the notice's own token", () => {
    const token = docNumberToken('长政协发〔2025〕12号')!;
    expect(token).toMatch(/^dn[a-z0-9]+y2025n12$/);
    for (const q of [
      '长政协发〔2025〕12号',
      '长政协发[2025]12号',
      '长政协发［2025］12号',
      '长政协发（2025）12号',
      '长政协发2025年12号',
      '长政协发2025 12号',
      '长政协发〔2025〕第12号',
      '“长政协发〔2025〕12号”',
    ]) {
      expect(docNumberQuery(q), q).toBe(token);
      expect(parseQuery(q).text, q).toBe(token);
    }
    // Another issuer's code, year or serial is another token; prose and proposal numbers are not 发文字号.
    expect(docNumberToken('长政协办发〔2025〕12号')).not.toBe(token);
    expect(docNumberToken('长政协发〔2025〕13号')).not.toBe(token);
    for (const q of ['提案工作', '第58号提案', '14-3-0123', '2025年']) expect(docNumberQuery(q), q).toBeUndefined();
  });

  test('a 索引号 is found as one word, whatever its case and spacing', () => {
    const token = indexNumberToken('11140400MB1A23456X/2025-00012');
    expect(token).toBe('ix11140400mb1a23456x202500012');
    expect(docNumberQuery('11140400mb1a23456x / 2025-00012')).toBe(token);
  });
});

describe('pages of a notice', () => {
  test('the issuer is named in full, from the settings', () => {
    expect(issuerName('中国人民政治协商会议长治市委员会办公室', '提案委员会')).toBe(
      '中国人民政治协商会议长治市委员会提案委员会',
    );
    expect(issuerName('中国人民政治协商会议长治市委员会办公室', '办公室')).toBe(
      '中国人民政治协商会议长治市委员会办公室',
    );
    expect(noticeUrl()).toBe('/notices/');
    expect(noticeUrl('2025-06-16')).toBe('/notices/2025-06-16/');
  });

  test('in force, lapsed after its term, repealed from its day', () => {
    expect(noticeValidity({}, '2026-01-01')).toBe('有效');
    expect(noticeValidity({ validUntil: '2025-07-31' }, '2025-07-31')).toBe('有效');
    expect(noticeValidity({ validUntil: '2025-07-31' }, '2025-08-01')).toBe('已失效');
    expect(noticeValidity({ repealed: '2025-12-31' }, '2025-12-30')).toBe('有效');
    expect(noticeValidity({ repealed: '2025-12-31', validUntil: '2030-01-01' }, '2025-12-31')).toBe('已废止');
  });

  test('scheduled and withdrawn as news are', () => {
    const now = new Date('2026-12-07T09:00:00+08:00');
    expect(visibility('notices', { date: new Date('2026-12-08T09:00:00+08:00') }, now)).toBe('scheduled');
    expect(visibility('notices', { date: new Date('2026-12-01T09:00:00+08:00') }, now)).toBe('published');
    expect(
      visibility(
        'notices',
        { date: new Date('2026-12-01T09:00:00+08:00'), withdrawn: { date: '2026-12-02', reason: '文号有误' } },
        now,
      ),
    ).toBe('withdrawn');
  });
});

describe('a broken notice stops the build naming the file and the field', () => {
  let fixture: ContentFixture | undefined;
  afterEach(() => fixture?.dispose());
  const notice = 'notices/2026-11-25.md';

  it.each([
    [
      'a missing attachment',
      (f: ContentFixture) =>
        f.edit(notice, '/media/notices/2026-tian-cankao-xuanti.pdf', '/media/notices/no-such-file.pdf'),
      'attachments.1.file',
      '「附件文件」文件不存在：/media/notices/no-such-file.pdf',
    ],
    [
      'a malformed 索引号',
      (f: ContentFixture) => f.edit(notice, '/2026-00021', '/2026-21'),
      'indexNumber',
      '索引号应为“统一社会信用代码/年份-五位流水号”',
    ],
    [
      'a 发文字号 with square brackets',
      (f: ContentFixture) => f.edit(notice, '长政协发〔2026〕21号', '长政协发[2026]21号'),
      'docNumber',
      '年份用六角括号〔〕',
    ],
    [
      'an unknown issuer',
      (f: ContentFixture) => f.edit(notice, 'publisher: proposals', 'publisher: no-such-body'),
      'publisher',
      'no-such-body',
    ],
    [
      'a 主题分类 not on the list',
      (f: ContentFixture) => f.edit(notice, 'topic: 提案工作', 'topic: 杂项'),
      'topic',
      '「主题分类」只能是',
    ],
    [
      'a program renamed .pdf',
      (f: ContentFixture) => {
        f.writePublic('media/notices/2026-tian-cankao-xuanti.pdf', 'MZ\x90\x00 this program cannot be run in DOS mode');
      },
      'attachments.1.file',
      '是可执行程序',
    ],
  ])('rejects %s', (_what, change, field, detail) => {
    fixture = new ContentFixture();
    change(fixture);
    const { status, output } = fixture.astro('sync');
    expect(status).not.toBe(0);
    expect(output).toContain('notices → 2026-11-25');
    expect(output).toContain('content/notices/2026-11-25.md');
    expect(output).toContain(`${field}: `);
    expect(output).toContain(detail);
  });

  it('fails the link check on a link to an attachment the site does not have', () => {
    fixture = new ContentFixture();
    fixture.edit(notice, '（见附件2）', '（见[附件2](/media/notices/2026-tian-xuanti-old.pdf)）');
    const { status, output } = fixture.astro('build', { SKIP_SEARCH_INDEX: '1' });
    expect(status).not.toBe(0);
    expect(output).toContain('/notices/2026-11-25/ → /media/notices/2026-tian-xuanti-old.pdf');
  });
});
