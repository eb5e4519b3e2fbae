import { dataImage, isReadableImage, type PastedImage } from '../lib/paste/markdown.ts';
import { checkUpload } from './upload-guard.ts';

/** Images from a paste or an imported document, uploaded into the media folder through Decap's own upload. */

/** The props of Decap's widget controls this wrapper uses (see decap-cms-core's Widget.js). */
export interface ControlProps {
  value?: string;
  onChange(value: string): void;
  onPersistMedia(file: File, options: { field: unknown }): Promise<unknown>;
  field: { get(key: string, fallback?: unknown): unknown };
  config?: unknown;
  collection?: { get(key: string): unknown };
  [key: string]: unknown;
}

/** A generated ASCII file name for an upload: `paste-20251207-k3x9q2.png`. */
export function mediaName(prefix: string, type: string): string {
  const ext =
    ({ 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp' } as Record<string, string>)[
      type
    ] ?? 'png';
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  return `${prefix}-${day}-${Math.random().toString(36).slice(2, 8)}.${ext}`;
}

/** Why an image in pasted HTML cannot be uploaded, in words an editor can act on. */
function unreadable(img: PastedImage, n: number, why?: string): string {
  const name = img.name ? `“${img.name}”` : '';
  const reason = /^file:/i.test(img.src)
    ? '它只存在于 Word 或 WPS 所在电脑的临时文件中，网页读不到。请用「从 Word 导入」导入整个文档，或把图片另存为文件后用工具栏的图片按钮上传'
    : why
      ? `下载失败（${why}）。请把图片另存为文件后用工具栏的图片按钮上传`
      : '它只存在于原来的网页或程序中，网页读不到。请把图片另存为文件后用工具栏的图片按钮上传';
  return `第 ${n} 张图片${name}没有粘贴进来：${reason}。`;
}

/** The image behind an address, or why it cannot be had. */
async function fetchImage(src: string): Promise<Blob | string> {
  if (/^data:/i.test(src)) return dataImage(src) ?? '图片数据无法识别';
  try {
    const r = await fetch(src, { credentials: 'omit' });
    if (!r.ok) return `服务器回答 ${r.status}`;
    const blob = await r.blob();
    // Photos only: an SVG from another site could carry script.
    return /^image\/(?:png|jpeg|gif|webp)$/.test(blob.type)
      ? blob
      : `不是 jpg、png、gif 或 webp 图片（${blob.type || '未知类型'}）`;
  } catch {
    return '对方网站不允许或网络不通';
  }
}

/** Upload images through the widget; returns the public address of each uploaded token and the messages for the rest. */
export async function uploadImages(props: ControlProps, images: { img: PastedImage; blob?: Blob }[], prefix = 'paste') {
  const uploaded = new Map<string, string>();
  const notices: string[] = [];
  // Decap hands widgets its configuration as a plain object (older versions: an Immutable map).
  const config = props.config as { get?: (k: string) => unknown; public_folder?: string } | undefined;
  const publicFolder = String(config?.get?.('public_folder') ?? config?.public_folder ?? '/media').replace(/\/$/, '');
  for (const [i, { img, blob: given }] of images.entries()) {
    let blob: Blob | string | undefined = given;
    if (!blob) blob = isReadableImage(img.src) ? await fetchImage(img.src) : undefined;
    if (!(blob instanceof Blob)) {
      notices.push(unreadable(img, i + 1, blob));
      continue;
    }
    // Through the upload guard, as a file chosen in the media library is: type by content, size, large photos scaled.
    const checked = await checkUpload(new File([blob], mediaName(prefix, blob.type), { type: blob.type }));
    if ('problem' in checked) {
      notices.push(`第 ${i + 1} 张图片${img.name ? `“${img.name}”` : ''}没有上传：${checked.problem}。`);
      continue;
    }
    await props.onPersistMedia(checked.file, { field: props.field });
    uploaded.set(img.token, `${publicFolder}/${checked.file.name}`);
  }
  return { uploaded, notices };
}
