import { ATTACHMENT_EXTENSIONS } from '../content/model.ts';

/**
 * What a notice's attachment is, by its content rather than its name, and why it may not be published. Plain
 * TypeScript over bytes, shared by the build (src/lib/media.ts, over files) and the CMS (src/cms/upload-guard.ts,
 * before a file is written), so a program renamed `.pdf` is refused in both.
 */

export type AttachmentExtension = (typeof ATTACHMENT_EXTENSIONS)[number];
/** Container formats told apart by their first bytes: PDF, OLE2 compound files (doc, xls, wps, et), ZIP (OOXML, zip). */
export type AttachmentContainer = 'pdf' | 'ole2' | 'zip';

/** The container each extension's files are: WPS's own formats are OLE2 files like Word's and Excel's older ones. */
const CONTAINER: Record<AttachmentExtension, AttachmentContainer> = {
  pdf: 'pdf',
  doc: 'ole2',
  xls: 'ole2',
  wps: 'ole2',
  et: 'ole2',
  docx: 'zip',
  xlsx: 'zip',
  zip: 'zip',
};

/** The type a reader sees beside the link (PDF · 312 KB). */
const TYPE_LABEL: Record<AttachmentExtension, string> = {
  pdf: 'PDF',
  doc: 'Word',
  docx: 'Word',
  xls: 'Excel',
  xlsx: 'Excel',
  wps: 'WPS 文字',
  et: 'WPS 表格',
  zip: 'ZIP 压缩包',
};

/** Largest attachment: a scanned document of some pages fits; a larger one belongs in several files. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The container of a file from its first bytes (8 are enough), or undefined when it is none an attachment may be. */
export function sniffAttachment(head: Uint8Array): AttachmentContainer | undefined {
  const ascii = String.fromCharCode(...head.subarray(0, 5));
  if (ascii === '%PDF-') return 'pdf';
  if (OLE2.every((b, i) => head[i] === b)) return 'ole2';
  // PK\x03\x04: a ZIP with files in it (OOXML documents are ZIPs); PK\x05\x06 is an empty one, of no use to a reader.
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  return undefined;
}

/** The lower-case extension of a file name or path, if it is one an attachment may have. */
export function attachmentExtension(name: string): AttachmentExtension | undefined {
  const ext = (name.split('/').pop()!.split('.').slice(1).pop() ?? '').toLowerCase();
  return (ATTACHMENT_EXTENSIONS as readonly string[]).includes(ext) ? (ext as AttachmentExtension) : undefined;
}

/** The type label of an attachment by its name (`.docx` → Word). */
export function attachmentType(name: string): string {
  const ext = attachmentExtension(name);
  return ext ? TYPE_LABEL[ext] : '文件';
}

/** A size as Chinese sites print it: 312 KB, 1.4 MB (1 KB = 1024 bytes; never 0 KB). */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/**
 * Why a file may not be published as an attachment, or undefined when it may: an extension not on the list, content
 * that is not what the extension says (an `.exe` renamed `.pdf`), or larger than the limit.
 */
export function attachmentProblem(o: {
  name: string;
  size: number;
  head: Uint8Array;
  maxBytes?: number;
}): string | undefined {
  const ext = attachmentExtension(o.name);
  const allowed = ATTACHMENT_EXTENSIONS.join('、');
  if (!ext) return `“${o.name}”的类型不能作为附件；附件只能是 ${allowed} 文件`;
  const found = sniffAttachment(o.head);
  if (o.head[0] === 0x4d && o.head[1] === 0x5a) return `“${o.name}”是可执行程序（扩展名被改过），不能上传`;
  if (found !== CONTAINER[ext])
    return `“${o.name}”的内容不是 ${TYPE_LABEL[ext]} 文件（与扩展名 .${ext} 不符），可能已损坏或被改过扩展名，不能上传`;
  const max = o.maxBytes ?? MAX_ATTACHMENT_BYTES;
  if (o.size > max) return `附件过大：“${o.name}”${mb(o.size)} MB，不能超过 ${mb(max).replace(/\.0$/, '')} MB`;
  return undefined;
}
