import { imageProblem, sniffImage, type ImageKind } from '../lib/image-check.ts';
import { captionsProblem, videoProblem } from '../lib/video-check.ts';

/**
 * Uploads are checked before Decap writes them. Decap's media library writes a chosen file at once, and checks
 * nothing but an optional size; a 10 MB PNG or an `.exe` renamed `.png` went straight into public/media/. This
 * listener sees the file input's `change` before Decap does (window, capture phase) and:
 *
 * - refuses, with a message, a file that is not an image by its content, whose content is not what its extension
 *   says, an SVG carrying script, or an image over the limit of the settings (`maxImageMB`);
 * - scales a large photo (JPG or WebP) down to `MAX_SIDE` pixels and compresses it, before the size check;
 * - gives a file whose name is not plain ASCII (a Chinese name would be dropped from the URL) a generated one;
 *
 * then hands the (possibly new) file on to Decap in a fresh `change` event. Only image inputs (`accept` naming images,
 * as Decap's image widgets and the editor's image button set it) are changed; in other file inputs an MP4 video and
 * WebVTT captions are checked by their content (`src/lib/video-check.ts`) and refused the same way.
 */

/** Longest side of a photo as stored; larger photos are scaled down before upload. Wider than any page shows. */
export const MAX_SIDE = 2400;
const QUALITY = 0.85;

const passed = new WeakSet<Event>();

const MIME: Record<ImageKind, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

/** A plain ASCII file name: the given one when it is, else one made from the moment of upload. */
function asciiName(name: string, kind: ImageKind): string {
  const ext = name.includes('.') ? name.split('.').pop()!.toLowerCase() : kind;
  const stem = name.replace(/\.[^.]*$/, '');
  if (/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(stem)) return `${stem.toLowerCase()}.${ext}`;
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `image-${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}.${ext}`;
}

/** A photo scaled to `MAX_SIDE` and compressed, or the file itself when it is small or not a photo. */
async function shrunk(file: File, kind: ImageKind, maxBytes: number): Promise<File> {
  if (kind !== 'jpg' && kind !== 'webp') return file;
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  if (scale === 1 && file.size <= maxBytes) return file;
  const canvas = new OffscreenCanvas(Math.round(bitmap.width * scale), Math.round(bitmap.height * scale));
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const blob = await canvas.convertToBlob({ type: MIME[kind], quality: QUALITY });
  return blob.size < file.size ? new File([blob], file.name, { type: MIME[kind] }) : file;
}

/** The file as it will be uploaded, or the reason it may not be. */
export async function prepareUpload(file: File, maxBytes: number): Promise<{ file: File } | { problem: string }> {
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const text =
    /\.svg$/i.test(file.name) || sniffImage(head) === undefined ? await file.slice(0, 1024 * 1024).text() : undefined;
  const kind = sniffImage(head, text);
  const name = kind ? asciiName(file.name, kind) : file.name;
  // The extension is checked as given; the size after shrinking.
  const early = imageProblem({ name: file.name, size: 0, head, ...(text !== undefined ? { text } : {}), maxBytes });
  if (early || !kind) return { problem: early ?? `“${file.name}”不是图片` };
  const ready = await shrunk(file, kind, maxBytes);
  const late = imageProblem({
    name: file.name,
    size: ready.size,
    head,
    ...(text !== undefined ? { text } : {}),
    maxBytes,
  });
  if (late) return { problem: late };
  return { file: name === file.name && ready === file ? file : new File([ready], name, { type: MIME[kind] }) };
}

/**
 * Why a file chosen in a file widget (not an image input) may not be uploaded: a `.mp4` that is not an MP4 by its
 * bytes or is too large, a `.vtt` that is not WebVTT. Other files (PDFs) pass to Decap as before.
 */
export async function otherFileProblem(file: File): Promise<string | undefined> {
  if (/\.mp4$/i.test(file.name))
    return videoProblem({
      name: file.name,
      size: file.size,
      head: new Uint8Array(await file.slice(0, 16).arrayBuffer()),
    });
  if (/\.vtt$/i.test(file.name))
    return captionsProblem({ name: file.name, text: await file.slice(0, 1024 * 1024).text() });
  return undefined;
}

/** Install the check. Call before `CMS.init`. */
export function installUploadGuard(maxBytes: number): void {
  window.addEventListener(
    'change',
    (event) => {
      const input = event.target;
      if (passed.has(event) || !(input instanceof HTMLInputElement) || input.type !== 'file' || !input.files?.length)
        return;
      if (!/image/.test(input.accept)) {
        // A video or captions file: checked, never changed, so Decap may take the event as it is once it passes.
        event.stopImmediatePropagation();
        const files = [...input.files];
        void Promise.all(files.map(otherFileProblem)).then((found) => {
          const problems = found.filter((p): p is string => !!p);
          if (problems.length) {
            input.value = '';
            window.alert(`未上传：${problems.join('\n')}`);
            return;
          }
          const again = new Event('change', { bubbles: true });
          passed.add(again);
          input.dispatchEvent(again);
        });
        return;
      }
      event.stopImmediatePropagation();
      const files = [...input.files];
      void Promise.all(files.map((f) => prepareUpload(f, maxBytes))).then((results) => {
        const problems = results.flatMap((r) => ('problem' in r ? [r.problem] : []));
        if (problems.length) {
          input.value = '';
          window.alert(`未上传：${problems.join('\n')}`);
          return;
        }
        const list = new DataTransfer();
        for (const r of results) if ('file' in r) list.items.add(r.file);
        input.files = list.files;
        const again = new Event('change', { bubbles: true });
        passed.add(again);
        input.dispatchEvent(again);
      });
    },
    true,
  );
}
