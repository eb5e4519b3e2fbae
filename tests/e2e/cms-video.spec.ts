import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { collection, news } from '../../src/content/model.ts';
import { changes, publish, typeAddress, useCmsRepo } from '../support/cms.ts';
import { frontmatter, rawEntries } from '../support/content.ts';
import { siteSchema } from '../support/schema.ts';

/**
 * A video in a story, uploaded through the real Decap UI: the MP4, its poster and its WebVTT captions are written to
 * public/media/ with the editor's bytes, the story names them, and the build's schema (which checks the files by their
 * content) accepts what was written. A file that is not what its name says is refused before anything is written.
 */
const repo = useCmsRepo();
const alerts: string[] = [];
test.beforeEach(({ page }) => {
  alerts.length = 0;
  page.on('dialog', (d) => void alerts.push(d.message()));
});

const SAMPLE = 'public/media/video/2025-02-25-weiyuan-tongdao';
/** A file on the editor's computer, with the Chinese name an office gives it. */
function localFile(name: string, data: Buffer | string): string {
  const path = join(repo.dir, '..', `${Date.now()}-${name}`);
  writeFileSync(path, data);
  return path;
}

/** Choose a file in the media library opened by `button`, and use it. */
async function upload(page: Page, button: string, path: string, nth: 'first' | 'last' = 'first') {
  await page.getByRole('button', { name: button })[nth]().click();
  await page.locator('input[type="file"]').setInputFiles(path);
  await page.getByRole('button', { name: '选用已选中项目' }).click();
}

/** A story without a cover or a video, opened in the editor. */
async function openPlainStory(page: Page) {
  const story = rawEntries(collection('news'), repo.content()).find((n) => !n.data.video && !n.data.cover)!;
  await typeAddress(page, `/collections/news/entries/${story.id}`);
  await expect(page.getByLabel('标题')).toHaveValue(String(story.data.title), { timeout: 20_000 });
  return `content/news/${story.id}.md`;
}

test('an MP4 with its poster and captions is uploaded into a story, and the build accepts what was written', async ({
  page,
}) => {
  const mp4 = readFileSync(`${SAMPLE}.mp4`);
  const poster = readFileSync(`${SAMPLE}-poster.jpg`);
  const vtt = readFileSync(`${SAMPLE}.vtt`);
  const file = await openPlainStory(page);
  const before = repo.snapshot();
  await upload(page, '选择文件', localFile('小组讨论视频.mp4', mp4));
  // The cover's picker comes first; the poster's is the video's own, and the cover stays empty.
  await upload(page, '选择图片', localFile('poster-20261205.jpg', poster), 'last');
  await expect(page.getByRole('button', { name: '选择图片' })).toHaveCount(1);
  await upload(page, '选择文件', localFile('小组讨论字幕.vtt', vtt));
  await page.getByLabel('视频说明').fill('常委会议分组讨论现场（视频配有中文字幕）');
  await publish(page);
  await expect(page.getByText('修改已保存')).toBeVisible();
  expect(alerts).toEqual([]);

  const { added, removed, modified } = changes(before, repo.snapshot());
  expect({ removed, modified }).toEqual({ removed: [], modified: [file] });
  expect(added).toHaveLength(3);
  const data = frontmatter(join(repo.dir, file));
  const video = data.video as Record<string, string>;
  expect(video.title).toBe('常委会议分组讨论现场（视频配有中文字幕）');
  // Each file the story names is one of those written, with the editor's bytes.
  // Chinese names become ASCII ones (Decap would keep only `.mp4` of 小组讨论视频.mp4).
  for (const [key, bytes, name] of [
    ['src', mp4, /^\/media\/video-\d{8}-\d{6}\.mp4$/],
    ['poster', poster, /^\/media\/[a-z0-9-]+\.jpg$/],
    ['captions', vtt, /^\/media\/captions-\d{8}-\d{6}\.vtt$/],
  ] as const) {
    expect(video[key]).toMatch(name);
    expect(added).toContain(`public${video[key]}`);
    expect(readFileSync(join(repo.dir, `public${video[key]}`)).equals(bytes)).toBe(true);
  }
  expect(siteSchema(repo, news.name, data).issues).toEqual([]);
});

test('a picture renamed .mp4 and a text renamed .vtt are refused with a message, and nothing is written', async ({
  page,
}) => {
  await openPlainStory(page);
  const before = repo.snapshot();
  await page.getByRole('button', { name: '选择文件' }).first().click();
  const input = page.locator('input[type="file"]');
  await input.setInputFiles(localFile('会场.mp4', readFileSync(`${SAMPLE}-poster.jpg`)));
  await expect.poll(() => alerts.join('\n')).toMatch(/会场\.mp4”的内容不是 MP4 视频/);
  await input.setInputFiles(localFile('字幕.vtt', '1\n00:00:00,000 --> 00:00:02,000\n各位委员好。\n'));
  await expect.poll(() => alerts.join('\n')).toMatch(/字幕\.vtt”不是 WebVTT 字幕/);
  expect(changes(before, repo.snapshot())).toEqual({ added: [], removed: [], modified: [] });
});
