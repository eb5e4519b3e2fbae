/**
 * What an uploaded image is, by its content rather than its name, and why it may not be published. Plain TypeScript
 * over bytes, shared by the build (src/lib/media.ts, over files) and the CMS (src/cms/upload-guard.ts, before a file
 * is written).
 */

/** Image formats the site serves, by the extensions their files may carry. */
export const IMAGE_EXTENSIONS: Record<ImageKind, readonly string[]> = {
  png: ['png'],
  jpg: ['jpg', 'jpeg'],
  gif: ['gif'],
  webp: ['webp'],
  avif: ['avif'],
  svg: ['svg'],
};
export type ImageKind = 'png' | 'jpg' | 'gif' | 'webp' | 'avif' | 'svg';

/** Default upload limit when the settings name none (`maxImageMB` in content/settings/site.yml). */
export const DEFAULT_MAX_IMAGE_MB = 5;

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** The format of an image from its first bytes (16 are enough), or `undefined` when it is none the site serves. */
export function sniffImage(head: Uint8Array, text?: string): ImageKind | undefined {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((x, i) => head[i] === x)) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpg';
  if (ascii(head, 0, 4) === 'GIF8') return 'gif';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
  if (ascii(head, 4, 12).startsWith('ftypavi')) return 'avif';
  if (
    text !== undefined &&
    /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(text)
  )
    return 'svg';
  return undefined;
}

/** Why an SVG may not be published: script, event handlers, links to script or embedded HTML. */
export function svgProblem(text: string): string | undefined {
  if (
    /<script|\son[a-z]+\s*=|javascript:|<foreignObject|<iframe|<embed|<object|xlink:href\s*=\s*["']?(?!#)|href\s*=\s*["']?\s*data:/i.test(
      text,
    )
  ) {
    return 'SVG 图片含有脚本、事件代码或外部链接，不能发布；请另存为 PNG 或 JPG 后上传';
  }
  return undefined;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/**
 * Why an image file may not be published, or `undefined` when it may: larger than the limit, not an image, not what
 * its extension says, or an SVG carrying script. `text` is the file read as text, needed only for SVG.
 */
export function imageProblem(o: {
  name: string;
  size: number;
  head: Uint8Array;
  text?: string;
  maxBytes: number;
}): string | undefined {
  const ext = (o.name.split('.').pop() ?? '').toLowerCase();
  const kind = sniffImage(o.head, o.text);
  if (!kind)
    return `“${o.name}”不是图片：文件内容与扩展名 .${ext} 不符（不是 JPG、PNG、GIF、WebP、AVIF 或 SVG），不能上传`;
  if (!IMAGE_EXTENSIONS[kind].includes(ext))
    return `“${o.name}”的内容是 ${kind.toUpperCase()} 图片，与扩展名 .${ext} 不符，请改正扩展名后上传`;
  if (o.size > o.maxBytes)
    return `图片过大：“${o.name}”${mb(o.size)} MB，不能超过 ${mb(o.maxBytes).replace(/\.0$/, '')} MB，请压缩后重新上传`;
  if (kind === 'svg') return svgProblem(o.text ?? '');
  return undefined;
}
