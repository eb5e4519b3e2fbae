import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { attachmentProblem as attachmentProblemOf, attachmentType, formatSize } from './attachment-check.ts';
import { DEFAULT_MAX_IMAGE_MB, imageProblem as problemOf } from './image-check.ts';
import { contentDir } from './paths.ts';
import { captionsProblem, videoProblem } from './video-check.ts';

/**
 * Largest image an editor may upload, from `maxImageMB` in content/settings/site.yml (the CMS checks the same limit
 * before writing a file). Phones on slow networks pay for every byte.
 */
export function maxImageBytes(): number {
  let mb: unknown;
  try {
    mb = (parse(readFileSync(join(contentDir(), 'settings/site.yml'), 'utf8')) as { maxImageMB?: unknown } | null)
      ?.maxImageMB;
  } catch {
    mb = undefined;
  }
  return (typeof mb === 'number' && mb > 0 ? mb : DEFAULT_MAX_IMAGE_MB) * 1024 * 1024;
}

/** Why an uploaded file may not be published: an image as for `imageProblem`, a PDF too large or not a PDF. */
export function fileProblem(file: string): string | undefined {
  const name = file.split('/').pop()!;
  if (/\.mp4$/i.test(file)) return videoProblem({ name, size: statSync(file).size, head: readHead(file, 16) });
  if (/\.vtt$/i.test(file)) return captionsProblem({ name, text: readFileSync(file, 'utf8') });
  if (!file.toLowerCase().endsWith('.pdf')) return imageProblem(file);
  const size = statSync(file).size;
  if (size > MAX_PDF_BYTES)
    return `PDF 过大：${(size / 1024 / 1024).toFixed(1)} MB，不能超过 ${MAX_PDF_BYTES / 1024 / 1024} MB`;
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(5);
  readSync(fd, head, 0, 5, 0);
  closeSync(fd);
  return head.toString('latin1') === '%PDF-' ? undefined : '文件内容不是 PDF';
}

function readHead(file: string, n: number): Uint8Array {
  const fd = openSync(file, 'r');
  const head = new Uint8Array(n);
  readSync(fd, head, 0, n, 0);
  closeSync(fd);
  return head;
}

/** Why a file in `public/` may not be published as a notice's attachment (see `attachmentProblem`). */
export function attachmentFileProblem(file: string): string | undefined {
  const head = readHead(file, 8);
  return attachmentProblemOf({ name: file.split('/').pop()!, size: statSync(file).size, head });
}

/** What a reader sees beside an attachment's link, from the real file: `PDF · 312 KB`. */
export function attachmentFacts(file: string): { type: string; size: string; bytes: number } {
  const bytes = statSync(file).size;
  return { type: attachmentType(file), size: formatSize(bytes), bytes };
}

/** Largest PDF of a newspaper page: a page of text and photos at print resolution fits well under it. */
export const MAX_PDF_BYTES = 20 * 1024 * 1024;

/**
 * Why an uploaded image may not be published, or undefined when it may: too large, not what its extension says, or
 * an SVG carrying script.
 */
export function imageProblem(file: string): string | undefined {
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  const head = new Uint8Array(16);
  readSync(fd, head, 0, 16, 0);
  closeSync(fd);
  const text = file.toLowerCase().endsWith('.svg') ? readFileSync(file, 'utf8') : undefined;
  return problemOf({
    name: file.split('/').pop()!,
    size,
    head,
    ...(text !== undefined ? { text } : {}),
    maxBytes: maxImageBytes(),
  });
}

/** Width and height in pixels of an image file, for `<img width height>` so the page does not jump as it loads. */
export async function imageDimensions(file: string): Promise<{ width: number; height: number }> {
  const { default: sharp } = await import('sharp');
  const { width, height } = await sharp(file).metadata();
  return { width: width ?? 1000, height: height ?? 1400 };
}
