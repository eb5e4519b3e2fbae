import { openSync, readSync, closeSync, statSync, readFileSync } from 'node:fs';

/** Largest image an editor may upload. Phones on slow networks pay for every byte. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

const SIGNATURES: Record<string, (head: Buffer) => boolean> = {
  png: (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  jpg: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff,
  jpeg: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff,
  gif: (h) => h.subarray(0, 4).toString('latin1') === 'GIF8',
  webp: (h) => h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP',
  avif: (h) => h.subarray(4, 12).toString('latin1').startsWith('ftypavi'),
};

/** Why an uploaded file may not be published: an image as for `imageProblem`, a PDF too large or not a PDF. */
export function fileProblem(file: string): string | undefined {
  if (!file.toLowerCase().endsWith('.pdf')) return imageProblem(file);
  const size = statSync(file).size;
  if (size > MAX_PDF_BYTES) return `PDF 过大：${(size / 1024 / 1024).toFixed(1)} MB，不能超过 ${MAX_PDF_BYTES / 1024 / 1024} MB`;
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(5);
  readSync(fd, head, 0, 5, 0);
  closeSync(fd);
  return head.toString('latin1') === '%PDF-' ? undefined : '文件内容不是 PDF';
}

/** Largest PDF of a newspaper page: a page of text and photos at print resolution fits well under it. */
export const MAX_PDF_BYTES = 20 * 1024 * 1024;

/**
 * Why an uploaded image may not be published, or undefined when it may: too large, not what its extension says, or
 * an SVG carrying script.
 */
export function imageProblem(file: string): string | undefined {
  const size = statSync(file).size;
  if (size > MAX_IMAGE_BYTES) return `图片过大：${(size / 1024 / 1024).toFixed(1)} MB，不能超过 ${MAX_IMAGE_BYTES / 1024 / 1024} MB，请压缩后重新上传`;
  const ext = file.split('.').pop()!.toLowerCase();
  if (ext === 'svg') {
    const text = readFileSync(file, 'utf8');
    if (!/<svg[\s>]/i.test(text)) return '文件内容不是 SVG 图片';
    if (/<script|\son\w+\s*=|javascript:|<foreignObject/i.test(text)) return 'SVG 图片含有脚本或事件代码，不能发布';
    return undefined;
  }
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(16);
  readSync(fd, head, 0, 16, 0);
  closeSync(fd);
  const check = SIGNATURES[ext];
  return check && check(head) ? undefined : `文件内容与扩展名 .${ext} 不符，可能不是图片`;
}

/** Width and height in pixels of an image file, for `<img width height>` so the page does not jump as it loads. */
export async function imageDimensions(file: string): Promise<{ width: number; height: number }> {
  const { default: sharp } = await import('sharp');
  const { width, height } = await sharp(file).metadata();
  return { width: width ?? 1000, height: height ?? 1400 };
}
