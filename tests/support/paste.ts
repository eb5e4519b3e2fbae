import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { fillDate, markdown, type CmsRepo } from './cms.ts';

/** What the paste specs share: the clipboard fixtures, a new story to paste into, the paste itself, the caret. */

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/paste');
/** A real 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The Markdown body of a saved entry. */
export const body = (file: string) =>
  readFileSync(file, 'utf8')
    .split(/\n---\n/)
    .slice(1)
    .join('\n---\n')
    .trim();

export const bodyEditor = (page: Page) => markdown(page, '正文');

/** A new news brief with its required fields, dated `day` so its file is `content/news/<day>.md`. */
export async function newStory(page: Page, repo: CmsRepo, day: string, title: string) {
  await page.goto(`/admin/?cms_port=${repo.port}#/collections/news/new`);
  await page.getByLabel('标题').fill(title);
  await fillDate(page, '发布时间', `${day} 10:00`, `${day} 10:00`);
  await page.getByLabel('摘要').fill('一句话摘要。');
  await page.getByLabel('署名').fill('本报记者 王磊');
}

/** Paste clipboard HTML where the cursor is in the body editor, as the browser does for Ctrl+V. */
export async function pasteHtml(page: Page, html: string) {
  const editor = bodyEditor(page);
  await editor.click();
  await editor.evaluate((el, html) => {
    const dt = new DataTransfer();
    dt.setData('text/html', html);
    dt.setData('text/plain', 'plain text of the clipboard');
    const at = window.getSelection()?.anchorNode;
    const target = (at?.nodeType === 1 ? (at as Element) : at?.parentElement) ?? el;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, html);
}

/**
 * Put the caret at the end of a line of the body, as an editor does (click the line, press End), once the editor
 * shows it there: the rich-text editor takes the browser's selection over a moment later and may put it back.
 */
export async function caretAtEndOf(page: Page, text: string) {
  await bodyEditor(page).getByText(text, { exact: true }).click();
  const before = () =>
    bodyEditor(page).evaluate((el) => {
      const s = getSelection();
      if (!s?.anchorNode) return '';
      const r = document.createRange();
      r.setStart(el, 0);
      r.setEnd(s.anchorNode, s.anchorOffset);
      return r.toString().replace(/\uFEFF/g, '');
    });
  await expect(async () => {
    await page.keyboard.press('End');
    expect(await before()).toMatch(new RegExp(`${text}$`));
    expect(await before()).toMatch(new RegExp(`${text}$`));
  }).toPass();
}

/** Press 发布 → 立即发布 and wait for the save. */
export async function publishSaved(page: Page) {
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByRole('menuitem', { name: '立即发布' }).click();
  await expect(page.getByText('修改已保存')).toBeVisible();
}

/** A clipboard fixture (what Word, WPS or a browser put on the clipboard), or its expected Markdown. */
export const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** A proposal as Word saves it: a Title, a heading, bold text with a footnote, a table and a picture. */
export async function wordProposal(): Promise<Buffer> {
  const doc = new Document({
    footnotes: { 1: { children: [new Paragraph('长政办发〔2024〕6号。')] } },
    sections: [
      {
        children: [
          new Paragraph({
            text: '关于推进社区嵌入式养老服务的提案',
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
          }),
          new Paragraph({ text: '一、基本情况', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun('全市 60 岁以上老年人口占比达 '),
              new TextRun({ text: '21.3%', bold: true }),
              new TextRun('。'),
              new FootnoteReferenceRun(1),
            ],
          }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('县区')] }),
                  new TableCell({ children: [new Paragraph('养老服务站（个）')] }),
                ],
              }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('上党区')] }),
                  new TableCell({ children: [new Paragraph('18')] }),
                ],
              }),
            ],
          }),
          new Paragraph({
            children: [
              new ImageRun({
                type: 'png',
                data: PNG,
                transformation: { width: 40, height: 40 },
                altText: { name: '养老服务站', description: '养老服务站', title: '养老服务站' },
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
