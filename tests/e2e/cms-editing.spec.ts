import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { collection } from '../../src/content/model.ts';
import { rawEntries } from '../support/content.ts';
import { changes, choose, cmsRepo, login, publish, typeAddress, type CmsRepo } from '../support/cms.ts';

test.describe.configure({ mode: 'serial' });
test.use({ bypassCSP: true });

let repo: CmsRepo;
test.beforeAll(async () => {
  repo = await cmsRepo();
});
test.afterAll(() => repo?.stop());
test.beforeEach(async ({ page }) => {
  page.on('dialog', (d) => void d.accept());
  await login(page, repo);
});

test('switching entries by the address bar shows and saves the second entry', async ({ page }) => {
  const [a, b] = rawEntries(collection('news'), repo.content());
  await typeAddress(page, `/collections/news/entries/${a!.id}`);
  await expect(page.getByLabel('标题')).toHaveValue(String(a!.data.title));
  await typeAddress(page, `/collections/news/entries/${b!.id}`);
  await expect(page.getByLabel('标题')).toHaveValue(String(b!.data.title), { timeout: 20_000 });
  const before = repo.snapshot();
  await page.getByLabel('标题').fill(`${String(b!.data.title)}（改）`);
  await publish(page);
  await expect(page.getByText('修改已保存')).toBeVisible();
  expect(changes(before, repo.snapshot())).toEqual({ added: [], removed: [], modified: [`content/news/${b!.id}.md`] });
  expect(readFileSync(repo.content('news', `${b!.id}.md`), 'utf8')).toContain('（改）');
});

const openEntry = async (page: Page, collectionName: string, slug: string, label: string, value: string) => {
  await typeAddress(page, `/collections/${collectionName}/entries/${slug}`);
  // Moving to another entry reloads the admin, which takes a few seconds on a busy machine.
  await expect(page.getByLabel(label, { exact: true })).toHaveValue(value, { timeout: 20_000 });
};

test.describe('moving between entries never edits the wrong file', () => {
  const news = () => rawEntries(collection('news'), repo.content());
  const title = (e: { data: Record<string, unknown> }) => String(e.data.title);

  test('the back button returns to the first entry, and its save writes that entry', async ({ page }) => {
    const [, a, b] = news();
    await openEntry(page, 'news', a!.id, '标题', title(a!));
    await openEntry(page, 'news', b!.id, '标题', title(b!));
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`/entries/${a!.id}$`));
    await expect(page.getByLabel('标题')).toHaveValue(title(a!), { timeout: 20_000 });
    const before = repo.snapshot();
    await page.getByLabel('标题').fill(`${title(a!)}（返回后修改）`);
    await publish(page);
    await expect(page.getByText('修改已保存')).toBeVisible();
    expect(changes(before, repo.snapshot())).toEqual({
      added: [],
      removed: [],
      modified: [`content/news/${a!.id}.md`],
    });
  });

  test('with unsaved changes, saying no to leaving keeps the first entry and its address', async ({ page }) => {
    const [, , a, b] = news();
    await openEntry(page, 'news', a!.id, '标题', title(a!));
    await page.getByLabel('标题').fill(`${title(a!)}（未保存）`);
    page.removeAllListeners('dialog');
    const asked: string[] = [];
    page.on('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await typeAddress(page, `/collections/news/entries/${b!.id}`);
    await expect.poll(() => asked).toEqual(['你确定要离开此页面吗？']);
    await expect(page).toHaveURL(new RegExp(`/entries/${a!.id}$`));
    await expect(page.getByLabel('标题')).toHaveValue(`${title(a!)}（未保存）`);
    page.removeAllListeners('dialog');
    page.on('dialog', (d) => void d.accept());
    const before = repo.snapshot();
    await publish(page);
    await expect(page.getByText('修改已保存')).toBeVisible();
    expect(changes(before, repo.snapshot())).toEqual({
      added: [],
      removed: [],
      modified: [`content/news/${a!.id}.md`],
    });
  });

  test('with unsaved changes, agreeing to leave opens the second entry and writes nothing', async ({ page }) => {
    const [, , , a, b] = news();
    const before = repo.snapshot();
    await openEntry(page, 'news', a!.id, '标题', title(a!));
    await page.getByLabel('标题').fill(`${title(a!)}（放弃）`);
    const asked: string[] = [];
    page.on('dialog', (d) => asked.push(d.type()));
    await typeAddress(page, `/collections/news/entries/${b!.id}`);
    await expect(page.getByLabel('标题')).toHaveValue(title(b!), { timeout: 20_000 });
    await expect(page.getByText('含未保存的修改')).toHaveCount(0);
    // Asked once, by Decap; the reload that follows does not ask again.
    expect(asked).toEqual(['confirm']);
    expect(changes(before, repo.snapshot())).toEqual({ added: [], removed: [], modified: [] });
  });

  test('an address of a new entry opens an empty form, not the entry before', async ({ page }) => {
    const [a] = news();
    await openEntry(page, 'news', a!.id, '标题', title(a!));
    await typeAddress(page, '/collections/news/new');
    await expect(page.getByLabel('署名')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByLabel('标题')).toHaveValue('');
    await expect(page.getByLabel('署名')).toHaveValue('');
  });

  test('an address in another collection opens that collection’s entry', async ({ page }) => {
    const [a] = news();
    const voice = rawEntries(collection('voices'), repo.content())[0]!;
    await openEntry(page, 'news', a!.id, '标题', title(a!));
    await typeAddress(page, `/collections/voices/entries/${voice.id}`);
    await expect(page.getByLabel('标题')).toHaveValue(title(voice), { timeout: 20_000 });
    await expect(page.getByLabel('栏目')).toHaveCount(1);
  });

  test('deleting after moving by the address deletes the entry shown, and only it', async ({ page }) => {
    const all = news();
    const a = all.at(-2)!;
    const b = all.at(-1)!;
    await openEntry(page, 'news', a.id, '标题', title(a));
    await openEntry(page, 'news', b.id, '标题', title(b));
    const before = repo.snapshot();
    await page.getByRole('button', { name: '删除内容' }).click();
    await expect(page).toHaveURL(/\/collections\/news$/);
    await expect
      .poll(() => changes(before, repo.snapshot()))
      .toEqual({ added: [], removed: [`content/news/${b.id}.md`], modified: [] });
  });
});

/** The error Decap shows beside a field, by the field's label (optional fields' labels end in “(可选)”). */
const fieldError = (page: Page, label: string) =>
  page.locator(`label:text-matches("^${label}( \\\\(可选\\\\))?$") + ul li`);

/** Press 发布 and see the save refused: the message beside the field, and no file written. */
async function refused(page: Page, label: string, message: string | RegExp) {
  const before = repo.snapshot();
  await publish(page);
  await expect(fieldError(page, label)).toContainText(message);
  await expect(page.getByText('修改已保存')).toHaveCount(0);
  expect(changes(before, repo.snapshot())).toEqual({ added: [], removed: [], modified: [] });
}

test.describe('the build’s rules across fields refuse a save in the CMS', () => {
  test('a number not of its session', async ({ page }) => {
    await openEntry(page, 'proposals', '14-3-0123', '提案编号', '14-3-0123');
    await choose(page, '届次', '第四次会议');
    await refused(page, '提案编号', '提案编号“14-3-0123”应以届次“14-4-”开头');
  });

  test('a 联名提案 with one proposer', async ({ page }) => {
    await openEntry(page, 'proposals', '14-3-0123', '提案编号', '14-3-0123');
    await choose(page, '提案类型', '联名提案');
    await refused(page, '提案人', '联名提案至少选择两位「提案人」');
  });

  test('a 集体提案 without its proposing body', async ({ page }) => {
    await openEntry(page, 'proposals', '14-3-0123', '提案编号', '14-3-0123');
    await choose(page, '提案类型', '集体提案');
    await refused(page, '提案单位', '集体提案必须填写「提案单位」');
  });

  test('a unit both lead and co-unit', async ({ page }) => {
    await openEntry(page, 'proposals', '14-3-0123', '提案编号', '14-3-0123');
    await choose(page, '协办单位 (可选)', '长治市科学技术局');
    await refused(page, '协办单位', '“kjj”已是主办单位，不能同时是协办单位');
  });

  test('a reply from a unit that does not handle the proposal', async ({ page }) => {
    await openEntry(page, 'proposals', '14-3-0123', '提案编号', '14-3-0123');
    await page.getByRole('button', { name: 'Remove 长治市市场监督管理局' }).click();
    await refused(page, '答复与办理意见', '第3条答复与办理意见：答复单位“scjgj”不在主办、协办或会办单位中');
  });

  test('已办复 without a reply, and an evaluation before any reply', async ({ page }) => {
    await openEntry(page, 'proposals', '14-4-0104', '提案编号', '14-4-0104');
    await choose(page, '办理状态', '已办复');
    await choose(page, '委员评价 (可选)', '满意');
    await refused(page, '答复与办理意见', '办理状态为“已办复”，但主办单位');
    await expect(fieldError(page, '委员评价')).toHaveText('主办单位答复之前不能填写「委员评价」');
  });

  test('a changed number, which would leave the file under the old one', async ({ page }) => {
    await openEntry(page, 'proposals', '14-3-0123', '提案编号', '14-3-0123');
    await page.getByLabel('提案编号').fill('14-3-0124');
    await refused(
      page,
      '提案编号',
      '本条保存在 content/proposals/14-3-0123.md，网址由「提案编号」而来，保存后不能改为“14-3-0124”',
    );
  });

  test('a duplicated proposal keeping its number is refused, not saved as -1', async ({ page }) => {
    await openEntry(page, 'proposals', '14-3-0058', '提案编号', '14-3-0058');
    await page.getByRole('button', { name: '已发布' }).click();
    await page.getByRole('menuitem', { name: '复制' }).click();
    await expect(page).toHaveURL(/\/collections\/proposals\/new/);
    await refused(page, '提案编号', '「提案编号」“14-3-0058”已被 content/proposals/14-3-0058.md 使用，不能重复');
    await page.getByLabel('提案编号').fill('14-3-0059');
    const before = repo.snapshot();
    await publish(page);
    await expect(page.getByText('修改已保存')).toBeVisible();
    expect(changes(before, repo.snapshot())).toEqual({
      added: ['content/proposals/14-3-0059.md'],
      removed: [],
      modified: [],
    });
  });

  test('a second review of the same year', async ({ page }) => {
    await openEntry(page, 'reviews', '2024-gongzuo-huimou', '回顾年度', '2024');
    await page.getByRole('button', { name: '已发布' }).click();
    await page.getByRole('menuitem', { name: '复制' }).click();
    await expect(page).toHaveURL(/\/collections\/reviews\/new/);
    await refused(page, '回顾年度', '「回顾年度」“2024”已被 content/reviews/2024-gongzuo-huimou.md 使用，不能重复');
  });
});

test('two tabs on one entry: the later save does not undo the earlier one', async ({ page, context }) => {
  const voice = rawEntries(collection('voices'), repo.content())[0]!;
  const file = repo.content('voices', `${voice.id}.md`);
  const title = String(voice.data.title);
  await openEntry(page, 'voices', voice.id, '标题', title);
  const other = await context.newPage();
  other.on('dialog', (d) => void d.accept());
  await login(other, repo);
  await openEntry(other, 'voices', voice.id, '标题', title);

  // The second tab saves twice; its own first save is no conflict for its second.
  const before = repo.snapshot();
  await other.getByLabel('标题').fill(`${title}（二）`);
  await publish(other);
  await expect(other.getByText('修改已保存')).toBeVisible();
  await other.getByLabel('摘要').fill('第二个窗口改写的摘要。');
  await publish(other);
  await expect.poll(() => readFileSync(file, 'utf8')).toContain('第二个窗口改写的摘要。');
  const saved = readFileSync(file, 'utf8');

  // The first tab still holds the text it opened: its save is refused, and the file keeps the second tab's work.
  await page.getByLabel('标题').fill(`${title}（一）`);
  await publish(page);
  await expect(page.getByText(`文件 content/voices/${voice.id}.md 在您打开之后已被修改`)).toBeVisible();
  expect(readFileSync(file, 'utf8')).toBe(saved);
  expect(changes(before, repo.snapshot())).toEqual({
    added: [],
    removed: [],
    modified: [`content/voices/${voice.id}.md`],
  });
  await expect(page.getByLabel('标题')).toHaveValue(`${title}（一）`);
  await other.close();
});

test.describe('uploads are checked before they are written', () => {
  /** A file beside the repo copy, to upload. */
  const upload = (name: string, bytes: Buffer | string) => {
    const file = join(repo.dir, '..', `${basename(repo.dir)}-${name}`);
    writeFileSync(file, bytes);
    return { name: basename(file), file };
  };
  const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  async function chooseFile(page: Page, file: string) {
    await page.getByRole('button', { name: '选择图片' }).first().click();
    await page.locator('input[type="file"]').setInputFiles(file);
  }

  /** Uploading `file` is refused with `message` in a dialog, and nothing is written. */
  async function refusedUpload(page: Page, file: string, message: string | RegExp) {
    const story = rawEntries(collection('news'), repo.content()).find((n) => !n.data.cover)!;
    await openEntry(page, 'news', story.id, '标题', String(story.data.title));
    const said: string[] = [];
    page.on('dialog', (d) => said.push(d.message()));
    const before = repo.snapshot();
    await chooseFile(page, file);
    await expect.poll(() => said.join('\n')).toMatch(message);
    await page.waitForLoadState('networkidle');
    expect(changes(before, repo.snapshot())).toEqual({ added: [], removed: [], modified: [] });
  }

  test('a program renamed .png is refused', async ({ page }) => {
    const exe = upload(
      'setup.png',
      Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(4096)]),
    );
    await refusedUpload(page, exe.file, `未上传：“${exe.name}”不是图片：文件内容与扩展名 .png 不符`);
  });

  test('a 10 MB PNG is refused by the limit of the settings', async ({ page }) => {
    const big = upload('big.png', Buffer.concat([PNG_HEAD, Buffer.alloc(10 * 1024 * 1024)]));
    await refusedUpload(page, big.file, `图片过大：“${big.name}”10.0 MB，不能超过 5 MB`);
  });

  test('an SVG linking to an outside file is refused', async ({ page }) => {
    const svg = upload(
      'map.svg',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="http://example.com/a.png" width="9" height="9"/></svg>',
    );
    await refusedUpload(page, svg.file, 'SVG 图片含有脚本、事件代码或外部链接');
  });

  test('an SVG carrying script is written without it, and nothing else changes', async ({ page }) => {
    const svg = upload(
      'chart.svg',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script><rect width="9" height="9" fill="#a4161a"/></svg>',
    );
    const story = rawEntries(collection('news'), repo.content()).find((n) => !n.data.cover)!;
    await openEntry(page, 'news', story.id, '标题', String(story.data.title));
    const before = repo.snapshot();
    await chooseFile(page, svg.file);
    await page.getByRole('button', { name: '选用已选中项目' }).click();
    await page.getByLabel('替代文字').fill('提案办理情况示意图');
    await publish(page);
    await expect(page.getByText('修改已保存')).toBeVisible();
    const name = `public/media/${svg.name.toLowerCase()}`;
    expect(changes(before, repo.snapshot())).toEqual({
      added: [name],
      removed: [],
      modified: [`content/news/${story.id}.md`],
    });
    const saved = readFileSync(join(repo.dir, name), 'utf8');
    expect(saved).not.toMatch(/script|onload|alert/);
    expect(saved).toContain('<rect width="9" height="9" fill="#a4161a">');
  });

  test('a large photo with a Chinese name is scaled down, named in ASCII and used as the cover', async ({ page }) => {
    // A 3000×2000 JPEG as a camera writes it, drawn by the browser.
    await page.goto('/about/');
    const jpeg = await page.evaluate(async () => {
      const c = new OffscreenCanvas(3000, 2000);
      const g = c.getContext('2d')!;
      for (let i = 0; i < 300; i++) {
        g.fillStyle = `hsl(${(i * 37) % 360} 60% 50%)`;
        g.fillRect((i * 97) % 3000, (i * 53) % 2000, 200, 150);
      }
      return [...new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.95 })).arrayBuffer())];
    });
    const photo = join(repo.dir, '..', '委员调研照片.jpg');
    writeFileSync(photo, Buffer.from(jpeg));
    await login(page, repo);
    const story = rawEntries(collection('news'), repo.content()).find((n) => !n.data.cover)!;
    await openEntry(page, 'news', story.id, '标题', String(story.data.title));
    const before = repo.snapshot();
    await chooseFile(page, photo);
    await page.getByRole('button', { name: '选用已选中项目' }).click();
    await page.getByLabel('替代文字').fill('委员在社区察看加装电梯工程');
    await publish(page);
    await expect(page.getByText('修改已保存')).toBeVisible();
    const changed = changes(before, repo.snapshot());
    expect(changed.modified).toEqual([`content/news/${story.id}.md`]);
    expect(changed.removed).toEqual([]);
    expect(changed.added).toHaveLength(1);
    expect(changed.added[0]).toMatch(/^public\/media\/image-\d{8}-\d{6}\.jpg$/);
    const image = readFileSync(join(repo.dir, changed.added[0]!));
    // JPEG's size sits in its SOF0 marker: height, then width.
    const sof = image.indexOf(Buffer.from([0xff, 0xc0]));
    expect([image.readUInt16BE(sof + 7), image.readUInt16BE(sof + 5)]).toEqual([2400, 1600]);
    expect(readFileSync(repo.content('news', `${story.id}.md`), 'utf8')).toContain(
      `src: /${changed.added[0]!.slice('public/'.length)}`,
    );
  });

  test('replacing a cover image writes the new image and the story, and nothing else', async ({ page }) => {
    const story = rawEntries(collection('news'), repo.content()).find((n) => n.data.cover)!;
    const png = upload(
      'new-cover.png',
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      ),
    );
    await openEntry(page, 'news', story.id, '标题', String(story.data.title));
    const before = repo.snapshot();
    await page.getByRole('button', { name: '选择其他图片' }).first().click();
    await page.locator('input[type="file"]').setInputFiles(png.file);
    await page.getByRole('button', { name: '选用已选中项目' }).click();
    await publish(page);
    await expect(page.getByText('修改已保存')).toBeVisible();
    // Names are stored in lower case, as the build wants them.
    const name = png.name.toLowerCase();
    expect(changes(before, repo.snapshot())).toEqual({
      added: [`public/media/${name}`],
      removed: [],
      modified: [`content/news/${story.id}.md`],
    });
    const text = readFileSync(repo.content('news', `${story.id}.md`), 'utf8');
    expect(text).toContain(`src: /media/${name}`);
    expect(text).toContain(`alt: ${String((story.data.cover as { alt: string }).alt)}`);
  });
});

test.describe('what editors see', () => {
  test('the login page shows the site’s emblem and name, not Decap’s logo', async ({ browser }) => {
    const context = await browser.newContext({ bypassCSP: true, baseURL: test.info().project.use.baseURL! });
    const page = await context.newPage();
    await page.goto(`/admin/?cms_port=${repo.port}`);
    const logo = page.locator('section img');
    await expect(logo).toBeVisible({ timeout: 20_000 });
    expect(decodeURIComponent((await logo.getAttribute('src'))!)).toContain('<title>长治政协网 内容管理</title>');
    await expect(page.locator('[class*="NetlifyCreditIcon"]')).toBeHidden();
    await expect(page.locator('svg[class*="DecapLogoIcon"], [class*="DecapLogoIcon"]')).toHaveCount(0);
    await context.close();
  });

  test('“查看发布” opens the site being edited, here on this machine', async ({ page, baseURL }) => {
    const story = rawEntries(collection('news'), repo.content()).at(0)!;
    await openEntry(page, 'news', story.id, '标题', String(story.data.title));
    await expect(page.getByRole('link', { name: /查看发布/ })).toHaveAttribute('href', `${baseURL}/news/${story.id}/`);
  });

  test('previews show what the page shows: a proposal’s 办理进程, a review’s 目录, an author’s 职务 and 界别', async ({
    page,
  }) => {
    const preview = page.frameLocator('#preview-pane');
    await openEntry(page, 'proposals', '14-4-0104', '提案编号', '14-4-0104');
    const timeline = preview.locator('section', { has: preview.getByRole('heading', { name: '办理进程' }) });
    await expect(timeline.locator('li[data-step="submitted"]')).toContainText('提交✓ 已完成');
    await expect(timeline.locator('li[data-step="answered"]')).toContainText('○ 待办');

    const review = rawEntries(collection('reviews'), repo.content()).find((r) => r.id.startsWith('2024'))!;
    await openEntry(page, 'reviews', review.id, '标题', String(review.data.title));
    const toc = preview.getByRole('navigation', { name: '目录' });
    await expect(toc.locator('li')).toHaveCount(9);
    await expect(toc.locator('li').nth(1)).toHaveText('2. 提案委员会');

    const voice = rawEntries(collection('voices'), repo.content()).find((v) => v.data.author === 'xie-huilan')!;
    await openEntry(page, 'voices', voice.id, '标题', String(voice.data.title));
    await expect(preview.getByText('作者：谢慧兰（市政协常委，科学技术界）')).toBeVisible();
  });

  test('the member picker shows each member’s 职务', async ({ page }) => {
    await typeAddress(page, '/collections/proposals/new');
    const input = page.getByLabel('提案人 (可选)', { exact: true });
    await input.click({ timeout: 20_000 });
    await input.fill('谢慧兰');
    await expect(page.getByRole('option', { name: '谢慧兰（市政协常委）' })).toBeVisible();
  });
});

test('a 372-character title is counted as it is typed and refused, with the build’s message', async ({ page }) => {
  const story = rawEntries(collection('news'), repo.content()).at(3)!;
  await openEntry(page, 'news', story.id, '标题', String(story.data.title));
  const counter = page.locator('[data-counter^="title-field"]');
  await expect(counter).toHaveText(`${[...String(story.data.title)].length} / 60 字`);
  await page.getByLabel('标题').fill('关'.repeat(372));
  await expect(counter).toHaveText('372 / 60 字，超出 312 字');
  await refused(page, '标题', '「标题」不能超过 60 字，现有 372 字');
});

test('HTML the site would drop is refused with a message, not stripped without a word', async ({ page }) => {
  const story = rawEntries(collection('news'), repo.content()).at(4)!;
  await openEntry(page, 'news', story.id, '标题', String(story.data.title));
  const field = page.locator('[aria-label="markdown field"]', { has: page.locator('label', { hasText: /^正文$/ }) });
  // From 富文本 to Markdown: HTML is typed as it is.
  await field.getByRole('switch').click();
  const raw = field.locator('[contenteditable="true"]');
  await raw.fill('本报讯 <font color="red">重要通知</font>，会议<span style="color:red">如期</span>召开。');
  await refused(page, '正文', '「正文」含有网站不保留的 HTML：<font>、style 属性。请删除，或改用编辑器的格式按钮');
  await expect(page.getByText('可直接写的 HTML 标签：p、br')).toBeVisible();
});

test('editing the settings and a taxonomy writes those files and nothing else', async ({ page }) => {
  await openEntry(page, 'settings', 'site', '电话', '0355-2021234');
  const before = repo.snapshot();
  await page.getByLabel('电话').fill('0355-2021235');
  await publish(page);
  await expect(page.getByText('修改已保存')).toBeVisible();
  expect(changes(before, repo.snapshot())).toEqual({ added: [], removed: [], modified: ['content/settings/site.yml'] });
  expect(readFileSync(repo.content('settings', 'site.yml'), 'utf8')).toContain('phone: 0355-2021235');

  await typeAddress(page, '/collections/places/entries/places');
  await expect(page.getByRole('button', { name: /添加县区|新增县区/ })).toBeVisible({ timeout: 20_000 });
  const next = repo.snapshot();
  await page.getByRole('button', { name: /添加县区|新增县区/ }).click();
  await page.getByLabel('编号').last().fill('shangdang-test');
  await page.getByLabel('名称').last().fill('测试县');
  await publish(page);
  await expect(page.getByText('修改已保存')).toBeVisible();
  expect(changes(next, repo.snapshot())).toEqual({
    added: [],
    removed: [],
    modified: ['content/taxonomies/places.yml'],
  });
  expect(readFileSync(repo.content('taxonomies', 'places.yml'), 'utf8')).toContain('shangdang-test');
});
