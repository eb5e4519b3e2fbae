import { Component, createElement as h, type ReactNode } from 'react';
import { collection } from '../content/model.ts';
import { DOCX_STYLE_MAP, docxToEntry } from '../lib/paste/docx.ts';
import { placeImages } from '../lib/paste/markdown.ts';
import { uploadImages, type ControlProps } from './media-upload.ts';

/**
 * 从 Word 导入: a button above an entry's body that takes a .docx, fills the title and the body (mammoth turns the
 * document into HTML, src/lib/paste/ into Markdown) and uploads the document's images into the media folder.
 *
 * A widget can change only its own value, so the title is typed into the title field's input the way a browser
 * would (the input's own value setter and an `input` event, which React reads); when that field cannot be found the
 * editor is told the title to copy.
 */

interface Props {
  control: ControlProps;
  onImported(markdown: string, notices: string[]): void;
}

/** The Chinese label of the collection's title field (标题, 案由), if it has one. */
function titleLabel(control: ControlProps): string | undefined {
  try {
    const c = collection(String(control.collection?.get('name')) as never);
    return c.fields.find((f) => f.name === 'title')?.label;
  } catch {
    return undefined;
  }
}

/** Type `title` into the input labelled `label`; false when there is no such input. */
function fillTitle(label: string, title: string): boolean {
  const lab = Array.from(document.querySelectorAll('label')).find((l) => l.textContent?.trim() === label);
  const input = lab?.htmlFor ? document.getElementById(lab.htmlFor) : null;
  if (!(input instanceof HTMLInputElement)) return false;
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, title);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
}

export class DocxImport extends Component<Props, { busy: boolean }> {
  override state = { busy: false };
  /**
   * The file chooser, opened from a detached input: no file input stays in the form, where the media library's
   * own upload input is the only one.
   */
  private choose = () => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    input.addEventListener('change', () => void (input.files?.[0] && this.onFile(input.files[0])));
    input.click();
  };

  private onFile = async (file: File) => {
    const { control, onImported } = this.props;
    if ((control.value ?? '').trim() && !window.confirm('正文已有内容，用导入的文档替换吗？')) return;
    this.setState({ busy: true });
    const notices: string[] = [];
    try {
      const mammoth = await import('mammoth');
      const blobs = new Map<string, Blob>();
      const result = await mammoth.convertToHtml(
        { arrayBuffer: await file.arrayBuffer() },
        {
          styleMap: DOCX_STYLE_MAP,
          // Images are kept aside under tokens and uploaded once the text is converted.
          convertImage: mammoth.images.imgElement(async (image) => {
            const token = `docx-image-${blobs.size}`;
            blobs.set(token, new Blob([await image.readAsArrayBuffer()], { type: image.contentType }));
            // mammoth adds the picture's alternative text from Word itself.
            return { src: token };
          }),
        },
      );
      const entry = docxToEntry(result.value, (s) => new DOMParser().parseFromString(s, 'text/html'));
      const { uploaded, notices: failed } = await uploadImages(
        control,
        entry.images.map((img) => ({ img, ...(blobs.has(img.src) ? { blob: blobs.get(img.src)! } : {}) })),
        'word',
      );
      notices.push(...failed);
      const label = titleLabel(control);
      if (entry.title && label && !fillTitle(label, entry.title))
        notices.push(`请把标题填入「${label}」：${entry.title}`);
      onImported(placeImages(entry.markdown, uploaded), notices);
    } catch (e) {
      onImported(control.value ?? '', [
        `“${file.name}”无法导入：${e instanceof Error ? e.message : String(e)}。请确认它是 Word 2007 及以后的 .docx 文件（.doc 请先在 Word 或 WPS 中另存为 .docx）。`,
      ]);
    } finally {
      this.setState({ busy: false });
    }
  };

  override render(): ReactNode {
    return h(
      'div',
      { style: { margin: '0 0 8px' } },
      h(
        'button',
        {
          type: 'button',
          onClick: this.choose,
          disabled: this.state.busy,
          style: {
            padding: '4px 12px',
            border: '1px solid #798291',
            borderRadius: 4,
            cursor: 'pointer',
            background: '#fff',
          },
        },
        this.state.busy ? '正在导入…' : '从 Word 导入',
      ),
      h(
        'span',
        { style: { marginLeft: 8, color: '#5f6b7a', fontSize: 13 } },
        '选择 .docx 文件，填入标题和正文，图片自动上传',
      ),
    );
  }
}
