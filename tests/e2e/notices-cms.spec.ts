import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { notices } from '../../src/content/model.ts';
import { changes, choose, markdown, publish, typeAddress, useCmsRepo } from '../support/cms.ts';
import { frontmatter } from '../support/content.ts';
import { siteSchema } from '../support/schema.ts';

/**
 * An editor publishes a notice with an attachment in the real Decap CMS, through a real decap-server writing into a
 * throw-away copy of content/ and public/media/: the file is uploaded under an ASCII name, the notice names it, and
 * the build's own schema accepts what was written. A program renamed .pdf is refused before anything is written.
 */
const repo = useCmsRepo();
const alerts: string[] = [];
test.beforeEach(({ page }) => {
  page.on('dialog', (d) => void alerts.push(d.message()));
});

/** A file on disk as an editor's computer holds it, with the Chinese name offices give their files. */
function localFile(name: string, data: Buffer | string): string {
  const path = join(repo.dir, '..', `${Date.now()}-${name}`);
  writeFileSync(path, data);
  return path;
}

async function attach(page: Page, path: string) {
  await page.getByRole('button', { name: '选择文件' }).first().click();
  await page.locator('input[type="file"]').setInputFiles(path);
}

test('an editor publishes a notice with a Word attachment, and the file and the entry are written as the build reads them', async ({
  page,
}) => {
  const docx = readFileSync('public/media/notices/2026-tian-geshi-yangben.docx');
  const upload = localFile('会议议程.docx', docx);
  await typeAddress(page, '/collections/notices/new');
  await page.getByLabel('标题').fill('关于召开市政协十四届常委会第二十次会议的通知');
  await page.getByLabel('成文日期').fill('2026-12-05');
  await choose(page, '发布机构', '办公室');
  await page.getByLabel('索引号').fill('11140400MB1A23456X/2026-00031');
  await page.getByLabel('发文字号 (可选)').fill('长政协办发〔2026〕45号');
  await choose(page, '主题分类', '会议活动');
  await page.getByRole('button', { name: '新增附件' }).click();
  await page.getByLabel('附件名称').fill('会议议程');
  const before = repo.snapshot();
  await attach(page, upload);
  await page.getByRole('button', { name: '选用已选中项目' }).click();
  await markdown(page, '正文').fill('市政协各位常委：定于12月18日召开常委会议，请准时出席。');
  await publish(page);
  await expect(page.getByText('修改已保存')).toBeVisible();

  const { added } = changes(before, repo.snapshot());
  const media = added.filter((f) => f.startsWith('public/media/'));
  // The Chinese name became an ASCII one; the bytes are the editor's file.
  expect(media).toEqual([expect.stringMatching(/^public\/media\/attachment-\d{8}-\d{6}\.docx$/)]);
  expect(readFileSync(join(repo.dir, media[0]!)).equals(docx)).toBe(true);
  const entry = added.find((f) => f.startsWith('content/notices/'))!;
  expect(entry).toMatch(/^content\/notices\/\d{4}-\d{2}-\d{2}(-\d+)?\.md$/);
  const data = frontmatter(join(repo.dir, entry));
  expect(data.attachments).toEqual([{ name: '会议议程', file: media[0]!.replace(/^public/, '') }]);
  // What the CMS wrote passes the build's schema, file checks included.
  expect(siteSchema(repo, notices.name, data).issues).toEqual([]);
});

test('a program renamed .pdf is refused with a message, and nothing is uploaded', async ({ page }) => {
  const fake = localFile('通知.pdf', Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(200)]));
  await typeAddress(page, '/collections/notices/new');
  await page.getByRole('button', { name: '新增附件' }).click();
  const mediaBefore = readdirSync(join(repo.dir, 'public/media'));
  alerts.length = 0;
  await attach(page, fake);
  await expect.poll(() => alerts.join('\n')).toMatch(/未上传：“.*通知\.pdf”是可执行程序/);
  expect(readdirSync(join(repo.dir, 'public/media'))).toEqual(mediaBefore);
});
