import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { otherFileProblem } from '../../src/cms/upload-guard.ts';
import { captionsProblem, isMp4, videoProblem } from '../../src/lib/video-check.ts';

/** A story's video and captions are checked by their bytes, at upload (CMS) and at build (src/lib/media.ts). */
const MEDIA = join(import.meta.dirname, '../../public/media');
const mp4 = readFileSync(join(MEDIA, 'video/2025-02-25-weiyuan-tongdao.mp4'));
const jpg = readFileSync(join(MEDIA, 'video/2025-02-25-weiyuan-tongdao-poster.jpg'));
const head = (b: Buffer) => new Uint8Array(b.subarray(0, 16));

describe('video uploads', () => {
  it('takes the sample MP4, which is small enough for a phone', () => {
    expect(isMp4(head(mp4))).toBe(true);
    expect(videoProblem({ name: 'a.mp4', size: mp4.length, head: head(mp4) })).toBeUndefined();
    expect(mp4.length).toBeLessThan(300 * 1024);
  });

  it('refuses a photo renamed .mp4, a file of another type, and one over the limit', () => {
    expect(videoProblem({ name: 'fake.mp4', size: jpg.length, head: head(jpg) })).toContain('内容不是 MP4');
    expect(videoProblem({ name: 'clip.mov', size: mp4.length, head: head(mp4) })).toContain('.mp4');
    expect(videoProblem({ name: 'big.mp4', size: 60 * 1024 * 1024, head: head(mp4) })).toContain('不能超过 50 MB');
  });
});

describe('caption uploads', () => {
  it('takes the sample WebVTT', () => {
    const text = readFileSync(join(MEDIA, 'video/2025-02-25-weiyuan-tongdao.vtt'), 'utf8');
    expect(captionsProblem({ name: 'a.vtt', text })).toBeUndefined();
  });

  it('refuses SubRip renamed .vtt and captions carrying markup', () => {
    expect(captionsProblem({ name: 'a.vtt', text: '1\n00:00:00,000 --> 00:00:02,000\n字幕\n' })).toContain(
      '第一行应为 WEBVTT',
    );
    expect(
      captionsProblem({ name: 'a.vtt', text: 'WEBVTT\n\n00:00.000 --> 00:02.000\n<script>alert(1)</script>\n' }),
    ).toContain('网页代码');
    expect(captionsProblem({ name: 'a.srt', text: 'WEBVTT\n' })).toContain('.vtt');
  });
});

describe('the CMS upload guard, on the files an editor picks', () => {
  it('lets the sample video and captions through and stops a photo renamed .mp4', async () => {
    expect(await otherFileProblem(new File([mp4], 'clip.mp4'))).toBeUndefined();
    expect(
      await otherFileProblem(new File([readFileSync(join(MEDIA, 'video/2025-02-25-weiyuan-tongdao.vtt'))], 'clip.vtt')),
    ).toBeUndefined();
    expect(await otherFileProblem(new File([jpg], 'clip.mp4'))).toContain('内容不是 MP4');
    expect(await otherFileProblem(new File(['1\n00:00:00,000 --> 00:00:01,000\n字\n'], 'clip.vtt'))).toContain(
      'WEBVTT',
    );
  });
});
