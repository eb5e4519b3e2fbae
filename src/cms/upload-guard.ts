import DOMPurify from 'dompurify';
import { attachmentExtension, attachmentProblem } from '../lib/attachment-check.ts';
import { DEFAULT_MAX_IMAGE_MB, imageProblem, sniffImage, svgProblem, type ImageKind } from '../lib/image-check.ts';
import { captionsProblem, videoProblem } from '../lib/video-check.ts';

/**
 * Uploads are checked before Decap writes them. Decap's media library writes a chosen file at once, and checks
 * nothing but an optional size; a 10 MB PNG or an `.exe` renamed `.png` went straight into public/media/. This
 * listener sees the file input's `change` before Decap does (window, capture phase) and:
 *
 * - refuses, with a message, a file that is not an image by its content, whose content is not what its extension
 *   says, or an image over the limit of the settings (`maxImageMB`);
 * - removes script, event handlers and embedded HTML from an SVG, and refuses one still linking to outside files;
 * - scales a large photo (JPG or WebP) down to `MAX_SIDE` pixels and compresses it, before the size check;
 * - gives a file whose name is not plain ASCII (a Chinese name would be dropped from the URL) a generated one;
 *
 * then hands the (possibly new) file on to Decap in a fresh `change` event. Image inputs (`accept` naming images, as
 * Decap's image widgets and the editor's image button set it) are checked as images; the input of Decap's file widget
 * (`accept="*\/*"`: notices' attachments, the paper's PDFs) as attachments: PDF, Word, Excel, WPS or ZIP by content,
 * so an `.exe` renamed `.pdf` is refused, and a Chinese file name is replaced as for images; an MP4 video and
 * WebVTT captions in those inputs are checked by their content (`src/lib/video-check.ts`) and passed on unchanged.
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
function asciiName(name: string, kind: string, prefix = 'image'): string {
  const ext = name.includes('.') ? name.split('.').pop()!.toLowerCase() : kind;
  const stem = name.replace(/\.[^.]*$/, '');
  if (/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(stem)) return `${stem.toLowerCase()}.${ext}`;
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${prefix}-${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}.${ext}`;
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

/**
 * An SVG with script, event handlers or embedded HTML, cleaned by DOMPurify's SVG profile (a drawing exported from an
 * office program often carries such leftovers). The build's check then decides: what is still not allowed (a link to
 * an outside file) is refused with its message.
 */
async function sanitisedSvg(file: File): Promise<File> {
  const text = await file.text();
  if (!svgProblem(text)) return file;
  const clean = DOMPurify.sanitize(text, { USE_PROFILES: { svg: true, svgFilters: true } });
  return new File([clean], file.name, { type: 'image/svg+xml' });
}

/** The file as it will be uploaded, or the reason it may not be. */
export async function prepareUpload(original: File, maxBytes: number): Promise<{ file: File } | { problem: string }> {
  const first = new Uint8Array(await original.slice(0, 16).arrayBuffer());
  const svg =
    sniffImage(
      first,
      /\.svg$/i.test(original.name) || sniffImage(first) === undefined
        ? await original.slice(0, 1024 * 1024).text()
        : undefined,
    ) === 'svg';
  const file = svg ? await sanitisedSvg(original) : original;
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

/** An attachment as it will be uploaded (with an ASCII name), or the reason it may not be. */
export async function prepareAttachment(file: File): Promise<{ file: File } | { problem: string }> {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const problem = attachmentProblem({ name: file.name, size: file.size, head });
  if (problem) return { problem };
  const name = asciiName(file.name, attachmentExtension(file.name)!, 'attachment');
  return { file: name === file.name ? file : new File([file], name, { type: file.type }) };
}

/** The limit of the settings, once the guard is installed; until then the default. */
let limit = DEFAULT_MAX_IMAGE_MB * 1024 * 1024;

/**
 * The same check for images that reach the media folder without the file input: pasted from the clipboard, found in
 * pasted HTML or extracted from a Word document (`media-upload.ts`).
 */
export const checkUpload = (file: File) => prepareUpload(file, limit);

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

/** A file chosen in Decap's file widget as it will be uploaded: a video or captions file checked and given an ASCII
 * name when it has none, any other file checked as an attachment. */
async function prepareOtherFile(file: File): Promise<{ file: File } | { problem: string }> {
  if (!/\.(?:mp4|vtt)$/i.test(file.name)) return prepareAttachment(file);
  const problem = await otherFileProblem(file);
  if (problem) return { problem };
  // Decap drops the Chinese characters of a name: 小组讨论视频.mp4 was saved as `.mp4`, and the next one over it.
  const video = /\.mp4$/i.test(file.name);
  const name = asciiName(file.name, video ? 'mp4' : 'vtt', video ? 'video' : 'captions');
  return { file: name === file.name ? file : new File([file], name, { type: file.type }) };
}

/** Install the check. Call before `CMS.init`. */
export function installUploadGuard(maxBytes: number): void {
  limit = maxBytes;
  window.addEventListener(
    'change',
    (event) => {
      const input = event.target;
      if (passed.has(event) || !(input instanceof HTMLInputElement) || input.type !== 'file' || !input.files?.length)
        return;
      const image = /image/.test(input.accept);
      if (!image && input.accept !== '*/*') return;
      event.stopImmediatePropagation();
      const files = [...input.files];
      void Promise.all(files.map((f) => (image ? prepareUpload(f, maxBytes) : prepareOtherFile(f)))).then((results) => {
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
