/**
 * What an uploaded video or caption file is, by its content, and why it may not be published. Plain TypeScript over
 * bytes, shared by the build (src/lib/media.ts) and the CMS before a file is written (src/cms/upload-guard.ts).
 */

/** Largest video a story may carry: a minute or two at phone quality; longer films belong on a video platform. */
export const MAX_VIDEO_MB = 50;

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** Whether the first bytes are those of an MP4 (ISO base media: a `ftyp` box first, of an MP4 brand). */
export function isMp4(head: Uint8Array): boolean {
  return ascii(head, 4, 8) === 'ftyp' && /^(?:isom|iso\d|mp4\d|avc1|M4V |mp41|mp42|dash)$/.test(ascii(head, 8, 12));
}

/** Why a video file may not be published, or undefined when it may: not an MP4 by its bytes, or too large. */
export function videoProblem(o: {
  name: string;
  size: number;
  head: Uint8Array;
  maxBytes?: number;
}): string | undefined {
  const max = o.maxBytes ?? MAX_VIDEO_MB * 1024 * 1024;
  if (!/\.mp4$/i.test(o.name)) return `“${o.name}”不是 MP4 视频：视频须为 .mp4 文件（H.264 编码）`;
  if (!isMp4(o.head)) return `“${o.name}”的内容不是 MP4 视频（文件头不符），请用视频软件导出为 MP4 后上传`;
  if (o.size > max)
    return `视频过大：“${o.name}”${(o.size / 1024 / 1024).toFixed(1)} MB，不能超过 ${max / 1024 / 1024} MB`;
  return undefined;
}

/** Why a caption file may not be published: not WebVTT (it must start with `WEBVTT`), or carrying markup. */
export function captionsProblem(o: { name: string; text: string }): string | undefined {
  if (!/\.vtt$/i.test(o.name)) return `“${o.name}”不是字幕文件：字幕须为 .vtt（WebVTT）文件`;
  if (!/^\uFEFF?WEBVTT(?:[ \t][^\n]*)?\r?\n/.test(o.text)) return `“${o.name}”不是 WebVTT 字幕：文件第一行应为 WEBVTT`;
  if (/<\s*(?:script|iframe|img|a)\b/i.test(o.text)) return `“${o.name}”含有网页代码，字幕只能是文字`;
  return undefined;
}
