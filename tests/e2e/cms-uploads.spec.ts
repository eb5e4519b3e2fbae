import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { collection } from '../../src/content/model.ts';
import { rawEntries } from '../support/content.ts';
import { changes, login, openEntry, publish, useCmsRepo } from '../support/cms.ts';

/**
 * Uploads are checked before they are written: type by content, the size limit of the settings, SVG cleaned or
 * refused, large photos scaled down under an ASCII name, a replaced cover.
 */
const repo = useCmsRepo();

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
