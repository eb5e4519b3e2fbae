import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { collection } from '../../src/content/model.ts';
import {
  changes as diff,
  choose,
  cmsRepo,
  fillDate,
  login,
  markdown,
  publish,
  type CmsRepo,
  buildCopy,
} from '../support/cms.ts';
import { freePort } from '../support/ports.ts';
import { frontmatter, rawEntries } from '../support/content.ts';
import { siteSchema } from '../support/schema.ts';
import { startNginx } from '../../src/deploy/local-nginx.ts';

/**
 * Editors at work in the real Decap CMS at /admin/ of the built site, saving through a real decap-server (file-system
 * mode) into a throw-away copy of content/ and public/media/. Every change is checked on disk: the file written, what
 * it holds, that the site's Zod schema accepts it, and that no other file changed.
 */
test.describe.configure({ mode: 'serial' });

let repo: CmsRepo;
/** Number of the proposal the editor creates, built and searched for at the end. */
let createdNumber = '';

const content = (...parts: string[]) => repo.content(...parts);
const snapshot = () => repo.snapshot();

/** The entry's frontmatter through the site's own schema; fails the test with the schema's messages. */
function parsed(name: 'news' | 'proposals' | 'voices', file: string) {
  const r = siteSchema(repo, name, frontmatter(file));
  expect(r.issues, file).toEqual([]);
  return r.data;
}

test.beforeAll(async () => {
  repo = await cmsRepo();
});
test.afterAll(() => repo?.stop());

const open = (page: Page, hash: string) => page.goto(`/admin/?cms_port=${repo.port}#/collections/${hash}`);

test('under the production Content-Security-Policy the admin starts, in Chinese, and is not for search engines', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/admin/');
  // The policy lets the admin reach only the Git host, so the look-out for a local decap-server is blocked and
  // Decap offers the production login.
  await expect(page.getByRole('button', { name: '使用 GitLab 登录' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  expect(errors).toEqual([]);
});

test.describe('with decap-server on this machine', () => {
  // decap-server listens on another port of 127.0.0.1, which the production policy (rightly) does not allow; it
  // never exists in production, so these tests lift the policy.
  test.use({ bypassCSP: true });

  test.beforeEach(async ({ page }) => {
    page.on('dialog', (d) => void d.accept());
    await login(page, repo);
    await expect(page.getByRole('link', { name: '网站设置' })).toBeVisible();
  });

  test('an editor creates a proposal with a lead-unit and a co-unit reply and publishes it', async ({ page }) => {
    const session = rawEntries(collection('sessions'), content()).at(-1)!.data as { id: string; name: string };
    const [lead, co] = rawEntries(collection('units'), content()).map((u) => u.data as { id: string; name: string });
    const member = rawEntries(collection('members'), content())[0]!;
    const category = rawEntries(collection('categories'), content())[0]!.data as { id: string; name: string };
    const numbers = new Set(rawEntries(collection('proposals'), content()).map((p) => String(p.data.number)));
    const number = [...Array(9000).keys()]
      .map((i) => `${session.id}-${String(9999 - i).padStart(4, '0')}`)
      .find((n) => !numbers.has(n))!;
    createdNumber = number;
    const before = snapshot();

    await open(page, 'proposals/new');
    await page.getByLabel('提案编号').fill(number);
    await choose(page, '届次', session.name);
    await page.getByLabel('案由').fill('关于在内容管理系统中测试提案录入的建议');
    await choose(page, '提案类型', '委员提案');
    await choose(page, '提案人 (可选)', String(member.data.name));
    await choose(page, '类别', category.name);
    await choose(page, '办理状态', '已办复');
    await fillDate(page, '提交日期', '2025-03-01', '2025-03-01');
    await choose(page, '主办单位 (可选)', lead!.name);
    await choose(page, '协办单位 (可选)', co!.name);

    await page.getByRole('button', { name: '新增答复' }).click();
    await choose(page, '答复单位', lead!.name);
    await choose(page, '办理角色', '主办');
    await fillDate(page, '答复日期', '2025-05-20', '2025-05-20');
    await page.getByLabel('答复文号 (可选)').fill('长测函〔2025〕1号');
    await choose(page, '办理结果', '解决或采纳');
    await markdown(page, '答复内容').fill('您的建议收悉，现答复如下。');

    await page.getByRole('button', { name: '新增答复' }).click();
    await choose(page, '答复单位', co!.name, 'last');
    await choose(page, '办理角色', '协办', 'last');
    await fillDate(page, '答复日期', '2025年5月10日', '2025-05-10', 'last');
    await choose(page, '办理结果', '列入计划', 'last');
    await markdown(page, '答复内容').fill('协办意见已送主办单位。');
    await markdown(page, '提案内容').fill('建议把提案录入纳入内容管理系统。');

    // The preview draws the entry as the site does, names and all.
    const preview = page.frameLocator('#preview-pane');
    await expect(preview.getByRole('heading', { level: 1 })).toHaveText('关于在内容管理系统中测试提案录入的建议');
    await expect(preview.getByRole('heading', { name: `${lead!.name}的答复` })).toBeVisible();
    // A co-unit's text is its opinion to the lead unit, and the preview says so (src/lib/proposals/course.ts).
    await expect(preview.getByRole('heading', { name: `${co!.name}的协办意见` })).toBeVisible();
    // …in the site's own stylesheet, which the admin page names for the separately bundled admin script.
    await expect
      .poll(() =>
        preview
          .locator('html')
          .evaluate(
            () => [...document.styleSheets].filter((s) => s.href?.includes('/_astro/') && s.cssRules.length > 0).length,
          ),
      )
      .toBe(1);

    await publish(page);
    const file = content('proposals', `${number}.md`);
    await expect.poll(() => existsSync(file)).toBe(true);
    await expect(page.getByText('修改已保存')).toBeVisible();

    const data = parsed('proposals', file);
    expect(data).toMatchObject({
      number,
      session: session.id,
      proposerType: '委员提案',
      proposers: [member.id],
      category: category.id,
      status: '已办复',
      submitted: '2025-03-01',
      leadUnits: [lead!.id],
      coUnits: [co!.id],
      replies: [
        {
          unit: lead!.id,
          role: '主办',
          date: '2025-05-20',
          docNumber: '长测函〔2025〕1号',
          result: '解决或采纳',
          body: '您的建议收悉，现答复如下。',
        },
        { unit: co!.id, role: '协办', date: '2025-05-10', result: '列入计划', body: '协办意见已送主办单位。' },
      ],
    });
    expect(readFileSync(file, 'utf8')).toMatch(/\n---\n建议把提案录入纳入内容管理系统。\n?$/);
    expect(diff(before, snapshot())).toEqual({ added: [relative(repo.dir, file)], removed: [], modified: [] });
  });

  test('editing a news brief’s title changes that file and nothing else', async ({ page }) => {
    const news = rawEntries(collection('news'), content())[0]!;
    const file = content('news', `${news.id}.md`);
    const old = parsed('news', file);
    const bodyBefore = readFileSync(file, 'utf8')
      .split(/\n---\n/)
      .slice(1)
      .join('\n---\n')
      .trim();
    const before = snapshot();

    await open(page, `news/entries/${news.id}`);
    await expect(page.getByLabel('标题')).toHaveValue(String(news.data.title));
    await page.getByLabel('标题').fill(`${String(news.data.title)}（修订）`);
    await publish(page);
    await expect.poll(() => readFileSync(file, 'utf8')).toContain('（修订）');

    expect(diff(before, snapshot())).toEqual({ added: [], removed: [], modified: [relative(repo.dir, file)] });
    expect(parsed('news', file)).toEqual({ ...old, title: `${String(news.data.title)}（修订）` });
    expect(
      readFileSync(file, 'utf8')
        .split(/\n---\n/)
        .slice(1)
        .join('\n---\n')
        .trim(),
    ).toBe(bodyBefore);
  });

  test('uploading a cover photo with alt text and caption writes the image and the story, nothing else', async ({
    page,
  }) => {
    const news = rawEntries(collection('news'), content()).find((n) => !n.data.cover)!;
    const file = content('news', `${news.id}.md`);
    const png = join(repo.dir, '..', `${Date.now()}-cms-upload.png`);
    // A real 1×1 PNG, so the build's file-type check accepts it.
    writeFileSync(
      png,
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      ),
    );
    const before = snapshot();

    await open(page, `news/entries/${news.id}`);
    await expect(page.getByLabel('标题')).toHaveValue(String(news.data.title));
    await page.getByRole('button', { name: '选择图片' }).first().click();
    await page.locator('input[type="file"]').setInputFiles(png);
    await page.getByRole('button', { name: '选用已选中项目' }).click();
    await page.getByLabel('替代文字').fill('委员在田间察看玉米长势');
    await page.getByLabel('图注 (可选)').fill('委员们在田间调研。');
    await publish(page);
    const image = content('..', 'public', 'media', basename(png));
    await expect.poll(() => existsSync(image)).toBe(true);
    await expect.poll(() => readFileSync(file, 'utf8')).toContain('委员在田间察看玉米长势');

    expect(parsed('news', file).cover).toEqual({
      src: `/media/${basename(png)}`,
      alt: '委员在田间察看玉米长势',
      caption: '委员们在田间调研。',
    });
    const changed = diff(before, snapshot());
    expect(changed.added).toEqual([relative(repo.dir, image)]);
    expect(changed.modified).toEqual([relative(repo.dir, file)]);
    expect(changed.removed).toEqual([]);
    rmSync(png);
  });

  test('deleting a voice removes that file and nothing else', async ({ page }) => {
    const voice = rawEntries(collection('voices'), content()).at(-1)!;
    const file = content('voices', `${voice.id}.md`);
    const before = snapshot();

    await open(page, `voices/entries/${voice.id}`);
    await expect(page.getByLabel('标题')).toHaveValue(String(voice.data.title));
    await page.getByRole('button', { name: '删除内容' }).click();
    await expect.poll(() => existsSync(file)).toBe(false);

    expect(diff(before, snapshot())).toEqual({ added: [], removed: [relative(repo.dir, file)], modified: [] });
  });

  test('a missing required field blocks saving with a Chinese message and writes nothing', async ({ page }) => {
    const before = snapshot();
    await open(page, 'news/new');
    await page.getByLabel('标题').fill('缺少摘要的新闻');
    await publish(page);

    await expect(page.getByText('你漏掉了一个必填项，请在保存之前将它填写好')).toBeVisible();
    await expect(page.getByText('“摘要”是必填项')).toBeVisible();
    await expect(page.getByText('“署名”是必填项')).toBeVisible();
    // An empty optional cover or 见报信息 does not ask for its own sub-fields.
    await expect(page.getByText('“替代文字”是必填项')).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    expect(diff(before, snapshot())).toEqual({ added: [], removed: [], modified: [] });
  });

  test('a story published at 07:30 Beijing time is filed under that day, not the UTC one', async ({ page }) => {
    const before = snapshot();
    await open(page, 'news/new');
    await page.getByLabel('标题').fill('清晨发布的新闻');
    await fillDate(page, '发布时间', '2030-03-04 07:30', '2030-03-04 07:30');
    await page.getByLabel('摘要').fill('一句话摘要。');
    await page.getByLabel('署名').fill('本报记者 王磊');
    await markdown(page, '正文').fill('本报讯 清晨发布。');
    await publish(page);

    const file = content('news', '2030-03-04.md');
    await expect.poll(() => existsSync(file)).toBe(true);
    expect(diff(before, snapshot())).toEqual({ added: [relative(repo.dir, file)], removed: [], modified: [] });
    const data = parsed('news', file);
    expect((data.date as Date).toISOString()).toBe('2030-03-03T23:30:00.000Z');
    expect(readFileSync(file, 'utf8')).toContain('date: 2030-03-04T07:30:00+08:00');
  });

  test('the site’s own build accepts everything the CMS wrote; the new proposal is published and found by search', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    // Decap writes dates unquoted (YAML timestamps); the real build loads every entry through the loaders and schemas.
    const out = buildCopy(repo);
    expect(createdNumber).not.toBe('');
    const sitePort = await freePort();
    const site = await startNginx({ port: sitePort, root: out });
    try {
      await page.goto(`http://127.0.0.1:${sitePort}/proposals/${createdNumber}/`);
      await expect(page.locator('h1')).toHaveText('关于在内容管理系统中测试提案录入的建议');
      await expect(page.locator('section[aria-labelledby^="reply-"]')).toHaveCount(2);
      await page.goto(`http://127.0.0.1:${sitePort}/search/?q=${encodeURIComponent('内容管理系统中测试提案')}`);
      await expect(page.locator(`[data-results] a[href="/proposals/${createdNumber}/"]`)).toBeVisible();
    } finally {
      await site.stop();
    }
  });
});
