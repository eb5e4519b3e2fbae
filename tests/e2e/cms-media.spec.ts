import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { collection } from '../../src/content/model.ts';
import { rawEntries } from '../support/content.ts';
import { changes, markdown, publish, typeAddress, useCmsRepo } from '../support/cms.ts';

/**
 * Images that reach the media folder: pasted ones go through the same guard as chosen files (type by content, the
 * size limit of the settings, large photos scaled down), and a new image shows in the preview at once, before the site
 * is rebuilt, also after the entry is saved and opened again.
 */
const repo = useCmsRepo();

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Paste files into the body editor, as a screenshot or a copied picture arrives: a real paste event. */
async function pasteFiles(
  page: Page,
  files: { name: string; type: string; bytes?: number[]; size?: number; jpeg?: [number, number] }[],
) {
  const editor = markdown(page, '正文');
  await editor.click();
  await editor.evaluate(async (el, files) => {
    const dt = new DataTransfer();
    for (const f of files) {
      let body: BlobPart = new Uint8Array([...(f.bytes ?? []), ...new Uint8Array(f.size ?? 0)]);
      if (f.jpeg) {
        // A camera's photo, drawn here: many colours, so it does not compress to nothing.
        const c = new OffscreenCanvas(f.jpeg[0], f.jpeg[1]);
        const g = c.getContext('2d')!;
        for (let i = 0; i < 300; i++) {
          g.fillStyle = `hsl(${(i * 37) % 360} 60% 50%)`;
          g.fillRect((i * 97) % f.jpeg[0], (i * 53) % f.jpeg[1], 200, 150);
        }
        body = await c.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
      }
      dt.items.add(new File([body], f.name, { type: f.type }));
    }
    const at = window.getSelection()?.anchorNode;
    const target = (at?.nodeType === 1 ? (at as Element) : at?.parentElement) ?? el;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, files);
}

const openStory = async (page: Page, i: number) => {
  const story = rawEntries(collection('news'), repo.content())[i]!;
  await typeAddress(page, `/collections/news/entries/${story.id}`);
  await expect(page.getByLabel('标题')).toHaveValue(String(story.data.title), { timeout: 20_000 });
  return story;
};

test('a pasted 10 MB PNG and a program posing as a PNG are refused with a message; nothing is written', async ({
  page,
}) => {
  await openStory(page, 2);
  const before = repo.snapshot();
  await pasteFiles(page, [
    { name: 'screenshot.png', type: 'image/png', bytes: PNG_HEAD, size: 10 * 1024 * 1024 },
    { name: 'photo.png', type: 'image/png', bytes: [0x4d, 0x5a, 0x90, 0x00], size: 4096 },
  ]);
  await expect(page.getByText(/第 1 张图片“screenshot\.png”没有上传：图片过大：.*10\.0 MB，不能超过 5 MB/)).toBeVisible(
    { timeout: 20_000 },
  );
  await expect(
    page.getByText(/第 2 张图片“photo\.png”没有上传：.*不是图片：文件内容与扩展名 \.png 不符/),
  ).toBeVisible();
  await expect(markdown(page, '正文').locator('img')).toHaveCount(0);
  await page.waitForLoadState('networkidle');
  expect(changes(before, repo.snapshot())).toEqual({ added: [], removed: [], modified: [] });
});

test('a pasted large photo is scaled down, and shows in the preview at once and after the entry is opened again', async ({
  page,
  baseURL,
}) => {
  const story = await openStory(page, 3);
  const before = repo.snapshot();
  await pasteFiles(page, [{ name: 'image.jpg', type: 'image/jpeg', jpeg: [3000, 2000] }]);
  await expect(markdown(page, '正文').locator('img')).toHaveCount(1, { timeout: 20_000 });
  const preview = page.frameLocator('#preview-pane');
  const shown = preview.locator('.prose-zh img[src]').last();
  // Loaded, not a broken picture: the site on this machine has not been rebuilt and has no such file.
  await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(2400);
  await publish(page);
  await expect(page.getByText('修改已保存')).toBeVisible();

  const changed = changes(before, repo.snapshot());
  expect(changed.modified).toEqual([`content/news/${story.id}.md`]);
  expect(changed.added).toEqual([expect.stringMatching(/^public\/media\/paste-\d{8}-[a-z0-9]{6}\.jpg$/)]);
  const saved = changed.added[0]!;
  const image = readFileSync(join(repo.dir, saved));
  const sof = image.indexOf(Buffer.from([0xff, 0xc0]));
  expect([image.readUInt16BE(sof + 7), image.readUInt16BE(sof + 5)]).toEqual([2400, 1600]);
  const url = `/${saved.slice('public/'.length)}`;
  expect(readFileSync(repo.content('news', `${story.id}.md`), 'utf8')).toContain(`![](${url})`);
  expect((await page.request.get(`${baseURL}${url}`)).status()).toBe(404);

  await page.reload();
  await expect(page.getByLabel('标题')).toHaveValue(String(story.data.title), { timeout: 20_000 });
  await expect
    .poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 20_000 })
    .toBe(2400);
});
