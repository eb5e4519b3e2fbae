import { readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { changes, useCmsRepo, buildCopy } from '../support/cms.ts';
import {
  body,
  bodyEditor,
  caretAtEndOf,
  fixture,
  newStory,
  pasteHtml,
  PNG,
  publishSaved,
  wordProposal,
} from '../support/paste.ts';
import { freePort } from '../support/ports.ts';
import { startNginx } from '../../src/deploy/local-nginx.ts';

/**
 * An editor pastes from Word, WPS and a web page into the real Decap editor at /admin/ and imports a .docx, saving
 * through a real decap-server (file-system mode) into a throw-away copy of content/ and public/media/. The clipboard
 * HTML is the fixtures' (what those programs put on the clipboard), dispatched as a paste event with a DataTransfer
 * where the cursor is; the Markdown saved to disk is compared with the expected file, and the copy is checked for
 * exactly the files intended.
 */
const repo = useCmsRepo();
const snapshot = () => repo.snapshot();

/** Files added since `before`, and files changed or removed. */
function added(before: Map<string, string>): { added: string[]; changed: string[] } {
  const c = changes(before, repo.snapshot());
  return { added: c.added, changed: [...c.modified, ...c.removed] };
}

test('pasting from Word saves the expected Markdown, and the image Word kept on the PC is reported, not dropped silently', async ({
  page,
}) => {
  const before = snapshot();
  await newStory(page, repo, '2031-01-05', '粘贴 Word 提案');
  await pasteHtml(page, fixture('word-proposal.html'));

  const alert = page.getByRole('alert').filter({ hasText: '没有粘贴进来' });
  await expect(alert).toContainText('第 1 张图片“clip_image002.jpg”没有粘贴进来');
  await expect(alert).toContainText('从 Word 导入');
  // The body holds a footnote, which Decap's rich-text editor would turn into a link: it is shown as Markdown.
  await expect(page.getByText('正文含脚注（[^1]），请在“Markdown”模式下编辑')).toBeVisible();
  await expect(bodyEditor(page)).toContainText('| 潞州区 | 46  |');
  await publishSaved(page);

  const file = join(repo.dir, 'content/news/2031-01-05.md');
  await expect.poll(() => existsSync(file)).toBe(true);
  const expected = fixture('word-proposal.md')
    .replace(/\n!\[[^\]]*\]\(paste-image-0\)\n/, '')
    .trim();
  expect(body(file)).toBe(expected);
  expect(added(before)).toEqual({ added: ['content/news/2031-01-05.md'], changed: [] });
});

test('pasting from WPS saves the expected Markdown, in the middle of what the editor had typed', async ({ page }) => {
  const before = snapshot();
  await newStory(page, repo, '2031-01-06', '粘贴 WPS 新闻');
  await bodyEditor(page).fill('前言一段。');
  await page.keyboard.press('Enter');
  await page.keyboard.type('结语一段。');
  await expect(bodyEditor(page)).toContainText('结语一段。');
  // Back to the end of the first paragraph once the editor shows the caret there (keys pressed blind raced the editor
  // on a loaded machine), then a new line for the paste.
  await caretAtEndOf(page, '前言一段。');
  await page.keyboard.press('Enter');
  await pasteHtml(page, fixture('wps-news.html'));
  await expect(bodyEditor(page).locator('table')).toContainText('麟绛街道');
  await publishSaved(page);

  const file = join(repo.dir, 'content/news/2031-01-06.md');
  await expect.poll(() => existsSync(file)).toBe(true);
  expect(body(file)).toBe(`前言一段。\n\n${fixture('wps-news.md').trim()}\n\n结语一段。`);
  expect(added(before)).toEqual({ added: ['content/news/2031-01-06.md'], changed: [] });
});

test('pasting a web page uploads its image under a generated ASCII name and reports the one it cannot read', async ({
  page,
}) => {
  const before = snapshot();
  await newStory(page, repo, '2031-01-07', '粘贴网页');
  await pasteHtml(page, fixture('web-page.html'));
  await expect(page.getByRole('alert')).toContainText('第 2 张图片“7d1e0c7a-2f1b-4c55-9a39-1a4f1c2b3d4e”没有粘贴进来');
  await expect(bodyEditor(page)).toContainText('![会场](/media/paste-');
  await publishSaved(page);

  const file = join(repo.dir, 'content/news/2031-01-07.md');
  await expect.poll(() => existsSync(file)).toBe(true);
  const change = added(before);
  expect(change.changed).toEqual([]);
  const media = change.added.filter((f) => f.startsWith('public/media/'));
  expect(media).toHaveLength(1);
  expect(media[0]).toMatch(/^public\/media\/paste-\d{8}-[a-z0-9]{6}\.png$/);
  expect(readFileSync(join(repo.dir, media[0]!))).toEqual(PNG);
  expect(change.added).toEqual(['content/news/2031-01-07.md', media[0]].sort());
  const expected = fixture('web-page.md')
    .replace('(paste-image-0)', `(/${media[0]!.replace(/^public\//, '')})`)
    .replace(/\n!\[\]\(paste-image-1\)\n/, '')
    .trim();
  expect(body(file)).toBe(expected);
});

test('从 Word 导入: a .docx fills the title and the body, and its picture is uploaded', async ({ page }) => {
  const docx = join(repo.dir, '..', `${Date.now()}-tian.docx`);
  writeFileSync(docx, await wordProposal());
  const before = snapshot();

  await newStory(page, repo, '2031-01-08', '临时标题');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '从 Word 导入' }).click();
  await (await chooser).setFiles(docx);
  await expect(page.getByLabel('标题')).toHaveValue('关于推进社区嵌入式养老服务的提案');
  await expect(bodyEditor(page)).toContainText('| 上党区 | 18  |');
  await publishSaved(page);

  const file = join(repo.dir, 'content/news/2031-01-08.md');
  await expect.poll(() => existsSync(file)).toBe(true);
  const change = added(before);
  const media = change.added.filter((f) => f.startsWith('public/media/'));
  expect(media).toEqual([expect.stringMatching(/^public\/media\/word-\d{8}-[a-z0-9]{6}\.png$/)]);
  expect(readFileSync(join(repo.dir, media[0]!))).toEqual(PNG);
  expect(change).toEqual({ added: ['content/news/2031-01-08.md', media[0]].sort(), changed: [] });
  expect(readFileSync(file, 'utf8')).toContain('title: 关于推进社区嵌入式养老服务的提案');
  expect(body(file)).toBe(
    [
      '## 一、基本情况',
      '全市 60 岁以上老年人口占比达 **21.3%**。[^1]',
      '| 县区  | 养老服务站（个） |\n| --- | --- |\n| 上党区 | 18  |',
      `![养老服务站](/${media[0]!.replace(/^public\//, '')})`,
      '[^1]: 长政办发〔2024〕6号。',
    ].join('\n\n'),
  );
  rmSync(docx);
});

test('after pasting a footnote, typing more changes only what was typed (the body is edited as Markdown)', async ({
  page,
}) => {
  await newStory(page, repo, '2031-01-09', '粘贴后继续编辑');
  await pasteHtml(page, fixture('word-proposal.html'));
  await expect(bodyEditor(page)).toContainText('[^1]: 长政办发〔2023〕18号。');
  await caretAtEndOf(page, '各县区加装进度如下：');
  await page.keyboard.insertText('（截至11月底）');
  await publishSaved(page);

  const file = join(repo.dir, 'content/news/2031-01-09.md');
  await expect.poll(() => existsSync(file)).toBe(true);
  const expected = fixture('word-proposal.md')
    .replace(/\n!\[[^\]]*\]\(paste-image-0\)\n/, '')
    .replace('各县区加装进度如下：', '各县区加装进度如下：（截至11月底）')
    .trim();
  expect(body(file)).toBe(expected);
});

test('after pasting from WPS, typing more in the rich-text editor keeps the table and the lists', async ({ page }) => {
  await newStory(page, repo, '2031-01-10', '粘贴后在富文本中继续编辑');
  await pasteHtml(page, fixture('wps-news.html'));
  await expect(bodyEditor(page).locator('table')).toContainText('麟绛街道');
  await caretAtEndOf(page, '会议提出三点要求：');
  await page.keyboard.insertText('（会后印发）');
  await publishSaved(page);

  const file = join(repo.dir, 'content/news/2031-01-10.md');
  await expect.poll(() => existsSync(file)).toBe(true);
  const saved = body(file);
  // Decap writes the Markdown its own way (list markers, table padding); what a reader sees is the same.
  expect(saved).toContain('会议提出三点要求：（会后印发）');
  expect(saved).toMatch(/^\|\s*屯留区\s*\|\s*余吾镇\s*\|\s*12\s*\|$/m);
  expect(saved).toMatch(/^[-*] 麟绛街道“议事长廊”$/m);
  expect(saved).toMatch(/^2\. 成果要转化，协商结果及时报送党委政府。$/m);
  expect(saved).toContain('[市政协网站](http://www.czzx.gov.cn/xwzx/202412/t20241203_2001.html)');
});

test('pasting a screenshot (an image file on the clipboard) uploads it and puts it where the cursor was', async ({
  page,
}) => {
  const before = snapshot();
  await newStory(page, repo, '2031-01-11', '粘贴截图');
  await bodyEditor(page).fill('图为会场。');
  await page.keyboard.press('Enter');
  await bodyEditor(page).evaluate(
    (el, bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], 'image.png', { type: 'image/png' }));
      const at = window.getSelection()?.anchorNode;
      const target = (at?.nodeType === 1 ? (at as Element) : at?.parentElement) ?? el;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    },
    [...PNG],
  );
  await expect(bodyEditor(page).locator('img')).toHaveCount(1);
  await publishSaved(page);

  const file = join(repo.dir, 'content/news/2031-01-11.md');
  await expect.poll(() => existsSync(file)).toBe(true);
  const change = added(before);
  const media = change.added.filter((f) => f.startsWith('public/media/'));
  expect(media).toEqual([expect.stringMatching(/^public\/media\/paste-\d{8}-[a-z0-9]{6}\.png$/)]);
  expect(readFileSync(join(repo.dir, media[0]!))).toEqual(PNG);
  expect(change).toEqual({ added: ['content/news/2031-01-11.md', media[0]].sort(), changed: [] });
  expect(body(file)).toBe(`图为会场。\n\n![](/${media[0]!.replace(/^public\//, '')})`);
});

test('the site’s build publishes what was pasted and imported: headings, table, list, pictures, footnotes under 注释', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // The build's link check also proves every pasted image and footnote link resolves.
  const out = buildCopy(repo, { PUBLISH_NOW: '2031-12-31T00:00:00+08:00' });
  const site = await startNginx({ port: await freePort(), root: out });
  try {
    const origin = site.url.replace(/\/$/, '');
    const files = readdirSync(join(out, 'news')).filter((d) => d.startsWith('2031-01-05'));
    await page.goto(`${origin}/news/${files[0]}/`);
    const article = page.locator('.prose-zh');
    await expect(article.getByRole('heading', { level: 2, name: '一、存在的问题' })).toBeVisible();
    await expect(article.getByRole('heading', { level: 3, name: '（一）资金筹措难' })).toBeVisible();
    await expect(article.getByRole('table').getByRole('columnheader')).toHaveText(['县区', '已加装（部）']);
    await expect(article.locator(':scope > ol > li')).toHaveCount(3);
    await expect(article.getByRole('link', { name: '《长治市既有住宅加装电梯实施办法》' })).toHaveAttribute(
      'href',
      /zjj\.changzhi\.gov\.cn/,
    );
    await expect(article.getByRole('heading', { name: '注释' })).toBeAttached();
    await expect(article.locator('section[data-footnotes] li')).toHaveText(/长政办发〔2023〕18号。/);

    const imported = readdirSync(join(out, 'news')).filter((d) => d.startsWith('2031-01-08'));
    await page.goto(`${origin}/news/${imported[0]}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('关于推进社区嵌入式养老服务的提案');
    const img = page.locator('.prose-zh img[alt="养老服务站"]');
    // Loaded from the photo variants the build made of it (the width a srcset reports is relative to the column, so
    // naturalWidth is not the file's), and shown at its own size, not blown up to the column's width.
    await expect
      .poll(() =>
        img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0 && new URL(i.currentSrc).pathname),
      )
      .toMatch(/^\/_img\/word-/);
    expect(await img.evaluate((i) => i.getBoundingClientRect().width)).toBe(1);
  } finally {
    await site.stop();
  }
});
