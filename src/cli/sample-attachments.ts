/**
 * Makes the small attachments of the sample notices (content/notices/) in public/media/notices/: PDFs written by hand
 * (text in Adobe's standard Chinese font STSong-Light, which readers supply, so nothing is embedded and each file stays
 * a few KB), Word files with `docx` and Excel files with `exceljs`. Run once: `node src/cli/sample-attachments.ts`.
 * The files are committed; this records how they were made.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';

const OUT = join(import.meta.dirname, '../../public/media/notices');

/** A PDF of A4 pages, each a list of lines of Chinese text, in the non-embedded font STSong-Light (UniGB-UCS2-H). */
export function chinesePdf(pages: string[][]): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) + 2; // object 1 is the catalog, 2 the page tree
  const font = add(
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [FONTDESC] >>',
  );
  const cid = add(
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor DESC /DW 1000 >>',
  );
  const desc = add(
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  );
  objects[font - 3] = objects[font - 3]!.replace('FONTDESC', `${cid} 0 R`);
  objects[cid - 3] = objects[cid - 3]!.replace('DESC', `${desc} 0 R`);
  const ucs2 = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('');
  const pageIds: number[] = [];
  for (const lines of pages) {
    const text = lines
      .map((l, i) => `BT /F1 ${i === 0 ? 18 : 12} Tf 72 ${770 - i * 24} Td <${ucs2(l)}> Tj ET`)
      .join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`);
    pageIds.push(
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  const all = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((p) => `${p} 0 R`).join(' ')}] /Count ${pageIds.length} >>`,
    ...objects,
  ];
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  all.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${all.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${all.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A Word document: a centred title, paragraphs, and a two-column form when `form` is given. */
async function wordFile(title: string, paragraphs: string[], form?: string[]): Promise<Buffer> {
  const font = { font: '仿宋', size: 32 };
  const rows = (form ?? []).map(
    (label) =>
      new TableRow({
        children: [
          new TableCell({
            width: { size: 2400, type: WidthType.DXA },
            children: [new Paragraph({ children: [new TextRun({ text: label, ...font })] })],
          }),
          new TableCell({ width: { size: 6600, type: WidthType.DXA }, children: [new Paragraph('')] }),
        ],
      }),
  );
  const doc = new Document({
    creator: '长治市政协办公室',
    title,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: title, font: '方正小标宋简体', size: 44 })],
          }),
          ...paragraphs.map(
            (p) => new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun({ text: p, ...font })] }),
          ),
          ...(rows.length ? [new Table({ rows, width: { size: 9000, type: WidthType.DXA } })] : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** An Excel workbook of one sheet: a title row, a header row and the rows. */
async function excelFile(sheet: string, title: string, header: string[], rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '长治市政协办公室';
  // A fixed date keeps the file the same from run to run.
  wb.created = wb.modified = new Date('2026-01-01T00:00:00+08:00');
  const ws = wb.addWorksheet(sheet);
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, header.length);
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  for (const c of ws.columns) c.width = 18;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const write = (name: string, data: Buffer) => writeFileSync(join(OUT, name), data);
  write(
    '2024-lvzhi-dangan-banfa.pdf',
    chinesePdf([
      [
        '长治市政协委员履职档案管理办法（试行）',
        '第一条 为规范委员履职管理，制定本办法。',
        '第二条 委员履职档案记录参加会议、提交提案、调研视察等情况。',
        '第三条 履职档案由市政协办公室委员工作科管理。',
        '第四条 本办法自印发之日起试行。',
      ],
    ]),
  );
  write(
    '2025-xieshang-jihua.pdf',
    chinesePdf([
      [
        '政协长治市委员会2025年度协商工作计划',
        '一、全体会议协商：围绕政府工作报告开展协商。',
        '二、专题议政性常委会议：推动科技服务业发展；城市更新。',
        '三、专题协商会：养老服务体系建设等四项。',
        '四、对口协商、界别协商：由各专门委员会组织。',
      ],
      [
        '附表 协商活动安排',
        '三月 全体会议协商',
        '六月 专题议政性常委会议',
        '九月 专题协商会',
        '十一月 专题议政性常委会议',
      ],
    ]),
  );
  write(
    '2026-tian-cankao-xuanti.pdf',
    chinesePdf([
      [
        '十五届一次会议提案参考选题',
        '1. 推动太行山旅游高质量发展',
        '2. 加快发展社区嵌入式养老服务',
        '3. 促进县域特色农产品精深加工',
        '4. 完善城市排水防涝体系',
        '5. 推进中小学课后服务提质',
      ],
    ]),
  );
  write(
    '2025-youxiu-tian-tuijianbiao.docx',
    await wordFile(
      '优秀提案推荐表',
      ['推荐单位（盖章）：'],
      ['提案编号', '案由', '提案人', '主办单位', '办理成效', '推荐理由'],
    ),
  );
  write(
    '2026-tian-geshi-yangben.docx',
    await wordFile(
      '提案格式样本',
      [
        '案由：关于加快发展社区嵌入式养老服务的建议',
        '提案人：（委员姓名、界别）',
        '一、问题与分析（写明现状和存在的问题）',
        '二、具体建议（分条写明，具体可行）',
      ],
      ['联系电话', '通讯地址'],
    ),
  );
  write(
    '2025-xinxi-gongkai-tongji.xlsx',
    await excelFile(
      '统计表',
      '2025年政府信息公开情况统计表',
      ['项目', '数量', '备注'],
      [
        ['主动公开信息', 136, '条'],
        ['其中：通知公告', 22, '条'],
        ['其中：提案及答复', 58, '件'],
        ['收到公开申请', 2, '件'],
        ['行政复议', 0, '件'],
        ['行政诉讼', 0, '件'],
      ],
    ),
  );
  write(
    '2026-changweihui-huizhi.xlsx',
    await excelFile(
      '回执',
      '市政协十四届常委会第十九次会议回执',
      ['姓名', '界别', '是否出席', '联系电话'],
      [['', '', '出席 / 请假', '']],
    ),
  );
}

await main();
